"""A letter as a PDF, in its language (right to left in Arabic), on its conference's letterhead,
with its reference and a QR code of the page that verifies it.

Drawn again at each download from what the letter states (Letter.name, days, particulars), so
that no file of passport details is kept anywhere but in the database row anonymisation clears.
"""

import base64
import datetime
import mimetypes

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_countries import countries
from weasyprint import HTML

from delegations.participants_list import official_date
from registrations.models import Honorific, Role

from .models import Kind, Letter, Letterhead

TEMPLATES = {
    Kind.VISA: "letters/print/visa.html",
    Kind.ATTENDANCE: "letters/print/certificate.html",
}


def verification_url(letter):
    """The public page that answers for the letter, in the letter's language."""
    with translation.override(letter.language):
        return settings.SITE_URL + reverse("letter_verification", args=[letter.reference])


def qr_code(url):
    """A PNG data URI of the QR code of `url`: a picture any reader decodes."""
    return segno.make_qr(url, error="m").png_data_uri(scale=4, border=4)


def image_data(image):
    """An uploaded image as a data URI, read from whichever storage holds it; "" if none or
    it cannot be read (the letter is printed without it rather than not at all)."""
    if not image:
        return ""
    try:
        with image.storage.open(image.name, "rb") as opened:
            content = opened.read()
    except OSError:
        return ""
    content_type = mimetypes.guess_type(image.name)[0] or "image/png"
    return f"data:{content_type};base64,{base64.b64encode(content).decode('ascii')}"


def letterhead_of(conference):
    return Letterhead.objects.filter(conference=conference).first()


def stated_date(iso):
    return official_date(datetime.date.fromisoformat(iso)) if iso else ""


def context(letter, letterhead):
    """What the letter's template reads, in the active language."""
    particulars = letter.particulars
    url = verification_url(letter)
    return {
        "letter": letter,
        "conference": letter.conference,
        "letterhead": letterhead,
        "logo": image_data(letterhead.logo) if letterhead else "",
        "signature": image_data(letterhead.signature) if letterhead else "",
        "date": official_date(letter.issued_at.date()),
        "opens": official_date(letter.conference.start_date),
        "closes": official_date(letter.conference.end_date),
        "days": [official_date(datetime.date.fromisoformat(day)) for day in letter.days],
        "online_days": [
            official_date(datetime.date.fromisoformat(day))
            for day in particulars.get("online_days", [])
        ],
        "honorific": Honorific(particulars["honorific"]).label
        if particulars.get("honorific")
        else "",
        "role": Role(particulars["role"]).label if particulars.get("role") else "",
        "organization": particulars.get("organization", ""),
        "sponsored": particulars.get("sponsored", False),
        "nationality": countries.name(particulars["nationality"])
        if particulars.get("nationality")
        else "",
        "passport_number": particulars.get("passport_number", ""),
        "passport_issued_on": stated_date(particulars.get("passport_issued_on")),
        "passport_expires_on": stated_date(particulars.get("passport_expires_on")),
        "birth_date": stated_date(particulars.get("birth_date")),
        "birth_place": particulars.get("birth_place", ""),
        "consulate": particulars.get("consulate", ""),
        "verification_url": url,
        "qr_code": qr_code(url),
        "language": letter.language,
        "rtl": translation.get_language_bidi(),
    }


# Who sees passport details, and so downloads visa letters, which state them.
SEE_PASSPORTS = "registrations.view_passport_details"


def may_download(user, letter):
    """Who may view letters downloads their PDF; a visa letter's, only who sees passport
    details."""
    if not user.has_perm("letters.view_letter"):
        return False
    return letter.kind != Kind.VISA or user.has_perm(SEE_PASSPORTS)


def pdf(letter, letterhead=None):
    """The letter as a PDF (bytes)."""
    letterhead = letterhead or letterhead_of(letter.conference)
    with translation.override(letter.language):
        html = render_to_string(TEMPLATES[letter.kind], context(letter, letterhead))
    return HTML(string=html).write_pdf()


def file_name(letter):
    return f"{letter.number.replace('/', '-')}.pdf"


def sample(letterhead, language):
    """An unsaved visa letter of the letterhead's conference, to a fictitious delegate."""
    conference = letterhead.conference
    letter = Letter(
        conference=conference,
        kind=Kind.VISA,
        serial=0,
        reference="SAMP-LE00-0000-0000",
        language=language,
        name="SAMPLE NAME",
        first_day=conference.start_date,
        last_day=conference.end_date,
        issued_at=timezone.now(),
        particulars={
            "role": Role.DELEGATE,
            "organization": "—",
            "nationality": conference.country.code,
            "passport_number": "X0000000",
            "passport_issued_on": conference.start_date.replace(year=2020).isoformat(),
            "passport_expires_on": conference.end_date.replace(year=2040).isoformat(),
            "birth_date": "1980-01-01",
            "birth_place": "—",
            "consulate": "—",
        },
    )
    return pdf(letter, letterhead)
