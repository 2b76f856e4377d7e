"""A conference's figures: who registered, from where, in what role, with what needs.

Each table is counted by the database in one query. The optional answers (gender, survivor,
disability) are counted only as given: "not said" is a row of its own.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from va_conference.downloads import download
from va_conference.models import OrganizationKind, Participation
from va_conference.regions import region_of
from va_conference.spreadsheets import neutralised

from . import questions
from .models import (
    ACCESSIBILITY_NEEDS,
    ACTIVE_STATUSES,
    Answer,
    Registration,
    Role,
    Status,
)
from .models.questions import DEPENDABLE

# Which registrations the figures count.
SCOPES = {
    "active": (_("Registrations under way (submitted, confirmed, wait-listed)"), ACTIVE_STATUSES),
    "confirmed": (_("Confirmed registrations"), [Status.CONFIRMED]),
    "all": (_("All registrations, cancelled and declined included"), Status.values),
}


@dataclass
class Table:
    key: str
    title: str
    rows: list  # [(label, count)]

    @property
    def total(self):
        return sum(count for _label, count in self.rows)

    @property
    def largest(self):
        return max((count for _label, count in self.rows), default=0)

    def bars(self):
        """(label, count, share of the largest in per cent) for a bar chart."""
        largest = self.largest or 1
        return [(label, count, round(100 * count / largest)) for label, count in self.rows]


def counted(registrations, field, labels):
    """[(label, count)] of `registrations` grouped by `field`, most first."""
    rows = registrations.values_list(field).annotate(count=Count("pk")).order_by("-count", field)
    return [(labels(value), count) for value, count in rows]


# How a delegation takes part, from the ways its members do (ICAO's table of States).
BOTH = "both"
WAYS = {
    Participation.IN_PERSON: _("In person only"),
    Participation.ONLINE: _("Online only"),
    BOTH: _("Both in person and online"),
}


def way_of(modes):
    """How a delegation whose members take part in `modes` (a set, not empty) takes part."""
    return BOTH if len(modes) > 1 else next(iter(modes))


def delegations_by_way(registrations):
    """[(label, count)] of the delegations (organizations) of `registrations` taking part in
    person only, online only, or both. One query."""
    modes = {}
    for organization, mode in registrations.values_list("organization_id", "mode").distinct():
        modes.setdefault(organization, set()).add(mode)
    ways = Counter(way_of(delegation) for delegation in modes.values())
    return [(label, ways[way]) for way, label in WAYS.items()]


def said(value):
    return {True: _("Yes"), False: _("No")}.get(value, _("Not said"))


def tables(conference, scope="active"):
    statuses = SCOPES[scope][1]
    everyone = Registration.objects.filter(conference=conference)
    registrations = everyone.filter(status__in=statuses)
    country_names = dict(countries)
    by_country = counted(registrations, "organization__country", lambda code: code)
    by_region = {}
    for code, count in by_country:
        region = region_of(code)
        label = region.label if region else _("No country")
        by_region[label] = by_region.get(label, 0) + count
    needs = registrations.aggregate(
        **{need.key: Count("pk", filter=need.condition) for need in ACCESSIBILITY_NEEDS}
    )
    return [
        Table(
            "status",
            _("By status (all registrations)"),
            counted(everyone, "status", lambda value: Status(value).label),
        ),
        *(
            [
                Table(
                    "mode",
                    _("By way of taking part"),
                    counted(registrations, "mode", lambda value: Participation(value).label),
                ),
                Table(
                    "delegation_mode",
                    _("Delegations by way of taking part"),
                    delegations_by_way(registrations),
                ),
            ]
            if len(conference.participation_modes()) > 1
            else []
        ),
        Table(
            "kind",
            _("By kind of organization"),
            counted(
                registrations, "organization__kind", lambda value: OrganizationKind(value).label
            ),
        ),
        Table("region", _("By region"), sorted(by_region.items(), key=lambda row: -row[1])),
        Table(
            "country",
            _("By country"),
            [(country_names.get(code, _("No country")), count) for code, count in by_country],
        ),
        Table(
            "role", _("By role"), counted(registrations, "role", lambda value: Role(value).label)
        ),
        Table("gender", _("Gender, in the delegates' own words"), gender_rows(registrations)),
        Table("survivor", _("Survivors"), counted(registrations, "is_survivor", said)),
        Table(
            "disability",
            _("Persons with disabilities"),
            counted(registrations, "has_disability", said),
        ),
        Table(
            "sponsorship",
            _("Travel support requested"),
            counted(registrations, "sponsorship_requested", said),
        ),
        Table(
            "needs",
            _("Accessibility needs, by kind"),
            [(need.label, needs[need.key]) for need in ACCESSIBILITY_NEEDS],
        ),
        *question_tables(conference, registrations),
    ]


def question_tables(conference, registrations):
    """For each current yes-or-no or choice question of the conference's own, how many chose
    each answer (a delegate choosing several counts in each), and how many gave none; in four
    queries however many questions."""
    asked = list(
        conference.questions.current()
        .filter(type__in=DEPENDABLE)
        .prefetch_related("choices")
        .order_by("order", "pk")
    )
    if not asked:
        return []
    counts = Counter()
    answering = Counter()
    for question_id, value in Answer.objects.filter(
        registration__in=registrations, question__in=asked
    ).values_list("question_id", "value"):
        answering[question_id] += 1
        for each in value if isinstance(value, list) else [value]:
            counts[question_id, each] += 1
    total = registrations.count()
    tables = []
    for question in asked:
        labels = questions.answer_labels(question)
        rows = [(label, counts[question.pk, value]) for value, label in labels.items()]
        rows.append((_("No answer"), total - answering[question.pk]))
        tables.append(Table(f"question-{question.pk}", question.label, rows))
    return tables


def gender_rows(registrations):
    """Free answers, grouped whatever their capitals or spaces; blank ones are "not said"."""
    merged = Counter()
    for answer, count in registrations.values_list("gender").annotate(n=Count("pk")):
        merged[gender_label(answer)] += count
    return sorted(merged.items(), key=lambda row: -row[1])


def gender_label(answer):
    """A gender as the delegate typed it, whatever its capitals or spaces, or "not said"."""
    key = " ".join(answer.split()).casefold()
    return capfirst(key) if key else _("Not said")


def csv_download(table, filename):
    text = io.StringIO()
    text.write("\ufeff")
    writer = csv.writer(text)
    # Every cell, the genders delegates typed among them: never a formula in a spreadsheet.
    for row in [(table.title, _("number")), *table.rows, (_("total"), table.total)]:
        writer.writerow([neutralised(cell) for cell in row])
    return download(text.getvalue(), f"{filename}.csv", private=True)
