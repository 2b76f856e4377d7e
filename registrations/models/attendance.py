"""Attendance: the days a delegate was checked in at the venue, and the days they were
online, from the platform's attendance reports (registrations/attendance_reports.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Registration


class Attendance(models.Model):
    """A delegate seen at the venue on a day of the conference (checked in by staff)."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    day = models.DateField(_("day"))
    arrived_at = models.DateTimeField(_("arrived at"), auto_now_add=True)
    name = models.CharField(
        _("name as checked in"),
        max_length=310,
        blank=True,
        help_text=_("The name checked at the desk: a certificate of attendance states it."),
    )
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["-day", "-arrived_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "day"],
                name="attendance_once_per_day",
                violation_error_message=_("This delegate is already checked in for that day."),
            ),
        ]

    def __str__(self):
        return f"{self.registration} {self.day}"


class AttendanceReport(models.Model):
    """An attendance report of the online platform, imported once: who joined, when."""

    conference = models.ForeignKey(
        "va_conference.Conference",
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255)
    # What the rows say, not the file's bytes: the same report exported again is the same.
    checksum = models.CharField(_("checksum of its rows"), max_length=64, editable=False)
    row_count = models.PositiveIntegerField(_("rows"))
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("online attendance report")
        verbose_name_plural = _("online attendance reports")
        ordering = ["-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "checksum"], name="attendance_report_imported_once"
            )
        ]

    def __str__(self):
        return self.file_name


class OnlineAttendance(models.Model):
    """A delegate seen online on a day of the conference: from a report (or one of its rows
    that matched nobody, assigned by an organizer), or recorded by an organizer."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="online_attendances",
    )
    day = models.DateField(_("day"))
    minutes = models.PositiveIntegerField(_("minutes online"), default=0)
    report = models.ForeignKey(
        AttendanceReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="attendances",
        null=True,
        blank=True,
        help_text=_("Empty when an organizer recorded it."),
    )

    class Meta:
        verbose_name = _("online attendance")
        verbose_name_plural = _("online attendances")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "day", "report"],
                name="online_attendance_once_per_day_and_report",
            ),
            models.UniqueConstraint(
                fields=["registration", "day"],
                condition=models.Q(report=None),
                name="online_attendance_recorded_once_per_day",
                violation_error_message=_("This delegate's attendance that day is recorded."),
            ),
        ]

    def __str__(self):
        return f"{self.registration} {self.day}"


class UnmatchedRow(models.Model):
    """A row of a report whose e-mail address is no confirmed delegate's, for an organizer to
    assign to a registration or to ignore."""

    class State(models.TextChoices):
        WAITING = "waiting", _("To assign or ignore")
        ASSIGNED = "assigned", _("Assigned")
        IGNORED = "ignored", _("Ignored")

    report = models.ForeignKey(
        AttendanceReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="unmatched",
    )
    name = models.CharField(_("name"), max_length=300, blank=True)
    email = models.CharField(_("e-mail"), max_length=254, blank=True)
    day = models.DateField(_("day"))
    minutes = models.PositiveIntegerField(_("minutes online"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("unmatched row")
        verbose_name_plural = _("unmatched rows")
        ordering = ["day", "name", "pk"]

    def __str__(self):
        return self.name or self.email
