"""Online attendance, from the attendance report the meeting platform exports.

A report is a CSV file with a row for each time someone joined: their name, e-mail address,
and when they joined and left. The major platforms name these columns in their own ways
(COLUMNS knows the usual names); times are read in the conference's time zone, as ISO dates
("2030-09-10 09:58:12") or as the platforms' month-first ones ("09/10/2030 09:58:12 AM").

Importing a report is all or nothing: a file that is not such a CSV, or a row that cannot be
read, is refused with the reason and the row, and nothing is recorded. Rows are matched to the
conference's confirmed registrations by e-mail address (whatever its case); each delegate's
minutes are added up day by day (by the day they joined) into their online attendance. The rows
of an address that is no confirmed delegate's are kept for an organizer to assign or ignore. A
report is known by its rows: importing it again, even exported again, adds nothing.
"""

import csv
import datetime
import hashlib
import io
import math

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from .models import AttendanceReport, OnlineAttendance, Registration, Status, UnmatchedRow

# The column names each platform uses, in lower case: the first one found is read.
COLUMNS = {
    "name": ("name", "name (original name)", "full name", "participant", "display name"),
    "email": ("email", "e-mail", "user email", "email address", "attendee email"),
    "joined": ("join time", "joined", "join", "first join", "joined at"),
    "left": ("leave time", "left", "leave", "last leave", "left at"),
}
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
)
MOST_BYTES = 5 * 1024 * 1024


class ReportRefused(Exception):
    """The file is not an attendance report this can read: nothing was recorded."""


class AlreadyImported(Exception):
    def __init__(self, report):
        super().__init__(report.file_name)
        self.report = report


def text_of(content):
    """The file's text: UTF-8 (with or without its mark) or UTF-16 (as Teams exports)."""
    if len(content) > MOST_BYTES:
        raise ReportRefused(_("The file is larger than 5 MB: it is not an attendance report."))
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportRefused(
            _("The file is not text in UTF-8 or UTF-16: export the report as CSV.")
        ) from None


def when(text, conference, line):
    text = text.strip()
    for time_format in TIME_FORMATS:
        try:
            moment = datetime.datetime.strptime(text, time_format)
        except ValueError:
            continue
        return moment.replace(tzinfo=conference.tzinfo)
    raise ReportRefused(
        _("Row %(line)d: “%(text)s” is not a time (2030-09-10 09:58 is one).")
        % {"line": line, "text": text[:40]}
    )


def rows_of(content, conference):
    """[(name, e-mail in lower case, joined, left)] of a report's `content` (bytes)."""
    text = text_of(content)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ReportRefused(_("The file is empty."))
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
    except csv.Error:
        raise ReportRefused(_("The file is not a CSV file: export the report as CSV.")) from None
    reader = csv.reader(io.StringIO("\n".join(lines)), dialect)
    header = [column.strip().lower() for column in next(reader)]
    where = {}
    for column, names in COLUMNS.items():
        where[column] = next((header.index(name) for name in names if name in header), None)
    missing = [column for column, index in where.items() if index is None]
    if missing:
        raise ReportRefused(
            _(
                "The file lacks the columns of an attendance report: it needs the name, the "
                "e-mail address, the join time and the leave time of each participant."
            )
        )
    rows, needed = [], max(where.values()) + 1
    for line, values in enumerate(reader, start=2):
        if len(values) < needed:
            raise ReportRefused(
                _("Row %(line)d has fewer values than the header has columns.") % {"line": line}
            )
        joined = when(values[where["joined"]], conference, line)
        left = when(values[where["left"]], conference, line)
        if left < joined:
            raise ReportRefused(
                _("Row %(line)d: the participant left before joining.") % {"line": line}
            )
        if not conference.start_date <= joined.date() <= conference.end_date:
            raise ReportRefused(
                _("Row %(line)d: %(day)s is not a day of the conference.")
                % {"line": line, "day": joined.date().isoformat()}
            )
        email = values[where["email"]].strip().lower()
        rows.append((values[where["name"]].strip()[:300], email[:254], joined, left))
    if not rows:
        raise ReportRefused(_("The file has a header but no participant."))
    return rows


def checksum(rows):
    text = "\n".join(
        f"{email}|{joined.isoformat()}|{left.isoformat()}"
        for _n, email, joined, left in sorted(rows, key=lambda row: row[1:])
    )
    return hashlib.sha256(text.encode()).hexdigest()


def minutes(joined, left):
    return math.ceil((left - joined).total_seconds() / 60)


@transaction.atomic
def import_report(conference, file_name, content, by=None):
    """Record the report `content` (bytes) of `conference`; the AttendanceReport made.

    Raises ReportRefused, or AlreadyImported with the report that holds the same rows."""
    rows = rows_of(content, conference)
    rows_checksum = checksum(rows)
    earlier = AttendanceReport.objects.filter(conference=conference, checksum=rows_checksum).first()
    if earlier is not None:
        raise AlreadyImported(earlier)
    try:
        with transaction.atomic():
            report = AttendanceReport.objects.create(
                conference=conference,
                file_name=file_name[:255],
                checksum=rows_checksum,
                row_count=len(rows),
                imported_by=by,
            )
    except IntegrityError:  # the same report, imported at the same moment
        raise AlreadyImported(
            AttendanceReport.objects.get(conference=conference, checksum=rows_checksum)
        ) from None
    confirmed = Registration.objects.filter(conference=conference, status=Status.CONFIRMED)
    delegates = dict(
        confirmed.annotate(address=Lower("delegate__email")).values_list("address", "pk")
    )
    attended, unmatched = {}, []
    for name, email, joined, left in rows:
        registration_id = delegates.get(email)
        if registration_id is None:
            unmatched.append(
                UnmatchedRow(
                    report=report,
                    name=name,
                    email=email,
                    day=joined.date(),
                    minutes=minutes(joined, left),
                )
            )
            continue
        day = (registration_id, joined.date())
        attended[day] = attended.get(day, 0) + minutes(joined, left)
    OnlineAttendance.objects.bulk_create(
        OnlineAttendance(registration_id=registration_id, day=day, minutes=total, report=report)
        for (registration_id, day), total in attended.items()
    )
    UnmatchedRow.objects.bulk_create(unmatched)
    return report


@transaction.atomic
def assign(row, registration):
    """The unmatched `row` was `registration`'s delegate: it counts in their attendance."""
    row = UnmatchedRow.objects.select_for_update().get(pk=row.pk)
    if row.state != UnmatchedRow.State.WAITING:
        return False
    attendance, created = OnlineAttendance.objects.get_or_create(
        registration=registration, day=row.day, report=row.report, defaults={"minutes": row.minutes}
    )
    if not created:
        OnlineAttendance.objects.filter(pk=attendance.pk).update(minutes=F("minutes") + row.minutes)
    row.state, row.registration = UnmatchedRow.State.ASSIGNED, registration
    row.save(update_fields=["state", "registration"])
    return True


def ignore(row):
    """The unmatched `row` was nobody to count (a technician, a guest)."""
    return bool(
        UnmatchedRow.objects.filter(pk=row.pk, state=UnmatchedRow.State.WAITING).update(
            state=UnmatchedRow.State.IGNORED
        )
    )
