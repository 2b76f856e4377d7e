"""`manage.py requeue_interrupted_emails`: take back the e-mail tasks of a worker that stopped
in the middle of them."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from registrations import organizers_messages, status_emails
from registrations.models import Delivery

# Only tasks that may run twice: they send each delivery they claim while it is pending, so a
# task taken back from a worker that is in fact still running sends nothing twice.
EMAIL_TASKS = [status_emails.send_status_email, organizers_messages.send_message]


class Command(BaseCommand):
    help = (
        "Queue again the e-mail tasks a worker started more than --minutes ago and never "
        "finished: a worker killed, or whose machine stopped, leaves them running for ever, "
        "and the e-mails they had still to send would wait for ever too. Safe to run every few "
        "minutes, e.g. from cron: an e-mail sent already is never sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=15,
            help="How long a task may run before it is taken as interrupted (default: 15).",
        )

    def handle(self, *args, minutes, **options):
        started_before = timezone.now() - datetime.timedelta(minutes=minutes)
        # An e-mail a stopped worker had claimed and not recorded: pending again, for the task
        # taken back below (or a later one) to send. The mail server may have taken it.
        claimed = Delivery.objects.filter(
            state=Delivery.State.SENDING, claimed_at__lt=started_before
        ).update(state=Delivery.State.PENDING, claimed_at=None)
        # django-tasks-db has no way of its own to take a task back from a dead worker: the
        # task's row is put back as ready, for any worker to claim.
        count = (
            DBTaskResult.objects.running()
            .filter(
                task_path__in=[task.module_path for task in EMAIL_TASKS],
                started_at__lt=started_before,
            )
            .update(status=TaskResultStatus.READY, started_at=None)
        )
        self.stdout.write(
            f"{count} interrupted e-mail task(s) queued again, "
            f"{claimed} e-mail(s) being sent given back."
        )
