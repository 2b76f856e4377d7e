"""`manage.py send_follow_up_reminders`: remind the confirmed delegates who have not sent an
open follow-up form, once each, a number of days before its deadline."""

from django.core.management.base import BaseCommand

from registrations import follow_ups


class Command(BaseCommand):
    help = (
        "Queue one reminder for each confirmed delegate who has not sent an open follow-up "
        "form, from the form's reminder days before its deadline. Run it daily, e.g. from "
        "cron: nobody is reminded twice."
    )

    def handle(self, *args, **options):
        count = follow_ups.send_reminders()
        self.stdout.write(f"Reminders queued: {count}")
