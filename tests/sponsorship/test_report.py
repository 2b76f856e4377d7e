"""The report to donors, against a data set built by hand: what was offered, accepted,
declined, lapsed and withdrawn, who came, what it was estimated to cost, what is committed and
what was paid; by fund, region, country, kind, gender and survivors; as the page, a CSV and a
PDF; the same figures once the delegates are anonymised; the public summary without names; and
the committee alone reading it."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_countries.fields import Country
from pypdf import PdfReader

from registrations import personal_data
from registrations.models import Attendance, Registration, Status
from sessions.models import Document
from sponsorship import report as donors
from sponsorship.models import Budget, FareEstimate, Fund, Offer, OfferState, Ticket
from tests.conftest import staff_member
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

START, END = datetime.date(2030, 9, 10), datetime.date(2030, 9, 12)
AFTER = datetime.date(2030, 9, 20)


@pytest.fixture
def conference():
    conference = ConferenceFactory(start_date=START, end_date=END, is_published=True)
    Budget.objects.create(conference=conference, currency="EUR", dsa_rate=250, nights=4)
    for country, fare in (("LA", 1800), ("CO", 1200), ("UG", 900), ("FR", 300)):
        FareEstimate.objects.create(conference=conference, country=country, amount=fare)
    return conference


@pytest.fixture
def committee(django_user_model):
    return staff_member(django_user_model, "committee", "Sponsorship committee")


def sponsored(conference, organization, name, fund, amount, state, gender="", survivor=False):
    given, family = name.split()
    registration = RegistrationFactory(
        conference=conference,
        organization=organization,
        given_name=given,
        family_name=family,
        gender=gender,
        is_survivor=survivor,
        sponsorship_requested=True,
        status=Status.CONFIRMED,
    )
    return Offer.objects.create(
        registration=registration,
        fund=fund,
        kind="full",
        amount=Decimal(amount),
        deadline=datetime.date(2030, 8, 1),
        state=state,
    )


def ticket(offer, cost, dsa=None):
    # Written without a file in storage: the report reads only the costs.
    Ticket.objects.bulk_create(
        [
            Ticket(
                offer=offer,
                itinerary="VTE-BKK-AMM",
                cost=Decimal(cost),
                dsa_paid=dsa,
                file="tickets/none.pdf",
                size=1,
                checksum="0" * 64,
            )
        ]
    )


def came_on(offer, *days):
    for day in days:
        Attendance.objects.create(registration=offer.registration, day=day)


@pytest.fixture
def programme(conference):
    """Seven offers from two funds: 3 accepted (one came, one came for a day, one did not
    come), 1 declined, 1 lapsed, 1 withdrawn, 1 waiting."""
    eu = Fund.objects.create(conference=conference, donor="European Union", amount=47000)
    norway = Fund.objects.create(conference=conference, donor="Norway", amount=20000)
    laos = StateFactory(country="LA", name_en="Lao People's Democratic Republic")
    colombia = StateFactory(country="CO", name_en="Colombia")
    network = OrganizationFactory(name_en="Survivors' Network", kind="survivors", country="UG")
    handicap = OrganizationFactory(name_en="Humanité", kind="ngo", country="FR")
    accepted, declined = OfferState.ACCEPTED, OfferState.DECLINED
    offers = {
        "came": sponsored(conference, laos, "Bounmy Phommachanh", eu, 2800, accepted, "Female"),
        "part": sponsored(conference, colombia, "Lucía Gómez", eu, 1500, accepted, "male"),
        "absent": sponsored(
            conference, network, "Margaret Arach", norway, 1900, accepted, " female ", True
        ),
        "declined": sponsored(conference, laos, "Somsak Vong", norway, 2800, declined),
        "lapsed": sponsored(conference, colombia, "Andrés Ruiz", eu, 2200, OfferState.LAPSED),
        "withdrawn": sponsored(conference, handicap, "Claire Martin", norway, 1000, "withdrawn"),
        "waiting": sponsored(conference, laos, "Khamla Sy", eu, 2800, OfferState.OFFERED),
    }
    ticket(offers["came"], 1750, dsa=Decimal(1000))
    ticket(offers["part"], 1100)
    came_on(offers["came"], START, START + datetime.timedelta(days=1), END)
    came_on(offers["part"], START, START - datetime.timedelta(days=1))  # the eve is not counted
    Offer.objects.filter(pk=offers["absent"].pk).update(absence_reason="Visa refused.")
    return offers


def figures_of(figures):
    return {key: getattr(figures, key) for key, _title in donors.COLUMNS}


def test_the_totals_say_what_was_offered_accepted_attended_and_paid(conference, programme):
    made = donors.report(conference, today=AFTER)
    assert figures_of(made.total) == {
        "offered": 7,
        "accepted": 3,
        "declined": 1,
        "lapsed": 1,
        "withdrawn": 1,
        "waiting": 1,
        "attended": 2,
        "came_for_part": 1,
        "no_show": 1,
        # The estimates (fare and 4 nights at 250) of the offers accepted or waiting.
        "estimated": Decimal(2800 + 2200 + 1900 + 2800),
        "committed": Decimal(2800 + 1500 + 1900 + 2800),
        "paid": Decimal(1750 + 1000 + 1100),
    }
    assert [row.offer.registration.family_name for row in made.no_shows] == ["Arach"]


def test_before_the_end_nobody_is_a_no_show_yet(conference, programme):
    made = donors.report(conference, today=START)
    assert (made.total.attended, made.total.no_show) == (2, 0)
    assert {row.came for row in made.sponsored if row.came} == {
        donors.Came.CAME,
        donors.Came.PART,
        donors.Came.NOT_YET,
    }


def test_each_fund_and_each_group_is_counted(conference, programme):
    made = donors.report(conference, today=AFTER)
    by_fund = {fund.donor: figures for fund, figures in made.funds}
    assert (by_fund["European Union"].offered, by_fund["European Union"].accepted) == (4, 2)
    assert (by_fund["European Union"].attended, by_fund["European Union"].lapsed) == (2, 1)
    assert (by_fund["Norway"].offered, by_fund["Norway"].no_show) == (3, 1)
    assert by_fund["Norway"].paid == 0
    tables = {
        breakdown.key: {label: figures.offered for label, figures in breakdown.rows}
        for breakdown in made.breakdowns
    }
    assert tables["region"] == {"Asia": 3, "Americas": 2, "Africa": 1, "Europe": 1}
    assert tables["country"][str(Country("LA").name)] == 3
    assert tables["kind"]["State"] == 5
    assert tables["gender"] == {"Female": 2, "Male": 1, "Not said": 4}
    assert tables["survivor"] == {"No": 6, "Yes": 1}
    # One fund's report counts its offers only.
    norway = Fund.objects.get(donor="Norway")
    alone = donors.report(conference, norway, today=AFTER)
    assert (alone.total.offered, alone.funds) == (3, [])


def test_anonymising_keeps_the_figures(conference, programme):
    before = donors.report(conference, today=AFTER)
    registrations = Registration.objects.filter(conference=conference)
    assert personal_data.anonymise(registrations) == 7
    after = donors.report(conference, today=AFTER)
    assert figures_of(after.total) == figures_of(before.total)
    assert [row.offer.absence_reason for row in after.no_shows] == [""]
    for breakdown_before, breakdown_after in zip(before.breakdowns, after.breakdowns, strict=True):
        if breakdown_before.key != "gender":  # an anonymised delegate's gender is not said
            assert [(label, figures.offered) for label, figures in breakdown_after.rows] == [
                (label, figures.offered) for label, figures in breakdown_before.rows
            ]


def test_the_csv_holds_the_figures_in_the_readers_language(conference, programme):
    text = donors.report_csv(conference, None, "fr")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Compté par", "Groupe", "Offres faites"]
    whole = rows[1]
    assert whole[2:4] == ["7", "3"]
    assert rows[3][:2] == ["Fonds", "Norway"]
    assert "Phommachanh" not in text


def test_the_pdf_reads_as_the_coordinator_says_it(conference, programme):
    pdf = donors.report_pdf(conference, None, "en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    text = " ".join(text)
    assert "Report to donors" in text
    assert "Offered: 7. Accepted: 3. Attended: 2." in text
    assert "Bounmy Phommachanh" in text and "Visa refused." in text
    public = donors.report_pdf(conference, None, "ar", public=True)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(public)).pages)
    assert "Phommachanh" not in text and "Visa refused" not in text


def report_url(conference):
    return reverse("organizers:sponsorship_report", args=[conference.slug])


def test_the_committee_reads_the_report_and_downloads_it(client, committee, conference, programme):
    client.force_login(committee)
    page = client.get(report_url(conference)).content.decode()
    assert "Offered: 7. Accepted: 3. Attended: 2." in page and "Margaret Arach" in page
    norway = Fund.objects.get(donor="Norway")
    response = client.get(report_url(conference), {"fund": norway.pk})
    assert "Offered: 3." in response.content.decode()
    response = client.get(report_url(conference), {"fund": norway.pk, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"].startswith("private, no-store")
    response = client.get(report_url(conference), {"language": "es", "format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    # Another conference's fund, or nonsense, is no report.
    elsewhere = Fund.objects.create(conference=ConferenceFactory(), donor="X", amount=10)
    for bad in ({"fund": elsewhere.pk}, {"fund": "x"}, {"format": "docx"}, {"language": "zz"}):
        assert client.get(report_url(conference), bad).status_code == 404, bad


def test_the_report_costs_the_same_queries_for_many_offers(
    client, committee, conference, programme
):
    client.force_login(committee)
    client.get(report_url(conference))
    with CaptureQueriesContext(connection) as few:
        client.get(report_url(conference))
    eu = Fund.objects.get(donor="European Union")
    laos = StateFactory(country="LA")
    for _n in range(20):
        offer = Offer.objects.create(
            registration=RegistrationFactory(
                conference=conference, organization=laos, delegate=DelegateFactory()
            ),
            fund=eu,
            kind="full",
            amount=100,
            deadline=END,
            state=OfferState.ACCEPTED,
        )
        ticket(offer, 50)
        came_on(offer, START)
    with CaptureQueriesContext(connection) as many:
        response = client.get(report_url(conference))
    assert response.context["report"].total.offered == 27
    assert len(few) == len(many)


def test_only_the_committee_reads_the_report(
    client, organizer, statement_editor, conference, programme
):
    for user in (organizer, statement_editor):
        client.force_login(user)
        assert client.get(report_url(conference)).status_code == 403
        assert client.get(report_url(conference), {"format": "csv"}).status_code == 403
        publish = reverse("organizers:sponsorship_publish_summary", args=[conference.slug])
        assert client.post(publish).status_code == 403
    assert not Document.objects.exists()


@pytest.mark.shared_parts
def test_the_summary_is_published_as_an_official_document_without_names(
    client, committee, conference, programme
):
    client.force_login(committee)
    publish = reverse("organizers:sponsorship_publish_summary", args=[conference.slug])
    assert client.get(publish).status_code == 405
    client.post(publish)
    document = Document.objects.get()
    assert document.is_published and document.title_fr.startswith("Le programme de parrainage")
    assert sorted(document.files.values_list("language", flat=True)) == ["ar", "en", "es", "fr"]
    documents = client.get(reverse("documents", args=[conference.slug])).content.decode()
    assert "The sponsorship programme: summary" in documents
    english = document.files.get(language="en")
    with english.file.open("rb") as stored:
        text = "\n".join(page.extract_text() for page in PdfReader(stored).pages)
    assert "Offered: 7" in text and "Phommachanh" not in text
    # Published again: the same document, its files made anew.
    client.post(publish)
    assert Document.objects.get() == document
    assert document.files.count() == 4
    assert not document.files.filter(pk=english.pk).exists()
