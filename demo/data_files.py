"""Read the demonstration data files of demo/data/ and turn their values into model values.

The files are TOML, which the standard library reads: texts stay as written, in every script,
and a long one goes on over several lines, each ending in a backslash. The fields below list
the keys of each kind of entry and how each value becomes a model value. A key they do not list,
a missing one or a value of the wrong kind stops the loading with a message that names the file
and the key, before anything is stored.

- A translated text is a table of every language of settings.LANGUAGES: `{ en = "...", ... }`.
- A kind, status or role is the value of the model's choice: `role = "head"` for Role.HEAD.
- A conference file writes its moments (registration opening and closing, submissions,
  publication) as local times of its `time_zone`, without an offset.
- A date may count from the day of loading, `{ days_from_loading = 60 }`, and so may a moment,
  `{ days_from_loading = -30, time = 09:00:00 }`: that is how the workshop stays open.
- A key left out takes its field's default; a field without a default must be given.
- Entries refer to each other by name: a State by its ISO 3166 code and any other organization
  by its acronym, a delegate by e-mail, a room by its key and a session by its slug in the same
  conference file.
- A session held online gives its meeting (demo/online.py); a conference may name an
  attendance report of the online platform, a CSV file of demo/data/, to import.
"""

import contextlib
import datetime
import tomllib
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from delegations.models import Credentials, Signatory
from floor.models import Order, Rank, Turn
from registrations.models import WITH_OWN_WORDS, Asked, Honorific, QuestionType, Role, Status
from sessions.models import SessionKind, StatementLanguage
from va_conference.models import Convention, OrganizationKind, Participation, TreatyStatus

from .data_values import (
    NO_TEXT,
    Field,
    Invalid,
    Reading,
    boolean,
    choice,
    date,
    integer,
    list_of,
    moment,
    name_of,
    one_of,
    site_language,
    table,
    table_of,
    text,
    time_of_day,
    time_zone,
    translated,
    within,
)
from .online import ATTENDANCE_REPORT, ONLINE_MEETING
from .sponsorship import SPONSORSHIP

