"""`load_demo` fills the database with the demonstration meetings, and only once."""

import datetime
import hashlib
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from demo import data
from demo.data import demonstration_pdf
from floor.models import FloorRequest
from registrations.models import (
    Asked,
    Attendance,
    Delegate,
    EmailKind,
    OnlineAttendance,
    OwnWords,
    Question,
    QuestionChoice,
    Registration,
    Role,
    Status,
    UnmatchedRow,
)
from sessions import files
from sessions.models import OnlineMeeting, Room, Session, SessionKind, Statement
from sponsorship.models import Offer, Ticket
from va_conference.models import Conference, Organization

MODELS = [
    Conference,
    Conference.organizers.through,
    Organization,
    Room,
    Session,
    Statement,
    Delegate,
    Registration,
    Registration.sessions.through,
    Question,
    QuestionChoice,
    Offer,
    Ticket,
    Attendance,
    get_user_model(),
    get_user_model().groups.through,
]

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def load_demo(*arguments):
    output = io.StringIO()
    call_command("load_demo", *arguments, stdout=output)
    return output.getvalue()


def row_counts():
    return {model._meta.label: model.objects.count() for model in MODELS}


def files_under(folder):
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo_media):
    load_demo("--force")
    counts, stored_files = row_counts(), files_under(demo_media)
    checksums = dict(Statement.objects.values_list("pk", "checksum"))

    load_demo("--force")

    assert row_counts() == counts
    assert files_under(demo_media) == stored_files
    assert dict(Statement.objects.values_list("pk", "checksum")) == checksums
    assert counts["va_conference.Conference"] == 3
    # The statements' files and the sponsored delegates' e-tickets.
    assert len(stored_files) == counts["programme.Statement"] + counts["sponsorship.Ticket"]
    assert counts["programme.Statement"] > 0


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_the_output_gives_the_counts_and_the_demo_logins(demo_media):
    output = load_demo("--force")

    assert "3 conferences" in output
    assert f"{Registration.objects.count()} registrations" in output
    assert "for the demo only" in output
    assert "admin" in output and "demo-admin-2019" in output


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_every_conference_is_published_and_translated_into_the_four_languages(settings, demo_media):
    load_demo("--force")

    for conference in Conference.objects.all():
        assert conference.is_published
        for language, _name in settings.LANGUAGES:
            assert getattr(conference, f"title_{language}")
            assert getattr(conference, f"description_{language}")
            assert getattr(conference, f"city_{language}")
        for session in conference.sessions.all():
            assert all(getattr(session, f"title_{language}") for language, _ in settings.LANGUAGES)
    assert ARABIC_LETTER.search(Conference.objects.get(slug="amman-2019").title_ar)


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_amman_has_the_concept_notes_four_guiding_questions_as_thematic_sessions(demo_media):
    load_demo("--force")
    amman = Conference.objects.get(slug="amman-2019")

    thematic = list(amman.sessions.filter(kind=SessionKind.THEMATIC))

    assert [session.agenda_item_en for session in thematic] == [
        "Guiding question 1",
        "Guiding question 2",
        "Guiding question 3",
        "Guiding question 4",
    ]
    assert "défis" in thematic[0].title_fr
    assert "cloisonnement" in thematic[1].title_fr
    assert "inexploitées" in thematic[2].title_fr
    assert "sans que personne ne soit oubliée" in thematic[3].title_fr
    assert (
        "Quelles sont les ressources et les opportunités inexploitées à mobiliser pour mettre à "
        "disposition plus de moyens ?" in thematic[2].description_fr
    )
    for session in thematic:
        assert ARABIC_LETTER.search(session.title_ar)
        assert ARABIC_LETTER.search(session.description_ar)
    assert amman.capacity == 150
    assert amman.start_date == datetime.date(2019, 9, 10)
    assert amman.time_zone == "Asia/Amman"


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_victim_assistance_at_3msp_is_on_wednesday_12_september_with_published_pdfs(demo_media):
    load_demo("--force")

    session = Session.objects.get(conference__slug="3msp-oslo-2012", slug="victim-assistance")
    statements = list(session.statements.all())

    assert session.date == datetime.date(2012, 9, 12)
    assert len(statements) >= 5
    assert set(Statement.objects.published().filter(session=session)) == set(statements)
    for statement in statements:
        with statement.file.open("rb") as stored:
            content = stored.read()
            assert files.detect_format(stored) == files.PDF
        assert b"Demonstration file - not the text delivered." in content
        assert statement.size == len(content)
        assert statement.checksum == hashlib.sha256(content).hexdigest()


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_the_fictional_workshop_is_open_for_registration_whenever_the_demo_is_loaded(
    client, demo_media
):
    load_demo("--force")
    workshop = Conference.objects.get(slug="va-workshop-demo")
    today = datetime.date.today()

    response = client.get("/en/conferences/va-workshop-demo/register/")

    assert workshop.registration_state() == "open"
    assert response.status_code == 200
    assert 'name="given_name"' in response.content.decode()
    assert workshop.start_date == today + datetime.timedelta(days=60)
    assert workshop.end_date == today + datetime.timedelta(days=61)
    assert workshop.capacity == 40
    # Delegates may take part in the room or online, and speak from afar.
    assert (workshop.offers_online, workshop.online_capacity) == (True, 100)
    assert "How will you take part?" in response.content.decode()
    assert FloorRequest.objects.get(speaker="Mr Sokha Chan").speaks_online
    assert "fictional" in workshop.description_en
    assert workshop.sessions.count() == 4
    assert not Statement.objects.filter(session__conference=workshop).exists()
    # Three delegates, two online, who see the three sessions held online, and were seen
    # online on the workshop's days, as its attendance report says.
    online = Registration.objects.filter(conference=workshop, mode="online", status="confirmed")
    assert online.count() == 2
    assert Registration.objects.filter(conference=workshop).count() == 3
    assert OnlineMeeting.objects.filter(session__conference=workshop).count() == 3
    rana = online.get(delegate__email="rana.alkhatib@example.org")
    page = client.get(f"/ar/registrations/{rana.token}/").content.decode()
    assert "https://meet.example.org/j/va-workshop-opening" in page
    assert "العربية (4)" in page
    assert sorted(
        OnlineAttendance.objects.filter(registration__conference=workshop).values_list(
            "day", flat=True
        )
    ) == [workshop.start_date, workshop.start_date, workshop.end_date]
    assert UnmatchedRow.objects.filter(report__conference=workshop).count() == 2


