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

SUBJECTS = {
    Status.SUBMITTED: _("%(conference)s: we have received your registration %(reference)s"),
    Status.WAITLISTED: _("%(conference)s: you are on the waiting list (%(reference)s)"),
    Status.CONFIRMED: _("%(conference)s: your registration %(reference)s is confirmed"),
    Status.DECLINED: _("%(conference)s: your registration %(reference)s was declined"),
    Status.CANCELLED: _("%(conference)s: your registration %(reference)s is cancelled"),
    PROMOTED: _("%(conference)s: a place has become free for you (%(reference)s)"),
    LINK: _("%(conference)s: the link to your registration %(reference)s"),
}


def private_url(registration):
    """The delegate's own page, in the language active when it is called."""
    return settings.SITE_URL + reverse("registration_detail", args=[registration.token])


def message(registration, kind):
    delegate = registration.delegate
    with translation.override(delegate.language):
        context = {
            "registration": registration,
            "delegate": delegate,
            "conference": registration.conference,
            "kind": kind,
            "private_url": private_url(registration),
        }
        subject = SUBJECTS[kind] % {
            "conference": registration.conference.short_name,
            "reference": registration.reference,
        }
        body = render_to_string("registrations/email/message.txt", context)
    return EmailMessage(subject=subject, body=body, to=[delegate.email])


def send(registration, kind):
    # The registration is saved whatever happens to its e-mail; its page shows the same.
    try:
        message(registration, kind).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the %s e-mail of %s.", kind, registration.reference)


def send_on_commit(registration, kind):
    transaction.on_commit(lambda: send(registration, kind))
