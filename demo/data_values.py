"""How the values of the demonstration data files become model values: each converter takes a
value as TOML gives it and the Reading it depends on, and returns the model's value or raises
Invalid naming the keys that lead to the value at fault. demo/data_files.py puts them together
into the fields of each kind of entry."""

import datetime
from collections.abc import Callable
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings


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
