"""Releasing a conference's programme of work, and reading what was released.

A release keeps the public sessions and their rooms as they were, in every language, as JSON
(`ProgrammeRelease.snapshot`). The public pages rebuild unsaved `Session` and `Room` instances
from it, so that they draw a released programme exactly as they draw the live one, in the
reader's language. A conference never released shows its sessions as they are.

What changed between two versions is found by comparing them session by session: added,
removed, moved in time, moved to another room, retitled in any language.
"""

import datetime
import itertools
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .models import ProgrammeRelease, Room, Session, Statement

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = ["title", "description", "agenda_item"]
# What a release keeps of each public session, besides its translated texts.
KEPT = ["slug", "kind", "chairs", "order", "room_id"]
WHEN = ["date", "start_time", "end_time"]


def localized(field):
    return [build_localized_fieldname(field, language) for language in LANGUAGES]


def snapshot(conference):
    """The public sessions of `conference` and their rooms, as a release keeps them."""
    fields = KEPT + [name for field in TRANSLATED for name in localized(field)]
    sessions = []
    rooms = {}
    for session in Session.objects.filter(conference=conference, is_public=True).select_related(
        "room"
    ):
        kept = {"pk": session.pk, **{field: getattr(session, field) for field in fields}}
        kept.update({field: getattr(session, field).isoformat() for field in WHEN})
        sessions.append(kept)
        if session.room is not None:
            rooms[str(session.room_id)] = {
                name: getattr(session.room, name) for name in localized("name")
            }
    return {"sessions": sessions, "rooms": rooms}


def sessions_of(release_snapshot, conference):
    """The unsaved sessions of a snapshot, in the programme's order, each with its room and
    `conference` set."""
    rooms = {
        int(pk): Room(pk=int(pk), conference=conference, **names)
        for pk, names in release_snapshot["rooms"].items()
    }
    sessions = []
    for kept in release_snapshot["sessions"]:
        fields = dict(kept)
        fields["date"] = datetime.date.fromisoformat(fields["date"])
        fields["start_time"] = datetime.time.fromisoformat(fields["start_time"])
        fields["end_time"] = datetime.time.fromisoformat(fields["end_time"])
        room_id = fields.pop("room_id")
        session = Session(conference=conference, is_public=True, **fields)
        session.room = rooms.get(room_id)
        sessions.append(session)
    return sorted(sessions, key=lambda s: (s.date, s.start_time, s.order, s.pk))


def latest(conference):
    """The conference's last release, or None."""
    return conference.programme_releases.order_by("-released_at", "-pk").first()


def is_draft(row):
    """Whether a session or room, as organizers edit it, is the draft of the next release: its
    conference's programme was released, so the public reads it only once released again."""
    return ProgrammeRelease.objects.filter(conference_id=row.conference_id).exists()


def public_sessions(conference, release):
    """The sessions the public reads: those of `release`, the conference's last (`latest`), or
    its public sessions as they are when it has none. One query at most."""
    if release is not None:
        return sessions_of(release.snapshot, conference)
    sessions = list(
        Session.objects.published().filter(conference=conference).select_related("room")
    )
    for session in sessions:
        session.conference = conference
    return sessions


def count_statements(sessions):
    """Give each of `sessions` (rebuilt from a release) its `published_statement_count`, as
    SessionQuerySet.with_statement_counts() gives rows: one query."""
    counts = dict(
        Statement.objects.filter(session__in=[s.pk for s in sessions], is_published=True)
        .values_list("session")
        .annotate(count=Count("pk"))
    )
    for session in sessions:
        session.published_statement_count = counts.get(session.pk, 0)


def public_sessions_of(conferences):
    """Every session the public reads of `conferences` (a queryset), conference by conference
    in its order, each in programme order: three queries, however many conferences."""
    conferences = list(conferences)
    newest = ProgrammeRelease.objects.filter(conference=OuterRef("conference")).order_by(
        "-released_at", "-pk"
    )
    released = {
        release.conference_id: release
        for release in ProgrammeRelease.objects.filter(
            conference__in=conferences, pk=Subquery(newest.values("pk")[:1])
        )
    }
    live = {}
    never = [conference for conference in conferences if conference.pk not in released]
    for session in Session.objects.filter(conference__in=never, is_public=True).select_related(
        "room"
    ):
        live.setdefault(session.conference_id, []).append(session)
    found = []
    for conference in conferences:
        if conference.pk in released:
            found += sessions_of(released[conference.pk].snapshot, conference)
            continue
        for session in sorted(live.get(conference.pk, []), key=order_key):
            session.conference = conference
            found.append(session)
    return found


