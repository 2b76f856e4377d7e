"""Next year's meeting from this year's: a new conference with what recurs, copied.

The rooms; the sessions, moved by the difference of the dates, not public, without statements;
their lists of speakers' settings, without a request; the letterhead, its images copied (each
conference deletes its own); the conference's own questions. Never a person, a registration, a
delegation, a statement or a document: the new meeting starts empty of them, unpublished, for
its organizers to review from its dashboard. Here, the one app that knows them all.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from floor.models import SpeakersList
from letters.models import Letterhead
from registrations.questions import copy_questions
from sessions.models import Session

# What the new conference keeps of the one it comes from, besides what the form gives.
KEPT = [
    "convention",
    "country",
    "time_zone",
    "host_id",
    "capacity",
    "reminder_days",
    "passport_margin_days",
]


def span(conference):
    """The days a conference lasts, less one."""
    return (conference.end_date - conference.start_date).days


@transaction.atomic
def start_from(source, new):
    """Save `new`, an unsaved conference with its title, short name, slug, reference prefix,
    dates and place, as next year's `source`, with what recurs copied. Its dates must span as
    many days as the source's at least, for the sessions to fall within them."""
    shift = new.start_date - source.start_date
    for field in KEPT:
        setattr(new, field, getattr(source, field))
    new.is_published = False
    new.save()
    new.organizers.set(source.organizers.all())
    rooms = {}
    for room in source.rooms.all():
        old = room.pk
        room.pk = None
        room.conference = new
        room.save()
        rooms[old] = room
    for session in Session.objects.filter(conference=source).select_related("speakers_list"):
        listed = getattr(session, "speakers_list", None)
        session.pk = None
        session.conference = new
        session.date += shift
        session.room = rooms.get(session.room_id)
        session.is_public = False
        session.save()
        if listed is not None:
            SpeakersList.objects.create(
                session=session,
                is_open=listed.is_open,
                requests_close_at=listed.requests_close_at + shift
                if listed.requests_close_at
                else None,
                order=listed.order,
                minutes_per_speaker=listed.minutes_per_speaker,
                is_displayed_publicly=listed.is_displayed_publicly,
            )
    copy_questions(source, new)
    # Last: the images it stores are all that a failure past this point would leave behind.
    copy_letterhead(source, new)
    return new


def copy_letterhead(source, new):
    letterhead = Letterhead.objects.filter(conference=source).first()
    if letterhead is None:
        return
    images = {name: getattr(letterhead, name) for name in ("logo", "signature")}
    letterhead.pk = None
    letterhead.conference = new
    for name, image in images.items():
        if image:
            with image.open("rb") as stored:
                copy = ContentFile(stored.read(), name=image.name.rsplit("/", 1)[-1])
            getattr(letterhead, name).save(copy.name, copy, save=False)
    letterhead.save()
