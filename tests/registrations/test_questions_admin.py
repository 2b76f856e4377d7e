"""Organizers manage a conference's own questions from its dashboard, and read the answers on
each registration's page; an answered question keeps its type and is archived, not deleted."""

import pytest
from django.urls import reverse
from django.utils import timezone

from registrations.models import Answer, Question, QuestionChoice, QuestionType
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(db):
    return ConferenceFactory()


def test_the_dashboard_leads_to_the_conferences_questions(client, organizer, conference):
    client.force_login(organizer)
    page = client.get(reverse("organizers:dashboard", args=[conference.slug])).content.decode()
    add = reverse("admin:registrations_question_add") + f"?conference={conference.pk}"
    assert add.replace("?", "?") in page
    assert "The conference&#x27;s own questions" in page


def test_an_organizer_adds_a_question_in_two_languages_with_its_choices(
    client, organizer, conference
):
    client.force_login(organizer)
    add = reverse("admin:registrations_question_add")
    assert client.get(add, {"conference": conference.pk}).status_code == 200
    response = client.post(
        add,
        {
            "conference": conference.pk,
            "label_en": "Which side events will you attend?",
            "label_fr": "À quelles manifestations parallèles assisterez-vous\u00a0?",
            "type": QuestionType.CHOICES,
            "asked": "delegate",
            "order": 1,
            "organization_kinds": ["state", "ngo"],
            "choices-TOTAL_FORMS": 2,
            "choices-INITIAL_FORMS": 0,
            "choices-0-label_en": "Field visit",
            "choices-0-order": 1,
            "choices-1-label_en": "Reception",
            "choices-1-order": 2,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    question = Question.objects.get()
    assert question.conference == conference
    assert question.organization_kinds == ["state", "ngo"]
    assert [str(choice) for choice in question.choices.all()] == ["Field visit", "Reception"]


def test_a_condition_names_a_question_of_the_same_conference(client, organizer, conference):
    needs = Question.objects.create(
        conference=conference, label_en="Sign language?", type=QuestionType.YES_NO
    )
    Question.objects.create(
        conference=ConferenceFactory(), label_en="Elsewhere", type=QuestionType.YES_NO
    )
    client.force_login(organizer)
    page = client.get(
        reverse("admin:registrations_question_add"), {"conference": conference.pk}
    ).content.decode()
    assert "Sign language?" in page
    assert "Elsewhere" not in page
    response = client.post(
        reverse("admin:registrations_question_add"),
        {
            "conference": conference.pk,
            "label_en": "Which one?",
            "type": QuestionType.TEXT,
            "asked": "delegate",
            "order": 2,
            "depends_on": needs.pk,
            "depends_on_values": ["yes"],
            "choices-TOTAL_FORMS": 0,
            "choices-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    assert Question.objects.get(label_en="Which one?").depends_on == needs


def test_an_answered_question_keeps_its_type_and_is_archived_not_deleted(
    client, organizer, conference
):
    question = Question.objects.create(
        conference=conference, label_en="Diet", type=QuestionType.TEXT
    )
    registration = RegistrationFactory(conference=conference)
    Answer.objects.create(registration=registration, question=question, value="Halal")
    client.force_login(organizer)
    change = reverse("admin:registrations_question_change", args=[question.pk])
    page = client.get(change).content.decode()
    assert 'name="type"' not in page
    assert "Delegates have answered this question as it is: its type stays" in page
    # A type posted all the same changes nothing, and the label may change.
    response = client.post(
        change,
        {
            "label_en": "Dietary needs",
            "type": QuestionType.NUMBER,
            "asked": "delegate",
            "order": 0,
            "choices-TOTAL_FORMS": 0,
            "choices-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.label_en, question.type) == ("Dietary needs", QuestionType.TEXT)
    assert Answer.objects.get(question=question).value == "Halal"
    delete = reverse("admin:registrations_question_delete", args=[question.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403

    client.post(
        reverse("admin:registrations_question_changelist"),
        {"action": "archive", "_selected_action": [question.pk]},
    )
    question.refresh_from_db()
    assert question.archived_at is not None
    assert Answer.objects.filter(question=question).exists()


def test_a_registrations_page_shows_its_answers_by_label(client, organizer, conference):
    question = Question.objects.create(
        conference=conference, label_en="Side events", type=QuestionType.CHOICES
    )
    visit = QuestionChoice.objects.create(question=question, label_en="Field visit")
    reception = QuestionChoice.objects.create(question=question, label_en="Reception")
    registration = RegistrationFactory(conference=conference)
    Answer.objects.create(
        registration=registration, question=question, value=[str(visit.pk), str(reception.pk)]
    )
    client.force_login(organizer)
    page = client.get(
        reverse("admin:registrations_registration_change", args=[registration.pk])
    ).content.decode()
    assert "Field visit, Reception" in page


def test_a_statement_editor_sees_no_question(client, statement_editor, conference):
    client.force_login(statement_editor)
    assert client.get(reverse("admin:registrations_question_changelist")).status_code == 403


def test_an_organizer_copies_last_years_questions_with_their_conditions(
    client, organizer, conference
):
    last_year = ConferenceFactory()
    needs = Question.objects.create(
        conference=last_year,
        label_en="Sign language?",
        label_fr="Langue des signes\u00a0?",
        type=QuestionType.CHOICE,
        order=1,
    )
    yes = QuestionChoice.objects.create(question=needs, label_en="Yes, please")
    QuestionChoice.objects.create(question=needs, label_en="No")
    Question.objects.create(
        conference=last_year,
        label_en="Which one?",
        type=QuestionType.TEXT,
        order=2,
        depends_on=needs,
        depends_on_values=[str(yes.pk)],
    )
    Question.objects.create(
        conference=last_year, label_en="Old", type=QuestionType.TEXT, archived_at=timezone.now()
    )
    Question.objects.create(conference=conference, label_en="Ours", type=QuestionType.TEXT, order=5)
    client.force_login(organizer)
    url = reverse("organizers:copy_questions", args=[conference.slug])
    offered = client.get(url).context["form"].fields["source"].queryset
    assert list(offered) == [last_year]

    response = client.post(url, {"source": last_year.slug}, follow=True)

    assert "2 questions copied." in response.content.decode()
    ours = {question.label_en: question for question in conference.questions.all()}
    assert set(ours) == {"Ours", "Sign language?", "Which one?"}
    assert ours["Sign language?"].label_fr == "Langue des signes\u00a0?"
    assert ours["Sign language?"].order == 6
    copied_yes = ours["Sign language?"].choices.get(label_en="Yes, please")
    assert ours["Which one?"].depends_on == ours["Sign language?"]
    assert ours["Which one?"].depends_on_values == [str(copied_yes.pk)]
    assert last_year.questions.count() == 3


def test_copying_refuses_a_conference_without_questions_and_a_statement_editor(
    client, organizer, statement_editor, conference
):
    url = reverse("organizers:copy_questions", args=[conference.slug])
    client.force_login(organizer)
    empty = ConferenceFactory()
    response = client.post(url, {"source": empty.slug})
    assert response.status_code == 200
    assert "No other conference asks questions of its own yet." in response.content.decode()
    assert not Question.objects.exists()
    client.force_login(statement_editor)
    assert client.get(url).status_code == 403


def test_an_organizer_moves_a_question_up_and_down(client, organizer, conference):
    asked = {
        label: Question.objects.create(
            conference=conference, label_en=label, type=QuestionType.TEXT, order=order * 10
        )
        for order, label in enumerate(["Diet", "Side events", "Transport"])
    }
    elsewhere = Question.objects.create(
        conference=ConferenceFactory(), label_en="Elsewhere", type=QuestionType.TEXT, order=15
    )
    client.force_login(organizer)
    changelist = reverse("admin:registrations_question_changelist")

    def order():
        return list(conference.questions.order_by("order", "pk").values_list("label_en", flat=True))

    client.post(changelist, {"action": "move_up", "_selected_action": [asked["Transport"].pk]})
    assert order() == ["Diet", "Transport", "Side events"]
    client.post(changelist, {"action": "move_down", "_selected_action": [asked["Diet"].pk]})
    assert order() == ["Transport", "Diet", "Side events"]
    # The first cannot go higher; another conference's questions are not renumbered.
    client.post(changelist, {"action": "move_up", "_selected_action": [asked["Transport"].pk]})
    assert order() == ["Transport", "Diet", "Side events"]
    elsewhere.refresh_from_db()
    assert elsewhere.order == 15
