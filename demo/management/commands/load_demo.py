"""`manage.py load_demo`: fill the database with the demonstration data of demo/data/."""

import argparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter

from demo.data_files import DataFileError, read_users
from demo.loader import load_demo


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's order of options, with the paragraphs of the help text kept as written."""


class Command(BaseCommand):
    help = """\
Load the demonstration data: two past meetings on assistance to victims of landmines,
cluster munitions and other explosive remnants of war, and a fictional workshop whose
registration is open, all in English, French, Spanish and Arabic.

  3MSP        Third Meeting of States Parties to the Convention on Cluster Munitions,
              Oslo, 11-14 September 2012, with its programme of work (victim assistance
              on Wednesday 12 September) and statements from the victim-assistance session.
  Amman 2019  Global Conference on Victim Assistance and the Rights of Persons with
              Disabilities, "Promoting Partnerships", Amman, 10-12 September 2019, whose four
              thematic sessions are the four guiding questions of its concept note.
  VA Workshop
              Regional Workshop on Victim Assistance (demonstration), Geneva: a fictional
              meeting for trying the public registration form. Its dates count from the day
              of loading: registration opened 30 days ago and closes in 30 days, and the
              two-day workshop starts in 60 days. It has 40 places, so the waiting list can
              be tried too. Loading again on a later day moves it, with its programme.

Also loaded: States and organizations; fictional delegates (e-mails on example.org) with
registrations in every status; delegations of the two past meetings, with credentials
(none, a copy, the original) and focal points writing in several languages, and the symbol
and date of Oslo's List of Participants; published statements as small PDF files that say they are
demonstration files, not the texts delivered; and three staff logins with known passwords:
admin (superuser), organizer (Organizers) and statements (Statement editors). Because of those
passwords the command refuses to run when DEBUG is off, unless --force is given.

Running it again updates the same rows and files: it never adds duplicates. The data is in
the TOML files of demo/data/, one per conference and one each for the organizations, the
delegates and the staff logins; a file with a key or a value the loader does not know stops it
before anything is stored, with a message that names the file and what is wrong there.

Sources. The meetings' dates, places and themes come from their public record: the 3MSP
programme of work and draft Oslo Progress Report as announced in September 2012, and the
conference's French concept note. Each State's status in the Mine Ban Treaty, the Convention on
Cluster Munitions and the Convention on the Rights of Persons with Disabilities is taken from
the depositary's records in the United Nations Treaty Collection (treaties.un.org, chapters
XXVI-5, XXVI-6 and IV-15) and from the lists of States Parties kept by the Implementation
Support Units of the Anti-Personnel Mine Ban Convention (apminebanconvention.org) and of the
Convention on Cluster Munitions (clusterconvention.org). Only statuses known for certain are
given, as they stand today; they change, so check those sources before relying on them.
"Victim-assistance obligations" marks States that have reported responsibility for a
significant number of mine or cluster munition victims. The workshop, the people, their
registrations and the statement texts are fictional.
"""

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the data even when DEBUG is off (creates logins with known passwords).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this may be a real site, and load_demo creates a superuser "
                "with a known password. Use --force if you really want the demo data here."
            )
        try:
            counts = load_demo()
        except DataFileError as error:
            raise CommandError(str(error)) from error

        self.stdout.write(self.style.SUCCESS("Demonstration data loaded:"))
        for name, count in counts.items():
            self.stdout.write(f"  {count:>3} {name}")
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                "Staff logins, for the demo only (their passwords are public: "
                "never use them on a real site):"
            )
        )
        for user in read_users():
            role = "superuser" if user["is_superuser"] else f"group {user['group']}"
            self.stdout.write(f"  {user['username']:<11} {user['password']:<21} {role}")
