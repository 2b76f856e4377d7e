"""The candidates for sponsorship at a conference: every registration that asked for travel
support and is still under way, with what the committee weighs and what sponsoring each would
cost as the programme estimates it (the return fare from the organization's country, and the
DSA for the nights paid)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, Exists, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from registrations.models import ACTIVE_STATUSES, Registration
from va_conference.models import OrganizationKind
from va_conference.regions import region_of

from .models import COMMITTING, Offer, OfferState

# The orders the list is sorted in, by the name of the choice.
ORDERS = {
    "score": lambda row: (row.candidacy_score is None, -(row.candidacy_score or 0), row.name),
    "cost": lambda row: (row.cost is None, -(row.cost or 0), row.name),
    "country": lambda row: (row.country_name, row.name),
    "region": lambda row: (row.region, row.country_name, row.name),
    "name": lambda row: row.name,
}


@dataclass
class Candidate:
    registration: Registration
    name: str
    country_name: str
    region: str
    has_obligations: bool
    sponsored_before: bool
    fare: Decimal | None
    cost: Decimal | None
    candidacy_score: int | None
    notes: str
    offer_state: str | None  # of the latest offer made to the candidate, if any

    @property
    def offer_state_label(self):
        return OfferState(self.offer_state).label if self.offer_state else ""


def requests(conference):
    """The registrations of `conference` that asked for travel support and are under way, with
    whether the same delegate was sponsored at an earlier conference and the state of the
    latest offer made to them: one query."""
    earlier = Registration.objects.filter(
        delegate=OuterRef("delegate"),
        is_sponsored=True,
        conference__start_date__lt=conference.start_date,
    )
    return (
        Registration.objects.filter(
            conference=conference, sponsorship_requested=True, status__in=ACTIVE_STATUSES
        )
        .select_related("organization", "candidacy")
        .annotate(
            sponsored_before=Exists(earlier),
            offer_state=Subquery(
                Offer.objects.filter(registration=OuterRef("pk"))
                .order_by("-offered_at", "-pk")
                .values("state")[:1]
            ),
        )
    )


def estimator(conference):
    """A function of an organization giving (the return fare from its country, the estimated
    cost of sponsoring one of its delegates): None for what the programme cannot estimate yet
    (no fare for the country, no DSA rate). Two queries, then none."""
    budget = getattr(conference, "sponsorship_budget", None)
    fares = dict(conference.fare_estimates.values_list("country", "amount"))
    allowance = budget.dsa_rate * budget.nights if budget is not None else None

    def estimate(organization):
        fare = fares.get(organization.country.code) if organization.country else None
        return fare, None if fare is None or allowance is None else fare + allowance

    return estimate


def candidates(conference, registrations=None, order="score"):
    """[Candidate] of `registrations` (every request by default), sorted by `order`."""
    estimate = estimator(conference)
    rows = []
    for registration in requests(conference) if registrations is None else registrations:
        organization = registration.organization
        fare, cost = estimate(organization)
        candidacy = getattr(registration, "candidacy", None)
        region = region_of(organization.country)
        rows.append(
            Candidate(
                registration=registration,
                name=registration.full_name,
                country_name=organization.country.name if organization.country else "",
                region=region.label if region else "",
                has_obligations=organization.kind == OrganizationKind.STATE
                and organization.has_va_obligations,
                sponsored_before=registration.sponsored_before,
                fare=fare,
                cost=cost,
                candidacy_score=candidacy.score if candidacy else None,
                notes=candidacy.notes if candidacy else "",
                offer_state=registration.offer_state,
            )
        )
    return sorted(rows, key=ORDERS.get(order, ORDERS["score"]))


def reserve(rows):
    """The reserve list: of the candidates `rows`, those the committee scored and has made no
    offer to, highest score first (then by name). When an offer lapses or is declined, its
    money goes to the first of them."""
    waiting = [row for row in rows if row.candidacy_score is not None and not row.offer_state]
    return sorted(waiting, key=ORDERS["score"])


def funds_of(conference):
    """The conference's funds, each with what its offers waiting or accepted commit
    (`committed`) and what is left (`left`): one query."""
    funds = conference.funds.annotate(
        committed=Coalesce(
            Sum("offers__amount", filter=Q(offers__state__in=COMMITTING)),
            Value(Decimal(0)),
            output_field=DecimalField(max_digits=12, decimal_places=2),
        )
    ).order_by("donor")
    for fund in funds:
        fund.left = fund.amount - fund.committed
    return list(funds)


def funds_total(conference):
    """The sum of the conference's funds, or 0."""
    return conference.funds.aggregate(total=Sum("amount"))["total"] or Decimal(0)
