"""Benchmark: importing the online platform's attendance report of a large conference.

Creates a conference of 2,000 confirmed delegates taking part online in a scratch database,
and a report of their joins over three days (each delegate joining and leaving four times a
day, with a tenth of the rows matching nobody), then imports it (registrations/
attendance_reports.py) as the organizers' page does, once, and again, which adds nothing.
Prints the time of each import, rows per second, and the queries of each: on PostgreSQL the
import costs a fixed number of queries whatever the rows (SQLite takes bulk inserts in batches).

    .venv/bin/python bench/attendance_import.py                 # scratch SQLite file
    .venv/bin/python bench/attendance_import.py --postgres      # scratch PostgreSQL database

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import time

from harness import scratch_database

DELEGATES = 2000
DAYS = 3
JOINS_PER_DAY = 4


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    return parser.parse_args()


def large_conference():
    from delegations.models import delegation_of
    from registrations.models import Delegate, Registration, Status
    from va_conference.models import Conference, Organization, Participation

    start = datetime.date(2030, 9, 10)
    conference = Conference.objects.create(
        slug="large",
        title_en="Benchmark",
        short_name_en="BENCH",
        reference_prefix="BENCH",
        city_en="Geneva",
        country="CH",
        start_date=start,
        end_date=start + datetime.timedelta(days=DAYS - 1),
        offers_online=True,
        is_published=True,
    )
    organization = Organization.objects.create(name_en="Benchmark NGO", kind="ngo", country="CH")
    delegation = delegation_of(conference, organization)
    delegates = Delegate.objects.bulk_create(
        Delegate(email=f"delegate{n}@example.org") for n in range(DELEGATES)
    )
    Registration.objects.bulk_create(
        Registration(
            delegate=delegate,
            conference=conference,
            organization=organization,
            delegation=delegation,
            given_name="Delegate",
            family_name=str(n),
            mode=Participation.ONLINE,
            status=Status.CONFIRMED,
            reference=f"BENCH-{n:05d}",
        )
        for n, delegate in enumerate(delegates)
    )
    return conference


def report(conference):
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    for day in range(DAYS):
        date = conference.start_date + datetime.timedelta(days=day)
        for n in range(int(DELEGATES * 1.1)):
            email = f"delegate{n}@example.org" if n < DELEGATES else f"guest{n}@example.net"
            for join in range(JOINS_PER_DAY):
                hour = 9 + 2 * join
                lines.append(
                    f"Delegate {n},{email},{date} {hour:02d}:00:00,{date} {hour:02d}:45:00,45,No"
                )
    return "\n".join(lines).encode()


def timed_import(conference, content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from registrations import attendance_reports

    began = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        try:
            attendance_reports.import_report(conference, "report.csv", content)
            outcome = "imported"
        except attendance_reports.AlreadyImported:
            outcome = "already imported: nothing added"
    return time.perf_counter() - began, len(queries), outcome


def main():
    arguments = parse_arguments()
    with scratch_database(arguments.postgres):
        from django.db import connection

        from registrations.models import OnlineAttendance, UnmatchedRow

        conference = large_conference()
        content = report(conference)
        rows = content.count(b"\n")
        print(f"database: {connection.vendor}; {DELEGATES:,} delegates; report of {rows:,} rows")
        for attempt in ("first import", "the same again"):
            seconds, queries, outcome = timed_import(conference, content)
            print(
                f"{attempt:<16} {seconds * 1000:>8.0f} ms  {rows / seconds:>9,.0f} rows/s"
                f"  {queries:>3} queries  ({outcome})"
            )
        print(
            f"recorded: {OnlineAttendance.objects.count():,} days of attendance, "
            f"{UnmatchedRow.objects.count():,} rows matching nobody"
        )


if __name__ == "__main__":
    main()
