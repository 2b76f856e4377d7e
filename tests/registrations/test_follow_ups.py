"""Follow-up forms: an organizer opens a form of questions for confirmed delegates with a
deadline; each delegate answers it from the private page; those who have not are counted on the
dashboard and reminded once, in their language, through the worker."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from registrations import follow_ups, status_emails
from registrations.models import (
    Answer,
    Delivery,
    EmailKind,
    FollowUpForm,
    FollowUpReply,
    Question,
    QuestionType,
    Status,
)
from registrations.models.questions import Asked
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("worker_queue")]

DEADLINE = datetime.date(2030, 9, 1)


@pytest.fixture
def travel(conference):
    form = FollowUpForm.objects.create(
        conference=conference,
        title_en="Travel and arrival",
        title_fr="Voyage et arrivée",
        deadline=DEADLINE,
        reminder_days=5,
        is_open=True,
    )
    arrival = Question.objects.create(
        conference=conference,
        follow_up=form,
        label_en="Arrival date",
        label_fr="Date d'arrivée",
        type=QuestionType.DATE,
        required=True,
        order=1,
    )
    flight = Question.objects.create(
        conference=conference,
        follow_up=form,
        label_en="Flight number",
        label_fr="Numéro de vol",
        type=QuestionType.TEXT,
        order=2,
    )
    form.asked = {"arrival": arrival, "flight": flight}
    return form


@pytest.fixture
def amina(conference, jordan):
    return RegistrationFactory(
        conference=conference, organization=jordan, status=Status.CONFIRMED, language="fr"
    )


def form_url(registration, form, language="en"):
    return f"/{language}" + reverse("follow_up_form", args=[registration.token, form.pk])[3:]


def test_follow_up_questions_are_not_asked_when_registering(client, conference, travel):
    page = client.get(f"/en/conferences/{conference.slug}/register/").content.decode()
    assert "Arrival date" not in page and "Flight number" not in page


@pytest.mark.shared_parts
def test_a_confirmed_delegate_answers_from_the_private_page(client, conference, travel, amina):
    detail = client.get(f"/fr/registrations/{amina.token}/").content.decode()
    assert "Voyage et arrivée" in detail
    assert form_url(amina, travel, "fr") in detail
    page = client.get(form_url(amina, travel, "fr")).content.decode()
    assert "Date d&#x27;arrivée" in page and "Numéro de vol" in page
    response = client.post(
        form_url(amina, travel, "fr"),
        {
            f"question_{travel.asked['arrival'].pk}": "2030-09-14",
            f"question_{travel.asked['flight'].pk}": "RJ 112",
        },
    )
    assert response.status_code == 302
    assert dict(amina.answers.values_list("question__label_en", "value")) == {
        "Arrival date": "2030-09-14",
        "Flight number": "RJ 112",
    }
    assert FollowUpReply.objects.filter(registration=amina, form=travel).count() == 1
    # Sent again, it changes the answers and records one reply still.
    client.post(
        form_url(amina, travel),
        {f"question_{travel.asked['arrival'].pk}": "2030-09-15"},
    )
    assert FollowUpReply.objects.count() == 1
    assert not Answer.objects.filter(question=travel.asked["flight"]).exists()


@pytest.mark.shared_parts
def test_a_missing_required_answer_keeps_the_form(client, conference, travel, amina):
    response = client.post(
        form_url(amina, travel), {f"question_{travel.asked['flight'].pk}": "RJ 112"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Arrival date: Answer this question." in page
    assert 'value="RJ 112"' in page
    assert not Answer.objects.exists() and not FollowUpReply.objects.exists()


@pytest.mark.shared_parts
def test_an_answer_to_another_question_is_not_stored(client, conference, travel, amina):
    elsewhere = Question.objects.create(
        conference=conference, label_en="Dietary needs", type=QuestionType.TEXT
    )
    client.post(
        form_url(amina, travel),
        {
            f"question_{travel.asked['arrival'].pk}": "2030-09-14",
            f"question_{elsewhere.pk}": "Forged",
        },
    )
    assert not Answer.objects.filter(question=elsewhere).exists()


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.WAITLISTED, Status.CANCELLED])
def test_only_confirmed_delegates_are_asked(client, conference, jordan, travel, status):
    other = RegistrationFactory(conference=conference, organization=jordan, status=status)
    assert (
        "Travel and arrival" not in client.get(f"/en/registrations/{other.token}/").content.decode()
    )
    assert client.get(form_url(other, travel)).status_code == 404


def test_a_form_not_open_or_of_another_conference_is_not_found(client, conference, travel, amina):
    travel.is_open = False
    travel.save()
    assert client.get(form_url(amina, travel)).status_code == 404
    assert (
        "Travel and arrival" not in client.get(f"/en/registrations/{amina.token}/").content.decode()
    )
    elsewhere = FollowUpForm.objects.create(
        conference=ConferenceFactory(), title_en="Elsewhere", deadline=DEADLINE, is_open=True
    )
    assert client.get(form_url(amina, elsewhere)).status_code == 404


def test_a_follow_up_question_asks_the_delegate_of_its_own_conference(conference, travel):
    question = Question(
        conference=conference,
        follow_up=travel,
        label_en="Seat",
        type=QuestionType.TEXT,
        asked=Asked.ORGANIZERS,
    )
    with pytest.raises(ValidationError, match="To the delegate"):
        question.full_clean()
    question.asked, question.conference = Asked.DELEGATE, ConferenceFactory()
    with pytest.raises(ValidationError, match="same conference"):
        question.full_clean()


def test_the_dashboard_counts_those_who_have_not_answered(
    client, organizer, conference, jordan, travel, amina
):
    answered = RegistrationFactory(
        conference=conference, organization=jordan, status=Status.CONFIRMED
    )
    FollowUpReply.objects.create(registration=answered, form=travel)
    RegistrationFactory(conference=conference, organization=jordan, status=Status.SUBMITTED)
    client.force_login(organizer)
    page = client.get(reverse("organizers:dashboard", args=[conference.slug])).content.decode()
    assert "Not answered yet: “Travel and arrival”" in page
    listed = (
        reverse("admin:registrations_registration_changelist")
        + f"?conference__id__exact={conference.pk}&amp;not_answered={travel.pk}"
    )
    assert listed in page
    response = client.get(listed.replace("&amp;", "&"))
    assert list(response.context["cl"].result_list) == [amina]
    assert client.get(listed.replace("&amp;", "&").replace(str(travel.pk), "x1")).status_code == 200


def test_reminders_go_once_to_those_who_have_not_answered(conference, jordan, travel, amina):
    answered = RegistrationFactory(
        conference=conference, organization=jordan, status=Status.CONFIRMED
    )
    FollowUpReply.objects.create(registration=answered, form=travel)
    RegistrationFactory(conference=conference, organization=jordan, status=Status.SUBMITTED)
    too_early = DEADLINE - datetime.timedelta(days=6)
    assert follow_ups.send_reminders(too_early) == 0
    first_day = DEADLINE - datetime.timedelta(days=5)
    assert follow_ups.send_reminders(first_day) == 1
    assert follow_ups.send_reminders(first_day) == 0
    assert follow_ups.send_reminders(DEADLINE) == 0
    [reminder] = Delivery.objects.all()
    assert (reminder.registration, reminder.kind, reminder.follow_up) == (
        amina,
        EmailKind.FOLLOW_UP_REMINDER,
        travel,
    )
    assert follow_ups.send_reminders(DEADLINE + datetime.timedelta(days=1)) == 0


def test_the_reminder_is_in_the_delegates_language_with_the_private_link(conference, travel, amina):
    email = status_emails.message(amina, EmailKind.FOLLOW_UP_REMINDER, follow_up=travel)
    assert "Voyage et arrivée" in email.subject
    assert "1 septembre 2030" in email.subject
    assert "Voyage et arrivée" in email.body
    assert amina.token in email.body


def test_the_command_queues_the_reminders_of_the_day(conference, travel, amina):
    travel.deadline = timezone.localdate()
    travel.save()
    outputs = [io.StringIO(), io.StringIO()]
    for output in outputs:
        call_command("send_follow_up_reminders", stdout=output)
    assert [output.getvalue() for output in outputs] == [
        "Reminders queued: 1\n",
        "Reminders queued: 0\n",
    ]


def test_an_organizer_opens_a_form_and_adds_its_questions(client, organizer, conference):
    client.force_login(organizer)
    add = reverse("admin:registrations_followupform_add")
    assert client.get(add, {"conference": conference.pk}).status_code == 200
    response = client.post(
        add,
        {
            "conference": conference.pk,
            "title_en": "Travel and arrival",
            "title_fr": "Voyage et arrivée",
            "deadline": "2030-09-01",
            "reminder_days": 5,
            "is_open": "on",
        },
    )
    assert response.status_code == 302
    form = FollowUpForm.objects.get()
    change = reverse("admin:registrations_followupform_change", args=[form.pk])
    page = client.get(change).content.decode()
    add_question = (
        reverse("admin:registrations_question_add")
        + f"?conference={conference.pk}&amp;follow_up={form.pk}"
    )
    assert add_question in page
    page = client.get(add_question.replace("&amp;", "&")).content.decode()
    assert f'<option value="{form.pk}" selected>Travel and arrival</option>' in page
    listing = client.get(reverse("admin:registrations_followupform_changelist")).content.decode()
    assert "Travel and arrival" in listing
