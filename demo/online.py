"""The demonstration's online side: the meetings of sessions held online, and the online
platform's attendance report, imported with its days moved to the conference's."""

import datetime
import re

from registrations import attendance_reports
from registrations.models import AttendanceReport
from sessions.models import InterpretationChannel, OnlineMeeting

from .data_values import Field, date, site_language, table_of, text, within

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def channels(value, reading):
    """The interpretation channel of each of the site's languages, e.g. { en = "1", ar = "4" }."""
    given = table_of(text)(value, reading)
    for language in given:
        within(language, site_language, language, reading)
    return given


# Where a session is held online: never public.
ONLINE_MEETING = {
    "address": Field(text),
    "passcode": Field(text, ""),
    "channels": Field(channels, {}),
}

# The online platform's attendance report (a CSV file of demo/data/) imported into the
# conference, its days moved so that its first is `first_day`.
ATTENDANCE_REPORT = {"file": Field(text), "first_day": Field(date)}


def load_online_meeting(session, data):
    """The session's online meeting as `data` says (None: it is held in the room only)."""
    if data is None:
        OnlineMeeting.objects.filter(session=session).delete()
        return None
    meeting, _created = OnlineMeeting.objects.update_or_create(
        session=session, defaults={"address": data["address"], "passcode": data["passcode"]}
    )
    meeting.channels.exclude(language__in=data["channels"]).delete()
    for language, channel in data["channels"].items():
        InterpretationChannel.objects.update_or_create(
            meeting=meeting, language=language, defaults={"channel": channel}
        )
    return meeting


def moved(text, first_day):
    """`text` with every ISO date moved by as many days as its earliest is from `first_day`."""
    days = [datetime.date(*map(int, found)) for found in ISO_DATE.findall(text)]
    shift = first_day - min(days)

    def move(match):
        return (datetime.date(*map(int, match.groups())) + shift).isoformat()

    return ISO_DATE.sub(move, text)


def load_attendance_report(data, conference, folder):
    """Import the report file, in place of the one imported before (on another day of
    loading, the conference's days were others)."""
    text = (folder / data["file"]).read_text(encoding="utf-8")
    AttendanceReport.objects.filter(conference=conference, file_name=data["file"]).delete()
    return attendance_reports.import_report(
        conference, data["file"], moved(text, data["first_day"]).encode()
    )
