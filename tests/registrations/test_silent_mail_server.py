"""A mail server that takes the connection and never answers holds no worker for ever: the send
gives up after EMAIL_TIMEOUT and counts as one failed attempt, logged once as a warning with the
e-mail's id and the reason, never its address or body; and a task that could not send ends
failed."""

import logging
import time

import pytest

from registrations import status_emails
from registrations.models import Delivery, Status
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)

STUCK = "stuck@example.org"


def test_a_silent_server_counts_as_one_failed_attempt_within_the_time_out(
    settings, smtp, conference, caplog, worker_queue
):
    settings.EMAIL_TIMEOUT = 1
    smtp(silent_for=[STUCK])
    registration = RegistrationFactory(conference=conference, delegate__email=STUCK)
    delivery = status_emails.queue(registration, Status.SUBMITTED)
    started = time.monotonic()
    # The task ends failed (it raises), once the attempt is recorded.
    with caplog.at_level(logging.WARNING), pytest.raises(status_emails.EmailNotSent):
        status_emails.send_status_email.call(delivery.pk)
    took = time.monotonic() - started
    assert 1 <= took < 10

    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (Delivery.State.PENDING, 1)
    assert "timed out" in delivery.error
    [warning] = warnings_about_emails(caplog)
    text = warning.getMessage()
    assert f"E-mail {delivery.pk} (submitted) not sent, attempt 1" in text
    assert "timed out" in text
    assert STUCK not in text and registration.reference not in text


def test_each_refused_email_is_logged_once_without_its_address(settings, smtp, conference, caplog):
    smtp(refusals=2)
    registrations = RegistrationFactory.create_batch(2, conference=conference)
    with caplog.at_level(logging.WARNING, logger="registrations.models.emails"):
        deliveries = [status_emails.queue(r, Status.SUBMITTED) for r in registrations]
    warnings = [record.getMessage() for record in warnings_about_emails(caplog)]
    assert len(warnings) == 2
    for delivery, warning, registration in zip(deliveries, warnings, registrations, strict=True):
        assert f"E-mail {delivery.pk} (submitted)" in warning
        assert "451" in warning and "Mailbox busy" in warning
        assert registration.delegate.email not in warning


def warnings_about_emails(caplog):
    return [record for record in caplog.records if record.name == "registrations.models.emails"]
