"""Organizers write to a selection of delegates; each gets the message in their language."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.core.management import call_command

from registrations.models import Delivery, Message, Status
from tests.factories import RegistrationFactory

# Committed for real: the worker runs as in production, with its own transactions, on the
# tasks queued in the database.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("worker_queue")]

CHANGELIST = "/admin/registrations/registration/"
TEXTS = {
    "subject_en": "Shuttle to the venue",
    "body_en": "A shuttle leaves the hotel at 8:00.",
    "subject_fr": "Navette vers le lieu de la conférence",
    "body_fr": "Une navette part de l'hôtel à 8 h.",
    "subject_ar": "حافلة إلى مكان المؤتمر",
    "body_ar": "تغادر الحافلة الفندق الساعة 8:00.",
}


@pytest.fixture
def heads(conference):
    return {
        language: RegistrationFactory(
            conference=conference,
            status=Status.CONFIRMED,
            role="head",
            language=language,
        )
        for language in ("en", "fr", "ar", "es")
    }


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def write(client, registrations, texts, to="selected"):
    """Select the registrations in the list, choose to write to them, and send the texts."""
    chosen = client.post(
        CHANGELIST,
        {"action": "write_message", ACTION_CHECKBOX_NAME: [r.pk for r in registrations]},
    )
    if chosen.status_code != 302:
        return chosen
    return client.post(chosen["Location"], {"to": to, **texts}, follow=True)


def test_each_delegate_gets_the_message_in_their_language_and_the_cancelled_none(
    client, organizer, heads
):
    heads["es"].status = Status.CANCELLED
    heads["es"].save()
    client.force_login(organizer)

    response = write(client, heads.values(), TEXTS)
    assert "The message is being sent to 3 delegates." in response.content.decode()
    assert mail.outbox == []  # sending happens in the background

    run_worker()

    subjects = {email.to[0]: email.subject for email in mail.outbox}
    assert subjects == {
        heads["en"].delegate.email: "Shuttle to the venue",
        heads["fr"].delegate.email: "Navette vers le lieu de la conférence",
        heads["ar"].delegate.email: "حافلة إلى مكان المؤتمر",
    }
    french = next(email for email in mail.outbox if email.to == [heads["fr"].delegate.email])
    assert "Une navette part de l'hôtel à 8 h." in french.body
    assert heads["fr"].token in french.body
    message = Message.objects.get()
    assert message.written_by == organizer
    assert set(message.deliveries.values_list("state", flat=True)) == {"sent"}


def test_an_empty_language_falls_back_to_english(client, organizer, heads):
    client.force_login(organizer)
    write(client, [heads["es"]], TEXTS)
    run_worker()
    [email] = mail.outbox
    assert email.subject == "Shuttle to the venue"


def test_a_delegate_who_cancels_before_the_sending_is_not_written_to(client, organizer, heads):
    client.force_login(organizer)
    write(client, [heads["en"], heads["fr"]], TEXTS)
    heads["fr"].status = Status.CANCELLED
    heads["fr"].save()
    run_worker()
    assert [email.to for email in mail.outbox] == [[heads["en"].delegate.email]]
    assert Delivery.objects.get(registration=heads["fr"]).state == "skipped"


def test_failures_are_recorded_and_sent_again(client, organizer, heads, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.EMAIL_RETRY_DELAYS = []  # the first failure is final
    client.force_login(organizer)
    write(client, [heads["en"]], TEXTS)
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.state == "failed"
    assert delivery.error
    page = client.get(f"/admin/registrations/message/{delivery.message_id}/change/")
    assert "Failed" in page.content.decode()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(
        "/admin/registrations/message/",
        {"action": "send_failed_again", ACTION_CHECKBOX_NAME: [delivery.message_id], "index": 0},
    )
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "sent"
    assert delivery.attempts == 2
    assert len(mail.outbox) == 1


def test_the_english_text_is_required(client, organizer, heads):
    client.force_login(organizer)
    response = write(client, [heads["en"]], {"subject_fr": "Navette"})
    assert "This field is required." in response.content.decode()
    assert not Message.objects.exists()


def test_a_statement_editor_cannot_write_to_delegates(client, statement_editor, heads):
    client.force_login(statement_editor)
    assert client.get("/admin/registrations/message/").status_code == 403