FOLDER = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A demonstration data file that cannot be loaded as it is; the message names the file."""


ORGANIZATION = {
    "kind": Field(choice(OrganizationKind)),
    "country": Field(text),
    "acronym": Field(text, ""),
    "name": Field(translated),
    "mbt_status": Field(choice(TreatyStatus), ""),
    "ccm_status": Field(choice(TreatyStatus), ""),
    "crpd_status": Field(choice(TreatyStatus), ""),
    "has_va_obligations": Field(boolean, False),
}

USER = {
    "username": Field(text),
    "password": Field(text),
    "email": Field(text),
    "first_name": Field(text),
    "last_name": Field(text),
    "is_superuser": Field(boolean, False),
    "group": Field(text, None),
}

# What a delegate gives about themselves: each of their registrations holds it.
DELEGATE = {
    "email": Field(text),
    "honorific": Field(choice(Honorific), ""),
    "given_name": Field(text),
    "family_name": Field(text),
    "phone": Field(text, ""),
    "job_title": Field(text, ""),
    "gender": Field(text, ""),
    "is_survivor": Field(boolean, None),
    "has_disability": Field(boolean, None),
    "language": Field(site_language),
}


SESSION = {
    "slug": Field(text),
    "kind": Field(choice(SessionKind)),
    "date": Field(date),
    "start_time": Field(time_of_day),
    "end_time": Field(time_of_day),
    "room": Field(name_of("room")),
    "chairs": Field(text, ""),
    "title": Field(translated),
    "description": Field(translated),
    "agenda_item": Field(translated, NO_TEXT),
    "online": Field(table(ONLINE_MEETING), None),
}

REGISTRATION = {
    "delegate": Field(name_of("delegate")),
    "organization": Field(name_of("organization")),
    "role": Field(choice(Role)),
    "mode": Field(choice(Participation), Participation.IN_PERSON),
    "status": Field(choice(Status)),
    "submitted_at": Field(moment),
    "sessions": Field(list_of(name_of("session")), ()),
    "needs_step_free_access": Field(boolean, False),
    "sign_language": Field(text, ""),
    "needs_captioning": Field(boolean, False),
    "needs_accessible_documents": Field(boolean, False),
    "has_personal_assistant": Field(boolean, False),
    "other_accessibility_needs": Field(text, ""),
    "sponsorship_requested": Field(boolean, False),
    "sponsorship_justification": Field(text, ""),
    "consents_to_public_listing": Field(boolean, False),
}

# A statement as delivered; `translations` lists the languages it is also published in.
STATEMENT = {
    "session": Field(name_of("session")),
    "organization": Field(name_of("organization")),
    "language": Field(choice(StatementLanguage)),
    "speaker": Field(text),
    "translations": Field(list_of(choice(StatementLanguage)), ()),
}

# Who names a delegation's members, through their private link.
FOCAL_POINT = {
    "name": Field(text),
    "email": Field(text),
    "job_title": Field(text, ""),
    "language": Field(site_language),
}

# A delegation's credentials and focal points; its members are the conference's registrations
# for its organization.
DELEGATION = {
    "organization": Field(name_of("organization")),
    "credentials": Field(choice(Credentials), Credentials.NONE),
    "credentials_received_on": Field(date, None),
    "credentials_signatory": Field(choice(Signatory), ""),
    "focal_points": Field(list_of(table(FOCAL_POINT)), ()),
}


def delegation(value, reading):
    """A delegation, whose credentials, once received, say when and who issued them."""
    converted = table(DELEGATION)(value, reading)
    given = converted["credentials_received_on"] and converted["credentials_signatory"]
    if converted["credentials"] != Credentials.NONE and not given:
        raise Invalid(
            "credentials received need credentials_received_on and credentials_signatory",
            "credentials",
        )
    return converted


# A delegation's turn on a list of speakers, in the order of the list.
SPEAKER = {
    "organization": Field(name_of("organization")),
    "speaker": Field(text),
    "rank": Field(choice(Rank), Rank.OTHER),
    "language": Field(choice(StatementLanguage)),
    "speaks_online": Field(boolean, False),
    "turn": Field(choice(Turn), Turn.WAITING),
}

# A session's list of speakers.
SPEAKERS_LIST = {
    "session": Field(name_of("session")),
    "order": Field(choice(Order), Order.PROTOCOL),
    "is_displayed_publicly": Field(boolean, False),
    "speakers": Field(list_of(table(SPEAKER)), ()),
}

# One of the conference's own questions. A question named in another's `depends_on` by its
# `key` comes before it in the file; `depends_on_values` are "yes", "no" or the English labels
# of that question's choices.
QUESTION = {
    "key": Field(text),
    "label": Field(translated),
    "help_text": Field(translated, NO_TEXT),
    "type": Field(choice(QuestionType)),
    "required": Field(boolean, False),
    "organization_kinds": Field(list_of(choice(OrganizationKind)), ()),
    "choices": Field(list_of(translated), ()),
    "depends_on": Field(text, ""),
    "depends_on_values": Field(list_of(text), ()),
    "asked": Field(choice(Asked), Asked.DELEGATE),
    # The `key` of the follow-up form that asks it, if one does.
    "follow_up": Field(text, ""),
}

# A follow-up form for confirmed delegates, named by its questions' `follow_up`.
FOLLOW_UP_FORM = {
    "key": Field(text),
    "title": Field(translated),
    "deadline": Field(date),
    "reminder_days": Field(integer, 3),
    "is_open": Field(boolean, True),
}

# The conference's own paragraph in one kind of status e-mail.
OWN_WORDS = {
    "kind": Field(one_of([kind.value for kind in WITH_OWN_WORDS])),
    "text": Field(translated),
}

# A session moved before a release of the programme.
SESSION_MOVED = {
    "session": Field(name_of("session")),
    "date": Field(date),
    "start_time": Field(time_of_day),
    "end_time": Field(time_of_day),
}

# A release of the programme, in order: the sessions are as the conference lists them at the
# first, and `moved` as each later release says.
RELEASE = {
    "name": Field(text),
    "released_at": Field(moment),
    "note": Field(translated, NO_TEXT),
    "moved": Field(list_of(table(SESSION_MOVED)), ()),
}

# The List of Participants, as the secretariat issues it.
PARTICIPANTS_LIST = {"symbol": Field(text), "date": Field(date)}

# Who signs the conference's letters (no logo nor signature image in the demonstration).
LETTERHEAD = {"sender": Field(text), "signatory_name": Field(text), "signatory_title": Field(text)}

CONFERENCE = {
    "slug": Field(text),
    "reference_prefix": Field(text),
    # A meeting of one treaty's States Parties names it; a global conference does not.
    "convention": Field(choice(Convention), ""),
    "country": Field(text),
    "time_zone": Field(time_zone),
    "start_date": Field(date),
    "end_date": Field(date),
    "registration_opens_at": Field(moment, None),
    "registration_closes_at": Field(moment, None),
    "offers_in_person": Field(boolean, True),
    "offers_online": Field(boolean, False),
    "capacity": Field(integer, None),
    "online_capacity": Field(integer, None),
    "is_published": Field(boolean, False),
    "host": Field(name_of("organization")),
    "organizers": Field(list_of(name_of("organization")), ()),
    "statements_published_at": Field(moment, None),
    "title": Field(translated),
    "short_name": Field(translated),
    "description": Field(translated),
    "venue": Field(translated, NO_TEXT),
    "city": Field(translated),
    "rooms": Field(table_of(translated), {}),
    "sessions": Field(list_of(table(SESSION)), ()),
    "releases": Field(list_of(table(RELEASE)), ()),
    "registrations": Field(list_of(table(REGISTRATION)), ()),
    "statements": Field(list_of(table(STATEMENT)), ()),
    "delegations": Field(list_of(delegation), ()),
    "participants_list": Field(table(PARTICIPANTS_LIST), None),
    "speakers_lists": Field(list_of(table(SPEAKERS_LIST)), ()),
    "letterhead": Field(table(LETTERHEAD), None),
    "questions": Field(list_of(table(QUESTION)), ()),
    "follow_up_forms": Field(list_of(table(FOLLOW_UP_FORM)), ()),
    "own_words": Field(list_of(table(OWN_WORDS)), ()),
    "sponsorship": Field(table(SPONSORSHIP), None),
    "attendance_report": Field(table(ATTENDANCE_REPORT), None),
}

# The files holding one list each, e.g. [[organizations]], by the name of the list.
LIST_FILES = {"organizations": ORGANIZATION, "users": USER, "delegates": DELEGATE}


class DemoData(NamedTuple):
    organizations: list[dict]
    users: list[dict]
    delegates: list[dict]
    conferences: list[dict]


def data_files(folder=FOLDER):
    """The files that read_demo_data() reads, in that order, then the attendance reports the
    conferences name, which the loader imports."""
    conferences = conference_files(folder)
    return [folder / f"{name}.toml" for name in LIST_FILES] + conferences + report_files(folder)


def report_files(folder):
    named = (
        parse(path).get("attendance_report", {}).get("file") for path in conference_files(folder)
    )
    return [folder / name for name in named if name]


def conference_files(folder):
    # In the order of their names, which is the order their rows are first created in.
    return sorted((folder / "conferences").glob("*.toml"))


def read_demo_data(folder=FOLDER, today=None):
    """Every data file of `folder`, checked and converted; the workshop's dates count from
    `today`, by default the day of loading."""
    reading = Reading(today or datetime.date.today())
    lists = {name: read_list(folder, name, reading) for name in LIST_FILES}
    names = {
        "organization": {organization_key(organization) for organization in lists["organizations"]},
        "delegate": {delegate["email"] for delegate in lists["delegates"]},
    }
    conferences = [
        read_conference(path, reading._replace(names=names)) for path in conference_files(folder)
    ]
    return DemoData(**lists, conferences=conferences)


def read_users(folder=FOLDER):
    """The staff logins, for the command to print."""
    return read_list(folder, "users", Reading(today=None))


def read_list(folder, name, reading):
    path = folder / f"{name}.toml"
    with faults_named_after(path):
        document = table({name: Field(list_of(table(LIST_FILES[name])))})(parse(path), reading)
    return document[name]


def read_conference(path, reading):
    """A conference with its rooms, sessions, registrations, statements and delegations."""
    with faults_named_after(path):
        document = parse(path)
        zone = ZoneInfo(within("time_zone", time_zone, document.get("time_zone"), reading))
        names = {**reading.names, "room": room_keys(document), "session": session_slugs(document)}
        return table(CONFERENCE)(document, reading._replace(zone=zone, names=names))


# The names a conference file gives its rooms and sessions are read before its entries are
# checked, so that the entries referring to them can be checked at the same time.
def room_keys(document):
    rooms = document.get("rooms")
    return set(rooms) if isinstance(rooms, dict) else set()


def session_slugs(document):
    sessions = document.get("sessions")
    if not isinstance(sessions, list):
        return set()
    return {
        session["slug"]
        for session in sessions
        if isinstance(session, dict) and isinstance(session.get("slug"), str)
    }


def organization_key(organization):
    """How the other entries name an organization: a State by its country, others by acronym."""
    if organization["kind"] == OrganizationKind.STATE:
        return organization["country"]
    return organization["acronym"]


def parse(path):
    with path.open("rb") as file:
        return tomllib.load(file)


@contextlib.contextmanager
def faults_named_after(path):
    try:
        yield
    except (OSError, tomllib.TOMLDecodeError, Invalid) as fault:
        raise DataFileError(f"{path}: {fault}") from fault
