"""The sessions held online, as the delegates who may join them see them.

A session's online meeting (its address, passcode and interpretation channels,
sessions/models/online.py) is shown only to the confirmed delegates of its conference who take
part online (`Registration.joins_online`), on their private page and in their agenda, and is
e-mailed only to them (registrations/organizers_messages.py); staff read it in the admin. It is
read as it is whenever a page is shown or an e-mail sent, so that a link changed at the last
minute reaches every delegate.
The sessions are those the public reads (the last release): a session the public does not
read has no link to hand out.
"""

from sessions.models import OnlineMeeting
from va_conference.models import Participation

from .agenda import public_sessions
from .models import Registration, Status


def with_meetings(registration, sessions):
    """Of `sessions`, those held online, each with its `meeting` and `channel` (the
    interpretation channel of the delegate's language, or None); none unless the delegate may
    join them. Two queries."""
    if not registration.joins_online:
        return []
    meetings = {
        meeting.session_id: meeting
        for meeting in OnlineMeeting.objects.filter(
            session__in=[session.pk for session in sessions]
        ).prefetch_related("channels")
    }
    held_online = []
    for session in sessions:
        meeting = meetings.get(session.pk)
        if meeting is None:
            continue
        session.meeting = meeting
        session.channel = next(
            (c for c in meeting.channels.all() if c.language == registration.language), None
        )
        held_online.append(session)
    return held_online


def to_join(registration):
    """The sessions of the delegate's conference they may join online, in programme order."""
    if not registration.joins_online:
        return []
    return with_meetings(registration, public_sessions(registration.conference))


def delegates_joining(conference):
    """The registrations of `conference` that may join its online sessions."""
    return Registration.objects.filter(
        conference=conference,
        status=Status.CONFIRMED,
        mode=Participation.ONLINE,
        anonymised_at=None,
    ).select_related("delegate")
