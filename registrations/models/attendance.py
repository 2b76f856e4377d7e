"""Attendance: the days a delegate was checked in at the venue."""

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
