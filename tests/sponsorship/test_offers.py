"""Offers hold money of their fund: never beyond it without the committee's confirmation, even
when two committee members offer at once; one live offer per candidate; an answer once; an offer
not answered by its deadline lapses and frees its money."""

import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from registrations.models import Registration
from sponsorship import offers
from sponsorship.models import Fund, Offer, OfferKind, OfferState
from tests.factories import ConferenceFactory, RegistrationFactory

DEADLINE = datetime.date(2030, 8, 1)


@pytest.fixture
def fund(db):
    return Fund.objects.create(
        conference=ConferenceFactory(), donor="Norway", amount=Decimal("5000")
    )


def offer(fund, amount, **options):
    registration = RegistrationFactory(conference=fund.conference, sponsorship_requested=True)
    return offers.make_offer(
        registration, fund, OfferKind.FULL, Decimal(amount), DEADLINE, None, **options
    )


@pytest.mark.django_db
def test_an_offer_beyond_the_fund_needs_confirmation(fund):
    offer(fund, "3000")
    with pytest.raises(offers.BeyondTheFund) as refused:
        offer(fund, "2500")
    assert refused.value.left == Decimal("2000")
    assert Offer.objects.count() == 1
    offer(fund, "2500", beyond_the_fund=True)
    assert offers.committed(fund) == Decimal("5500")


@pytest.mark.django_db
def test_a_candidate_holds_one_live_offer(fund):
    first = offer(fund, "1000")
    with pytest.raises(offers.AlreadyOffered):
        offers.make_offer(
            first.registration, fund, OfferKind.PARTIAL, Decimal("500"), DEADLINE, None
        )
    assert offers.answer(first, accepted=False)
    again = offers.make_offer(
        first.registration, fund, OfferKind.PARTIAL, Decimal("500"), DEADLINE, None
    )
    assert again.state == OfferState.OFFERED


@pytest.mark.django_db
def test_an_answer_counts_once_and_an_acceptance_sponsors(fund):
    made = offer(fund, "1000")
    assert offers.answer(
        made, accepted=True, name_in_passport="AMINA HADDAD", departure_city="Irbid"
    )
    assert not offers.answer(made, accepted=False)
    made.refresh_from_db()
    assert (made.state, made.name_in_passport, made.departure_city) == (
        OfferState.ACCEPTED,
        "AMINA HADDAD",
        "Irbid",
    )
    assert Registration.objects.get(pk=made.registration_id).is_sponsored


@pytest.mark.django_db
def test_an_offer_not_answered_by_its_deadline_lapses_and_frees_its_money(fund):
    waiting = offer(fund, "4000")
    accepted = offer(fund, "1000")
    offers.answer(accepted, accepted=True)
    assert offers.lapse(DEADLINE) == 0  # the deadline day itself still counts
    assert offers.lapse(DEADLINE + datetime.timedelta(days=1)) == 1
    waiting.refresh_from_db()
    assert waiting.state == OfferState.LAPSED
    assert not offers.answer(waiting, accepted=True)
    assert offers.committed(fund) == Decimal("1000")


@pytest.mark.django_db(transaction=True)
def test_two_members_offering_at_once_never_pass_the_fund_unasked(fund):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    candidates = [
        RegistrationFactory(conference=fund.conference, sponsorship_requested=True)
        for _n in range(4)
    ]
    barrier = threading.Barrier(len(candidates))
    outcomes = []

    def offer_to(registration):
        try:
            barrier.wait()
            offers.make_offer(registration, fund, OfferKind.FULL, Decimal("2000"), DEADLINE, None)
            outcomes.append("offered")
        except offers.BeyondTheFund:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=offer_to, args=[each]) for each in candidates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["offered", "offered", "refused", "refused"]
    assert offers.committed(fund) == Decimal("4000")


@pytest.mark.django_db
def test_the_command_lapses_the_offers_past_their_deadline(fund):
    past = offer(fund, "1000")
    Offer.objects.filter(pk=past.pk).update(deadline=datetime.date(2020, 1, 1))
    offer(fund, "1000")  # its deadline, in 2030, is still to come
    outputs = [io.StringIO(), io.StringIO()]
    for output in outputs:
        call_command("lapse_sponsorship_offers", stdout=output)
    assert [output.getvalue() for output in outputs] == ["Offers lapsed: 1\n", "Offers lapsed: 0\n"]


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["declined", "cancelled"])
def test_a_registration_ended_has_its_offer_withdrawn(fund, status):
    made = offer(fund, "3000")
    registration = made.registration
    registration.status = status
    registration.save()
    made.refresh_from_db()
    assert made.state == OfferState.WITHDRAWN
    assert offers.committed(fund) == 0


@pytest.mark.django_db
def test_the_offers_are_in_the_personal_data_and_anonymised(fund, django_user_model):
    from registrations import personal_data
    from tests.conftest import staff_member

    committee = staff_member(django_user_model, "committee", "Sponsorship committee")
    made = offer(fund, "3000")
    offers.answer(made, accepted=True, name_in_passport="HADDAD AMINA", departure_city="Irbid")
    delegate = made.registration.delegate
    [exported] = personal_data.everything_about(delegate, reader=committee)["registrations"]
    assert exported["offer"][0]["name_in_passport"] == "HADDAD AMINA"
    [exported] = personal_data.everything_about(delegate)["registrations"]
    assert "HADDAD" not in str(exported)
    personal_data.anonymise(Registration.objects.filter(pk=made.registration_id))
    made.refresh_from_db()
    assert (made.name_in_passport, made.departure_city, made.amount) == ("", "", 3000)
    assert made.state == OfferState.ACCEPTED
