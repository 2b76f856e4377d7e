"""Benchmark: the report to donors and the list of candidates for sponsorship, for 500
candidates.

Creates a conference in a scratch database with 500 candidates for sponsorship from 25
countries, 300 offers from two funds (accepted, declined, lapsed, withdrawn, waiting), a ticket
and check-ins for each accepted one; then, signed in as a member of the sponsorship committee,
asks for the report's page, its CSV and its PDF, and the candidates' list, through Django's full
request handling. Prints the median time of each, its queries, and its ratio to the hello-world
(bench/hello_wsgi.py) answered the same way, through Django's test client in one process. The
same is measured with 50 candidates: the queries must not grow with the candidates.

    .venv/bin/python bench/sponsorship_report.py                # scratch SQLite file
    .venv/bin/python bench/sponsorship_report.py --postgres     # scratch PostgreSQL database

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime

from harness import hello_world_ms, measure, scratch_database

COUNTRIES = [
    "AF", "AL", "AO", "BA", "CO", "CD", "HR", "ER", "ET", "GW", "IQ", "JO", "KH", "LA", "LB",
    "MZ", "PE", "SN", "SO", "SD", "SY", "TJ", "UG", "UA", "YE",
]  # fmt: skip
STATES = ["accepted", "accepted", "declined", "lapsed", "withdrawn", "offered"]


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=15, help="requests per measure (15)")
    return parser.parse_args()


def programme(slug, candidates):
    """A conference with `candidates` requests for travel support, 60% of them offered."""
    from delegations.models import delegation_of
    from registrations.models import Attendance, Delegate, Registration, Status
    from sponsorship.models import Budget, FareEstimate, Fund, Offer, Ticket
    from va_conference.models import Conference, Organization

    start = datetime.date(2030, 9, 10)
    conference = Conference.objects.create(
        slug=slug,
        title_en=f"Benchmark {slug}",
        short_name_en=slug.upper(),
        reference_prefix=slug.upper()[:8],
        city_en="Geneva",
        country="CH",
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
    )
    Budget.objects.create(conference=conference, currency="CHF", dsa_rate=250, nights=4)
    for n, country in enumerate(COUNTRIES):
        FareEstimate.objects.create(conference=conference, country=country, amount=900 + 40 * n)
    funds = [
        Fund.objects.create(conference=conference, donor="European Union", amount=900000),
        Fund.objects.create(conference=conference, donor="Norway", amount=400000),
    ]
    organizations = [
        Organization.objects.get_or_create(
            name_en=f"Ministry {country}",
            defaults={"name": f"Ministry {country}", "kind": "state", "country": country},
        )[0]
        for country in COUNTRIES
    ]
    delegations = [delegation_of(conference, organization) for organization in organizations]
    delegates = Delegate.objects.bulk_create(
        Delegate(email=f"{slug}-{n}@example.org") for n in range(candidates)
    )
    registrations = Registration.objects.bulk_create(
        Registration(
            conference=conference,
            delegate=delegate,
            organization=organizations[n % len(organizations)],
            delegation=delegations[n % len(organizations)],
            given_name="Amina",
            family_name=f"Haddad {n}",
            role="delegate",
            status=Status.CONFIRMED,
            reference=f"{slug[:4].upper()}-{n:05d}",
            gender=["female", "male", ""][n % 3],
            is_survivor=n % 4 == 0,
            sponsorship_requested=True,
            sponsorship_justification="National focal point for victim assistance.",
        )
        for n, delegate in enumerate(delegates)
    )
    offers = Offer.objects.bulk_create(
        Offer(
            registration=registration,
            fund=funds[n % 2],
            kind="full",
            amount=2000,
            deadline=start,
            state=STATES[n % len(STATES)],
        )
        for n, registration in enumerate(registrations[: candidates * 3 // 5])
    )
    accepted = [offer for offer in offers if offer.state == "accepted"]
    Ticket.objects.bulk_create(
        Ticket(
            offer=offer,
            itinerary="KBL-DXB-GVA",
            cost=1500,
            dsa_paid=1000,
            file="tickets/none.pdf",
            size=1,
            checksum="0" * 64,
        )
        for offer in accepted
    )
    Attendance.objects.bulk_create(
        Attendance(registration_id=offer.registration_id, day=start + datetime.timedelta(days=d))
        for n, offer in enumerate(accepted)
        for d in range(n % 4)  # none, one, two or every day of three
    )
    return conference


def main():
    arguments = parse_arguments()
    hello = hello_world_ms()
    with scratch_database(arguments.postgres):
        run(arguments, hello)


def run(arguments, hello):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client

    from va_conference.roles import SPONSORSHIP_COMMITTEE

    # The roles' groups are made by the migrations, as on a new server.
    committee = get_user_model().objects.create_user("committee", is_staff=True)
    committee.groups.add(Group.objects.get(name=SPONSORSHIP_COMMITTEE))
    client = Client()
    client.force_login(committee)
    sizes = {"500 candidates": programme("large", 500), "50 candidates": programme("small", 50)}
    pages = {
        "report": "/admin/conferences/{slug}/sponsorship/report/",
        "report CSV": "/admin/conferences/{slug}/sponsorship/report/?format=csv&language=en",
        "report PDF": "/admin/conferences/{slug}/sponsorship/report/?format=pdf&language=en",
        "candidates": "/admin/conferences/{slug}/sponsorship/",
    }
    print(f"database: {connection.vendor}; {arguments.rounds} requests each")
    print(f"hello-world through the test client: {hello:.2f} ms")
    print(f"{'page':<14} {'size':<16} {'median ms':>10} {'x hello':>9} {'queries':>8}")
    queries = {}
    for page, path in pages.items():
        rounds = max(3, arguments.rounds // 3) if page == "report PDF" else arguments.rounds
        for size, conference in sizes.items():
            ms, count = measure(client, path.format(slug=conference.slug), rounds)
            queries[page, size] = count
            print(f"{page:<14} {size:<16} {ms:>10.1f} {ms / hello:>9.0f} {count:>8}")
    grows = [
        page for page in pages if queries[page, "500 candidates"] > queries[page, "50 candidates"]
    ]

    print("queries grow with the candidates: " + (", ".join(grows) if grows else "none"))


if __name__ == "__main__":
    main()
