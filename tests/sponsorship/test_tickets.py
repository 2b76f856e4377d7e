"""The programme records the ticket bought for an accepted offer, its e-ticket and the DSA paid;
the delegate downloads the e-ticket from their private page; nobody else reaches it, and a file
refused leaves nothing behind."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sponsorship import offers
from sponsorship.models import Budget, Fund, OfferKind, Ticket
from tests.conftest import staff_member
from tests.factories import ConferenceFactory, RegistrationFactory, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.fixture
def accepted():
    conference = ConferenceFactory()
    Budget.objects.create(conference=conference, dsa_rate=Decimal("250"), nights=4)
    fund = Fund.objects.create(conference=conference, donor="Norway", amount=Decimal("9000"))
    registration = RegistrationFactory(conference=conference, sponsorship_requested=True)
    made = offers.make_offer(
        registration, fund, OfferKind.FULL, Decimal("2800"), datetime.date(2030, 8, 1), None
    )
    offers.answer(made, accepted=True, name_in_passport="HADDAD AMINA", departure_city="Irbid")
    made.refresh_from_db()
    return made


@pytest.fixture
def committee(django_user_model):
    return staff_member(django_user_model, "committee", "Sponsorship committee")


def ticket_url(offer):
    registration = offer.registration
    return reverse(
        "organizers:sponsorship_ticket", args=[registration.conference.slug, registration.reference]
    )


def ticket_data(**changes):
    return {
        "itinerary": "RJ 112 Amman-Geneva, 14 Sept. 2030, 14:35",
        "cost": "1750",
        "file": SimpleUploadedFile("ticket.pdf", pdf_bytes("E-ticket"), "application/pdf"),
        "dsa_paid": "960",
        "dsa_paid_on": "2030-09-14",
        "dsa_paid_how": "cash",
        **changes,
    }


def test_the_committee_records_the_ticket_and_the_delegate_downloads_it(
    client, committee, accepted
):
    client.force_login(committee)
    response = client.post(ticket_url(accepted), ticket_data())
    assert response.status_code == 302
    recorded = Ticket.objects.get()
    assert recorded.actual_cost == Decimal("2710") and recorded.recorded_by == committee
    client.logout()
    token = accepted.registration.token
    page = client.get(f"/en/registrations/{token}/").content.decode()
    assert "RJ 112 Amman-Geneva" in page
    download = client.get(f"/en/registrations/{token}/sponsorship/e-ticket/")
    assert download.status_code == 200
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_no_one_else_reaches_the_e_ticket(client, committee, organizer, accepted):
    client.force_login(committee)
    client.post(ticket_url(accepted), ticket_data())
    other = RegistrationFactory(conference=accepted.registration.conference)
    assert client.get(f"/en/registrations/{other.token}/sponsorship/e-ticket/").status_code == 404
    registration = accepted.registration
    staff_download = reverse(
        "organizers:sponsorship_e_ticket",
        args=[registration.conference.slug, registration.reference],
    )
    assert client.get(staff_download).status_code == 200
    client.force_login(organizer)
    assert client.get(staff_download).status_code == 403
    assert client.post(ticket_url(accepted), ticket_data()).status_code == 403


def test_a_file_that_is_not_a_pdf_is_refused_and_leaves_nothing(client, committee, accepted):
    client.force_login(committee)
    before = (
        set(default_storage.listdir("tickets")[1]) if default_storage.exists("tickets") else set()
    )
    text = SimpleUploadedFile("ticket.pdf", b"not a pdf at all", "application/pdf")
    response = client.post(ticket_url(accepted), ticket_data(file=text))
    assert response.status_code == 200
    assert 'value="1750"' in response.content.decode()
    assert not Ticket.objects.exists()
    after = (
        set(default_storage.listdir("tickets")[1]) if default_storage.exists("tickets") else set()
    )
    assert after == before


def test_a_ticket_needs_an_accepted_offer(client, committee, accepted):
    offers.lapse(datetime.date(2031, 1, 1))  # accepted: does not lapse
    client.force_login(committee)
    other = RegistrationFactory(
        conference=accepted.registration.conference, sponsorship_requested=True
    )
    url = reverse("organizers:sponsorship_ticket", args=[other.conference.slug, other.reference])
    assert client.post(url, ticket_data()).status_code == 404
    assert not Ticket.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_anonymising_keeps_the_costs_and_deletes_the_e_ticket(client, committee, accepted):
    from registrations import personal_data
    from registrations.models import Registration

    client.force_login(committee)
    client.post(ticket_url(accepted), ticket_data())
    stored = Ticket.objects.get().file.name
    [exported] = personal_data.everything_about(accepted.registration.delegate, reader=committee)[
        "registrations"
    ]
    assert exported["offer"][0]["ticket"]["itinerary"].startswith("RJ 112")
    personal_data.anonymise(Registration.objects.filter(pk=accepted.registration_id))
    ticket = Ticket.objects.get()
    assert (ticket.itinerary, ticket.file.name, ticket.cost) == ("", "", Decimal("1750"))
    assert not default_storage.exists(stored)


def test_the_dsa_is_recorded_later_without_sending_the_e_ticket_again(client, committee, accepted):
    client.force_login(committee)
    client.post(ticket_url(accepted), ticket_data(dsa_paid="", dsa_paid_on="", dsa_paid_how=""))
    stored = Ticket.objects.get().file.name
    page = client.get(ticket_url(accepted).replace("ticket/", "")).content.decode()
    assert stored not in page  # the page never links to the stored file itself
    data = ticket_data(dsa_paid="960")
    del data["file"]
    assert client.post(ticket_url(accepted), data).status_code == 302
    ticket = Ticket.objects.get()
    assert (ticket.file.name, ticket.dsa_paid) == (stored, Decimal("960"))
