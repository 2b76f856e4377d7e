"""Benchmark: what the organizers' downloads cost: exports of 20,000 registrations, and badges.

Creates a conference of 20,000 confirmed registrations in a scratch database (delegates named in
Latin, Arabic, Cyrillic and Chinese script, from organizations of several kinds), then exports
them as CSV and as XLSX, each download read a chunk at a time as a server sends it, and prints
the badges of 500 of them (A4, four a page). For each it prints the wall time, the size of the
file, the resident-set high-water mark (VmHWM), and, from a second run under tracemalloc, the peak
of Python memory allocated during it above what was allocated before. Each export runs again on
5,000 registrations: the two peaks show whether its memory grows with the number of rows.

    .venv/bin/python bench/organizers.py                        # scratch SQLite file
    .venv/bin/python bench/organizers.py --postgres             # scratch PostgreSQL database

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import contextlib
import datetime
import re
import secrets
import time
import tracemalloc
from pathlib import Path

from harness import scratch_database

MB = 1024 * 1024
TOTAL = 20000
FEWER = 5000
BADGES = 500
NAMES = [("Amina", "Haddad"), ("رانيا", "العبدالله"), ("Ольга", "Смирнова"), ("芳", "王")]
ORGANIZATIONS = [
    ("Ministry of Social Development", "state", "JO"),
    ("Министерство труда и социальной защиты", "state", "TJ"),
    ("United Nations Mine Action Service", "un", ""),
    ("جمعية الناجين من الألغام", "survivors", "IQ"),
    ("Disability Rights Network", "dpo", "KH"),
    ("中国残疾人联合会", "dpo", "CN"),
    ("Humanity & Inclusion", "ngo", "FR"),
    ("University of Geneva", "academia", "CH"),
]


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    return parser.parse_args()


def load_conference():
    """A conference of TOTAL confirmed registrations, made with bulk_create (reference set here)."""
    from delegations.models import delegation_of
    from registrations.models import Delegate, Registration, Status
    from va_conference.models import Conference, Organization

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
        is_published=True,
    )
    organizations = Organization.objects.bulk_create(
        Organization(name_en=name, name=name, kind=kind, country=country)
        for name, kind, country in ORGANIZATIONS
    )
    delegates = Delegate.objects.bulk_create(
        Delegate(email=f"bench{n}@example.org") for n in range(TOTAL)
    )
    delegations = [delegation_of(conference, organization) for organization in organizations]
    Registration.objects.bulk_create(
        Registration(
            delegate=delegate,
            given_name=NAMES[n % 4][0],
            family_name=f"{NAMES[n % 4][1]} {n}",
            phone="+962 6 123 4567",
            job_title="Victim-assistance focal point",
            conference=conference,
            organization=organizations[n % len(organizations)],
            delegation=delegations[n % len(organizations)],
            status=Status.CONFIRMED,
            reference=f"BENCH-{n:06d}",
            token=secrets.token_urlsafe(32),
            consents_to_public_listing=n % 2 == 0,
        )
        for n, delegate in enumerate(delegates)
    )
    return conference


def first(conference, count):
    """The conference's first `count` registrations, as a queryset without slicing."""
    registrations = conference.registrations.order_by("pk")
    last = registrations.values_list("pk", flat=True)[count - 1]
    return conference.registrations.filter(pk__lte=last)


def high_water_mark():
    """The process's resident-set high-water mark, VmHWM, in MB."""
    kilobytes = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text())[1]
    return int(kilobytes) / 1024


def measure(operation):
    """Seconds, size and VmHWM of `operation`, then its peak of Python memory (MB), run again
    under tracemalloc, which slows Python down several times over."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM starts again from VmRSS
    began = time.perf_counter()
    size = operation() / MB
    elapsed, hwm = time.perf_counter() - began, high_water_mark()
    tracemalloc.start()
    tracemalloc.reset_peak()
    baseline = tracemalloc.get_traced_memory()[0]
    try:
        operation()
        peak = (tracemalloc.get_traced_memory()[1] - baseline) / MB
    finally:
        tracemalloc.stop()
    return elapsed, size, peak, hwm


def download(response):
    """Read the response as a server sends it, a chunk at a time; return its size in bytes."""
    try:
        return sum(len(chunk) for chunk in response.streaming_content)
    finally:
        response.close()


def main():
    arguments = parse_arguments()
    with scratch_database(arguments.postgres):
        run()


def run():
    from django.db import connection

    from registrations.exports import csv_download, xlsx_download
    from registrations.printing import badges_pdf

    began = time.perf_counter()
    conference = load_conference()
    print(f"database: {connection.vendor}; {conference.registrations.count():,} registrations")
    print(f"  created in {time.perf_counter() - began:.1f} s")
    everyone, fewer = conference.registrations.all(), first(conference, FEWER)
    operations = {
        f"CSV export of {TOTAL:,}": lambda: download(csv_download(everyone, "bench")),
        f"CSV export of {FEWER:,}": lambda: download(csv_download(fewer, "bench")),
        f"XLSX export of {TOTAL:,}": lambda: download(xlsx_download(everyone, "bench")),
        f"XLSX export of {FEWER:,}": lambda: download(xlsx_download(fewer, "bench")),
        f"badges of {BADGES} (A4)": lambda: len(badges_pdf(first(conference, BADGES), "a4", "en")),
    }
    print(f"{'operation':<24} {'seconds':>8} {'size MB':>8} {'peak Python MB':>15} {'VmHWM MB':>9}")
    results = {}
    for label, operation in operations.items():
        elapsed, size, peak, hwm = results[label] = measure(operation)
        print(f"{label:<24} {elapsed:>8.1f} {size:>8.1f} {peak:>+15.1f} {hwm:>9.0f}")
    conclude(results)


def conclude(results):
    """Whether each export's memory stayed flat with four times the rows: streamed, or not."""
    print("target: CSV/XLSX export of 20,000 registrations: constant memory (streamed)")
    for kind in ("CSV", "XLSX"):
        _elapsed, size, peak, _hwm = results[f"{kind} export of {TOTAL:,}"]
        fewer_peak = results[f"{kind} export of {FEWER:,}"][2]
        flat = "about constant" if peak < 2 * fewer_peak else "GREW with the number of rows"
        print(
            f"  {kind}: peak +{fewer_peak:.1f} MB for {FEWER:,} rows, +{peak:.1f} MB for"
            f" {TOTAL:,} ({peak / size:.1f} times the {size:.1f} MB download): {flat}"
        )


if __name__ == "__main__":
    main()
