"""The delegate answers the sponsorship programme's offer from their private page: accepting
confirms the name as in the passport and the city of departure; another registration's link
reaches nothing; an offer answered, lapsed or withdrawn cannot be answered again."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from registrations.models import Registration
from sponsorship import offers
from sponsorship.models import Budget, Fund, OfferKind, OfferState
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.fixture
def offer():
    conference = ConferenceFactory()
    Budget.objects.create(conference=conference, dsa_rate=Decimal("250"), nights=4)
    fund = Fund.objects.create(conference=conference, donor="Norway", amount=Decimal("9000"))
    registration = RegistrationFactory(
        conference=conference, sponsorship_requested=True, language="es"
    )
    return offers.make_offer(
        registration, fund, OfferKind.FULL, Decimal("2800"), datetime.date(2030, 8, 1), None
    )


def answer_url(registration, language="en"):
    return f"/{language}" + reverse("sponsorship_offer_answer", args=[registration.token])[3:]


def test_the_private_page_shows_the_offer_and_leads_to_the_answer(client, offer):
    registration = offer.registration
    page = client.get(f"/es/registrations/{registration.token}/").content.decode()
    assert "CHF 2\u00a0800,00" in page
    assert answer_url(registration, "es") in page


def test_accepting_needs_the_name_in_the_passport_and_the_city(client, offer):
    url = answer_url(offer.registration)
    response = client.post(url, {"accept": "", "departure_city": "Vientiane"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Needed to accept the offer" in page and 'value="Vientiane"' in page
    offer.refresh_from_db()
    assert offer.state == OfferState.OFFERED
    response = client.post(
        url, {"accept": "", "name_in_passport": "PHOMMACHANH BOUNMY", "departure_city": "Vientiane"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.state, offer.name_in_passport, offer.departure_city) == (
        OfferState.ACCEPTED,
        "PHOMMACHANH BOUNMY",
        "Vientiane",
    )
    assert Registration.objects.get(pk=offer.registration_id).is_sponsored
    # Answered: the page is gone, and the private page says it is accepted.
    assert client.get(url).status_code == 404
    assert client.post(url, {"decline": ""}).status_code == 404
    page = client.get(f"/en/registrations/{offer.registration.token}/").content.decode()
    assert "You accepted the sponsorship programme" in page


def test_declining_needs_nothing_and_frees_the_money(client, offer):
    response = client.post(answer_url(offer.registration), {"decline": ""})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.state == OfferState.DECLINED
    assert offers.committed(offer.fund) == 0


def test_another_registrations_link_reaches_no_offer(client, offer):
    other = RegistrationFactory(conference=offer.registration.conference)
    assert client.get(answer_url(other)).status_code == 404
    assert client.post(answer_url(other), {"decline": ""}).status_code == 404
    offer.refresh_from_db()
    assert offer.state == OfferState.OFFERED


def test_a_lapsed_offer_cannot_be_accepted(client, offer):
    offers.lapse(datetime.date(2030, 8, 2))
    url = answer_url(offer.registration)
    assert (
        client.post(url, {"accept": "", "name_in_passport": "X", "departure_city": "Y"}).status_code
        == 404
    )
    offer.refresh_from_db()
    assert offer.state == OfferState.LAPSED
