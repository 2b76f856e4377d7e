"""The status e-mails a delegate receives, each in the delegate's own language, and the
e-mails to a delegation's focal point, in theirs.

Each status has its own message: a delegate is told "confirmed" only once an organizer has
confirmed them. Each e-mail is recorded as a delivery in the transaction that causes it, and
sent by the worker (`manage.py db_worker`) once that transaction has committed: a rolled-back
change never reaches anyone, and a mail server that is down delays an e-mail without losing
it. A refused e-mail is tried again after each of EMAIL_RETRY_DELAYS, then marked failed for an
organizer to send again. A worker claims a delivery while it is pending (skipping one another
worker holds), commits, sends it with EMAIL_TIMEOUT, then records how it went, so that two
workers never send it twice and none waits on another's mail server.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from sessions import releases

from . import online_meetings, own_words
from .models import Delivery, EmailKind, Status

PROMOTED = EmailKind.PROMOTED
LINK = EmailKind.LINK
# The form was filled in again with an address already registered: nothing new was recorded.
ALREADY_REGISTERED = EmailKind.ALREADY_REGISTERED
# To a new address: follow the link to move the registration to it.
CONFIRM_EMAIL = EmailKind.CONFIRM_EMAIL
# To the old address, once the registration has moved to a new one.
EMAIL_CHANGED = EmailKind.EMAIL_CHANGED
# To a member a focal point named: their private link, to complete their details.
NOMINATED = EmailKind.NOMINATED
# To a focal point: the private link to their delegation's page.
FOCAL_POINT_LINK = EmailKind.FOCAL_POINT_LINK
# Before the deadline for delegations, to a focal point whose delegation lacks something.
FOCAL_POINT_REMINDER = EmailKind.FOCAL_POINT_REMINDER
# A delegation asked for the floor in a session: through its focal point, or its head.
FLOOR_REQUESTED = EmailKind.FLOOR_REQUESTED
HEAD_FLOOR_REQUESTED = EmailKind.HEAD_FLOOR_REQUESTED
# A letter the secretariat issued is ready to download from the private page.
VISA_LETTER_READY = EmailKind.VISA_LETTER_READY
CERTIFICATE_READY = EmailKind.CERTIFICATE_READY
# To the focal points of the delegations a delegate left and asked to join.
MEMBER_JOINED = EmailKind.MEMBER_JOINED
MEMBER_LEFT = EmailKind.MEMBER_LEFT
# To a confirmed delegate who has not sent a follow-up form, before its deadline.
FOLLOW_UP_REMINDER = EmailKind.FOLLOW_UP_REMINDER
# The sponsorship committee offers to sponsor the delegate: to accept on the private page.
SPONSORSHIP_OFFERED = EmailKind.SPONSORSHIP_OFFERED
# A release of the programme moved or removed a session the delegate, or the focal point's
# delegation, is registered for or speaks in (floor/programme_changes.py says who).
PROGRAMME_CHANGED = EmailKind.PROGRAMME_CHANGED
FOCAL_POINT_PROGRAMME_CHANGED = EmailKind.FOCAL_POINT_PROGRAMME_CHANGED
# How to join a session held online (its `sessions`), to the delegates who may join it.
ONLINE_MEETING = EmailKind.ONLINE_MEETING

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
    NOMINATED: _("%(conference)s: you are invited to be a member of a delegation (%(reference)s)"),
    HEAD_FLOOR_REQUESTED: _("%(conference)s: your request for the floor (%(reference)s)"),
    VISA_LETTER_READY: _("%(conference)s: your letter of invitation for the visa is ready"),
    CERTIFICATE_READY: _("%(conference)s: your certificate of attendance is ready"),
    FOLLOW_UP_REMINDER: _("%(conference)s: please answer “%(form)s” by %(deadline)s"),
    SPONSORSHIP_OFFERED: _(
        "%(conference)s: an offer to sponsor your participation (%(reference)s)"
    ),
    PROGRAMME_CHANGED: _("%(conference)s: the programme changed (%(release)s)"),
    ONLINE_MEETING: _("%(conference)s: how to join online (%(reference)s)"),
}
FOCAL_POINT_SUBJECTS = {
    FOCAL_POINT_LINK: _("%(conference)s: the page of the delegation of %(organization)s"),
    FOCAL_POINT_REMINDER: _("%(conference)s: the delegation of %(organization)s is not complete"),
    FLOOR_REQUESTED: _("%(conference)s: the request of %(organization)s for the floor"),
    MEMBER_JOINED: _("%(conference)s: a delegate asks to join the delegation of %(organization)s"),
    MEMBER_LEFT: _("%(conference)s: a delegate left the delegation of %(organization)s"),
    FOCAL_POINT_PROGRAMME_CHANGED: _(
        "%(conference)s: the programme changed for the delegation of %(organization)s"
    ),
}
# Kinds with a template of their own; the others share registrations/email/message.txt.
TEMPLATES = {
    NOMINATED: "registrations/email/nominated.txt",
    HEAD_FLOOR_REQUESTED: "registrations/email/head_floor_requested.txt",
    VISA_LETTER_READY: "registrations/email/letter_ready.txt",
    CERTIFICATE_READY: "registrations/email/letter_ready.txt",
    FOLLOW_UP_REMINDER: "registrations/email/follow_up_reminder.txt",
    SPONSORSHIP_OFFERED: "registrations/email/sponsorship_offered.txt",
    PROGRAMME_CHANGED: "registrations/email/programme_changed.txt",
    ONLINE_MEETING: "registrations/email/online_meeting.txt",
    FOCAL_POINT_PROGRAMME_CHANGED: "registrations/email/focal_point_programme_changed.txt",
    FOCAL_POINT_LINK: "registrations/email/focal_point_link.txt",
    FOCAL_POINT_REMINDER: "registrations/email/focal_point_reminder.txt",
    FLOOR_REQUESTED: "registrations/email/floor_requested.txt",
    MEMBER_JOINED: "registrations/email/member_moved.txt",
    MEMBER_LEFT: "registrations/email/member_moved.txt",
}

# These go to an address the registration does not have (yet, or any more): they carry no
# private link.
WITHOUT_PRIVATE_LINK = {CONFIRM_EMAIL, EMAIL_CHANGED}


def private_url(registration):
    """The delegate's own page, in the language active when it is called."""
    return settings.SITE_URL + reverse("registration_detail", args=[registration.token])


