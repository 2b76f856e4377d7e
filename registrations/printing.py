"""PDFs the organizers print: the list of participants and the delegates' badges.

Both are HTML pages drawn by WeasyPrint, whose text shaping (Pango, HarfBuzz) sets Arabic
right to left with its letters joined, and whose fonts (Noto) cover every script delegates
write their names in.
"""

import itertools

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from va_conference.models import OrganizationKind, TreatyStatus

from .models import Role, Status

# The groups of a participants list, in the order of the meeting reports.
STATES_PARTIES = _("States Parties")
OTHER_STATES = _("Signatories and observer States")
STATES = _("States")
GROUPS = [
    (STATES_PARTIES, None),
    (OTHER_STATES, None),
    (STATES, None),
    (_("United Nations and international organizations"), {"un", "international"}),
    (_("International Committee of the Red Cross and Red Crescent"), {"red_cross"}),
    (_("Civil society"), {"ngo", "survivors", "other"}),
    (_("Organizations of persons with disabilities"), {"dpo"}),
    (_("Academia"), {"academia"}),
]
ROLE_ORDER = {role: number for number, role in enumerate(Role.values)}


def group_of(conference, organization):
    if organization.kind != OrganizationKind.STATE:
        return next(title for title, kinds in GROUPS if kinds and organization.kind in kinds)
    if not conference.convention:
        return STATES
    party = conference.treaty_status_of(organization) == TreatyStatus.PARTY
    return STATES_PARTIES if party else OTHER_STATES


def participants(conference):
    """[(group title, [(organization, [registration, ...]), ...]), ...] of confirmed delegates:
    groups in the reports' order, delegations by name, heads of delegation first."""
    registrations = (
        conference.registrations.filter(status=Status.CONFIRMED)
        .select_related("organization")
        .order_by("organization", "family_name", "given_name")
    )
    delegations = [
        (organization, sorted(members, key=lambda r: ROLE_ORDER[r.role]))
        for organization, members in itertools.groupby(registrations, key=lambda r: r.organization)
    ]
    grouped = {title: [] for title, _kinds in GROUPS}
    for organization, members in delegations:
        grouped[group_of(conference, organization)].append((organization, members))
    return [
        (title, sorted(members, key=lambda delegation: delegation[0].name.casefold()))
        for title, members in grouped.items()
        if members
    ]


def participants_pdf(conference, language):
    with translation.override(language):
        html = render_to_string(
            "registrations/print/participants.html",
            {
                "conference": conference,
                "groups": participants(conference),
                "language": language,
                "rtl": translation.get_language_bidi(),
            },
        )
    return HTML(string=html).write_pdf()


def qr_code(text):
    """An SVG QR code of `text`, as markup to embed."""
    return mark_safe(segno.make(text, error="m").svg_inline(scale=4, border=1))


BADGES_PER_SHEET = {"a6": 1, "a4": 4}


def badges_pdf(registrations, layout, language):
    """Badges of confirmed `registrations`, "a6" (one a page) or "a4" (four a page).

    Each sheet is laid out on its own: WeasyPrint's time grows with the square of the boxes in
    one flex container, so the badges of a whole meeting in one would take minutes.
    """
    badges = [
        (registration, qr_code(registration.reference))
        for registration in registrations.filter(status=Status.CONFIRMED)
        .select_related("organization", "conference")
        .order_by("family_name", "given_name")
    ]
    per_sheet = BADGES_PER_SHEET[layout]
    sheets = [badges[start : start + per_sheet] for start in range(0, len(badges), per_sheet)]
    with translation.override(language):
        html = render_to_string(
            "registrations/print/badges.html",
            {"sheets": sheets, "layout": layout, "rtl": translation.get_language_bidi()},
        )
    return HTML(string=html).write_pdf()
