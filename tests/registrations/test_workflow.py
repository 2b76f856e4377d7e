"""Capacity, the waiting list and the e-mail each change of status sends."""

import pytest
from django.core import mail

from registrations import workflow
from registrations.models import Registration, Status
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_conference(conference):
    """Two places, both taken, and two delegates waiting: Rania first, then Omar."""
    conference.capacity = 2
    conference.save()
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    RegistrationFactory(conference=conference, status=Status.SUBMITTED)
    RegistrationFactory(
        conference=conference,
        status=Status.WAITLISTED,
        given_name="Rania",
        language="ar",
    )
    RegistrationFactory(
        conference=conference,
        status=Status.WAITLISTED,
        given_name="Omar",
    )
    return conference


def registration_of(name):
    return Registration.objects.get(given_name=name)


def test_a_delegate_who_cancels_frees_a_place_for_the_first_wait_listed(
    full_conference, django_capture_on_commit_callbacks
):
    confirmed = full_conference.registrations.get(status=Status.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.cancel(confirmed)

    assert registration_of("Rania").status == Status.SUBMITTED
    assert registration_of("Omar").status == Status.WAITLISTED
    cancelled, promoted = mail.outbox
    assert cancelled.to == [confirmed.delegate.email]
    assert "cancelled" in cancelled.subject
    assert promoted.to == [registration_of("Rania").delegate.email]
    # Rania reads Arabic: she is told in Arabic.
    assert "مكان" in promoted.subject


def test_declining_a_wait_listed_delegate_promotes_nobody(full_conference):
    workflow.change_status(registration_of("Rania"), Status.DECLINED)
    assert registration_of("Omar").status == Status.WAITLISTED


def test_an_organizer_cannot_confirm_beyond_capacity(full_conference):
    with pytest.raises(workflow.NoPlaceLeft):
        workflow.change_status(registration_of("Omar"), Status.CONFIRMED)
    assert registration_of("Omar").status == Status.WAITLISTED


def test_raising_the_capacity_lets_an_organizer_confirm(full_conference):
    full_conference.capacity = 3
    full_conference.save()
    assert workflow.change_status(registration_of("Omar"), Status.CONFIRMED)
    assert registration_of("Omar").status == Status.CONFIRMED


def test_without_capacity_each_freed_place_promotes_one(conference):
    taken = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    RegistrationFactory(conference=conference, status=Status.WAITLISTED, given_name="Rania")
    RegistrationFactory(conference=conference, status=Status.WAITLISTED, given_name="Omar")
    workflow.change_status(taken, Status.DECLINED)
    assert registration_of("Rania").status == Status.SUBMITTED
    assert registration_of("Omar").status == Status.WAITLISTED


@pytest.mark.parametrize(
    "status, words",
    [
        (Status.CONFIRMED, "is confirmed"),
        (Status.WAITLISTED, "waiting list"),
        (Status.DECLINED, "was declined"),
    ],
)
def test_each_status_has_its_own_message(
    conference, status, words, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(conference=conference)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(registration, status)
    [email] = mail.outbox
    assert words in email.subject
    assert registration.reference in email.body
    assert registration.token in email.body


def test_nothing_is_sent_when_the_status_does_not_change(
    conference, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        assert not workflow.change_status(registration, Status.CONFIRMED)
    assert mail.outbox == []


def test_a_failing_mail_server_loses_no_registration_and_no_email(
    conference, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.EMAIL_RETRY_DELAYS = []  # no retry to put off: this test's queue runs at once
    registration = RegistrationFactory(conference=conference, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(registration, Status.CONFIRMED)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    [delivery] = registration.deliveries.all()
    assert (delivery.kind, delivery.state, delivery.attempts) == ("confirmed", "failed", 1)
    assert delivery.error
