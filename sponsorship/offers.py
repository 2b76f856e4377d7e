"""The committee's offers: what each fund has committed, an offer made within the fund or, on
confirmation, beyond it, and the answers to an offer.

An offer holds its amount of its fund from the moment it is made until it is declined, lapses
or is withdrawn. Two committee members offering at once from the same fund cannot both take the
last of it: each offer locks the fund's row (on PostgreSQL) while it counts what is committed.
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from registrations.models import Registration

from .models import COMMITTING, Fund, Offer, OfferState


class BeyondTheFund(Exception):
    """The offer would commit more than the fund holds; `left` is what remains of it."""

    def __init__(self, left):
        super().__init__(left)
        self.left = left


class AlreadyOffered(Exception):
    """The candidate holds an offer waiting for an answer, or accepted."""


def committed(fund):
    """What `fund` holds for offers waiting for an answer or accepted."""
    total = fund.offers.filter(state__in=COMMITTING).aggregate(total=Sum("amount"))["total"]
    return total or Decimal(0)


@transaction.atomic
def make_offer(registration, fund, kind, amount, deadline, by, beyond_the_fund=False):
    """Offer to sponsor `registration` from `fund`; refused with BeyondTheFund when the fund
    cannot hold `amount` more, unless the committee confirmed it (`beyond_the_fund`)."""
    if registration.sponsorship_offers.filter(state__in=COMMITTING).exists():
        raise AlreadyOffered
    fund = Fund.objects.select_for_update().get(pk=fund.pk)
    left = max(fund.amount - committed(fund), Decimal(0))
    if amount > left and not beyond_the_fund:
        raise BeyondTheFund(left)
    try:
        with transaction.atomic():
            return Offer.objects.create(
                registration=registration,
                fund=fund,
                kind=kind,
                amount=amount,
                deadline=deadline,
                offered_by=by,
            )
    except IntegrityError:
        raise AlreadyOffered from None


def answer(offer, accepted, name_in_passport="", departure_city=""):
    """The delegate's answer to an offer waiting for one; False if it was no longer waiting."""
    state = OfferState.ACCEPTED if accepted else OfferState.DECLINED
    changed = Offer.objects.filter(pk=offer.pk, state=OfferState.OFFERED).update(
        state=state,
        answered_at=timezone.now(),
        name_in_passport=name_in_passport,
        departure_city=departure_city,
    )
    if changed and accepted:
        Registration.objects.filter(pk=offer.registration_id).update(is_sponsored=True)
    return bool(changed)


def lapse(today=None):
    """Offers not answered by their deadline lapse: the money they held is free again. Returns
    how many lapsed."""
    today = today or timezone.localdate()
    return Offer.objects.filter(state=OfferState.OFFERED, deadline__lt=today).update(
        state=OfferState.LAPSED, ended_at=timezone.now()
    )


def withdraw(offers, by=None):
    """Withdraw those of `offers` (a queryset) that hold money, by the committee member `by`
    (None when the registration ended): the money is free again, and a delegate who had
    accepted is no longer sponsored. Returns how many were withdrawn."""
    live = offers.filter(state__in=COMMITTING)
    accepted = list(live.filter(state=OfferState.ACCEPTED).values_list("registration", flat=True))
    withdrawn = live.update(state=OfferState.WITHDRAWN, ended_at=timezone.now(), withdrawn_by=by)
    if accepted:
        Registration.objects.filter(pk__in=accepted).update(is_sponsored=False)
    return withdrawn
