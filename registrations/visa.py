"""The rules a visa letter request follows: what a consulate will accept of a passport."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

# Letters and digits only, as the passport prints the number (ICAO Doc 9303 allows up to 9 in
# the machine-readable zone; some States print longer numbers on the page).
PASSPORT_NUMBER = re.compile(r"^[A-Za-z0-9]{5,20}$")
OLDEST_BIRTH_DATE = datetime.date(1900, 1, 1)


def valid_until_at_least(conference):
    """The last day a passport may expire on: the conference's end plus its margin."""
    return conference.end_date + datetime.timedelta(days=conference.passport_margin_days)


def check_passport_number(number):
    if not PASSPORT_NUMBER.match(number):
        raise ValidationError(
            _(
                "Write the passport number as the passport prints it: 5 to 20 letters and "
                "digits, without spaces."
            ),
            code="passport_number",
        )


def passport_errors(conference, issued_on, expires_on, birth_date, today=None):
    """{field: message} of what a consulate would refuse in these dates (None ones unchecked)."""
    today = today or timezone.localdate()
    errors = {}
    if issued_on and issued_on > today:
        errors["passport_issued_on"] = _("The date of issue cannot be in the future.")
    if issued_on and expires_on and expires_on <= issued_on:
        errors["passport_expires_on"] = _("The passport must expire after its date of issue.")
    elif expires_on and expires_on < valid_until_at_least(conference):
        errors["passport_expires_on"] = _(
            "Your passport must be valid until %(date)s at least (%(days)s days after the "
            "conference ends), or the consulate will refuse the visa. Renew it first, then ask "
            "for the letter with the new passport."
        ) % {
            "date": formats.date_format(valid_until_at_least(conference), "DATE_FORMAT"),
            "days": conference.passport_margin_days,
        }
    if birth_date and not OLDEST_BIRTH_DATE <= birth_date < today:
        errors["birth_date"] = _("Check the date of birth.")
    if birth_date and issued_on and issued_on < birth_date:
        errors["passport_issued_on"] = _("The passport cannot be issued before its holder's birth.")
    return errors
