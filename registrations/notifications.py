"""The e-mails a delegate receives, each in the delegate's own language.

Each status has its own message: a delegate is told "confirmed" only once an organizer has
confirmed them. Messages are sent once the transaction that changed the registration has
committed, so a rolled-back change never reaches anyone.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Status

logger = logging.getLogger(__name__)

PROMOTED = "promoted"
LINK = "link"
# The form was filled in again with an address already registered: nothing new was recorded.
ALREADY_REGISTERED = "already_registered"
# To a new address: follow the link to move the registration to it.
CONFIRM_EMAIL = "confirm_email"
# To the old address, once the registration has moved to a new one.
EMAIL_CHANGED = "email_changed"

SUBJECTS = {
    Status.SUBMITTED: _("%(conference)s: we have received your registration %(reference)s"),
    Status.WAITLISTED: _("%(conference)s: you are on the waiting list (%(reference)s)"),
    Status.CONFIRMED: _("%(conference)s: your registration %(reference)s is confirmed"),
    Status.DECLINED: _("%(conference)s: your registration %(reference)s was declined"),
    Status.CANCELLED: _("%(conference)s: your registration %(reference)s is cancelled"),
    PROMOTED: _("%(conference)s: a place has become free for you (%(reference)s)"),
    LINK: _("%(conference)s: the link to your registration %(reference)s"),
    ALREADY_REGISTERED: _("%(conference)s: you are already registered (%(reference)s)"),
    CONFIRM_EMAIL: _("%(conference)s: confirm your new e-mail address (%(reference)s)"),
    EMAIL_CHANGED: _("%(conference)s: the e-mail address of %(reference)s has changed"),
}

# These go to an address the registration does not have (yet, or any more): they carry no
# private link.
WITHOUT_PRIVATE_LINK = {CONFIRM_EMAIL, EMAIL_CHANGED}


def private_url(registration):
    """The delegate's own page, in the language active when it is called."""
    return settings.SITE_URL + reverse("registration_detail", args=[registration.token])


def message(registration, kind, to=None, confirm_url=""):
    """The e-mail of `kind` about `registration`, to its delegate's address unless `to` says
    otherwise, in the language the delegate chose."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "conference": registration.conference,
            "kind": kind,
            "private_url": "" if kind in WITHOUT_PRIVATE_LINK else private_url(registration),
            "cancel_url": settings.SITE_URL
            + reverse("registration_cancel", args=[registration.token]),
            "confirm_url": confirm_url,
        }
        subject = SUBJECTS[kind] % {
            "conference": registration.conference.short_name,
            "reference": registration.reference,
        }
        body = render_to_string("registrations/email/message.txt", context)
    return EmailMessage(subject=subject, body=body, to=[to or registration.delegate.email])


def send(registration, kind, **options):
    # The registration is saved whatever happens to its e-mail; its page shows the same.
    try:
        message(registration, kind, **options).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the %s e-mail of %s.", kind, registration.reference)


def send_on_commit(registration, kind, **options):
    transaction.on_commit(lambda: send(registration, kind, **options))
