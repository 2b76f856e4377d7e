"""No e-mail is lost: status e-mails go through the worker's queue to a real SMTP server, are
tried again while it refuses them, and arrive exactly once, in the delegate's language."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from registrations import status_emails, workflow
from registrations.models import Delivery, Registration, Status
from tests.registrations.conftest import answers

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("worker_queue")]


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.shared_parts
def test_every_email_arrives_once_in_the_delegates_language_though_the_server_refused_it(
    client, settings, smtp, conference, jordan
):
    settings.EMAIL_RETRY_DELAYS = [0, 0, 0]
    server = smtp(refusals=3)
    client.post(f"/fr/conferences/{conference.slug}/register/", answers(jordan, language="fr"))
    registration = Registration.objects.get()
    workflow.change_status(registration, Status.CONFIRMED)
    assert server.received == []  # sent by the worker, not by the request

    run_worker()

    assert [message["To"] for message in server.received] == ["amina.haddad@example.org"] * 2
    received, confirmed = server.received
    assert "Nous avons bien reçu votre inscription" in received.get_content()
    assert "confirmée" in confirmed["Subject"]
    assert registration.token in received.get_content()
    deliveries = Delivery.objects.order_by("pk")
    assert [(d.kind, d.state) for d in deliveries] == [("submitted", "sent"), ("confirmed", "sent")]
    assert sum(d.attempts for d in deliveries) == 5  # two sent, three refused first
    assert all(d.language == "fr" for d in deliveries)

    run_worker()
    assert len(server.received) == 2


@pytest.mark.shared_parts
def test_an_email_the_server_could_not_take_is_sent_later(
    client, settings, smtp, conference, jordan
):
    settings.EMAIL_RETRY_DELAYS = [3600]
    client.post(f"/en/conferences/{conference.slug}/register/", answers(jordan))
    run_worker()  # no mail server listens yet
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts) == ("pending", 1)
    assert delivery.error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now() + datetime.timedelta(minutes=59)

    server = smtp()
    run_worker()  # before the hour is out, nothing is tried
    assert server.received == []
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # an hour later
    run_worker()

    assert len(server.received) == 1
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.error) == ("sent", 2, "")


@pytest.mark.shared_parts
def test_after_the_last_try_the_email_is_marked_failed_for_an_organizer_to_send_again(
    client, settings, smtp, conference, jordan, organizer
):
    settings.EMAIL_RETRY_DELAYS = [0]
    client.post(f"/en/conferences/{conference.slug}/register/", answers(jordan))
    run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts) == ("failed", 2)

    client.force_login(organizer)
    page = client.get(f"/admin/registrations/registration/{delivery.registration_id}/change/")
    assert "Registration received" in page.content.decode()
    assert "Failed" in page.content.decode()
    server = smtp()
    client.post(
        "/admin/registrations/delivery/",
        {"action": "send_again", "_selected_action": [delivery.pk], "index": 0},
    )
    run_worker()
    assert len(server.received) == 1
    delivery.refresh_from_db()
    assert delivery.state == "sent"


def test_an_email_queued_twice_is_sent_once(settings, smtp, conference):
    from tests.factories import RegistrationFactory

    server = smtp()
    registration = RegistrationFactory(conference=conference)
    delivery = status_emails.queue(registration, status_emails.LINK)
    status_emails.send_status_email.enqueue(delivery.pk)
    status_emails.send_status_email.enqueue(delivery.pk)
    run_worker()
    assert len(server.received) == 1


def test_a_rolled_back_change_sends_nothing(settings, smtp, conference, jordan):
    from django.db import transaction

    from tests.factories import RegistrationFactory

    server = smtp()
    registration = RegistrationFactory(conference=conference, status=Status.SUBMITTED)
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.change_status(registration, Status.CONFIRMED)
        raise RuntimeError
    run_worker()
    assert server.received == []
    assert not Delivery.objects.exists()
