"""Questions only organizers answer (an internal field) and questions the desk asks at check-in:
never asked of the delegate, typed by organizers on the registration's page of answers, asked
at the desk right after checking the delegate in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from registrations.models import Answer, Question, QuestionChoice, QuestionType, Status
from registrations.models.questions import Asked
from tests.conftest import staff_member
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    today = timezone.localdate()
    return ConferenceFactory(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )


@pytest.fixture
def hotel(conference):
    return Question.objects.create(
        conference=conference,
        label_en="Hotel booked",
        label_fr="Hôtel réservé",
        type=QuestionType.TEXT,
        asked=Asked.ORGANIZERS,
    )


@pytest.fixture
def interpretation(conference):
    """Asked at check-in: which interpretation receiver was handed out."""
    question = Question.objects.create(
        conference=conference,
        label_en="Receiver handed out",
        type=QuestionType.CHOICE,
        asked=Asked.CHECK_IN,
        required=True,
    )
    for order, label in enumerate(["Arabic channel", "French channel"]):
        QuestionChoice.objects.create(question=question, label_en=label, order=order)
    return question


@pytest.fixture
def amina(conference):
    return RegistrationFactory(
        conference=conference, status=Status.CONFIRMED, given_name="Amina", family_name="Haddad"
    )


def test_neither_is_asked_of_the_delegate(client, conference, hotel, interpretation, amina):
    page = client.get(reverse("registration_change", args=[amina.token])).content.decode()
    assert "Hotel booked" not in page and "Receiver handed out" not in page
    page = client.get(reverse("registration_detail", args=[amina.token])).content.decode()
    assert "Hotel booked" not in page and "Receiver handed out" not in page


def test_an_organizer_types_the_answers_and_reads_them_on_the_registration(
    client, organizer, conference, hotel, interpretation, amina
):
    client.force_login(organizer)
    change = reverse("admin:registrations_registration_change", args=[amina.pk])
    answers = reverse("organizers:organizers_answers", args=[conference.slug, amina.reference])
    assert answers in client.get(change).content.decode()
    choice = interpretation.choices.get(label_en="French channel")
    response = client.post(
        answers, {f"question_{hotel.pk}": "Grand Hyatt", f"question_{interpretation.pk}": choice.pk}
    )
    assert response.status_code == 302 and response.url == change
    assert dict(amina.answers.values_list("question__label_en", "value")) == {
        "Hotel booked": "Grand Hyatt",
        "Receiver handed out": str(choice.pk),
    }
    page = client.get(change).content.decode()
    assert "Grand Hyatt" in page and "French channel" in page
    # The history says who typed each answer.
    assert "History of the answers" in page
    assert page.count("<td>organizer</td>") == 2


def test_a_required_answer_missing_keeps_what_was_typed(
    client, organizer, conference, hotel, interpretation, amina
):
    client.force_login(organizer)
    answers = reverse("organizers:organizers_answers", args=[conference.slug, amina.reference])
    response = client.post(answers, {f"question_{hotel.pk}": "Grand Hyatt"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Answer this question." in page and 'value="Grand Hyatt"' in page
    assert not Answer.objects.exists()


def test_a_choice_that_does_not_exist_stores_nothing(
    client, organizer, conference, interpretation, amina
):
    client.force_login(organizer)
    answers = reverse("organizers:organizers_answers", args=[conference.slug, amina.reference])
    response = client.post(answers, {f"question_{interpretation.pk}": "999999"})
    assert response.status_code == 200
    assert not Answer.objects.exists()


def test_another_conferences_registration_is_not_found(client, organizer, conference, hotel, amina):
    client.force_login(organizer)
    other = ConferenceFactory()
    url = reverse("organizers:organizers_answers", args=[other.slug, amina.reference])
    assert client.get(url).status_code == 404


def test_staff_without_the_right_to_change_registrations_are_refused(
    client, django_user_model, statement_editor, conference, hotel, amina
):
    visa_officer = staff_member(django_user_model, "visas", "Visa officers")
    answers = reverse("organizers:organizers_answers", args=[conference.slug, amina.reference])
    for user in (statement_editor, visa_officer):
        client.force_login(user)
        assert client.get(answers).status_code == 403
        assert client.post(answers, {f"question_{hotel.pk}": "Forged"}).status_code == 403
    assert not Answer.objects.exists()


def test_checking_in_leads_to_the_questions_asked_at_check_in(
    client, organizer, conference, hotel, interpretation, amina
):
    client.force_login(organizer)
    check_in = reverse("organizers:check_in", args=[conference.slug])
    asked = reverse("organizers:check_in_answers", args=[conference.slug, amina.reference])
    assert asked in client.get(check_in, {"q": "Amina"}).content.decode()
    response = client.post(check_in, {"registration": amina.pk})
    assert response.url == asked
    page = client.get(asked).content.decode()
    assert "Receiver handed out" in page
    assert "Hotel booked" not in page  # the organizers' own question is not the desk's
    choice = interpretation.choices.get(label_en="Arabic channel")
    response = client.post(asked, {f"question_{interpretation.pk}": choice.pk})
    assert response.url == check_in
    assert Answer.objects.get().value == str(choice.pk)


def test_without_questions_at_check_in_the_desk_goes_back_to_the_search(
    client, organizer, conference, hotel, amina
):
    client.force_login(organizer)
    check_in = reverse("organizers:check_in", args=[conference.slug])
    assert client.post(check_in, {"registration": amina.pk}).url == check_in


def test_a_check_in_question_may_depend_on_the_delegates_own_answer(
    client, organizer, conference, amina
):
    needs = Question.objects.create(
        conference=conference,
        label_en="Do you need a sign language interpreter?",
        type=QuestionType.YES_NO,
    )
    met = Question.objects.create(
        conference=conference,
        label_en="Interpreter met at the desk",
        type=QuestionType.YES_NO,
        asked=Asked.CHECK_IN,
        required=True,
        depends_on=needs,
        depends_on_values=["yes"],
    )
    client.force_login(organizer)
    asked = reverse("organizers:check_in_answers", args=[conference.slug, amina.reference])
    # The delegate said no: the desk's question does not apply, and is not required.
    Answer.objects.create(registration=amina, question=needs, value="no")
    assert client.post(asked, {}).status_code == 302
    assert not Answer.objects.filter(question=met).exists()
    # The delegate said yes: it is.
    Answer.objects.filter(question=needs).update(value="yes")
    assert client.post(asked, {}).status_code == 200
    assert client.post(asked, {f"question_{met.pk}": "yes"}).status_code == 302
    assert Answer.objects.get(question=met).value == "yes"
    assert Answer.objects.get(question=needs).value == "yes"  # the delegate's, left alone
