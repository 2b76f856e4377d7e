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
"""

import contextlib
import datetime
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from registrations.models import Honorific, Role, Status
from sessions.models import SessionKind, StatementLanguage
from va_conference.models import Convention, OrganizationKind, TreatyStatus

FOLDER = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A demonstration data file that cannot be loaded as it is; the message names the file."""


class Invalid(ValueError):
    """A value at fault, with the keys that lead to it in its file."""

    def __init__(self, problem, *keys):
        super().__init__(problem)
        self.problem = problem
        self.keys = keys

    def __str__(self):
        path = "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in self.keys)
        return f"{path.removeprefix('.')}: {self.problem}" if path else self.problem


class Reading(NamedTuple):
    """What a value may depend on: the day of loading, the time zone of the conference file,
    and the names of what its entries may refer to."""

    today: datetime.date | None
    zone: ZoneInfo | None = None
    names: dict[str, set[str]] = {}


REQUIRED = object()
NO_TEXT = dict.fromkeys(dict(settings.LANGUAGES), "")


class Field(NamedTuple):
    """How a key's value becomes a model value, and the value when the key is left out."""

    convert: Callable[[Any, Reading], Any]
    default: Any = REQUIRED


def within(key, convert, value, reading):
    """`convert(value, reading)`, with `key` named in front of any fault."""
    try:
        return convert(value, reading)
    except Invalid as fault:
        raise Invalid(fault.problem, key, *fault.keys) from None


def table(fields):
    """A TOML table holding these fields and no others: each value converted, or its default."""

    def convert(value, reading):
        if not isinstance(value, dict):
            raise Invalid(f"expected a table, not {value!r}")
        for key in value:
            if key not in fields:
                raise Invalid(f"unknown key; the keys here are {', '.join(fields)}", key)
        converted = {}
        for key, field in fields.items():
            if key in value:
                converted[key] = within(key, field.convert, value[key], reading)
            elif field.default is REQUIRED:
                raise Invalid("missing", key)
            else:
                converted[key] = field.default
        return converted

    return convert


def list_of(convert):
    def convert_list(value, reading):
        if not isinstance(value, list):
            raise Invalid(f"expected a list, not {value!r}")
        return [within(number, convert, item, reading) for number, item in enumerate(value)]

    return convert_list


def table_of(convert):
    """A TOML table whose keys are names the file gives, such as the rooms of a conference."""

    def convert_table(value, reading):
        if not isinstance(value, dict):
            raise Invalid(f"expected a table, not {value!r}")
        return {key: within(key, convert, item, reading) for key, item in value.items()}

    return convert_table


def of_type(python_type, example):
    def convert(value, reading):
        # The exact type, since TOML's true is a Python int as well, and a date and time a date.
        if type(value) is not python_type:
            raise Invalid(f"expected {example}, not {value!r}")
        return value

    return convert


text = of_type(str, "a string")
boolean = of_type(bool, "true or false")
integer = of_type(int, "a whole number")
time_of_day = of_type(datetime.time, "a time such as 09:30:00")
calendar_date = of_type(datetime.date, "a date such as 2019-09-10")
local_date_and_time = of_type(datetime.datetime, "a date and time such as 2019-05-15 09:00:00")
translated = table({language: Field(text) for language in dict(settings.LANGUAGES)})


def one_of(values):
    def convert(value, reading):
        if value not in values:
            raise Invalid(f"{value!r} is not one of {', '.join(values)}")
        return value

    return convert


def choice(choices):
    """The value of one of a model's choices, as its member: "head" as Role.HEAD."""
    return lambda value, reading: choices(one_of(choices.values)(value, reading))


site_language = one_of(list(dict(settings.LANGUAGES)))


def time_zone(value, reading):
    try:
        ZoneInfo(value)
    except (TypeError, ValueError, ZoneInfoNotFoundError):
        raise Invalid(f"{value!r} is not a time zone such as Europe/Oslo") from None
    return value


def date(value, reading):
    """A date, or `{ days_from_loading = 60 }`."""
    if isinstance(value, dict):
        days = table({"days_from_loading": Field(integer)})(value, reading)["days_from_loading"]
        return reading.today + datetime.timedelta(days=days)
    return calendar_date(value, reading)


def moment(value, reading):
    """A local date and time of the conference, or `{ days_from_loading = -30, time = 09:00:00 }`,
    made aware in the conference's time zone."""
    if isinstance(value, dict):
        fields = {"days_from_loading": Field(integer), "time": Field(time_of_day)}
        relative = table(fields)(value, reading)
        on_day = reading.today + datetime.timedelta(days=relative["days_from_loading"])
        value = datetime.datetime.combine(on_day, relative["time"])
    elif local_date_and_time(value, reading).tzinfo is not None:
        raise Invalid("write the local time of the conference's time zone, without an offset")
    return value.replace(tzinfo=reading.zone)


def name_of(kind):
    """The name of an organization, a delegate, a room or a session given elsewhere."""

    def convert(value, reading):
        if value not in reading.names[kind]:
            raise Invalid(f"no {kind} is named {value!r}")
        return value

    return convert


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
}

REGISTRATION = {
    "delegate": Field(name_of("delegate")),
    "organization": Field(name_of("organization")),
    "role": Field(choice(Role)),
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
    "capacity": Field(integer, None),
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
    "registrations": Field(list_of(table(REGISTRATION)), ()),
    "statements": Field(list_of(table(STATEMENT)), ()),
}

# The files holding one list each, e.g. [[organizations]], by the name of the list.
LIST_FILES = {"organizations": ORGANIZATION, "users": USER, "delegates": DELEGATE}


class DemoData(NamedTuple):
    organizations: list[dict]
    users: list[dict]
    delegates: list[dict]
    conferences: list[dict]


def data_files(folder=FOLDER):
    """The files that read_demo_data() reads, in that order."""
    return [folder / f"{name}.toml" for name in LIST_FILES] + conference_files(folder)


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
    """A conference with its rooms, sessions, registrations and statements."""
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
