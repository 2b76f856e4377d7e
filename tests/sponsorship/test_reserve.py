"""The reserve list, the committee withdrawing an offer, the candidates' region, and the reason a
sponsored delegate did not come."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from registrations.models import Registration, Status
from sponsorship import offers
from sponsorship.models import Budget, Candidacy, Fund, Offer, OfferState
from tests.conftest import staff_member
from tests.factories import ConferenceFactory, OrganizationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        start_date=datetime.date(2030, 9, 10), end_date=datetime.date(2030, 9, 12)
    )
    Budget.objects.create(conference=conference, dsa_rate=Decimal("250"), nights=4)
    return conference


@pytest.fixture
def fund(conference):
    return Fund.objects.create(conference=conference, donor="Norway", amount=Decimal("5000"))


@pytest.fixture
def committee(django_user_model):
    return staff_member(django_user_model, "committee", "Sponsorship committee")


def candidate(conference, name, country, score=None):
    given, family = name.split()
    registration = RegistrationFactory(
        conference=conference,
        organization=OrganizationFactory(country=country),
        given_name=given,
        family_name=family,
        sponsorship_requested=True,
        status=Status.SUBMITTED,
    )
    if score is not None:
        Candidacy.objects.create(registration=registration, score=score)
    return registration


def deadline():
    return timezone.localdate() + datetime.timedelta(days=7)


def listing(conference, **query):
    return reverse("organizers:sponsorship_candidates", args=[conference.slug])


def test_the_reserve_list_follows_the_score_and_a_lapsed_offer_names_the_next(
    client, committee, conference, fund
):
    offered = candidate(conference, "Amina Haddad", "JO", score=10)
    candidate(conference, "Lucía Gómez", "CO", score=6)
    candidate(conference, "Bounmy Phommachanh", "LA", score=8)
    candidate(conference, "Unscored Person", "FR")
    made = offers.make_offer(offered, fund, "full", Decimal("2000"), deadline(), None)
    client.force_login(committee)
    response = client.get(listing(conference))
    assert [row.name for row in response.context["reserve"]] == [
        "Bounmy Phommachanh",
        "Lucía Gómez",
    ]
    assert response.context["lapsed"] == 0
    Offer.objects.filter(pk=made.pk).update(deadline=datetime.date(2020, 1, 1))
    assert offers.lapse() == 1
    page = client.get(listing(conference)).content.decode()
    assert "1 offer lapsed" in page
    reserve = page[page.index('<ol id="reserve">') :]
    assert reserve.index("Bounmy Phommachanh") < reserve.index("Lucía Gómez")
    # The lapsed candidate is not on the reserve list again, and the list says the offer lapsed.
    assert "Amina Haddad" not in reserve[: reserve.index("</ol>")]
    assert "Lapsed: not accepted by its deadline" in page


def withdraw_url(conference, offer):
    return reverse(
        "organizers:sponsorship_withdraw",
        args=[conference.slug, offer.registration.reference, offer.pk],
    )


def test_the_committee_withdraws_an_offer_and_its_money_is_free(
    client, committee, organizer, conference, fund
):
    registration = candidate(conference, "Amina Haddad", "JO", score=10)
    made = offers.make_offer(registration, fund, "full", Decimal("2000"), deadline(), None)
    offers.answer(made, accepted=True, name_in_passport="HADDAD AMINA", departure_city="Amman")
    assert Registration.objects.get(pk=registration.pk).is_sponsored
    client.force_login(organizer)
    assert client.post(withdraw_url(conference, made)).status_code == 403
    client.force_login(committee)
    assert client.get(withdraw_url(conference, made)).status_code == 405
    response = client.post(withdraw_url(conference, made), follow=True)
    assert "is withdrawn" in response.content.decode()
    made.refresh_from_db()
    assert (made.state, made.withdrawn_by) == (OfferState.WITHDRAWN, committee)
    assert made.ended_at is not None
    assert offers.committed(fund) == 0
    # The visa letter no longer says the programme pays.
    assert not Registration.objects.get(pk=registration.pk).is_sponsored
    # Twice: nothing more happens.
    response = client.post(withdraw_url(conference, made), follow=True)
    assert "nothing was withdrawn" in response.content.decode()


def test_an_offer_is_withdrawn_only_through_its_own_candidate(client, committee, conference, fund):
    first = candidate(conference, "Amina Haddad", "JO")
    second = candidate(conference, "Lucía Gómez", "CO")
    made = offers.make_offer(first, fund, "full", Decimal("2000"), deadline(), None)
    client.force_login(committee)
    url = reverse(
        "organizers:sponsorship_withdraw", args=[conference.slug, second.reference, made.pk]
    )
    client.post(url)
    made.refresh_from_db()
    assert made.state == OfferState.OFFERED
    elsewhere = reverse(
        "organizers:sponsorship_withdraw",
        args=[ConferenceFactory().slug, first.reference, made.pk],
    )
    assert client.post(elsewhere).status_code == 404


def test_the_candidates_are_filtered_and_sorted_by_region(client, committee, conference):
    candidate(conference, "Amina Haddad", "JO")
    candidate(conference, "Lucía Gómez", "CO")
    candidate(conference, "Margaret Arach", "UG")
    client.force_login(committee)
    response = client.get(listing(conference), {"region": "americas"})
    assert [row.name for row in response.context["rows"]] == ["Lucía Gómez"]
    response = client.get(listing(conference), {"order": "region"})
    assert [row.region for row in response.context["rows"]] == ["Africa", "Americas", "Asia"]
    assert "Americas" in response.content.decode()


def test_the_committee_notes_why_a_sponsored_delegate_did_not_come(
    client, committee, conference, fund
):
    registration = candidate(conference, "Amina Haddad", "JO")
    made = offers.make_offer(registration, fund, "full", Decimal("2000"), deadline(), None)
    url = reverse("organizers:sponsorship_absence", args=[conference.slug, registration.reference])
    client.force_login(committee)
    # No accepted offer yet: nothing to note.
    assert client.post(url, {"absence_reason": "Visa refused."}).status_code == 404
    offers.answer(made, accepted=True)
    weigh = reverse("organizers:sponsorship_weigh", args=[conference.slug, registration.reference])
    assert "Not checked in yet" in client.get(weigh).content.decode()
    client.post(url, {"absence_reason": "Visa refused."})
    made.refresh_from_db()
    assert made.absence_reason == "Visa refused."
