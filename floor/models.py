"""The floor of a session: its list of speakers, and each delegation's request to speak.

A session has a list of speakers once an organizer opens one. Each request names the speaker,
their rank (heads of State or Government and ministers speak first in protocol order) and the
language they will speak in; its position in the list is the organizer's, set by a rule of order
and changed by hand (floor/speakers.py). Every change to a request is kept in its history.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from delegations.models import Delegation, FocalPoint
from sessions.models import Session, Statement, StatementLanguage
from va_conference.models import ChoiceLabels


class Order(models.TextChoices):
    REQUEST = "request", _("Order of request")
    PROTOCOL = (
        "protocol",
        _(
            "Protocol: States Parties, then signatories and observer States, then international "
            "organizations and the ICRC and IFRC, then civil society; heads of State or Government "
            "and ministers first within each"
        ),
    )


class SpeakersList(ChoiceLabels, models.Model):
    """The list of speakers of one session."""

    session = models.OneToOneField(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="speakers_list",
    )
    is_open = models.BooleanField(
        _("open for requests"),
        default=True,
        help_text=_("Delegations may ask for the floor, until the time below if one is set."),
    )
    requests_close_at = models.DateTimeField(_("requests close at"), null=True, blank=True)
    order = models.CharField(
        _("order of speakers"), max_length=10, choices=Order.choices, default=Order.PROTOCOL
    )
    minutes_per_speaker = models.PositiveSmallIntegerField(
        _("minutes per speaker"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    is_displayed_publicly = models.BooleanField(
        _("room display public"),
        default=False,
        help_text=_("Anyone may open the room display of this list, e.g. on the room's screens."),
    )

    class Meta:
        verbose_name = _("list of speakers")
        verbose_name_plural = _("lists of speakers")
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_per_speaker__gte=1, minutes_per_speaker__lte=60),
                name="speakers_list_minutes_in_range",
                violation_error_message=_("Give each speaker between 1 and 60 minutes."),
            ),
        ]

    def __str__(self):
        return str(self.session)

    @property
    def requests_close(self):
        """When delegations stop asking: the time set, else the session's start."""
        return self.requests_close_at or self.session.starts_at

    def takes_requests(self, now):
        return self.is_open and now < self.requests_close


class Rank(models.TextChoices):
    HEAD_OF_STATE_OR_GOVERNMENT = "head", _("Head of State or Government")
    MINISTER = "minister", _("Minister")
    OTHER = "other", _("Other")


class Turn(models.TextChoices):
    """Where a speaker stands: waiting, at the floor, or done one way or another."""

    WAITING = "waiting", _("Waiting")
    SPEAKING = "speaking", _("Speaking")
    SPOKE = "spoke", _("Spoke")
    WITHDREW = "withdrew", _("Withdrew")
    IN_WRITING = "in_writing", _("Delivered in writing only")


DONE = [Turn.SPOKE, Turn.WITHDREW, Turn.IN_WRITING]
STILL_TO_SPEAK = [Turn.WAITING, Turn.SPEAKING]


class FloorRequest(ChoiceLabels, models.Model):
    """A delegation's request to speak in a session."""

    speakers_list = models.ForeignKey(
        SpeakersList,
        verbose_name=_("list of speakers"),
        on_delete=models.CASCADE,
        related_name="requests",
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.PROTECT,
        related_name="floor_requests",
    )
    speaker = models.CharField(_("speaker"), max_length=200)
    rank = models.CharField(_("rank"), max_length=10, choices=Rank.choices, default=Rank.OTHER)
    language = models.CharField(
        _("language spoken"),
        max_length=5,
        choices=StatementLanguage.choices,
        default=StatementLanguage.ENGLISH,
    )
    turn = models.CharField(_("turn"), max_length=10, choices=Turn.choices, default=Turn.WAITING)
    position = models.PositiveIntegerField(_("position"), default=0)
    given_the_floor_at = models.DateTimeField(_("given the floor at"), null=True, blank=True)
    speaks_online = models.BooleanField(
        _("speaks online"),
        default=False,
        help_text=_("From afar, through the meeting platform, rather than in the room."),
    )
    from_the_floor = models.BooleanField(
        _("asked from the floor"),
        default=False,
        help_text=_("Added by the secretariat during the session."),
    )
    statement = models.OneToOneField(
        Statement,
        verbose_name=_("text sent ahead"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="floor_request",
        help_text=_(
            "For the interpreters until delivered; published then if the delegation agrees."
        ),
    )
    publish_when_delivered = models.BooleanField(_("publish the text once delivered"), default=True)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    requested_by_focal_point = models.ForeignKey(
        FocalPoint,
        verbose_name=_("requested by the focal point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_by_head = models.ForeignKey(
        "registrations.Registration",
        verbose_name=_("requested by the head of delegation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("request for the floor")
        verbose_name_plural = _("requests for the floor")
        permissions = [
            ("read_texts_sent_ahead", _("Can read the texts sent ahead for the interpreters"))
        ]
        ordering = ["speakers_list", "position", "requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "speakers_list",
                "delegation",
                # Once its turn is over, a delegation may ask again (a right of reply).
                condition=Q(turn__in=["waiting", "speaking"]),
                name="floor_once_per_delegation",
                violation_error_message=_("This delegation is already on the list of speakers."),
            ),
            models.UniqueConstraint(
                "speakers_list",
                condition=Q(turn="speaking"),
                name="floor_one_speaker_at_a_time",
                violation_error_message=_("Someone else has the floor."),
            ),
        ]

    def __str__(self):
        return f"{self.delegation.organization} — {self.speaker}"

    def language_and_place(self):
        """The language spoken, and whether from afar: "French, online"."""
        if self.speaks_online:
            return _("%(language)s, online") % {"language": self.get_language_display()}
        return self.get_language_display()

    @property
    def is_done(self):
        return self.turn in DONE

    @classmethod
    def before_folding(cls, source, target):
        """Two delegations folded into one (their organizations merged): where both are still
        to speak in the same session, one request stays, the one speaking or else the kept
        delegation's, and the other is withdrawn, in its history (delegations/merging.py)."""
        still = cls.objects.filter(turn__in=STILL_TO_SPEAK)
        for theirs in still.filter(delegation=source):
            ours = still.filter(delegation=target, speakers_list=theirs.speakers_list_id).first()
            if ours is None:
                continue
            withdrawn = theirs if theirs.turn == Turn.WAITING else ours
            withdrawn.turn = Turn.WITHDREW
            withdrawn.save(update_fields=["turn"])
