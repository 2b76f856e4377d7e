"""A conference's sponsorship programme in the demonstration data: its rates, funds and fare
estimates, and the committee's offers with their tickets and the delegates' check-ins; what a
data file says of it (SPONSORSHIP), and how it is loaded."""

import hashlib

from django.core.files.base import ContentFile

from registrations.models import Attendance, Registration
from sponsorship.models import (
    Budget,
    FareEstimate,
    Fund,
    Offer,
    OfferKind,
    OfferState,
    PaidHow,
    Pays,
    Ticket,
)

from .data_values import Field, choice, date, integer, list_of, name_of, table, table_of, text
from .statement_pdfs import demonstration_pdf

# A donor's contribution to the sponsorship programme, in the programme's currency.
FUND = {"donor": Field(text), "amount": Field(integer), "pays": Field(choice(Pays), Pays.BOTH)}

# The ticket bought for an accepted offer, and the DSA paid (its e-ticket is a demonstration PDF).
TICKET = {
    "itinerary": Field(text),
    "cost": Field(integer),
    "dsa_paid": Field(integer, None),
    "dsa_paid_on": Field(date, None),
    "dsa_paid_how": Field(choice(PaidHow), ""),
}

# An offer of the committee to the delegate's registration at the conference, from the fund of
# `donor`; `checked_in` are the days the delegate was checked in at the venue.
OFFER = {
    "delegate": Field(name_of("delegate")),
    "donor": Field(text),
    "kind": Field(choice(OfferKind), OfferKind.FULL),
    "amount": Field(integer),
    "deadline": Field(date),
    "state": Field(choice(OfferState)),
    "name_in_passport": Field(text, ""),
    "departure_city": Field(text, ""),
    "ticket": Field(table(TICKET), None),
    "checked_in": Field(list_of(date), ()),
    "absence_reason": Field(text, ""),
}

# The conference's sponsorship programme: its currency, DSA rate and nights paid, its funds, the
# return fare estimated from each country (by ISO code), and the committee's offers.
SPONSORSHIP = {
    "currency": Field(text, "CHF"),
    "dsa_rate": Field(integer),
    "nights": Field(integer),
    "funds": Field(list_of(table(FUND)), ()),
    "fares": Field(table_of(integer), {}),
    "offers": Field(list_of(table(OFFER)), ()),
}


def load_sponsorship(data, conference):
    Budget.objects.update_or_create(
        conference=conference,
        defaults={
            "currency": data["currency"],
            "dsa_rate": data["dsa_rate"],
            "nights": data["nights"],
        },
    )
    funds = {}
    for fund in data["funds"]:
        funds[fund["donor"]], _created = Fund.objects.update_or_create(
            conference=conference,
            donor=fund["donor"],
            defaults={"amount": fund["amount"], "pays": fund["pays"]},
        )
    for country, amount in data["fares"].items():
        FareEstimate.objects.update_or_create(
            conference=conference, country=country, defaults={"amount": amount}
        )
    for offer in data["offers"]:
        load_offer(offer, conference, funds)


def load_offer(data, conference, funds):
    registration = Registration.objects.get(conference=conference, delegate__email=data["delegate"])
    offer, _created = Offer.objects.update_or_create(
        registration=registration,
        fund=funds[data["donor"]],
        defaults={
            "kind": data["kind"],
            "amount": data["amount"],
            "deadline": data["deadline"],
            "state": data["state"],
            "name_in_passport": data["name_in_passport"],
            "departure_city": data["departure_city"],
            "absence_reason": data["absence_reason"],
        },
    )
    if offer.state == OfferState.ACCEPTED:
        Registration.objects.filter(pk=registration.pk).update(is_sponsored=True)
    if data["ticket"]:
        load_ticket(data["ticket"], offer)
    for day in data["checked_in"]:
        Attendance.objects.get_or_create(
            registration=registration, day=day, defaults={"name": registration.full_name}
        )


def load_ticket(data, offer):
    content = demonstration_pdf(
        "Demonstration e-ticket - not a ticket.",
        ["", f"Passenger: {offer.name_in_passport}", f"Itinerary: {data['itinerary']}"],
    )
    ticket = Ticket.objects.filter(offer=offer).first() or Ticket(offer=offer)
    for field, value in data.items():
        setattr(ticket, field, value)
    earlier = ticket.file.name if ticket.pk else None
    unchanged = (
        earlier
        and ticket.checksum == hashlib.sha256(content).hexdigest()
        and ticket.file.storage.exists(earlier)
    )
    if not unchanged:
        # Only the suffix of this name is kept: stored_file_name() draws a random one.
        ticket.file.save("e-ticket.pdf", ContentFile(content), save=False)
    ticket.save()
    if earlier and not unchanged:
        ticket.file.storage.delete(earlier)
