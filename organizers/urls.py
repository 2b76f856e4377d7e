"""The organizers' tools, under /admin/conferences/<slug>/: the root URLs put them in the admin."""

from django.urls import path

from .views import (
    answers,
    check_in,
    credentials_report,
    dashboard,
    delegation_documents,
    figures,
    interpreters,
    letters,
    messages,
    next_conference,
    online_attendance,
    own_words,
    participants_list,
    questions,
    releases,
    speakers,
    sponsorship,
    statements,
    widget,
)

app_name = "organizers"

urlpatterns = [
    path("", dashboard.choose, name="choose"),
    path("<slug:slug>/", dashboard.dashboard, name="dashboard"),
    path("<slug:slug>/check-in/", check_in.check_in, name="check_in"),
    path(
        "<slug:slug>/check-in/<token:reference>/",
        answers.check_in_answers,
        name="check_in_answers",
    ),
    path(
        "<slug:slug>/registrations/<token:reference>/answers/",
        answers.organizers_answers,
        name="organizers_answers",
    ),
    path(
        "<slug:slug>/credentials/", credentials_report.credentials_report, name="credentials_report"
    ),
    path("<slug:slug>/figures/", figures.figures, name="figures"),
    path(
        "<slug:slug>/online-attendance/",
        online_attendance.online_attendance,
        name="online_attendance",
    ),
    path(
        "<slug:slug>/online-attendance/rows/<int:pk>/",
        online_attendance.unmatched_row,
        name="online_attendance_row",
    ),
    path(
        "<slug:slug>/participants-list/",
        participants_list.participants_list,
        name="participants_list",
    ),
    path(
        "<slug:slug>/participants-list/list/",
        participants_list.set_list,
        name="set_participants_list",
    ),
    path(
        "<slug:slug>/participants-list/addenda/",
        participants_list.add_addendum,
        name="add_addendum",
    ),
    path(
        "<slug:slug>/participants-list/<int:pk>/publish/",
        participants_list.publish,
        name="publish_participants_list",
    ),
    path("<slug:slug>/speakers/", speakers.sessions, name="speakers_sessions"),
    path("<slug:slug>/speakers/<slug:session_slug>/", speakers.speakers_list, name="speakers_list"),
    path(
        "<slug:slug>/speakers/<slug:session_slug>/open/", speakers.open_list, name="open_speakers"
    ),
    path(
        "<slug:slug>/speakers/<slug:session_slug>/settings/",
        speakers.list_settings,
        name="speakers_settings",
    ),
    path(
        "<slug:slug>/speakers/<slug:session_slug>/order/",
        speakers.apply_order,
        name="speakers_order",
    ),
    path(
        "<slug:slug>/speakers/<slug:session_slug>/from-the-floor/",
        speakers.from_the_floor,
        name="speakers_from_the_floor",
    ),
    path(
        "<slug:slug>/speakers/<slug:session_slug>/<int:pk>/move/",
        speakers.move,
        name="speakers_move",
    ),
    path(
        "<slug:slug>/speakers/<slug:session_slug>/<int:pk>/turn/",
        speakers.turn,
        name="speakers_turn",
    ),
    path("<slug:slug>/interpreters/", interpreters.sessions, name="interpreters"),
    path(
        "<slug:slug>/interpreters/texts/<int:pk>/",
        interpreters.download,
        name="interpreters_download",
    ),
    path(
        "<slug:slug>/interpreters/<slug:session_slug>/<str:language>/",
        interpreters.texts,
        name="interpreters_texts",
    ),
    path("<slug:slug>/statements/", statements.upload_statements, name="upload_statements"),
    path("<slug:slug>/write/", messages.write_to_delegates, name="write_to_delegates"),
    path("<slug:slug>/questions/copy/", questions.copy_questions, name="copy_questions"),
    path("<slug:slug>/emails/", own_words.own_words_list, name="own_words"),
    path(
        "<slug:slug>/next/",
        next_conference.start_next,
        name="next_conference",
    ),
    path(
        "<slug:slug>/programme/widget/",
        widget.programme_widget,
        name="programme_widget",
    ),
    path(
        "<slug:slug>/programme/release/",
        releases.release,
        name="programme_release",
    ),
    path(
        "<slug:slug>/sponsorship/",
        sponsorship.candidates,
        name="sponsorship_candidates",
    ),
    path(
        "<slug:slug>/sponsorship/report/",
        sponsorship.report,
        name="sponsorship_report",
    ),
    path(
        "<slug:slug>/sponsorship/report/summary/",
        sponsorship.publish_summary,
        name="sponsorship_publish_summary",
    ),
    path(
        "<slug:slug>/sponsorship/<token:reference>/",
        sponsorship.weigh,
        name="sponsorship_weigh",
    ),
    path(
        "<slug:slug>/sponsorship/<token:reference>/offer/",
        sponsorship.offer,
        name="sponsorship_offer",
    ),
    path(
        "<slug:slug>/sponsorship/<token:reference>/ticket/",
        sponsorship.ticket,
        name="sponsorship_ticket",
    ),
    path(
        "<slug:slug>/sponsorship/<token:reference>/e-ticket/",
        sponsorship.e_ticket,
        name="sponsorship_e_ticket",
    ),
    path(
        "<slug:slug>/sponsorship/<token:reference>/offers/<int:pk>/withdraw/",
        sponsorship.withdraw,
        name="sponsorship_withdraw",
    ),
    path(
        "<slug:slug>/sponsorship/<token:reference>/absence/",
        sponsorship.absence,
        name="sponsorship_absence",
    ),
    path("<slug:slug>/emails/<str:kind>/", own_words.own_words_edit, name="own_words_edit"),
    path(
        "<slug:slug>/visa-requests/<int:pk>/issue/",
        letters.issue_visa_letter,
        name="issue_visa_letter",
    ),
    path("<slug:slug>/letters/<int:pk>/pdf/", letters.letter_pdf, name="letter_pdf"),
    path("<slug:slug>/letterhead/sample/", letters.letterhead_sample, name="letterhead_sample"),
    path(
        "<slug:slug>/delegations/documents/<int:pk>/",
        delegation_documents.download,
        name="delegation_document",
    ),
]
