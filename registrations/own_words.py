"""The conference's own paragraph in its status e-mails (received, wait-listed, confirmed,
declined, the follow-up reminder), in each language: venue logistics, what to bring.

It is added below what the e-mail says of itself: the rest of each e-mail stays as the site
writes it, so that a slip in a paragraph cannot drop the private link or the cancel line. Only a
few placeholders are filled in; a paragraph naming any other is refused when it is written.
"""

import re

from django.utils.translation import gettext_lazy as _

from .models import WITH_OWN_WORDS, OwnWords

PLACEHOLDERS = {
    "name": _("the delegate's name"),
    "conference": _("the conference's title"),
    "reference": _("the registration's reference"),
    "link": _("the registration's private link"),
}
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def unknown_placeholders(text):
    """The placeholders `text` names that are not filled in, as written, each once."""
    return sorted({name for name in PLACEHOLDER.findall(text) if name.strip() not in PLACEHOLDERS})


def filled(text, values):
    """`text` with each placeholder replaced by its value ({placeholder: value})."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1).strip(), "")), text)


def of(conference, kind):
    """The conference's own words for e-mails of `kind`, or None."""
    if kind not in WITH_OWN_WORDS:
        return None
    return OwnWords.objects.filter(conference=conference, kind=kind).first()


def paragraph(words, registration, private_url):
    """The paragraph in the active language (English where it is not written), filled in for
    `registration`."""
    if words is None or not words.text:
        return ""
    return filled(
        words.text.strip(),
        {
            "name": registration.full_name,
            "conference": registration.conference.title,
            "reference": registration.reference,
            "link": private_url,
        },
    )
