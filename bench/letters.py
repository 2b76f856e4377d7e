"""Benchmark: issuing 300 visa letters in one bulk action, and drawing a letter's PDF.

Creates a conference in a scratch database with 300 confirmed delegates who asked for a visa
letter, then, as an organizer would, selects them all in the admin's list of visa letter
requests and runs "Issue visa letters to the selected": the whole request, through the admin,
the letters numbered and recorded, an e-mail queued for each. Each round withdraws the letters
first, so that every round issues 300. Then draws letters' PDFs (in English and in Arabic), as
each delegate's download does, and prints the median of each with its queries.

    .venv/bin/python bench/letters.py                  # scratch SQLite file
    .venv/bin/python bench/letters.py --postgres       # scratch PostgreSQL database
    .venv/bin/python bench/letters.py --rounds 5 --letters 300

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import secrets
import statistics
import time

from harness import scratch_database


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each (default 3)")
    parser.add_argument("--letters", type=int, default=300, help="letters (default 300)")
    return parser.parse_args()


def load_conference(letters):
    """A conference with `letters` confirmed delegates who asked for a visa letter."""
    from delegations.models import delegation_of
    from registrations.models import Delegate, Registration, Status, VisaRequest
    from va_conference.models import Conference, Organization

    start = datetime.date.today() + datetime.timedelta(days=60)
    conference = Conference.objects.create(
        slug="bench",
        title_en="Benchmark Meeting of States Parties",
        short_name_en="BENCH",
        reference_prefix="BENCH",
        city_en="Geneva",
        venue_en="Palais des Nations",
        country="CH",
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
        is_published=True,
    )
    jordan = Organization.objects.create(
        name_en="Jordan", name_ar="الأردن", kind="state", country="JO", is_verified=True
    )
    delegation = delegation_of(conference, jordan)
    delegates = Delegate.objects.bulk_create(
        Delegate(email=f"bench{n}@example.org") for n in range(letters)
    )
    registrations = Registration.objects.bulk_create(
        Registration(
            delegate=delegate,
            given_name="Rania",
            family_name=f"Al-Abdallah {n}",
            conference=conference,
            organization=jordan,
            delegation=delegation,
            status=Status.CONFIRMED,
            language=["en", "fr", "es", "ar"][n % 4],
            reference=f"BENCH-{n:06d}",
            token=secrets.token_urlsafe(32),
        )
        for n, delegate in enumerate(delegates)
    )
    VisaRequest.objects.bulk_create(
        VisaRequest(
            registration=registration,
            name_in_passport=f"RANIA AL-ABDALLAH {n}",
            nationality="JO",
            passport_number=f"P{n:08d}",
            passport_issued_on=datetime.date(2024, 3, 1),
            passport_expires_on=start + datetime.timedelta(days=900),
            birth_date=datetime.date(1984, 5, 17),
            birth_place="Irbid",
            consulate="Embassy of Switzerland in Amman",
        )
        for n, registration in enumerate(registrations)
    )
    return conference


def median_of(operation, rounds, before=None):
    """(median seconds, queries of the last run) of `operation`, `before` run untimed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], 0
    for _round in range(rounds):
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            operation()
            timings.append(time.perf_counter() - began)
        queries = len(captured)
    return statistics.median(timings), queries


def main():
    arguments = parse_arguments()
    with scratch_database(arguments.postgres):
        run(arguments.rounds, arguments.letters)


def run(rounds, count):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from letters import documents
    from letters.models import Letter
    from registrations.models import VisaRequest

    began = time.perf_counter()
    load_conference(count)
    print(
        f"database: {connection.vendor}; {count} confirmed delegates asking for a visa letter;"
        f" created in {time.perf_counter() - began:.1f} s; median of {rounds} rounds"
    )
    organizer = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client()
    client.force_login(organizer)
    selected = [str(pk) for pk in VisaRequest.objects.values_list("pk", flat=True)]

    def issue_all():
        response = client.post(
            reverse("admin:registrations_visarequest_changelist"),
            {"action": "issue_letters", "_selected_action": selected},
        )
        assert response.status_code == 302, response.status_code

    def withdraw_all():
        Letter.objects.update(withdrawn_at=datetime.datetime.now(datetime.UTC))

    seconds, queries = median_of(issue_all, rounds, before=withdraw_all)
    issued = Letter.objects.filter(withdrawn_at=None).count()
    assert issued == count, issued
    print(f"{'issue in one bulk action':<34} {seconds:>8.2f} s {queries:>8} queries")
    print(f"{'  per letter':<34} {seconds / count * 1000:>8.1f} ms")
    for language in ("en", "ar"):
        letter = Letter.objects.filter(withdrawn_at=None, language=language).first()
        seconds, queries = median_of(lambda letter=letter: documents.pdf(letter), rounds)
        print(f"{f'draw one letter PDF ({language})':<34} {seconds:>8.2f} s {queries:>8} queries")


if __name__ == "__main__":
    main()
