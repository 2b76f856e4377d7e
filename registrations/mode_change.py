"""A delegate asks to take part another way: online rather than in person, or in person rather
than online, while registration is open and the conference offers both.

The registration takes its new way as a new registration of that way would, under the
conference's row lock (registrations/workflow.py):

- in person, it holds a place in the room if one is free and waits again for the organizers'
  confirmation (a badge, a visa letter, the venue's security follow from it), or else waits on
  the waiting list for the room;
- online, it keeps its status if a place online is free (a confirmed delegate stays
  confirmed), or else waits on the waiting list for a place online.

The place it held, if any, goes to the first registration waiting for that way.
"""

import copy

from django.db import transaction

from va_conference.models import Participation

from . import capacity, status_emails
from .models import PLACE_STATUSES, Registration, Status
from .workflow import RegistrationClosed, can_change, lock_conference


class ModeNotOffered(Exception):
    """The conference does not offer that way of taking part, or the registration has it."""


def other_mode(registration):
    """The way the delegate may ask to take part instead, or None where there is no choice."""
    modes = registration.conference.participation_modes()
    if len(modes) < 2 or not can_change(registration):
        return None
    return next(mode for mode in modes if mode != registration.mode)


@transaction.atomic
def change_mode(registration, mode):
    """Take part in `mode` from now on; returns the registration, with its new status."""
    conference = lock_conference(registration.conference)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not can_change(registration):
        raise RegistrationClosed
    if mode == registration.mode or mode not in conference.participation_modes():
        raise ModeNotOffered
    before = copy.copy(registration)
    registration.mode = mode
    if not capacity.has_free_place(conference, mode):
        registration.status = Status.WAITLISTED
    elif mode == Participation.IN_PERSON or registration.status == Status.WAITLISTED:
        registration.status = Status.SUBMITTED
    registration.save(update_fields=["mode", "status", "updated_at"])
    if registration.status != before.status:
        status_emails.queue(registration, registration.status)
    if before.status in PLACE_STATUSES:
        capacity.promote_from_waiting_list(conference, freed_by=before)
    return registration
