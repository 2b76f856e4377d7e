"""Benchmark: register through the public form, then list 20,000 registrations in the admin.

Creates an open conference with 200 organizations and 20 sessions in a scratch database, submits
1,000 registrations one after another through the real form (Django's full request handling,
e-mails to memory), then fills the conference up to 20,000 registrations and times the admin's
list of registrations. Prints the figures and compares them with the project's targets.

    .venv/bin/python bench/registration_form.py                     # scratch SQLite file
    .venv/bin/python bench/registration_form.py --postgres          # scratch PostgreSQL database

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import secrets
import statistics
import sys
import time
import uuid

from harness import measure, scratch_database

SUBMISSIONS = 1000
TOTAL = 20000


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=10, help="renders per admin page (10)")
    return parser.parse_args()


def open_conference():
    """Registration opened yesterday, closes in a month, no capacity; 200 organizations."""
    from django_countries import countries

    from sessions.models import Session
    from va_conference.models import Conference, Organization

    codes = [code for code, _name in countries]
    now = datetime.datetime.now(datetime.UTC)
    start = datetime.date.today() + datetime.timedelta(days=60)
    conference = Conference.objects.create(
        slug="bench",
        title_en="Benchmark Conference on Victim Assistance",
        short_name_en="BENCH",
        reference_prefix="BENCH",
        city_en="Amman",
        country="JO",
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
        is_published=True,
    )
    organizations = Organization.objects.bulk_create(
        Organization(name_en=f"Org {n}", name=f"Org {n}", kind="ngo", country=codes[n])
        for n in range(200)
    )
    sessions = Session.objects.bulk_create(
        Session(
            conference=conference,
            slug=f"session-{n}",
            title_en=f"Session {n}",
            title=f"Session {n}",
            date=start + datetime.timedelta(days=n % 3),
            start_time=datetime.time(8 + n % 10),
            end_time=datetime.time(9 + n % 10),
        )
        for n in range(20)
    )
    return conference, organizations, sessions


def answers(n, organizations, sessions):
    """What delegate number n posts: an organization, two sessions, a fresh submission key."""
    return {
        "given_name": "Amina",
        "family_name": f"Haddad {n}",
        "email": f"delegate{n}@example.org",
        "phone": "+962 6 123 4567",
        "language": "en",
        "organization": str(organizations[n % 200].pk),
        "role": "head",
        "sessions": [str(sessions[n % 20].pk), str(sessions[(n + 7) % 20].pk)],
        "consents_to_public_listing": "on",
        "privacy_accepted": "on",
        "submission_key": str(uuid.uuid4()),
    }


def submit(client, path, data):
    # Each delegate comes without cookies (nor a pile of unread messages). One client for all:
    # a new one would load the middleware again, and WhiteNoise would scan the static files.
    client.cookies.clear()
    began = time.perf_counter()
    response = client.post(path, data)
    elapsed = time.perf_counter() - began
    if response.status_code != 302:
        sys.exit(f"submission of {data['email']} answered {response.status_code}, not 302")
    return elapsed


def fill_up(conference, organizations, count):
    """Add `count` registrations directly; bulk_create skips save(), so reference is set here."""
    from delegations.models import delegation_of
    from registrations.models import Delegate, Registration, Status

    statuses = [Status.SUBMITTED, Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    delegates = Delegate.objects.bulk_create(
        Delegate(email=f"bulk{n}@example.org") for n in range(count)
    )
    delegations = [delegation_of(conference, organization) for organization in organizations]
    Registration.objects.bulk_create(
        Registration(
            delegate=delegate,
            given_name="Given",
            family_name=f"Family {n}",
            conference=conference,
            organization=organizations[n % 200],
            delegation=delegations[n % 200],
            status=statuses[n % 4],
            reference=f"BENCH-{n:06d}",
            token=secrets.token_urlsafe(32),
            consents_to_public_listing=n % 2 == 0,
        )
        for n, delegate in enumerate(delegates)
    )


def verdict(label, milliseconds, target):
    met = "met" if milliseconds < target else "MISSED"
    print(f"  {label}: {milliseconds:.1f} ms, target under {target} ms, {met}")


def main():
    arguments = parse_arguments()
    with scratch_database(
        arguments.postgres,
        PUBLIC_FORM_RATE_LIMIT="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        run(arguments)


def run(arguments):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    conference, organizations, sessions = open_conference()
    path = f"/en/conferences/{conference.slug}/register/"
    client = Client()
    client.get(path)  # warm up
    began = time.perf_counter()
    timings = [
        submit(client, path, answers(n, organizations, sessions)) for n in range(SUBMISSIONS)
    ]
    elapsed = time.perf_counter() - began
    with CaptureQueriesContext(connection) as captured:
        submit(client, path, answers(SUBMISSIONS, organizations, sessions))
    submit_median = statistics.median(timings) * 1000
    p95 = statistics.quantiles(timings, n=20)[18] * 1000
    print(f"database: {connection.vendor}; {SUBMISSIONS:,} registrations through the form")
    print(f"  {SUBMISSIONS / elapsed:.1f} registrations per second ({elapsed:.1f} s in all)")
    print(f"  one submission: median {submit_median:.1f} ms, 95th percentile {p95:.1f} ms")
    print(f"  queries of one submission: {len(captured)}")

    began = time.perf_counter()
    fill_up(conference, organizations, TOTAL - conference.registrations.count())
    total = conference.registrations.count()
    print(f"filled up to {total:,} registrations in {time.perf_counter() - began:.1f} s")
    admin = Client()
    admin.force_login(User.objects.create_superuser("bench", "bench@example.org", "x"))
    print(f"{'admin page':<60} {'median ms':>10} {'queries':>8}")
    changelist = "/admin/registrations/registration/"
    results = []
    for page in (changelist, f"{changelist}?conference__id__exact={conference.pk}"):
        median, queries = measure(admin, page, arguments.rounds)
        results.append(median)
        print(f"{page:<60} {median:>10.1f} {queries:>8}")

    note = "" if connection.vendor == "postgresql" else " (set for PostgreSQL)"
    print("targets:")
    verdict(f"registration submit median{note}", submit_median, 20)
    verdict(f"admin changelist of {total:,}, slower page", max(results), 300)


if __name__ == "__main__":
    main()
