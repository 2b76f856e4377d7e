"""Benchmark: render the programme of a large conference and the conference list.

Loads a conference of 300 sessions, 3,000 statements and 2,000 registrations (plus 50 other
conferences) into a scratch database, then prints the median time to render each page through
Django's full request handling, and its number of queries.

    .venv/bin/python bench/public_pages.py                      # scratch SQLite file
    .venv/bin/python bench/public_pages.py --postgres           # scratch PostgreSQL database

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import time

from harness import measure, scratch_database


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=30, help="renders per page (default 30)")
    return parser.parse_args()


def load_large_conference(session_count=300, statement_count=3000):
    """A conference of `session_count` sessions and `statement_count` statements, 2,000
    registrations, and 50 other conferences."""
    from delegations.models import delegation_of
    from registrations.models import Delegate, Registration, Status
    from sessions.models import Room, Session, Statement
    from va_conference.models import Conference, Organization, OrganizationKind

    start = datetime.date(2030, 9, 7)
    conference = Conference.objects.create(
        slug="large",
        title_en="Large Meeting of States Parties",
        short_name_en="LMSP",
        reference_prefix="LMSP",
        city_en="Geneva",
        country="CH",
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
        time_zone="Europe/Zurich",
        is_published=True,
    )
    for number in range(50):
        Conference.objects.create(
            slug=f"other-{number}",
            title_en=f"Meeting {number}",
            short_name_en=f"M{number}",
            reference_prefix="M",
            city_en="Geneva",
            country="CH",
            start_date=datetime.date(2000 + number % 30, 6, 1),
            end_date=datetime.date(2000 + number % 30, 6, 3),
            is_published=True,
        )
    rooms = Room.objects.bulk_create(
        [Room(conference=conference, name_en=f"Room {n}", name=f"Room {n}") for n in range(6)]
    )
    organizations = Organization.objects.bulk_create(
        [
            Organization(
                name_en=f"Organization {n}", name=f"Organization {n}", kind=OrganizationKind.NGO
            )
            for n in range(200)
        ]
    )
    sessions = Session.objects.bulk_create(
        [
            Session(
                conference=conference,
                slug=f"session-{n}",
                title_en=f"Session {n}",
                title=f"Session {n}",
                description_en="A session of the programme of work.",
                date=start + datetime.timedelta(days=n % 5),
                start_time=datetime.time(8 + n % 10),
                end_time=datetime.time(9 + n % 10),
                room=rooms[n % 6],
                chairs="Chair A, Chair B",
                order=n,
            )
            for n in range(session_count)
        ]
    )
    Statement.objects.bulk_create(
        [
            Statement(
                session=sessions[n % session_count],
                organization=organizations[n % 200],
                language="en",
                file=f"statements/{n}.pdf",
                size=1000 + n,
                checksum=f"{n:064x}",
                is_published=True,
            )
            for n in range(statement_count)
        ]
    )
    delegates = Delegate.objects.bulk_create(
        [Delegate(email=f"d{n}@example.org") for n in range(2000)]
    )
    delegations = [delegation_of(conference, organization) for organization in organizations]
    Registration.objects.bulk_create(
        [
            Registration(
                delegate=delegate,
                given_name="Given",
                family_name=f"Family {n}",
                conference=conference,
                organization=organizations[n % 200],
                delegation=delegations[n % 200],
                status=Status.CONFIRMED,
                reference=f"LMSP-{n:05d}",
                token=f"token-{n}",
                consents_to_public_listing=n % 2 == 0,
            )
            for n, delegate in enumerate(delegates)
        ]
    )


def main():
    arguments = parse_arguments()
    # The time to render each page: none is kept in the cache (bench/throughput.py measures both).
    with scratch_database(arguments.postgres, PAGE_CACHE_SECONDS="0"):
        from django.db import connection
        from django.test import Client

        began = time.perf_counter()
        load_large_conference()
        print(f"database: {connection.vendor}; loaded in {time.perf_counter() - began:.1f} s")
        print("300 sessions, 3,000 statements, 2,000 registrations, 51 conferences")
        print(f"{'page':<45} {'median ms':>10} {'queries':>8}")
        for path in (
            "/en/conferences/large/programme/",
            "/en/",
            "/en/conferences/large/participants/",
            "/en/conferences/large/programme.ics",
        ):
            median, queries = measure(Client(), path, arguments.rounds)
            print(f"{path:<45} {median:>10.1f} {queries:>8}")


if __name__ == "__main__":
    main()