def by_day(sessions):
    return [(day, list(group)) for day, group in itertools.groupby(sessions, key=lambda s: s.date)]


@dataclass
class Change:
    kind: str  # one of CHANGE_KINDS
    before: Session | None
    after: Session | None

    @property
    def session(self):
        return self.after or self.before

    @property
    def label(self):
        return CHANGE_KINDS[self.kind]


CHANGE_KINDS = {
    "added": _("Added"),
    "removed": _("Removed"),
    "moved": _("Moved in time"),
    "room": _("Moved to another room"),
    "retitled": _("Retitled"),
}


def changes(before, after):
    """[Change] from the sessions `before` to the sessions `after` (lists of sessions), in the
    programme's order; a session moved and retitled has a change of each kind."""
    earlier = {session.pk: session for session in before}
    later = {session.pk: session for session in after}
    found = []
    for session in after:
        was = earlier.get(session.pk)
        if was is None:
            found.append(Change("added", None, session))
            continue
        if (was.date, was.start_time, was.end_time) != (
            session.date,
            session.start_time,
            session.end_time,
        ):
            found.append(Change("moved", was, session))
        if was.room_id != session.room_id:
            found.append(Change("room", was, session))
        if any(getattr(was, name) != getattr(session, name) for name in localized("title")):
            found.append(Change("retitled", was, session))
    found += [Change("removed", was, None) for pk, was in earlier.items() if pk not in later]
    return sorted(found, key=lambda change: order_key(change.session))


def order_key(session):
    return (session.date, session.start_time, session.order, session.pk)


def pending(conference):
    """[Change] of the public sessions as they are against the last release (against nothing
    before the first release, when every public session is new)."""
    release = latest(conference)
    released = sessions_of(release.snapshot, conference) if release else []
    now = sessions_of(snapshot(conference), conference)
    return changes(released, now)


def history(conference):
    """[(release, [Change] against the release before it, or None for the first)], newest
    first: the public changelog."""
    releases = list(conference.programme_releases.order_by("released_at", "pk"))
    found, previous = [], None
    for release in releases:
        sessions = sessions_of(release.snapshot, conference)
        found.append((release, changes(previous, sessions) if previous is not None else None))
        previous = sessions
    return found[::-1]


def changes_of(release):
    """[Change] of `release` against the release before it; None for the first."""
    before = (
        release.conference.programme_releases.filter(
            Q(released_at__lt=release.released_at)
            | Q(released_at=release.released_at, pk__lt=release.pk)
        )
        .order_by("-released_at", "-pk")
        .first()
    )
    if before is None:
        return None
    conference = release.conference
    return changes(
        sessions_of(before.snapshot, conference), sessions_of(release.snapshot, conference)
    )


@dataclass
class Warning:
    message: str
    sessions: list


def warnings(conference):
    """What to fix before releasing: a room used by two sessions at once, a session without a
    room. One query. (A session outside the conference's days cannot be: the database refuses
    it, see migration programme 0002.)"""
    sessions = list(
        Session.objects.filter(conference=conference, is_public=True).select_related("room")
    )
    found = []
    for first, second in itertools.combinations(sessions, 2):
        if (
            first.room_id
            and first.room_id == second.room_id
            and first.date == second.date
            and first.start_time < second.end_time
            and second.start_time < first.end_time
        ):
            found.append(
                Warning(
                    _("%(room)s is used by two sessions at once.") % {"room": first.room.name},
                    [first, second],
                )
            )
    roomless = [session for session in sessions if session.room_id is None]
    if roomless:
        found.append(Warning(_("Without a room."), roomless))
    return found


@transaction.atomic
def release(conference, name, by, **notes):
    """Release the public sessions of `conference` as they are, under `name`, with the note in
    each language (`note_en=...`)."""
    return ProgrammeRelease.objects.create(
        conference=conference,
        name=name,
        snapshot=snapshot(conference),
        released_by=by,
        **{field: text for field, text in notes.items() if field in localized("note")},
    )


def released_session(release, slug):
    """The session of `release` with `slug`, or None."""
    for session in sessions_of(release.snapshot, release.conference):
        if session.slug == slug:
            return session
    return None
