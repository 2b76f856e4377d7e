"""Rooms and the sessions of a conference's programme of work."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from va_conference.models import ChoiceLabels, Conference


class Room(models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="rooms"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["conference", "name"]

    def __str__(self):
        return self.name


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    THEMATIC = "thematic", _("Thematic session")
    PANEL = "panel", _("Panel")
    SIDE_EVENT = "side_event", _("Side event")
    WORKSHOP = "workshop", _("Workshop")


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_public=True, conference__is_published=True)

    def visible_to(self, user):
        """Of a conference visible to `user`: who may view sessions in the admin previews those
        that are not public; everybody else sees public ones."""
        return self if user.has_perm("programme.view_session") else self.filter(is_public=True)

    def with_statement_counts(self):
        return self.annotate(
            published_statement_count=models.Count(
                "statements", filter=Q(statements__is_published=True)
            )
        )


class Session(ChoiceLabels, models.Model):
    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    agenda_item = models.CharField(
        _("agenda item"), max_length=300, blank=True, help_text=_("e.g. 9 (c) Victim assistance")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.PLENARY
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    chairs = models.CharField(
        _("chair(s)"), max_length=300, blank=True, help_text=_("Names, separated by commas.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Among sessions starting at the same time.")
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown in the public programme.")
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "start_time", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "slug"],
                name="session_slug_unique_per_conference",
                violation_error_message=_("This conference already has a session with that slug."),
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")),
                name="session_ends_after_start",
                violation_error_message=_("The session must end after it starts."),
            ),
            # That the date falls within the conference's dates is checked by a trigger
            # (see migration programme 0002): a check constraint cannot read another table.
        ]
        indexes = [models.Index(fields=["conference", "date", "start_time"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        try:
            # In the admin's inline, the conference may be new and still unsaved.
            conference = self.conference
        except Conference.DoesNotExist:
            conference = None
        if (
            conference
            and self.date
            and not conference.start_date <= self.date <= conference.end_date
        ):
            raise ValidationError(
                {
                    "date": _(
                        "The session must fall within the conference's dates "
                        "(%(start)s to %(end)s)."
                    )
                    % {
                        "start": formats.date_format(conference.start_date),
                        "end": formats.date_format(conference.end_date),
                    }
                }
            )
        if self.room_id and conference and self.room.conference_id != conference.pk:
            raise ValidationError({"room": _("This room belongs to another conference.")})

    @property
    def starts_at(self):
        """The start as an aware datetime in the conference's time zone."""
        return datetime.datetime.combine(self.date, self.start_time, self.conference.tzinfo)

    @property
    def ends_at(self):
        return datetime.datetime.combine(self.date, self.end_time, self.conference.tzinfo)
