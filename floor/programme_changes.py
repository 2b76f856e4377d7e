"""Who is told that a release of the programme changed their sessions, and telling them.

A session moved in time, moved to another room or removed concerns the delegates registered for
it or who marked it in their agenda (under way), the heads of delegation on its list of
speakers, and the active focal points of all their delegations. Each of them gets one e-mail in
their language listing the changes that concern them, through the worker, never twice for one
release (the database refuses a second); nobody else is written to. Here, the lowest app that
knows the sessions, the registrations, the delegations and the lists of speakers.
"""

from collections import defaultdict

from django.db import IntegrityError, transaction

from delegations.models import FocalPoint
from registrations import status_emails
from registrations.models import ACTIVE_STATUSES, Agenda, EmailKind, Registration
from sessions import releases

from .models import STILL_TO_SPEAK, FloorRequest

# The changes that make a delegate's plans wrong; a new title or a new session does not.
CONCERNING = {"moved", "room", "removed"}


def concerned(release):
    """{registration id: {session id}} and {delegation id: {session id}} of whom the changes of
    `release` concern, and how. Four queries."""
    changes = releases.changes_of(release) or []
    changed = {change.session.pk for change in changes if change.kind in CONCERNING}
    delegates = defaultdict(set)
    delegations = defaultdict(set)
    if not changed:
        return delegates, delegations
    registered = Registration.sessions.through.objects.filter(
        session_id__in=changed,
        registration__conference=release.conference,
        registration__status__in=ACTIVE_STATUSES,
    ).values_list("registration_id", "registration__delegation_id", "session_id")
    followed = Agenda.sessions.through.objects.filter(
        session_id__in=changed,
        agenda__registration__conference=release.conference,
        agenda__registration__status__in=ACTIVE_STATUSES,
    ).values_list("agenda__registration_id", "agenda__registration__delegation_id", "session_id")
    for registration, delegation, session in [*registered, *followed]:
        delegates[registration].add(session)
        delegations[delegation].add(session)
    speakers = FloorRequest.objects.filter(
        speakers_list__session_id__in=changed, turn__in=STILL_TO_SPEAK
    ).values_list("requested_by_head_id", "delegation_id", "speakers_list__session_id")
    for head, delegation, session in speakers:
        if head is not None:
            delegates[head].add(session)
        delegations[delegation].add(session)
    return delegates, delegations


def tell(release):
    """Queue the e-mails of `release` to whom it concerns; returns how many were queued (none
    for someone already told of it)."""
    delegates, delegations = concerned(release)
    queued = 0
    for registration in Registration.objects.filter(pk__in=delegates).select_related("conference"):
        queued += queue_once(
            status_emails.queue,
            registration,
            EmailKind.PROGRAMME_CHANGED,
            release=release,
            sessions=sorted(delegates[registration.pk]),
        )
    for focal_point in FocalPoint.objects.filter(
        delegation__in=delegations, state=FocalPoint.State.ACTIVE
    ):
        queued += queue_once(
            status_emails.queue_to_focal_point,
            focal_point,
            EmailKind.FOCAL_POINT_PROGRAMME_CHANGED,
            release=release,
            sessions=sorted(delegations[focal_point.delegation_id]),
        )
    return queued


def queue_once(queue, recipient, kind, **details):
    try:
        with transaction.atomic():
            queue(recipient, kind, **details)
    except IntegrityError:
        return 0  # told already: the database keeps one e-mail per release and person
    return 1
