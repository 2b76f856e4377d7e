"""Messages from the organizers to many delegates, each in their own language.

Writing a message records one delivery per delegate, then queues the sending: a worker
(`manage.py db_worker`) sends them in the background, so that the organizer's page answers at
once whatever the number of delegates. Each delivery remembers whether it went and why not;
refused ones are tried again after each of EMAIL_RETRY_DELAYS, then marked failed, to send
again on request. Each delivery is sent under its row's lock, and only while pending, so that
two workers never send it twice. A delegate who cancelled is never written to.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from . import online_meetings, status_emails
from .models import ACTIVE_STATUSES, Delivery, Message, Registration, Status
from .status_emails import private_url

# Whom a message goes to: the registrations an organizer selected, or all those of the
# conference confirmed, or all those under way.
SELECTED, CONFIRMED, UNDER_WAY = "selected", "confirmed", "under_way"


def recipients(conference, who, selected=()):
    """The registrations of `conference` a message to `who` goes to (cancelled ones are left
    out by write())."""
    registrations = Registration.objects.filter(conference=conference)
    if who == SELECTED:
        return registrations.filter(pk__in=selected)
    if who == CONFIRMED:
        return registrations.filter(status=Status.CONFIRMED)
    return registrations.filter(status__in=ACTIVE_STATUSES)


@transaction.atomic
def write(conference, registrations, texts, written_by):
    """Record a message to `registrations` (`texts`: subject_en, body_en, subject_fr...)."""
    message = Message.objects.create(conference=conference, written_by=written_by, **texts)
    recipients = registrations.exclude(status=Status.CANCELLED).filter(anonymised_at=None)
    Delivery.objects.bulk_create(
        [Delivery(message=message, registration=registration) for registration in recipients]
    )
    transaction.on_commit(lambda: send_message.enqueue(message.pk))
    return message


@transaction.atomic
def email_online_meeting(meeting):
    """Queue the e-mail of a session's online `meeting` to each delegate who may join it; the
    worker sends each with the meeting as it is then. Returns how many were queued."""
    recipients = list(online_meetings.delegates_joining(meeting.session.conference))
    for registration in recipients:
        status_emails.queue(
            registration, status_emails.ONLINE_MEETING, sessions=[meeting.session_id]
        )
    return len(recipients)


def send_again(message):
    """Queue the deliveries that failed (and any still waiting) once more: one more try each."""
    message.deliveries.filter(state=Delivery.State.FAILED).update(state=Delivery.State.PENDING)
    send_message.enqueue(message.pk)


@task()
def send_message(message_id):
    message = Message.objects.get(pk=message_id)
    pending = list(
        message.deliveries.filter(state=Delivery.State.PENDING).values_list("pk", flat=True)
    )
    # One connection for all, opened by the first e-mail: a mail server that cannot be reached
    # fails each delivery (recorded, to try again), not the whole task.
    connection = get_connection()
    attempts_allowed = len(settings.EMAIL_RETRY_DELAYS) + 1
    to_retry, not_sent = [], 0
    try:
        for delivery_id in pending:
            # The same message may be sent by two workers at once (sent again while the first
            # task runs, or a task taken back from a worker that was stopped): each sends the
            # deliveries it claims, and skips those the other holds, or has sent meanwhile.
            delivery = Delivery.claim(
                delivery_id, "registration__delegate", "registration__conference"
            )
            if delivery is None or deliver(delivery, message, connection, attempts_allowed):
                continue
            not_sent += 1
            if delivery.state == Delivery.State.PENDING:
                to_retry.append(delivery.attempts)
    finally:
        connection.close()
    if to_retry:
        # The whole message again, as soon as the delivery tried least often is due.
        status_emails.retry_later(send_message, min(to_retry), message_id)
    if not_sent:
        raise status_emails.EmailNotSent(f"{not_sent} e-mail(s) of message {message_id} not sent.")


def deliver(delivery, message, connection, attempts_allowed):
    """Send the claimed `delivery` of `message`; whether it went, or needed not go."""
    registration = delivery.registration
    # Checked again now: the delegate may have cancelled since the message was written.
    if registration.status == Status.CANCELLED:
        delivery.state = Delivery.State.SKIPPED
        delivery.record()
        return True
    with translation.override(registration.language):
        # Each translated field falls back to English where the organizer left it empty.
        subject = " ".join(message.subject.split())
        body = render_to_string(
            "registrations/email/organizers_message.txt",
            {
                "message": message,
                "registration": registration,
                "private_url": private_url(registration),
            },
        )
    email = EmailMessage(subject, body, to=[delivery.address], connection=connection)
    return delivery.attempt(email, attempts_allowed)
