"""The sponsorship committee's list of candidates: every registration under way that asked for
travel support, with what the committee weighs and what each would cost as the programme
estimates it; filtered and sorted; in a number of queries that does not grow with the
candidates; and seen by the committee alone."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registrations import personal_data
from registrations.models import Delivery, EmailKind, Registration, Status
from sponsorship import candidates
from sponsorship.models import Budget, Candidacy, FareEstimate, Fund, Offer
from tests.conftest import staff_member
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        start_date=datetime.date(2030, 9, 10), end_date=datetime.date(2030, 9, 12)
    )
    Budget.objects.create(conference=conference, dsa_rate=Decimal("250"), nights=4)
    FareEstimate.objects.create(conference=conference, country="LA", amount=Decimal("1800"))
    FareEstimate.objects.create(conference=conference, country="CO", amount=Decimal("1200"))
    Fund.objects.create(conference=conference, donor="European Union", amount=Decimal("47000"))
    Fund.objects.create(conference=conference, donor="Norway", amount=Decimal("20000"))
    return conference


@pytest.fixture
def committee(django_user_model):
    return staff_member(django_user_model, "committee", "Sponsorship committee")


@pytest.fixture
def requests(conference):
    laos = StateFactory(country="LA", name_en="Lao People's Democratic Republic")
    colombia = StateFactory(country="CO", name_en="Colombia", has_va_obligations=False)
    network = OrganizationFactory(name_en="Survivors' Network", kind="survivors", country="UG")
    return {
        "laos": RegistrationFactory(
            conference=conference,
            organization=laos,
            given_name="Bounmy",
            family_name="Phommachanh",
            sponsorship_requested=True,
            sponsorship_justification="National victim assistance focal point.",
            status=Status.SUBMITTED,
        ),
        "colombia": RegistrationFactory(
            conference=conference,
            organization=colombia,
            given_name="Lucía",
            family_name="Gómez",
            sponsorship_requested=True,
            status=Status.CONFIRMED,
        ),
        "network": RegistrationFactory(
            conference=conference,
            organization=network,
            given_name="Margaret",
            family_name="Arach",
            sponsorship_requested=True,
            is_survivor=True,
            status=Status.SUBMITTED,
        ),
    }


def listing(conference):
    return reverse("organizers:sponsorship_candidates", args=[conference.slug])


def test_each_candidate_has_an_estimated_cost(conference, requests):
    RegistrationFactory(conference=conference, status=Status.SUBMITTED)  # asked for nothing
    RegistrationFactory(conference=conference, sponsorship_requested=True, status=Status.CANCELLED)
    rows = {row.name: row for row in candidates.candidates(conference)}
    assert set(rows) == {"Bounmy Phommachanh", "Lucía Gómez", "Margaret Arach"}
    # The return fare from the country, and 4 nights at 250 a night.
    assert rows["Bounmy Phommachanh"].cost == Decimal("2800")
    assert rows["Lucía Gómez"].cost == Decimal("2200")
    assert rows["Margaret Arach"].cost is None  # no fare estimate for Uganda yet
    assert rows["Bounmy Phommachanh"].has_obligations
    assert not rows["Lucía Gómez"].has_obligations
    assert candidates.funds_total(conference) == Decimal("67000")


def test_sponsored_at_an_earlier_conference_is_said(conference, requests):
    delegate = requests["colombia"].delegate
    RegistrationFactory(
        conference=ConferenceFactory(
            start_date=datetime.date(2029, 9, 10), end_date=datetime.date(2029, 9, 12)
        ),
        delegate=delegate,
        is_sponsored=True,
    )
    RegistrationFactory(  # later, not earlier
        conference=ConferenceFactory(
            start_date=datetime.date(2031, 9, 10), end_date=datetime.date(2031, 9, 12)
        ),
        delegate=requests["laos"].delegate,
        is_sponsored=True,
    )
    rows = {row.name: row for row in candidates.candidates(conference)}
    assert rows["Lucía Gómez"].sponsored_before
    assert not rows["Bounmy Phommachanh"].sponsored_before


def test_the_committee_filters_and_sorts_the_candidates(client, committee, conference, requests):
    Candidacy.objects.create(registration=requests["network"], score=9)
    Candidacy.objects.create(registration=requests["laos"], score=7)
    client.force_login(committee)
    response = client.get(listing(conference))
    assert response.status_code == 200
    names = [row.name for row in response.context["rows"]]
    assert names == ["Margaret Arach", "Bounmy Phommachanh", "Lucía Gómez"]
    page = response.content.decode()
    assert "National victim assistance focal point." in page
    assert "67,000.00" in page or "67000.00" in page

    by_cost = client.get(listing(conference), {"order": "cost"}).context["rows"]
    assert [row.name for row in by_cost] == ["Bounmy Phommachanh", "Lucía Gómez", "Margaret Arach"]
    survivors = client.get(listing(conference), {"survivor": "yes"}).context["rows"]
    assert [row.name for row in survivors] == ["Margaret Arach"]
    bound = client.get(listing(conference), {"obligations": "on"}).context["rows"]
    assert [row.name for row in bound] == ["Bounmy Phommachanh"]
    states = client.get(listing(conference), {"kind": "state", "order": "name"}).context["rows"]
    assert [row.name for row in states] == ["Bounmy Phommachanh", "Lucía Gómez"]
    # A choice that does not exist shows every candidate, in the default order.
    response = client.get(listing(conference), {"kind": "nonsense", "order": "x"})
    assert response.status_code == 200 and len(response.context["rows"]) == 3


def test_the_list_costs_the_same_queries_for_many_candidates(
    client, committee, conference, requests
):
    client.force_login(committee)
    client.get(listing(conference))
    with CaptureQueriesContext(connection) as few:
        client.get(listing(conference))
    for _n in range(30):
        RegistrationFactory(
            conference=conference,
            organization=StateFactory(country="LA"),
            delegate=DelegateFactory(),
            sponsorship_requested=True,
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(listing(conference))
    assert len(response.context["rows"]) == 33
    assert len(few) == len(many)


def test_only_the_committee_sees_the_programme(
    client, organizer, statement_editor, django_user_model, conference, requests
):
    visas = staff_member(django_user_model, "visas", "Visa officers")
    for user in (organizer, statement_editor, visas):
        client.force_login(user)
        assert client.get(listing(conference)).status_code == 403, user
        for model in ("fund", "fareestimate", "budget"):
            url = reverse(f"admin:sponsorship_{model}_changelist")
            assert client.get(url).status_code == 403, (user, model)
    # The organizers' dashboard does not lead there; the committee's does.
    client.force_login(organizer)
    dashboard = reverse("organizers:dashboard", args=[conference.slug])
    assert listing(conference) not in client.get(dashboard).content.decode()


def test_the_committee_reaches_the_programme_from_the_dashboard(client, committee, conference):
    client.force_login(committee)
    page = client.get(reverse("organizers:dashboard", args=[conference.slug])).content.decode()
    assert listing(conference) in page
    for model in ("fund", "fareestimate"):
        url = reverse(f"admin:sponsorship_{model}_changelist")
        assert f"{url}?conference__id__exact={conference.pk}" in page.replace("&amp;", "&")
        assert client.get(url).status_code == 200
    budget = reverse("admin:sponsorship_budget_change", args=[conference.sponsorship_budget.pk])
    assert budget in page


def test_a_fund_is_more_than_nothing_and_a_country_has_one_estimate(conference):
    with pytest.raises(IntegrityError), transaction.atomic():
        Fund.objects.create(conference=conference, donor="Nobody", amount=Decimal("0"))
    with pytest.raises(IntegrityError), transaction.atomic():
        FareEstimate.objects.create(conference=conference, country="LA", amount=Decimal("1"))


def weigh(conference, registration):
    return reverse("organizers:sponsorship_weigh", args=[conference.slug, registration.reference])


def test_the_committee_scores_a_candidate_and_notes_why(client, committee, conference, requests):
    laos = requests["laos"]
    client.force_login(committee)
    assert weigh(conference, laos) in client.get(listing(conference)).content.decode()
    page = client.get(weigh(conference, laos)).content.decode()
    assert "National victim assistance focal point." in page and "2,800.00" in page
    response = client.post(weigh(conference, laos), {"score": "11", "notes": "Strong case."})
    assert response.status_code == 200
    assert "Strong case." in response.content.decode()
    assert not Candidacy.objects.exists()
    response = client.post(weigh(conference, laos), {"score": "8", "notes": "Strong case."})
    assert response.status_code == 302
    candidacy = Candidacy.objects.get()
    assert (candidacy.registration, candidacy.score, candidacy.updated_by) == (laos, 8, committee)
    client.post(weigh(conference, laos), {"score": "9", "notes": ""})
    assert Candidacy.objects.get().score == 9


def test_only_a_request_of_the_conference_is_weighed(client, committee, conference, requests):
    client.force_login(committee)
    elsewhere = RegistrationFactory(sponsorship_requested=True)
    no_request = RegistrationFactory(conference=conference)
    for registration in (elsewhere, no_request):
        assert client.get(weigh(conference, registration)).status_code == 404
        assert client.post(weigh(conference, registration), {"score": "9"}).status_code == 404
    assert not Candidacy.objects.exists()


def test_other_staff_cannot_weigh(client, organizer, conference, requests):
    client.force_login(organizer)
    url = weigh(conference, requests["laos"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"score": "9"}).status_code == 403
    assert not Candidacy.objects.exists()


def test_the_committees_view_is_in_the_personal_data_and_anonymised(
    committee, organizer, conference, requests
):
    laos = requests["laos"]
    Candidacy.objects.create(
        registration=laos, score=8, notes="Met her in Vientiane.", updated_by=committee
    )
    [exported] = personal_data.everything_about(laos.delegate, reader=committee)["registrations"]
    assert exported["candidacy"] == {"score": 8, "notes": "Met her in Vientiane."}
    # Other staff who export it learn only that it is held.
    [exported] = personal_data.everything_about(laos.delegate, reader=organizer)["registrations"]
    assert "Met her" not in str(exported) and exported["candidacy"].startswith("Held")
    personal_data.anonymise(Registration.objects.filter(pk=laos.pk))
    candidacy = Candidacy.objects.get()
    assert (candidacy.score, candidacy.notes, candidacy.updated_by) == (8, "", None)


def offer_url(conference, registration):
    return reverse("organizers:sponsorship_offer", args=[conference.slug, registration.reference])


@pytest.mark.usefixtures("worker_queue")
def test_the_committee_offers_within_the_fund_or_on_confirmation(
    client, committee, conference, requests
):
    laos, colombia = requests["laos"], requests["colombia"]
    norway = Fund.objects.get(donor="Norway")
    client.force_login(committee)
    page = client.get(weigh(conference, laos)).content.decode()
    assert 'value="2800.00"' in page or 'value="2800"' in page  # the estimate, proposed
    deadline = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    posted = {"fund": norway.pk, "kind": "full", "deadline": deadline}
    response = client.post(offer_url(conference, laos), {**posted, "amount": "18000"})
    assert response.status_code == 302
    made = Offer.objects.get()
    assert (made.registration, made.amount, made.offered_by) == (laos, 18000, committee)
    assert Delivery.objects.get().kind == EmailKind.SPONSORSHIP_OFFERED
    # 2,000 left of Norway's 20,000: more needs the box ticked, and nothing is lost.
    response = client.post(offer_url(conference, colombia), {**posted, "amount": "2200"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Only 2,000.00 is left in this fund" in page and 'value="2200"' in page
    assert Offer.objects.count() == 1
    response = client.post(
        offer_url(conference, colombia), {**posted, "amount": "2200", "beyond_the_fund": "on"}
    )
    assert response.status_code == 302 and Offer.objects.count() == 2
    # Twice to the same candidate: refused.
    response = client.post(offer_url(conference, colombia), {**posted, "amount": "100"})
    assert "already holds an offer" in response.content.decode()
    assert Offer.objects.count() == 2


def test_an_offer_is_refused_a_past_deadline_or_another_conferences_fund(
    client, committee, conference, requests
):
    client.force_login(committee)
    elsewhere = Fund.objects.create(conference=ConferenceFactory(), donor="X", amount=100)
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    future = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    norway = Fund.objects.get(donor="Norway")
    url = offer_url(conference, requests["laos"])
    for fund, deadline in ((norway, past), (elsewhere, future)):
        data = {"fund": fund.pk, "kind": "full", "amount": "10", "deadline": deadline}
        assert client.post(url, data).status_code == 200
    assert not Offer.objects.exists()


def test_other_staff_cannot_offer(client, organizer, conference, requests):
    client.force_login(organizer)
    norway = Fund.objects.get(donor="Norway")
    data = {"fund": norway.pk, "kind": "full", "amount": "10", "deadline": "2031-01-01"}
    assert client.post(offer_url(conference, requests["laos"]), data).status_code == 403
    assert not Offer.objects.exists()


def test_each_fund_says_what_its_offers_commit_and_what_is_left(
    client, committee, conference, requests
):
    from sponsorship import offers

    norway = Fund.objects.get(donor="Norway")
    deadline = timezone.localdate() + datetime.timedelta(days=5)
    waiting = offers.make_offer(requests["laos"], norway, "full", Decimal("2800"), deadline, None)
    declined = offers.make_offer(
        requests["colombia"], norway, "full", Decimal("2200"), deadline, None
    )
    offers.answer(declined, accepted=False)
    funds = {fund.donor: fund for fund in candidates.funds_of(conference)}
    assert (funds["Norway"].committed, funds["Norway"].left) == (Decimal("2800"), Decimal("17200"))
    assert (funds["European Union"].committed, funds["European Union"].left) == (0, 47000)
    client.force_login(committee)
    page = client.get(listing(conference)).content.decode()
    assert "17,200.00" in page and "2,800.00" in page
    assert waiting.state == "offered"
