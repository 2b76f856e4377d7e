"""What happens to a focal point: named, sent their link, given a new one, revoked, approved.

The link is only ever e-mailed, to the focal point's address: it proves control of that
address, as a delegate's private link does. A new link replaces the old one, which then opens
nothing; a revoked focal point's link opens nothing either.
"""

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from registrations import status_emails

from .models import FocalPoint, delegation_of
from .models.focal_point import new_token


class NotActive(Exception):
    """Only an active focal point is sent a link."""


def active(token):
    """The active focal point whose link holds `token`, with their delegation; else 404."""
    focal_point = (
        FocalPoint.objects.select_related("delegation__conference", "delegation__organization")
        .filter(token=token, state=FocalPoint.State.ACTIVE)
        .first()
    )
    if focal_point is None:
        raise Http404
    return focal_point


@transaction.atomic
def send_link(focal_point):
    """E-mail the focal point the link to their delegation's page."""
    if not focal_point.is_active:
        raise NotActive
    focal_point.link_sent_at = timezone.now()
    focal_point.save(update_fields=["link_sent_at"])
    status_emails.queue_to_focal_point(focal_point, status_emails.FOCAL_POINT_LINK)


@transaction.atomic
def name(focal_point, by):
    """Record a focal point an organizer named and, if active, send them their link."""
    focal_point.named_by = by
    focal_point.save()
    if focal_point.is_active:
        send_link(focal_point)
    return focal_point


@transaction.atomic
def renew(focal_point):
    """A new link: the old one stops working at once, and the new one is sent."""
    if not focal_point.is_active:
        raise NotActive
    focal_point.token = new_token()
    focal_point.save(update_fields=["token"])
    send_link(focal_point)


@transaction.atomic
def revoke(focal_point):
    """The focal point no longer acts for the delegation: their link opens nothing."""
    focal_point.state = FocalPoint.State.REVOKED
    focal_point.revoked_at = timezone.now()
    focal_point.save(update_fields=["state", "revoked_at"])


def ask(conference, organization, request):
    """Record an organization's request for `request` (an unsaved FocalPoint) to be its focal
    point at `conference`, for an organizer to approve; nothing is sent before that. An address
    that already is, or asked to be, the delegation's focal point records nothing new (the
    same form sent twice makes one request). Returns the request recorded, or None."""
    with transaction.atomic():
        request.delegation = delegation_of(conference, organization)
        request.state = FocalPoint.State.REQUESTED
        named = FocalPoint.objects.filter(
            delegation=request.delegation, email__iexact=request.email
        )
        if named.exclude(state=FocalPoint.State.REVOKED).exists():
            return None
        try:
            with transaction.atomic():
                request.save()
        except IntegrityError:
            # The same address asked at the same moment (focal_point_once_per_delegation).
            return None
    return request


@transaction.atomic
def approve(focal_point, by):
    """An organizer approves the organization's request: the focal point is sent their link."""
    if focal_point.state != FocalPoint.State.REQUESTED:
        raise NotActive
    focal_point.state = FocalPoint.State.ACTIVE
    focal_point.named_by = by
    focal_point.save(update_fields=["state", "named_by"])
    send_link(focal_point)
