"""Conferences: where and when, the convention, registration and its capacity."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField

from ..choices import ChoiceLabels


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not a known time zone. Use a name such as Europe/Oslo or Asia/Amman."),
            params={"value": value},
        ) from None


class ConferenceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Who may view conferences in the admin previews drafts; everybody else sees
        published conferences only."""
        return self if user.has_perm("va_conference.view_conference") else self.published()


class Convention(models.TextChoices):
    """The treaty whose States Parties a meeting serves."""

    MINE_BAN = "mbt", _("Anti-Personnel Mine Ban Convention")
    CLUSTER_MUNITIONS = "ccm", _("Convention on Cluster Munitions")
    CCW_PROTOCOL_V = "ccw5", _("CCW Protocol V on Explosive Remnants of War")


class Participation(models.TextChoices):
    """How a delegate takes part in a conference."""

    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class RegistrationState(models.TextChoices):
    OPEN = "open", _("Open")
    NOT_YET_OPEN = "not_yet_open", _("Not open yet")
    CLOSED = "closed", _("Closed")
    PAST = "past", _("The conference is over")


class Conference(ChoiceLabels, models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in the conference's web address, e.g. 3msp-oslo-2012."),
    )
    title = models.CharField(_("title"), max_length=300)
    short_name = models.CharField(
        _("short name"), max_length=40, help_text=_("As delegates say it, e.g. 3MSP.")
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=8,
        validators=[
            RegexValidator(
                r"^[A-Z0-9]{2,8}$", _("Use 2 to 8 capital letters or digits, e.g. AMM19.")
            )
        ],
        help_text=_("Registration references start with it, e.g. AMM19-4F7K2."),
    )
    description = models.TextField(_("description"), blank=True)
    convention = models.CharField(
        _("convention"),
        max_length=5,
        choices=Convention.choices,
        blank=True,
        help_text=_("The treaty whose States Parties meet; empty for a meeting of several."),
    )
    host = models.ForeignKey(
        "Organization",
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_conferences",
        help_text=_("Usually the State hosting or presiding over the meeting."),
    )
    organizers = models.ManyToManyField(
        "Organization",
        verbose_name=_("organizers"),
        blank=True,
        related_name="organized_conferences",
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("Of the venue, e.g. Europe/Oslo. Session times are in this time zone."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    delegations_deadline = models.DateField(
        _("deadline for delegations"),
        null=True,
        blank=True,
        help_text=_(
            "By when focal points should have named their delegation and sent credentials."
        ),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder, days before the deadline"),
        default=7,
        help_text=_(
            "Focal points whose delegation lacks a head, credentials or members' details are "
            "reminded once, this many days before the deadline."
        ),
    )
    passport_margin_days = models.PositiveSmallIntegerField(
        _("passport validity after the conference, in days"),
        default=90,
        help_text=_(
            "A delegate asking for a visa letter must hold a passport valid at least this many "
            "days after the conference ends (Schengen States ask for 90)."
        ),
    )
    offers_in_person = models.BooleanField(
        _("delegates take part in person"),
        default=True,
        help_text=_("At the venue, in the room."),
    )
    offers_online = models.BooleanField(
        _("delegates take part online"),
        default=False,
        help_text=_("From afar, through the meeting platform."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Places for delegates in person. Leave empty for no limit; beyond it, delegates "
            "are wait-listed."
        ),
    )
    online_capacity = models.PositiveIntegerField(
        _("online capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Places for delegates online. Leave empty for no limit; beyond it, delegates are "
            "wait-listed."
        ),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Visible to the public.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="conference_ends_on_or_after_start",
                violation_error_message=_("The conference cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="conference_registration_closes_after_opening",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="conference_capacity_positive",
                violation_error_message=_("The capacity must be at least 1, or empty."),
            ),
            models.CheckConstraint(
                condition=Q(online_capacity__isnull=True) | Q(online_capacity__gte=1),
                name="conference_online_capacity_positive",
                violation_error_message=_("The online capacity must be at least 1, or empty."),
            ),
            models.CheckConstraint(
                condition=Q(offers_in_person=True) | Q(offers_online=True),
                name="conference_offers_a_mode",
                violation_error_message=_(
                    "Delegates must be able to take part in person, online, or both."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.short_name} — {self.title}"

    def clean(self):
        super().clean()
        if self.pk and self.start_date and self.end_date:
            outside = self.sessions.exclude(date__range=(self.start_date, self.end_date))
            count = outside.count()
            if count:
                raise ValidationError(
                    ngettext(
                        "%(count)d session of this conference falls outside these dates. "
                        "Move it first.",
                        "%(count)d sessions of this conference fall outside these dates. "
                        "Move them first.",
                        count,
                    )
                    % {"count": count}
                )

    def participation_modes(self):
        """The ways of taking part the conference offers (Participation), in person first."""
        offered = {
            Participation.IN_PERSON: self.offers_in_person,
            Participation.ONLINE: self.offers_online,
        }
        return [mode for mode, offers in offered.items() if offers]

    def capacity_for(self, mode):
        """The places for delegates taking part in `mode`, or None for no limit."""
        return self.capacity if mode == Participation.IN_PERSON else self.online_capacity

    def treaty_status_of(self, organization):
        """A State's status in this conference's convention, "" if none applies."""
        field = {Convention.MINE_BAN: "mbt_status", Convention.CLUSTER_MUNITIONS: "ccm_status"}
        return getattr(organization, field[self.convention], "") if self.convention in field else ""

    @property
    def personal_data_kept_until(self):
        """The day after which delegates' personal data must be gone (the privacy notice)."""
        months = self.end_date.month - 1 + settings.PERSONAL_DATA_RETENTION_MONTHS
        year, month = self.end_date.year + months // 12, months % 12 + 1
        return datetime.date(year, month, min(self.end_date.day, 28))

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_past(self):
        return self.end_date < timezone.localdate(timezone=self.tzinfo)

    def next_change_by_the_clock(self):
        """The next moment the conference's page changes with no row changing: registration
        opening or closing, the conference ending, an update scheduled appearing. None if none
        is to come."""
        now = timezone.now()
        ends = datetime.datetime.combine(
            self.end_date + datetime.timedelta(days=1), datetime.time(), tzinfo=self.tzinfo
        )
        moments = [
            self.registration_opens_at,
            self.registration_closes_at,
            ends,
            self.updates.next_to_appear(),
        ]
        return min((moment for moment in moments if moment and moment > now), default=None)

    def registration_state(self, now=None):
        """Whether registration is open now (a RegistrationState)."""
        now = now or timezone.now()
        if self.is_past:
            return RegistrationState.PAST
        if self.registration_opens_at and now < self.registration_opens_at:
            return RegistrationState.NOT_YET_OPEN
        if self.registration_closes_at and now >= self.registration_closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN
