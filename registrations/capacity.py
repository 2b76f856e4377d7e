"""Places and the waiting list, for each way of taking part a conference offers.

A conference has places for delegates in person (`capacity`) and for delegates online
(`online_capacity`), each without limit when empty; a registration holds a place of its own
mode (`Registration.mode`), and waits for one on the waiting list of its mode. The places are
counted from the registrations themselves, by whoever holds the conference's row lock
(registrations/workflow.py): no counter is stored that could drift.
"""

from . import status_emails
from .models import PLACE_STATUSES, Registration, Status


def offered_mode(conference, mode):
    """`mode` if the conference offers it, else the one way of taking part it offers."""
    modes = conference.participation_modes()
    return mode if mode in modes else modes[0]


def free_places(conference, mode):
    """Places left for delegates taking part in `mode`, or None when they have no limit."""
    capacity = conference.capacity_for(mode)
    if capacity is None:
        return None
    taken = Registration.objects.filter(
        conference=conference, mode=mode, status__in=PLACE_STATUSES
    ).count()
    return max(capacity - taken, 0)


def has_free_place(conference, mode):
    places = free_places(conference, mode)
    return places is None or places > 0


def promote_from_waiting_list(conference, freed_by):
    """Give the places freed by `freed_by` to the registrations waiting for a place of its mode,
    first come first served.

    A promoted registration holds a place and awaits the organizers' confirmation, like any
    new one. Without a limit, a cancelled or declined registration promotes one; one put on
    the waiting list by an organizer promotes nobody.
    """
    places = free_places(conference, freed_by.mode)
    if places is None:
        places = 0 if freed_by.status == Status.WAITLISTED else 1
    if places == 0:
        return []
    waiting = list(
        Registration.objects.select_for_update()
        .filter(conference=conference, mode=freed_by.mode, status=Status.WAITLISTED)
        .exclude(pk=freed_by.pk)
        .order_by("created_at", "pk")[:places]
    )
    for registration in waiting:
        registration.status = Status.SUBMITTED
        registration.save(update_fields=["status", "updated_at"])
        status_emails.queue(registration, status_emails.PROMOTED)
    return waiting