@pytest.mark.shared_parts
@pytest.mark.django_db
@pytest.mark.parametrize("days_later", [1, 30, 365, -1])
def test_loading_on_another_day_moves_the_workshop_with_its_programme(demo_media, days_later):
    first_load = datetime.date.today()
    data.load_demo(today=first_load)
    counts = row_counts()
    today = first_load + datetime.timedelta(days=days_later)

    data.load_demo(today=today)

    workshop = Conference.objects.get(slug="va-workshop-demo")
    first_day = today + datetime.timedelta(days=60)
    second_day = today + datetime.timedelta(days=61)
    assert row_counts() == counts
    assert (workshop.start_date, workshop.end_date) == (first_day, second_day)
    assert dict(workshop.sessions.values_list("slug", "date")) == {
        "opening": first_day,
        "victim-assistance-and-disability-inclusion": first_day,
        "survivor-networks": first_day,
        "closing": second_day,
    }
    noon = datetime.datetime.combine(today, datetime.time(12, 0), tzinfo=ZoneInfo("Europe/Zurich"))
    assert workshop.registration_state(now=noon) == "open"


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_a_changed_or_missing_file_is_replaced_without_leaving_the_old_one(
    demo_media, django_capture_on_commit_callbacks
):
    load_demo("--force")
    changed, missing = Statement.objects.all()[:2]
    Statement.objects.filter(pk=changed.pk).update(checksum="0" * 64)
    missing.file.storage.delete(missing.file.name)
    file_count = Statement.objects.count() + Ticket.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        load_demo("--force")

    for statement in (changed, missing):
        old_name = statement.file.name
        statement.refresh_from_db()
        assert statement.file.name != old_name
        with statement.file.open("rb") as stored:
            assert statement.checksum == hashlib.sha256(stored.read()).hexdigest()
    assert len(files_under(demo_media)) == file_count


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_a_translation_belongs_to_the_same_session_and_delegation(demo_media):
    load_demo("--force")

    translations = Statement.objects.filter(original__isnull=False).select_related("original")

    assert translations.exists()
    for translation in translations:
        assert translation.session_id == translation.original.session_id
        assert translation.organization_id == translation.original.organization_id
        assert translation.language != translation.original.language


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_registrations_use_every_status_and_every_role(demo_media):
    load_demo("--force")

    assert set(Registration.objects.values_list("status", flat=True)) == set(Status.values)
    assert set(Registration.objects.values_list("role", flat=True)) == set(Role.values)
    assert Registration.objects.exclude(sign_language="").exists()
    assert (
        Registration.objects.filter(sponsorship_requested=True)
        .exclude(sponsorship_justification="")
        .exists()
    )
    assert Registration.objects.filter(consents_to_public_listing=True).exists()


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_every_demo_row_passes_the_models_own_validation(demo_media):
    load_demo("--force")

    for model in (Conference, Organization, Room, Session, Statement, Delegate, Registration):
        for row in model.objects.all():
            row.full_clean()


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_the_demo_logins_work_and_belong_to_their_groups(demo_media, rf):
    load_demo("--force")
    load_demo("--force")

    # The sign-in's lock-out counts attempts per client address: it needs the request.
    request = rf.post("/admin/login/")
    admin = authenticate(request, username="admin", password="demo-admin-2019")
    organizer = authenticate(request, username="organizer", password="demo-organizer-2019")
    editor = authenticate(request, username="statements", password="demo-statements-2019")
    visas = authenticate(request, username="visas", password="demo-visas-2019")

    assert admin.is_superuser
    assert list(organizer.groups.values_list("name", flat=True)) == ["Organizers"]
    assert list(editor.groups.values_list("name", flat=True)) == ["Statement editors"]
    assert list(visas.groups.values_list("name", flat=True)) == ["Visa officers"]
    assert visas.has_perm("registrations.view_passport_details")
    assert organizer.is_staff and editor.is_staff


