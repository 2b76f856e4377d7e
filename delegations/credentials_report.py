"""The credentials report for the credentials committee: which States Parties taking part
submitted formal credentials, which only copies or notes verbales, and which none.

Formal credentials are the original, issued by the Head of State or Government or the Minister
for Foreign Affairs, as the rules of procedure of these meetings ask. A copy, a note verbale, or
an original from anyone else (an ambassador, a ministry) is provisional. A meeting of no one
convention (a global conference) has no States Parties: its report covers every State.

A State takes part when its delegation has a member under way or sent something; the report is
read in one query, however many delegations.
"""

import csv
import io
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from registrations.models import ACTIVE_STATUSES, NOT_ENDORSED, Registration
from va_conference.spreadsheets import neutralised

from .categories import Category, category_of
from .models import Credentials, DelegationDocument, Signatory
from .participants_list import official_date, sort_key

FORMAL_SIGNATORIES = {Signatory.HEAD_OF_STATE_OR_GOVERNMENT, Signatory.FOREIGN_MINISTER}
REPORTED = {Category.STATE_PARTY, Category.STATE}


class Standing(models.TextChoices):
    FORMAL = "formal", _("Formal credentials")
    PROVISIONAL = "provisional", _("Copies or notes verbales only")
    NONE = "none", _("No credentials")


@dataclass
class Row:
    delegation: object
    name: str
    has_note_verbale: bool

    @property
    def standing(self):
        delegation = self.delegation
        if (
            delegation.credentials == Credentials.ORIGINAL
            and delegation.credentials_signatory in FORMAL_SIGNATORIES
        ):
            return Standing.FORMAL
        if delegation.credentials != Credentials.NONE or self.has_note_verbale:
            return Standing.PROVISIONAL
        return Standing.NONE


@dataclass
class Group:
    standing: str
    rows: list

    @property
    def title(self):
        return Standing(self.standing).label


def taking_part(conference):
    """The conference's delegations with a member under way or a document sent."""
    sent = DelegationDocument.objects.filter(delegation=OuterRef("pk"))
    return (
        conference.delegations.select_related("organization")
        .annotate(
            has_member=Exists(
                Registration.objects.filter(
                    delegation=OuterRef("pk"), status__in=ACTIVE_STATUSES
                ).exclude(endorsement__in=NOT_ENDORSED)
            ),
            has_document=Exists(sent),
            has_note_verbale=Exists(sent.filter(kind=DelegationDocument.Kind.NOTE_VERBALE)),
        )
        .filter(Q(has_member=True) | Q(has_document=True) | ~Q(credentials=Credentials.NONE))
    )


def report(conference, language):
    """[Group] of formal, provisional and no credentials, each of its States by name in
    `language`; every group, empty or not."""
    rows = {standing: [] for standing in Standing.values}
    with translation.override(language):
        for delegation in taking_part(conference):
            if category_of(conference, delegation.organization) not in REPORTED:
                continue
            row = Row(delegation, str(delegation.organization.name), delegation.has_note_verbale)
            rows[row.standing].append(row)
    return [
        Group(standing, sorted(members, key=lambda row: (sort_key(row.name), row.name)))
        for standing, members in rows.items()
    ]


CSV_HEADER = [
    _("Standing"),
    _("State"),
    _("Credentials"),
    _("Received on"),
    _("Issued by"),
    _("Note verbale received"),
]


def report_csv(conference, language):
    """The report as CSV text in `language`, every cell neutralised."""
    output = io.StringIO()
    writer = csv.writer(output)
    with translation.override(language):
        writer.writerow([neutralised(str(title)) for title in CSV_HEADER])
        for group in report(conference, language):
            for row in group.rows:
                delegation = row.delegation
                received = delegation.credentials_received_on
                writer.writerow(
                    neutralised(cell)
                    for cell in (
                        str(group.title),
                        row.name,
                        delegation.get_credentials_display(),
                        received.isoformat() if received else "",
                        delegation.get_credentials_signatory_display(),
                        str(_("yes") if row.has_note_verbale else _("no")),
                    )
                )
    return output.getvalue()


def report_pdf(conference, language):
    with translation.override(language):
        html = render_to_string(
            "delegations/print/credentials.html",
            {
                "conference": conference,
                "groups": report(conference, language),
                "date": official_date(timezone.localdate(timezone=conference.tzinfo)),
                "language": language,
                "rtl": translation.get_language_bidi(),
            },
        )
    return HTML(string=html).write_pdf()
