"""`manage.py anonymise_personal_data`: forget delegates of conferences long over."""

from django.core.management.base import BaseCommand

from registrations import personal_data
from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "Anonymise the registrations of conferences that ended more than "
        "PERSONAL_DATA_RETENTION_MONTHS months ago, as the privacy notice promises. "
        "Names, contact details, free-text answers, private links and their history are "
        "removed; what the conference's figures count is kept. Safe to run every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be anonymised; change nothing."
        )

    def handle(self, *args, dry_run, **options):
        conferences = personal_data.conferences_past_retention()
        if not conferences:
            self.stdout.write("No conference holds personal data past its retention.")
            return
        for conference in conferences:
            registrations = Registration.objects.filter(
                conference=conference, anonymised_at__isnull=True
            )
            if dry_run:
                count = registrations.count()
                self.stdout.write(f"{conference.short_name}: {count} would be anonymised")
            else:
                count = personal_data.anonymise(registrations)
                self.stdout.write(f"{conference.short_name}: {count} anonymised")
