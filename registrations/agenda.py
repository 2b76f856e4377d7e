"""A delegate's own agenda: the sessions they mark among the programme the public reads (its
last release), marked from the start with those they registered for, and its calendar, which
their calendar application subscribes to at a private address of its own.

Each event keeps the id of its session (sessions/calendar.py), so that a session moved in a
release moves in the delegate's calendar instead of appearing twice. A new address revokes the
old one: a calendar still reading it is answered 404.
"""

from django.db import transaction

from sessions import releases

from .models import Agenda, new_token


def public_sessions(conference):
    """The sessions the public reads of `conference`: the only ones an agenda marks."""
    return releases.public_sessions(conference, releases.latest(conference))


@transaction.atomic
def agenda_of(registration):
    """The delegate's agenda, made on first use with the sessions they registered for."""
    agenda, created = Agenda.objects.get_or_create(registration=registration)
    if created:
        agenda.sessions.set(registration.sessions.all())
    return agenda


def programme_of(agenda):
    """The sessions the public reads of the conference, each with `is_marked`."""
    marked = set(agenda.sessions.values_list("pk", flat=True))
    sessions = public_sessions(agenda.registration.conference)
    for session in sessions:
        session.is_marked = session.pk in marked
    return sessions


def marked(agenda):
    """The sessions the delegate marked, as the public reads them, in programme order."""
    return [session for session in programme_of(agenda) if session.is_marked]


def mark(agenda, session_pk, on):
    """Mark (or unmark) a session the public reads; False for any other session."""
    sessions = {session.pk for session in public_sessions(agenda.registration.conference)}
    if session_pk not in sessions:
        return False
    if on:
        agenda.sessions.add(session_pk)
    else:
        agenda.sessions.remove(session_pk)
    return True


def new_calendar_address(agenda):
    """A new private address for the agenda's calendar; the old one answers 404 from now."""
    agenda.calendar_token = new_token()
    agenda.save(update_fields=["calendar_token"])
