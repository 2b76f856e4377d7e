"""The programme of work as an iCalendar file (RFC 5545), one event per public session."""

import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from va_conference.downloads import download


def session_uid(session):
    # Stable across edits and exports, so calendars update the event instead of adding one.
    return f"programme-session-{session.pk}@va-conference"


def how_to_join(session):
    """How to join `session` online, for a delegate who may (its `meeting` set), else ""."""
    meeting = getattr(session, "meeting", None)
    if meeting is None:
        return ""
    lines = [f"{_('Join at:')} {meeting.address}"]
    if meeting.passcode:
        lines.append(f"{_('Passcode:')} {meeting.passcode}")
    if getattr(session, "channel", None) is not None:
        lines.append(
            _("Interpretation into your language: channel %(channel)s")
            % {"channel": session.channel.channel}
        )
    return "\n".join(lines)


def programme_calendar(request, conference, sessions, name=""):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//VA Conference//Programme of work//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or f"{conference.short_name} — {conference.title}")
    calendar.add("x-wr-timezone", conference.time_zone)
    stamp = timezone.now().astimezone(datetime.UTC)
    location_parts = [conference.venue, conference.city]
    for session in sessions:
        session.conference = conference
        event = icalendar.Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", session.title)
        # Set only on the sessions of a delegate who may join them (a private agenda).
        meeting = getattr(session, "meeting", None)
        description = "\n\n".join(
            part
            for part in (session.agenda_item, session.description, how_to_join(session))
            if part
        )
        if meeting is not None:
            event.add("conference", meeting.address, parameters={"value": "URI"})
        if description:
            event.add("description", description)
        room = [session.room.name] if session.room else []
        event.add("location", ", ".join(part for part in room + location_parts if part))
        event.add(
            "url",
            request.build_absolute_uri(
                reverse("session_detail", args=[conference.slug, session.slug])
            ),
        )
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def programme_response(request, conference, sessions, name="", private=False):
    """The calendar of `sessions` (named `name`, the conference by default), as a download; a
    `private` one (a delegate's agenda) is kept by no cache."""
    calendar = programme_calendar(request, conference, sessions, name)
    filename = f"{conference.slug}-{'agenda' if private else 'programme'}.ics"
    return download(calendar.to_ical(), filename, private=private)
