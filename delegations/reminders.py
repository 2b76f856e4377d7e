"""Reminders to focal points: a delegation that lacks its head of delegation, its credentials
or members' details, a set number of days before its conference's deadline, has each of its
focal points reminded once, in their language, through the worker like every e-mail.

"Once" is a rule of the database (a focal point has one reminder at most): running the
reminders daily, twice, or on two machines at once reminds nobody twice.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from registrations import status_emails
from registrations.models import ACTIVE_STATUSES, EmailKind, Registration
from va_conference.models import Conference

from .missing import missing
from .models import FocalPoint


def conferences_due(today):
    """Conferences whose focal points are reminded today: from `reminder_days` before their
    deadline up to the deadline itself (a day missed by the schedule is caught up)."""
    return [
        conference
        for conference in Conference.objects.filter(delegations_deadline__gte=today)
        if today >= conference.delegations_deadline - datetime.timedelta(conference.reminder_days)
    ]


def focal_points_to_remind(today):
    """Active focal points of the conferences due, not reminded yet, whose delegation lacks
    something: [(focal point, [what is missing, ...]), ...]."""
    members = Registration.objects.filter(status__in=ACTIVE_STATUSES).only(
        "delegation_id", "role", "status", "given_name", "family_name", "privacy_accepted_at"
    )
    focal_points = (
        FocalPoint.objects.filter(
            state=FocalPoint.State.ACTIVE, delegation__conference__in=conferences_due(today)
        )
        .exclude(deliveries__kind=EmailKind.FOCAL_POINT_REMINDER)
        .select_related("delegation__conference", "delegation__organization")
        .prefetch_related(Prefetch("delegation__members", queryset=members, to_attr="active"))
    )
    found = []
    for focal_point in focal_points:
        lacking = missing(focal_point.delegation, focal_point.delegation.active)
        if lacking:
            found.append((focal_point, lacking))
    return found


def send_reminders(today=None):
    """Queue the reminders due `today` (the site's date by default); the number queued."""
    today = today or timezone.localdate()
    queued = 0
    for focal_point, _lacking in focal_points_to_remind(today):
        try:
            with transaction.atomic():
                status_emails.queue_to_focal_point(focal_point, EmailKind.FOCAL_POINT_REMINDER)
        except IntegrityError:
            continue  # reminded at the same moment by another run
        queued += 1
    return queued
