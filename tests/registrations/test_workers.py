"""Several workers send the e-mails together, over the same PostgreSQL database, to a real SMTP
server: none is sent twice, and a worker killed in the middle loses none."""

import collections
import datetime
import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from registrations import organizers_messages, status_emails
from registrations.models import Delivery, Registration, Status
from tests.factories import RegistrationFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("worker_queue"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="workers share the test database on PostgreSQL only (SQLite's is in memory)",
    ),
]


def worker(settings, *options):
    """A `manage.py db_worker` process of its own, over the test's database and mail server."""
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}"
            f"@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": settings.EMAIL_HOST,
        "EMAIL_PORT": str(settings.EMAIL_PORT),
        "EMAIL_TIMEOUT": str(settings.EMAIL_TIMEOUT),
        "SITE_URL": settings.SITE_URL,
    }
    return subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--no-reload",
            "--interval=0.1",
            "--verbosity=0",
            *options,
        ],
        cwd=ROOT,
        env=environment,
    )


def run_until_the_queue_is_empty(*workers):
    for process in workers:
        assert process.wait(timeout=120) == 0


def received(server):
    """How many times each e-mail arrived, by address and subject."""
    return collections.Counter((message["To"], message["Subject"]) for message in server.received)


def queue_status_emails_and_a_message(conference, status_emails_count, message_count, again):
    """Status e-mails and a message to delegates; `again`, each status e-mail queued twice and
    the message's sending three times, as an organizer sending them again while the first tasks
    still wait would."""
    for registration in RegistrationFactory.create_batch(
        status_emails_count, conference=conference
    ):
        delivery = status_emails.queue(registration, Status.SUBMITTED)
        if again:
            status_emails.send_status_email.enqueue(delivery.pk)
    delegates = RegistrationFactory.create_batch(
        message_count, conference=conference, status=Status.CONFIRMED
    )
    message = organizers_messages.write(
        conference,
        Registration.objects.filter(pk__in=[registration.pk for registration in delegates]),
        {"subject_en": "Practical information", "body_en": "The venue opens at 8:00."},
        written_by=None,
    )
    if again:
        organizers_messages.send_message.enqueue(message.pk)
        organizers_messages.send_message.enqueue(message.pk)
    return Delivery.objects.count()


def test_two_workers_send_each_of_a_hundred_emails_exactly_once(settings, smtp, conference):
    server = smtp(delay=0.01)
    expected = queue_status_emails_and_a_message(conference, 60, 40, again=True)
    assert expected == 100

    run_until_the_queue_is_empty(worker(settings, "--batch"), worker(settings, "--batch"))

    counts = received(server)
    assert len(counts) == 100
    assert set(counts.values()) == {1}
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}


def test_emails_a_killed_worker_was_sending_are_sent_by_another_worker(settings, smtp, conference):
    server = smtp(delay=0.3)
    queue_status_emails_and_a_message(conference, 10, 10, again=False)
    first = worker(settings)
    deadline = time.monotonic() + 60
    while len(server.received) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert 3 <= len(server.received) < 20

    # Its task stays running for ever: django-tasks-db cannot tell a dead worker from a slow
    # one. The operator's command (run from cron) queues it again.
    output = io.StringIO()
    call_command("requeue_interrupted_emails", "--minutes=0", stdout=output)
    assert output.getvalue().startswith("1 interrupted e-mail task(s) queued again, ")
    run_until_the_queue_is_empty(worker(settings, "--batch"))

    counts = received(server)
    assert len(counts) == 20  # every e-mail arrived
    # The one e-mail the server had taken when the worker was killed, before the worker could
    # record it as sent, may arrive twice: a mail server's acceptance and a database's commit
    # cannot be one step. No other one may.
    assert sum(count - 1 for count in counts.values()) <= 1
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}


def test_a_silent_mail_server_holds_up_no_other_email_and_none_is_sent_twice(
    settings, smtp, conference
):
    settings.EMAIL_TIMEOUT = 3
    server = smtp(silent_for=["stuck@example.org"])
    stuck = status_emails.queue(
        RegistrationFactory(conference=conference, delegate__email="stuck@example.org"),
        Status.SUBMITTED,
    )
    for registration in RegistrationFactory.create_batch(10, conference=conference):
        status_emails.queue(registration, Status.SUBMITTED)

    # One worker waits on the silent server for the stuck e-mail; the other sends the rest.
    run_until_the_queue_is_empty(worker(settings, "--batch"), worker(settings, "--batch"))
    assert len(received(server)) == 10
    stuck.refresh_from_db()
    assert (stuck.state, stuck.attempts) == (Delivery.State.PENDING, 1)

    # The server answers again; an organizer sends it again, before its own retry is due.
    server.silent_for.clear()
    status_emails.send_again(Delivery.objects.filter(pk=stuck.pk))
    run_until_the_queue_is_empty(worker(settings, "--batch"))
    counts = received(server)
    assert len(counts) == 11 and set(counts.values()) == {1}
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}


def test_a_task_started_less_than_the_minutes_given_ago_is_left_to_its_worker(conference):
    registration = RegistrationFactory(conference=conference)
    delivery = status_emails.queue(registration, status_emails.LINK)
    started = timezone.now() - datetime.timedelta(minutes=10)
    DBTaskResult.objects.update(status="RUNNING", started_at=started)

    call_command("requeue_interrupted_emails", "--minutes=15", stdout=io.StringIO())
    assert DBTaskResult.objects.get().status == "RUNNING"

    call_command("requeue_interrupted_emails", "--minutes=5", stdout=io.StringIO())
    assert DBTaskResult.objects.get().status == "READY"
    assert DBTaskResult.objects.get().args_kwargs["args"] == [delivery.pk]
