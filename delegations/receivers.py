"""The delegations' side of what the registrations' rules do (registrations/signals.py): each
change to a delegation's members is recorded for the Addendum, and a move is told to the focal
points of both delegations. Connected in DelegationsConfig.ready()."""

from registrations import status_emails

from . import changes
from .models import Change


def member_left(sender, registration, delegation, by=None, by_focal_point=None, moved=False, **kw):
    changes.record(registration, Change.WITHDRAWN, by_focal_point=by_focal_point, by=by)
    if moved:
        for focal_point in delegation.active_focal_points():
            status_emails.queue_to_focal_point(
                focal_point, status_emails.MEMBER_LEFT, registration=registration
            )


def member_joined(sender, registration, **kwargs):
    changes.record(registration, Change.ADDED)
    for focal_point in registration.delegation.active_focal_points():
        status_emails.queue_to_focal_point(
            focal_point, status_emails.MEMBER_JOINED, registration=registration
        )
