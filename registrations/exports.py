"""Registrations as spreadsheets (CSV and XLSX), for the organizers.

Both are written row by row from a database cursor, so that 20,000 registrations never sit in
memory at once. Headers and names are in the language of whoever exports. Whatever a delegate
typed is neutralised for spreadsheets (va_conference/spreadsheets.py): a cell that would start a
formula is prefixed with an apostrophe, so opening the file never runs it.
"""

import csv
import tempfile

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from va_conference.downloads import download
from va_conference.spreadsheets import neutralised

from . import questions
from .models import Question


def yes_no(value):
    return _("yes") if value else _("no")


COLUMNS = [
    (_("reference"), lambda r: r.reference),
    (_("conference"), lambda r: r.conference.short_name),
    (_("status"), lambda r: r.get_status_display()),
    (_("honorific"), lambda r: r.get_honorific_display()),
    (_("given name"), lambda r: r.given_name),
    (_("family name"), lambda r: r.family_name),
    (_("e-mail"), lambda r: r.delegate.email),
    (_("phone"), lambda r: r.phone),
    (_("job title"), lambda r: r.job_title),
    (_("organization"), lambda r: r.organization.name),
    (_("kind"), lambda r: r.organization.get_kind_display()),
    (_("country"), lambda r: r.organization.country.name),
    (_("role"), lambda r: r.get_role_display()),
    (_("accessibility needs"), lambda r: "; ".join(str(label) for label in r.accessibility_needs)),
    (_("sign-language interpretation"), lambda r: r.sign_language),
    (_("other accessibility needs"), lambda r: r.other_accessibility_needs),
    (_("travel support requested"), lambda r: yes_no(r.sponsorship_requested)),
    (_("reason for travel support"), lambda r: r.sponsorship_justification),
    (_("listed publicly"), lambda r: yes_no(r.consents_to_public_listing)),
    (_("preferred language"), lambda r: r.get_language_display()),
    (_("submitted"), lambda r: timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M")),
]


def rows(registrations):
    """A header, then a row for each registration: the built-in answers, then one column for
    each question of the registrations' conferences (archived ones too: their answers stay)."""
    asked = list(
        Question.objects.filter(conference__in=registrations.values("conference"))
        .prefetch_related("choices")
        .order_by("conference__start_date", "conference", "order", "pk")
    )
    yield [neutralised(header) for header, _value in COLUMNS] + [
        neutralised(question.label) for question in asked
    ]
    # Each chunk's answers in one query (Django prefetches for each chunk of the iterator).
    for registration in (
        registrations.select_related("delegate", "conference", "organization")
        .prefetch_related("answers")
        .iterator(chunk_size=2000)
    ):
        given = {answer.question_id: answer.value for answer in registration.answers.all()}
        yield [neutralised(value(registration)) for _header, value in COLUMNS] + [
            neutralised(questions.shown(question, given[question.pk]))
            if question.pk in given
            else ""
            for question in asked
        ]


class Line:
    """A file-like object that hands back what csv.writer writes to it."""

    def write(self, text):
        return text


def csv_download(registrations, filename):
    writer = csv.writer(Line())
    # The byte-order mark tells spreadsheet programs the file is UTF-8.
    lines = (writer.writerow(row) for row in rows(registrations))
    return download(prefixed("\ufeff", lines), f"{filename}.csv", private=True)


def prefixed(first, rest):
    yield first
    yield from rest


def xlsx_download(registrations, filename):
    # A write-only workbook keeps one row in memory at a time; the file is built on disk,
    # then streamed from there.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("registrations")))
    for row in rows(registrations):
        sheet.append([text_cell(sheet, value) for value in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    workbook.save(spool)
    spool.seek(0)
    return download(spool, f"{filename}.xlsx", private=True)


def text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    # Text, whatever it looks like: never a formula, a number or a date.
    cell.data_type = "s"
    return cell
