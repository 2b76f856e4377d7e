"""Benchmark: the time to build the List of Participants of 150 delegations and 1,000 members.

Creates a conference of a convention in a scratch database with 150 delegations (States
Parties, signatories, observer States, UN agencies, NGOs, organizations of persons with
disabilities, survivor networks) and 1,000 confirmed members among them, a head for each,
named in Latin, Arabic, Cyrillic and Chinese script, half of them agreeing to be listed
publicly. Then builds the List's content (public and secretariat's editions) and draws its PDF,
in English and in Arabic, several rounds each, and prints the median time and the queries of
each, with the PDF's pages.

    .venv/bin/python bench/participants_list.py                  # scratch SQLite file
    .venv/bin/python bench/participants_list.py --postgres       # scratch PostgreSQL database
    .venv/bin/python bench/participants_list.py --rounds 5

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import io
import secrets
import statistics
import time

from harness import scratch_database

DELEGATIONS = 150
MEMBERS = 1000
NAMES = [("Amina", "Haddad"), ("رانيا", "العبدالله"), ("Ольга", "Смирнова"), ("芳", "王")]
# (kind, CCM status) of the delegations, in turn.
KINDS = [
    ("state", "party"),
    ("state", "party"),
    ("state", "party"),
    ("state", "signatory"),
    ("state", "not_party"),
    ("un", ""),
    ("ngo", ""),
    ("dpo", ""),
    ("survivors", ""),
]


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each (default 3)")
    return parser.parse_args()


def load_conference():
    """A conference of DELEGATIONS delegations and MEMBERS confirmed members, with bulk_create."""
    from delegations.models import Delegation, ParticipantsList
    from registrations.models import Delegate, Registration, Role, Status
    from va_conference.models import Conference, Organization

    start = datetime.date.today() + datetime.timedelta(days=60)
    conference = Conference.objects.create(
        slug="bench",
        title_en="Benchmark Meeting of States Parties",
        short_name_en="BENCH",
        reference_prefix="BENCH",
        convention="ccm",
        city_en="Oslo",
        country="NO",
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
        is_published=True,
    )
    ParticipantsList.objects.create(conference=conference, symbol="CCM/MSP/BENCH/INF.1", date=start)
    organizations = Organization.objects.bulk_create(
        Organization(
            name_en=f"Delegation {n:03d}",
            name=f"Delegation {n:03d}",
            name_ar=f"الوفد {n:03d}",
            kind=KINDS[n % len(KINDS)][0],
            ccm_status=KINDS[n % len(KINDS)][1],
            # Codes of no real country, one for each State.
            country=f"{chr(65 + n // 26)}{chr(65 + n % 26)}",
        )
        for n in range(DELEGATIONS)
    )
    delegations = Delegation.objects.bulk_create(
        Delegation(conference=conference, organization=organization)
        for organization in organizations
    )
    delegates = Delegate.objects.bulk_create(
        Delegate(email=f"bench{n}@example.org") for n in range(MEMBERS)
    )
    roles = [Role.DELEGATE, Role.ALTERNATE, Role.ADVISER, Role.VA_EXPERT]
    Registration.objects.bulk_create(
        Registration(
            delegate=delegate,
            honorific="ms",
            given_name=NAMES[n % 4][0],
            family_name=f"{NAMES[n % 4][1]} {n}",
            job_title="Victim-assistance focal point",
            conference=conference,
            organization=organizations[n % DELEGATIONS],
            delegation=delegations[n % DELEGATIONS],
            # The first member of each delegation heads it.
            role=Role.HEAD if n < DELEGATIONS else roles[n % len(roles)],
            status=Status.CONFIRMED,
            reference=f"BENCH-{n:06d}",
            token=secrets.token_urlsafe(32),
            consents_to_public_listing=n % 2 == 0,
        )
        for n, delegate in enumerate(delegates)
    )
    return conference


def timed(operation, rounds):
    """(median seconds, queries of one run, the last result) of `operation`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _round in range(rounds):
        began = time.perf_counter()
        result = operation()
        timings.append(time.perf_counter() - began)
    with CaptureQueriesContext(connection) as captured:
        operation()
    return statistics.median(timings), len(captured), result


def main():
    arguments = parse_arguments()
    with scratch_database(arguments.postgres):
        run(arguments.rounds)


def run(rounds):
    from django.db import connection
    from pypdf import PdfReader

    from delegations.participants_list import Edition, list_pdf, participants

    began = time.perf_counter()
    conference = load_conference()
    print(
        f"database: {connection.vendor}; {conference.delegations.count()} delegations,"
        f" {conference.registrations.count():,} members; created in"
        f" {time.perf_counter() - began:.1f} s; median of {rounds} rounds"
    )
    operations = {
        "content, public (en)": lambda: participants(conference, "en", Edition.PUBLIC),
        "content, secretariat (ar)": lambda: participants(conference, "ar", Edition.SECRETARIAT),
        "PDF, public (en)": lambda: list_pdf(conference, "en", Edition.PUBLIC),
        "PDF, secretariat (en)": lambda: list_pdf(conference, "en", Edition.SECRETARIAT),
        "PDF, secretariat (ar)": lambda: list_pdf(conference, "ar", Edition.SECRETARIAT),
    }
    print(f"{'the List of Participants':<28} {'seconds':>8} {'queries':>8} {'pages':>6}")
    for label, operation in operations.items():
        seconds, queries, result = timed(operation, rounds)
        pages = len(PdfReader(io.BytesIO(result)).pages) if isinstance(result, bytes) else ""
        print(f"{label:<28} {seconds:>8.2f} {queries:>8} {pages:>6}")


if __name__ == "__main__":
    main()