def programme_url(conference):
    """The public programme, in the language active when it is called."""
    return settings.SITE_URL + reverse("programme", args=[conference.slug])


def changes_told(release, sessions):
    """The changes of `release` to the sessions of ids `sessions`, for an e-mail."""
    if release is None:
        return []
    told = set(sessions)
    return [change for change in releases.changes_of(release) or [] if change.session.pk in told]


def message(
    registration,
    kind,
    to=None,
    confirm_url="",
    follow_up=None,
    words=None,
    release=None,
    sessions=(),
):
    """The e-mail of `kind` about `registration`, to its delegate's address unless `to` says
    otherwise, in the language the delegate chose; a reminder names its `follow_up` form, a
    change of the programme lists the changes of its `release` to `sessions`. The conference's
    own paragraph is read unless `words` gives it (a preview)."""
    words = words or own_words.of(registration.conference_id, kind)
    with translation.override(registration.language):
        url = "" if kind in WITHOUT_PRIVATE_LINK else private_url(registration)
        context = {
            "registration": registration,
            "conference": registration.conference,
            "kind": kind,
            "private_url": url,
            "cancel_url": settings.SITE_URL
            + reverse("registration_cancel", args=[registration.token]),
            "confirm_url": confirm_url,
            "follow_up": follow_up,
            "own_words": own_words.paragraph(words, registration, url),
            "release": release,
            "changes": changes_told(release, sessions),
            "programme_url": programme_url(registration.conference),
            # As they are when the e-mail is sent, and only while the delegate may join them.
            "online_sessions": [
                session
                for session in online_meetings.to_join(registration)
                if session.pk in sessions
            ]
            if kind == ONLINE_MEETING
            else [],
        }
        subject = SUBJECTS[kind] % {
            "conference": registration.conference.short_name,
            "reference": registration.reference,
            "form": follow_up.title if follow_up else "",
            "deadline": date_format(follow_up.deadline) if follow_up else "",
            "release": release.name if release else "",
        }
        body = render_to_string(TEMPLATES.get(kind, "registrations/email/message.txt"), context)
    return EmailMessage(subject=subject, body=body, to=[to or registration.delegate.email])


