"""`manage.py send_focal_point_reminders`: remind the focal points whose delegation still lacks
something, once each, before their conference's deadline for delegations."""

from django.core.management.base import BaseCommand

from delegations import reminders


class Command(BaseCommand):
    help = (
        "Queue one reminder for each focal point whose delegation lacks its head, its "
        "credentials or members' details, from the conference's reminder days before its "
        "deadline for delegations. Run it daily, e.g. from cron: nobody is reminded twice."
    )

    def handle(self, *args, **options):
        count = reminders.send_reminders()
        self.stdout.write(f"Reminders queued: {count}")