@pytest.mark.django_db
def test_it_refuses_to_run_with_debug_off_unless_forced(settings, demo_media):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        load_demo()

    assert not Conference.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()


def test_the_demonstration_pdf_is_the_same_on_every_run_and_its_offsets_are_right():
    # Accents and typographic quotes become ASCII; brackets are escaped.
    paragraphs = ["Delegation: Côte d\N{RIGHT SINGLE QUOTATION MARK}Ivoire (test)"]
    pdf = demonstration_pdf("Demonstration file", paragraphs)

    assert pdf == demonstration_pdf("Demonstration file", paragraphs)
    assert pdf.startswith(b"%PDF-1.4\n") and pdf.endswith(b"%%EOF\n")
    assert b"(Delegation: Cote d'Ivoire \\(test\\)) Tj" in pdf
    xref_offset = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref_offset:].startswith(b"xref\n0 6\n")
    entries = pdf[xref_offset:].split(b"\n")[3:8]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert pdf[offset:].startswith(b"%d 0 obj\n" % number)


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_the_workshop_asks_its_own_questions_one_on_a_condition(demo_media):
    load_demo("--force")
    workshop = Conference.objects.get(slug="va-workshop-demo")
    asked = {question.label_en: question for question in workshop.questions.all()}
    needs = asked["What should the vehicle allow for?"]
    assert needs.depends_on == asked["Do you need accessible transport from the hotel?"]
    assert needs.depends_on_values == ["yes"]
    assert asked[
        "Has your State named a national victim assistance focal point?"
    ].organization_kinds == ["state"]
    assert asked["Which side events will you attend?"].choices.count() == 2
    assert all(question.label_ar for question in asked.values())


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_amman_asks_its_questions_and_the_workshop_follows_up(demo_media):
    load_demo("--force")
    amman = Conference.objects.get(slug="amman-2019")
    asked = {question.label_en: question for question in amman.questions.all()}
    assert asked["Hotel booked by the secretariat"].asked == Asked.ORGANIZERS
    assert asked["Interpretation receiver handed out, for"].asked == Asked.CHECK_IN
    assert (
        asked["Which sign language?"].depends_on
        == asked["Do you need sign language interpretation?"]
    )
    workshop = Conference.objects.get(slug="va-workshop-demo")
    [travel] = workshop.follow_up_forms.all()
    assert travel.title_fr == "Voyage et arrivée" and travel.is_open
    assert [question.label_en for question in travel.questions.order_by("order")] == [
        "Arrival date",
        "Arrival flight and time",
        "Departure date",
    ]
    words = OwnWords.objects.get(conference=workshop, kind=EmailKind.CONFIRMED)
    assert "registration desk" in words.text_en and words.text_ar
    # Loaded again, nothing is doubled.
    load_demo("--force")
    assert workshop.follow_up_forms.count() == 1
    assert amman.questions.count() == len(asked)