def focal_point_url(focal_point):
    """The focal point's page, in the language active when it is called."""
    return settings.SITE_URL + reverse("focal_point_page", args=[focal_point.token])


def focal_point_message(focal_point, kind, registration=None, release=None, sessions=()):
    """The e-mail of `kind` to a delegation's focal point, in the language they chose, about
    one member's `registration` for some kinds, or the changes of a `release` to `sessions`."""
    delegation = focal_point.delegation
    with translation.override(focal_point.language):
        context = {
            "focal_point": focal_point,
            "member": registration,
            "delegation": delegation,
            "conference": delegation.conference,
            "organization": delegation.organization,
            "kind": kind,
            "page_url": focal_point_url(focal_point),
            # What it lacks as the e-mail is sent, not as it was when queued.
            "missing": delegation.missing(delegation.members.all())
            if kind == FOCAL_POINT_REMINDER
            else [],
            "release": release,
            "changes": changes_told(release, sessions),
            "programme_url": programme_url(delegation.conference),
        }
        subject = FOCAL_POINT_SUBJECTS[kind] % {
            "conference": delegation.conference.short_name,
            "organization": delegation.organization.name,
        }
        body = render_to_string(TEMPLATES[kind], context)
    return EmailMessage(subject=subject, body=body, to=[focal_point.email])


def queue(registration, kind, to="", link="", follow_up=None, release=None, sessions=()):
    """Record the e-mail of `kind` about `registration`; the worker sends it after the commit."""
    delivery = Delivery.objects.create(
        registration=registration,
        kind=kind,
        to=to,
        link=link,
        follow_up=follow_up,
        release=release,
        sessions=list(sessions),
    )
    transaction.on_commit(lambda: send_status_email.enqueue(delivery.pk))
    return delivery


def queue_to_focal_point(focal_point, kind, registration=None, release=None, sessions=()):
    """Record the e-mail of `kind` to `focal_point` (about `registration`, or a `release` of
    the programme, for some kinds); the worker sends it after the commit."""
    delivery = Delivery.objects.create(
        focal_point=focal_point,
        kind=kind,
        registration=registration,
        release=release,
        sessions=list(sessions),
    )
    transaction.on_commit(lambda: send_status_email.enqueue(delivery.pk))
    return delivery


def send_again(deliveries):
    """Queue status e-mails that failed, or still wait, once more: one more try each. One
    already queued is still sent once (send_status_email sends only what is pending)."""
    unsent = list(
        deliveries.filter(state__in=[Delivery.State.FAILED, Delivery.State.PENDING]).exclude(
            kind=EmailKind.MESSAGE
        )
    )
    for delivery in unsent:
        delivery.state = Delivery.State.PENDING
        delivery.save(update_fields=["state"])
        transaction.on_commit(lambda pk=delivery.pk: send_status_email.enqueue(pk))
    return len(unsent)


def retry_later(task_function, attempts, *args):
    """Enqueue `task_function` again after the delay for the attempts made so far."""
    delay = settings.EMAIL_RETRY_DELAYS[attempts - 1]
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    transaction.on_commit(lambda: task_function.using(run_after=run_after).enqueue(*args))


class EmailNotSent(Exception):
    """The mail server refused an e-mail, or did not answer: the task ends failed."""


@task()
def send_status_email(delivery_id):
    delivery = Delivery.claim(
        delivery_id,
        "registration__delegate",
        "registration__conference",
        "follow_up",
        "release__conference",
        "focal_point__delegation__conference",
        "focal_point__delegation__organization",
    )
    if delivery is None:
        return  # sent already, being sent by another worker, or sent again on request
    if delivery.focal_point_id:
        email = focal_point_message(
            delivery.focal_point,
            delivery.kind,
            registration=delivery.registration,
            release=delivery.release,
            sessions=delivery.sessions,
        )
    else:
        email = message(
            delivery.registration,
            delivery.kind,
            to=delivery.to,
            confirm_url=delivery.link,
            follow_up=delivery.follow_up,
            release=delivery.release,
            sessions=delivery.sessions,
        )
    if delivery.attempt(email, attempts_allowed=len(settings.EMAIL_RETRY_DELAYS) + 1):
        return
    if delivery.state == Delivery.State.PENDING:
        retry_later(send_status_email, delivery.attempts, delivery.pk)
    raise EmailNotSent(f"E-mail {delivery.pk} ({delivery.kind}) not sent: see its row.")
