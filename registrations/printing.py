"""PDFs the organizers print: the delegates' badges (delegations/participants_list.py prints the
List of Participants).

Badges are HTML pages drawn by WeasyPrint, whose text shaping (Pango, HarfBuzz) sets Arabic
right to left with its letters joined, and whose fonts (Noto) cover every script delegates
write their names in.
"""

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from weasyprint import HTML

from va_conference.models import Participation

from .models import Status


def qr_code(text):
    """An SVG QR code of `text`, as markup to embed."""
    return mark_safe(segno.make(text, error="m").svg_inline(scale=4, border=1))


BADGES_PER_SHEET = {"a6": 1, "a4": 4}


def badges_pdf(registrations, layout, language):
    """Badges of confirmed `registrations` taking part in person, "a6" (one a page) or "a4"
    (four a page).

    Each sheet is laid out on its own: WeasyPrint's time grows with the square of the boxes in
    one flex container, so the badges of a whole meeting in one would take minutes.
    """
    badges = [
        (registration, qr_code(registration.reference))
        for registration in registrations.filter(
            status=Status.CONFIRMED, mode=Participation.IN_PERSON
        )
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
