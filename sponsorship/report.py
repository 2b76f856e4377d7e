"""The report to donors: what the programme offered, to whom it was accepted, who came, and
what it cost, for a whole conference or one fund, counted again by region, country,
organization kind, gender and survivors, in the form the coordinator reads into the record
("16 offered, 10 attended").

A sponsored delegate came when checked in on every day of the conference, came for part when
checked in on some days, and did not come when checked in on none once the conference is over.

The report reads the offers in one query, whatever their number, and counts them in Python: the
same offers are counted seven ways, which one pass over them does better than seven GROUP BYs.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from weasyprint import HTML

from delegations.participants_list import official_date
from registrations.figures import gender_label, said
from registrations.models import Attendance
from va_conference.models import OrganizationKind
from va_conference.regions import region_of
from va_conference.spreadsheets import neutralised

from .candidates import estimator
from .models import COMMITTING, Offer, OfferState


class Came(models.TextChoices):
    CAME = "came", _("Came")
    PART = "part", _("Came for part of the meeting")
    NO_SHOW = "no_show", _("Did not come")
    NOT_YET = "not_yet", _("Not checked in yet")


def came(conference, days_checked_in, today):
    """Whether a sponsored delegate checked in on `days_checked_in` days of the conference
    came, as far as it can be said on `today`."""
    days = (conference.end_date - conference.start_date).days + 1
    if days_checked_in >= days:
        return Came.CAME
    if days_checked_in:
        return Came.PART
    return Came.NO_SHOW if today > conference.end_date else Came.NOT_YET


@dataclass
class Sponsored:
    """One offer, with what the report counts of it."""

    offer: Offer
    estimated: Decimal | None
    came: str | None  # of an accepted offer only

    @property
    def came_label(self):
        return Came(self.came).label if self.came else ""

    @property
    def paid(self):
        ticket = getattr(self.offer, "ticket", None)
        return ticket.actual_cost if ticket is not None else Decimal(0)


# The columns of the figures, in the report and its CSV.
COLUMNS = [
    ("offered", _("Offers made")),
    ("accepted", pgettext_lazy("offers", "Accepted")),
    ("declined", pgettext_lazy("offers", "Declined")),
    ("lapsed", pgettext_lazy("offers", "Lapsed")),
    ("withdrawn", pgettext_lazy("offers", "Withdrawn")),
    ("waiting", _("Waiting for an answer")),
    ("attended", pgettext_lazy("offers", "Attended")),
    ("came_for_part", _("Of whom for part")),
    ("no_show", _("Did not come")),
    ("estimated", _("Cost estimated")),
    ("committed", _("Committed")),
    ("paid", pgettext_lazy("offers", "Paid")),
]
MONEY = {"estimated", "committed", "paid"}


@dataclass
class Figures:
    offered: int = 0
    accepted: int = 0
    declined: int = 0
    lapsed: int = 0
    withdrawn: int = 0
    waiting: int = 0
    attended: int = 0
    came_for_part: int = 0
    no_show: int = 0
    estimated: Decimal = Decimal(0)
    committed: Decimal = Decimal(0)
    paid: Decimal = Decimal(0)

    def count(self, row):
        offer = row.offer
        self.offered += 1
        state = {
            OfferState.OFFERED: "waiting",
            OfferState.ACCEPTED: "accepted",
            OfferState.DECLINED: "declined",
            OfferState.LAPSED: "lapsed",
            OfferState.WITHDRAWN: "withdrawn",
        }[offer.state]
        setattr(self, state, getattr(self, state) + 1)
        if row.came in (Came.CAME, Came.PART):
            self.attended += 1
        if row.came == Came.PART:
            self.came_for_part += 1
        if row.came == Came.NO_SHOW:
            self.no_show += 1
        if offer.state in COMMITTING:
            self.committed += offer.amount
            self.estimated += row.estimated or 0
        self.paid += row.paid

    def cells(self):
        """[(value, is money)] in the order of COLUMNS."""
        return [(getattr(self, key), key in MONEY) for key, _title in COLUMNS]


@dataclass
class Breakdown:
    key: str
    title: str
    rows: list = field(default_factory=list)  # [(label, Figures)], most offered first


@dataclass
class Report:
    conference: object
    fund: object  # None for the whole conference
    currency: str
    total: Figures
    funds: list  # [(fund, Figures)] for the whole conference's report
    breakdowns: list  # [Breakdown]
    sponsored: list  # [Sponsored], by name
    date: object

    @property
    def no_shows(self):
        return [row for row in self.sponsored if row.came == Came.NO_SHOW]


# How the offers are counted again: a key, a title, and the group of a Sponsored.
def _region(row):
    region = region_of(row.offer.registration.organization.country)
    return region.label if region else _("No country")


def _country(row):
    country = row.offer.registration.organization.country
    return country.name if country else _("No country")


BREAKDOWNS = [
    ("region", _("By region"), _region),
    ("country", _("By country"), _country),
    (
        "kind",
        _("By kind of organization"),
        lambda row: OrganizationKind(row.offer.registration.organization.kind).label,
    ),
    (
        "gender",
        _("Gender, in the delegates' own words"),
        lambda row: gender_label(row.offer.registration.gender),
    ),
    ("survivor", _("Survivors"), lambda row: said(row.offer.registration.is_survivor)),
]


def offers_of(conference, fund=None):
    """The offers of `conference` (of `fund` only, if given) with their delegate, fund, ticket
    and the days of the conference the delegate was checked in: one query."""
    days = (
        Attendance.objects.filter(
            registration=OuterRef("registration"),
            day__range=(conference.start_date, conference.end_date),
        )
        .values("registration")
        .annotate(days=Count("day", distinct=True))
        .values("days")
    )
    offers = Offer.objects.filter(fund__conference=conference)
    if fund is not None:
        offers = offers.filter(fund=fund)
    return (
        offers.select_related("registration__organization", "fund", "ticket")
        .defer("ticket__text")
        .annotate(days_in=Coalesce(Subquery(days), Value(0), output_field=IntegerField()))
        .order_by("registration__family_name", "registration__given_name", "offered_at")
    )


def report(conference, fund=None, today=None):
    """The report to donors of `conference`, or of one of its funds."""
    today = today or timezone.localdate(timezone=conference.tzinfo)
    estimate = estimator(conference)
    budget = getattr(conference, "sponsorship_budget", None)
    sponsored = [
        Sponsored(
            offer,
            estimate(offer.registration.organization)[1],
            came(conference, offer.days_in, today) if offer.state == OfferState.ACCEPTED else None,
        )
        for offer in offers_of(conference, fund)
    ]
    total = Figures()
    by_fund = defaultdict(Figures)
    groups = {key: defaultdict(Figures) for key, _title, _group in BREAKDOWNS}
    for row in sponsored:
        total.count(row)
        by_fund[row.offer.fund].count(row)
        for key, _title, group in BREAKDOWNS:
            groups[key][str(group(row))].count(row)
    funds = [] if fund is not None else list(conference.funds.order_by("donor"))
    return Report(
        conference=conference,
        fund=fund,
        currency=budget.currency if budget else "",
        total=total,
        funds=[(each, by_fund.get(each, Figures())) for each in funds],
        breakdowns=[
            Breakdown(key, title, sorted(groups[key].items(), key=lambda row: -row[1].offered))
            for key, title, _group in BREAKDOWNS
        ],
        sponsored=sponsored,
        date=today,
    )


def report_csv(conference, fund, language):
    """The report's figures as CSV text in `language`: one row per group counted, every cell
    neutralised. Names are not in it."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    with translation.override(language):
        made = report(conference, fund)
        writer.writerow(
            neutralised(str(cell))
            for cell in [_("Counted by"), _("Group"), *(title for _key, title in COLUMNS)]
        )

        def write(by, label, figures):
            values = [getattr(figures, key) for key, _title in COLUMNS]
            writer.writerow(neutralised(str(cell)) for cell in [by, label, *values])

        write(_("Whole report"), str(fund or conference.short_name), made.total)
        for each, figures in made.funds:
            write(_("Fund"), each.donor, figures)
        for breakdown in made.breakdowns:
            for label, figures in breakdown.rows:
                write(breakdown.title, label, figures)
    return output.getvalue()


def report_pdf(conference, fund, language, public=False):
    """The report as a PDF in `language`; the `public` summary names nobody and gives no
    reason for an absence."""
    with translation.override(language):
        made = report(conference, fund)
        html = render_to_string(
            "sponsorship/print/report.html",
            {
                "report": made,
                "date": official_date(made.date),
                "columns": COLUMNS,
                "public": public,
                "language": language,
                "rtl": translation.get_language_bidi(),
            },
        )
    return HTML(string=html).write_pdf()
