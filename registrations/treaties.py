"""The States' treaty picture at a conference: who carries victim-assistance obligations,
where each stands in the Mine Ban Treaty, the CCM and the CRPD, and who took part."""

import csv
import io

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from sessions.models import Statement
from va_conference.downloads import download
from va_conference.models import Convention, Organization, OrganizationKind, TreatyStatus
from va_conference.spreadsheets import neutralised

from .models import ACTIVE_STATUSES, Registration

# Column key → (heading, what it sorts by).
COLUMNS = {
    "state": (_("State"), "name"),
    "mbt": (_("Mine Ban Treaty"), "mbt_status"),
    "ccm": (_("Convention on Cluster Munitions"), "ccm_status"),
    "crpd": (_("Convention on the Rights of Persons with Disabilities"), "crpd_status"),
    "delegation": (_("Delegation registered"), "registered"),
    "statement": (_("Statement delivered"), "spoke"),
}
# The order statuses sort in: parties first.
STATUS_RANK = {TreatyStatus.PARTY: 0, TreatyStatus.SIGNATORY: 1, TreatyStatus.NOT_PARTY: 2, "": 3}
CONVENTION_FIELD = {Convention.MINE_BAN: "mbt_status", Convention.CLUSTER_MUNITIONS: "ccm_status"}


def states(conference):
    """Every State an organizer verified, with whether it registered a delegation and delivered a
    statement. One a delegate proposed is shown once an organizer has checked its name."""
    return (
        Organization.objects.verified()
        .filter(kind=OrganizationKind.STATE)
        .annotate(
            registered=Exists(
                Registration.objects.filter(
                    conference=conference, organization=OuterRef("pk"), status__in=ACTIVE_STATUSES
                )
            ),
            spoke=Exists(
                Statement.objects.published().filter(
                    session__conference=conference, organization=OuterRef("pk")
                )
            ),
        )
    )


def picture(conference, sort="state", descending=False, filters=None):
    """(States Parties with victim-assistance obligations, other States that took part).

    With no convention named (a global conference), the first list holds every State with
    victim-assistance obligations.
    """
    everyone = states(conference)
    obliged = Q(has_va_obligations=True)
    if conference.convention in CONVENTION_FIELD:
        obliged &= Q(**{CONVENTION_FIELD[conference.convention]: TreatyStatus.PARTY})
    for field, value in (filters or {}).items():
        everyone = everyone.filter(**{field: value})
    obligations = list(everyone.filter(obliged))
    others = list(everyone.exclude(obliged).filter(Q(registered=True) | Q(spoke=True)))
    key = sort_key(sort)
    return (
        sorted(obligations, key=key, reverse=descending),
        sorted(others, key=key, reverse=descending),
    )


def sort_key(column):
    attribute = COLUMNS.get(column, COLUMNS["state"])[1]
    if attribute == "name":
        return lambda state: state.name.casefold()
    if attribute.endswith("_status"):
        return lambda state: (STATUS_RANK[getattr(state, attribute)], state.name.casefold())
    return lambda state: (not getattr(state, attribute), state.name.casefold())


def csv_download(conference, obligations, others):
    text = io.StringIO()
    text.write("\ufeff")
    writer = csv.writer(text)
    writer.writerow(
        [neutralised(_("list"))]
        + [neutralised(heading) for heading, _attribute in COLUMNS.values()]
    )
    yes, no = str(_("yes")), str(_("no"))
    for label, members in (
        (_("Victim-assistance obligations"), obligations),
        (_("Other States taking part"), others),
    ):
        for state in members:
            row = [
                label,
                state.name,
                state.get_mbt_status_display(),
                state.get_ccm_status_display(),
                state.get_crpd_status_display(),
                yes if state.registered else no,
                yes if state.spoke else no,
            ]
            writer.writerow([neutralised(cell) for cell in row])
    return download(text.getvalue(), f"{conference.slug}-states.csv")
