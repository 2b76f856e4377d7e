"""`manage.py lapse_sponsorship_offers`: the offers of sponsorship not accepted by their
deadline lapse, and the money they held is free for the next candidates."""

from django.core.management.base import BaseCommand

from sponsorship import offers


class Command(BaseCommand):
    help = (
        "Mark as lapsed every offer of sponsorship still waiting for an answer after its "
        "deadline. Run it daily, e.g. from cron: running it twice changes nothing more."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Offers lapsed: {offers.lapse()}")
