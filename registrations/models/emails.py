"""E-mails to delegates: the organizers' messages, and each e-mail to one delegate (a message
or a status e-mail) with whether it went."""

import logging
import smtplib

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from va_conference.models import ChoiceLabels, Conference

from .people import Registration

logger = logging.getLogger(__name__)


class Message(models.Model):
    """An e-mail the organizers write to a selection of delegates, in each language."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class EmailKind(models.TextChoices):
    """What an e-mail to a delegate is about: an organizers' message, or a status e-mail."""

    MESSAGE = "message", _("Message from the organizers")
    SUBMITTED = "submitted", _("Registration received")
    WAITLISTED = "waitlisted", _("Wait-listed")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    PROMOTED = "promoted", _("A place became free")
    LINK = "link", _("The private link")
    ALREADY_REGISTERED = "already_registered", _("Already registered")
    CONFIRM_EMAIL = "confirm_email", _("A new address to confirm")
    EMAIL_CHANGED = "email_changed", _("The address was changed")
    NOMINATED = "nominated", _("Nominated by the focal point")
    FOCAL_POINT_LINK = "focal_point_link", _("The focal point's link")
    FOCAL_POINT_REMINDER = "reminder", _("Reminder to a focal point")
    FLOOR_REQUESTED = "floor_requested", _("Request for the floor received")
    HEAD_FLOOR_REQUESTED = "head_floor_requested", _("Request for the floor received (head)")
    VISA_LETTER_READY = "visa_letter_ready", _("Visa letter ready")
    CERTIFICATE_READY = "certificate_ready", _("Certificate of attendance ready")
    MEMBER_JOINED = "member_joined", _("A delegate asked to join the delegation")
    MEMBER_LEFT = "member_left", _("A delegate moved to another delegation")
    FOLLOW_UP_REMINDER = "follow_up_reminder", _("Reminder of a follow-up form")
    SPONSORSHIP_OFFERED = "sponsorship_offered", _("An offer of sponsorship")
    PROGRAMME_CHANGED = "programme_changed", _("The programme changed")
    FOCAL_POINT_PROGRAMME_CHANGED = (
        "focal_programme",
        _("The programme changed (to a focal point)"),
    )
    ONLINE_MEETING = "online_meeting", _("How to join a session online")


# E-mails to a delegation's focal point rather than to a delegate.
# A tuple, not a set: the check constraint below compares equal to its migration only if the
# kinds come in the same order every time.
FOCAL_POINT_KINDS = (
    EmailKind.FOCAL_POINT_LINK,
    EmailKind.FOCAL_POINT_REMINDER,
    EmailKind.FLOOR_REQUESTED,
    EmailKind.MEMBER_JOINED,
    EmailKind.MEMBER_LEFT,
    EmailKind.FOCAL_POINT_PROGRAMME_CHANGED,
)


class Delivery(ChoiceLabels, models.Model):
    """One e-mail to one delegate: whether it went, and why not.

    It is recorded in the transaction that causes it and sent by the worker afterwards, tried
    again later while the mail server refuses it (registrations/status_emails.py).
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        # Claimed by a worker, which sends it outside any transaction, then records how it went.
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: the registration was cancelled")

    kind = models.CharField(
        _("kind"), max_length=20, choices=EmailKind.choices, default=EmailKind.MESSAGE
    )
    message = models.ForeignKey(
        Message,
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        null=True,
        blank=True,
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        null=True,
        blank=True,
    )
    focal_point = models.ForeignKey(
        "delegations.FocalPoint",
        verbose_name=_("focal point"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        null=True,
        blank=True,
    )
    to = models.EmailField(
        _("to"),
        blank=True,
        help_text=_(
            "The address it goes to when not the registration's: a new address to confirm, or "
            "the old one, told of a change."
        ),
    )
    link = models.URLField(_("link"), max_length=1000, blank=True)
    follow_up = models.ForeignKey(
        "FollowUpForm",
        verbose_name=_("follow-up form"),
        on_delete=models.CASCADE,
        related_name="reminders",
        null=True,
        blank=True,
    )
    release = models.ForeignKey(
        "programme.ProgrammeRelease",
        verbose_name=_("release of the programme"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        null=True,
        blank=True,
    )
    sessions = models.JSONField(
        _("sessions it tells of"),
        default=list,
        blank=True,
        help_text=_(
            "The ids of the sessions it lists: changed by a release of the programme, or held "
            "online."
        ),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    language = models.CharField(_("language"), max_length=5, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(_("claimed by a worker"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail to a delegate")
        verbose_name_plural = _("e-mails to delegates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "registration"], name="delivery_once_per_registration"
            ),
            models.CheckConstraint(
                condition=Q(kind=EmailKind.MESSAGE, message__isnull=False)
                | (~Q(kind=EmailKind.MESSAGE) & Q(message__isnull=True)),
                name="delivery_of_a_message_or_a_status",
            ),
            # An e-mail to a focal point may be about one registration (a member who moved).
            models.CheckConstraint(
                condition=Q(kind__in=FOCAL_POINT_KINDS, focal_point__isnull=False)
                | ~Q(kind__in=FOCAL_POINT_KINDS)
                & Q(registration__isnull=False, focal_point__isnull=True),
                name="delivery_to_a_delegate_or_a_focal_point",
            ),
            # A focal point is reminded once, whatever runs the reminders and how often.
            models.UniqueConstraint(
                fields=["focal_point"],
                condition=Q(kind="reminder"),
                name="delivery_one_reminder_per_focal_point",
            ),
            # A delegate is reminded of a follow-up form once, likewise.
            models.UniqueConstraint(
                fields=["registration", "follow_up"],
                condition=Q(kind="follow_up_reminder"),
                name="delivery_one_reminder_per_follow_up_form",
            ),
            # A release of the programme is told to each delegate and focal point once.
            models.UniqueConstraint(
                fields=["registration", "release"],
                condition=Q(kind="programme_changed"),
                name="delivery_one_programme_change_per_delegate",
            ),
            models.UniqueConstraint(
                fields=["focal_point", "release"],
                condition=Q(kind="focal_programme"),
                name="delivery_one_programme_change_per_focal_point",
            ),
        ]
        indexes = [models.Index(fields=["state", "kind"], name="delivery_state_kind")]

    def __str__(self):
        recipient = self.registration or self.focal_point
        return f"{self.message or self.get_kind_display()} → {recipient}"

    @property
    def address(self):
        if self.to:
            return self.to
        if self.focal_point_id:
            return self.focal_point.email
        return self.registration.delegate.email

    @property
    def recipient_language(self):
        """The language the recipient, a delegate or a focal point, chose."""
        if self.focal_point_id:
            return self.focal_point.language
        return self.registration.language

    @classmethod
    def claim(cls, pk, *related):
        """The delivery `pk`, marked as being sent, if it is pending and no other worker holds
        it (skipped, never waited for); else None. The claim is committed at once, so that
        the send that follows holds no transaction open while the mail server answers."""
        with transaction.atomic():
            delivery = (
                cls.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related(*related)
                .filter(pk=pk, state=cls.State.PENDING)
                .first()
            )
            if delivery is None:
                return None
            delivery.state = cls.State.SENDING
            delivery.claimed_at = timezone.now()
            delivery.save(update_fields=["state", "claimed_at"])
        return delivery

    def attempt(self, email, attempts_allowed):
        """Send `email` (claimed) and record how it went: sent; or failed, to be tried again
        (pending again) until `attempts_allowed` attempts have failed. A refused or timed-out
        e-mail is logged as a warning, without its address or body. Returns whether it went."""
        self.attempts += 1
        self.language = self.recipient_language
        try:
            email.send()
        except (smtplib.SMTPException, OSError) as error:
            self.error = str(error) or error.__class__.__name__
            gave_up = self.attempts >= attempts_allowed
            self.state = self.State.FAILED if gave_up else self.State.PENDING
            logger.warning(
                "E-mail %s (%s) not sent, attempt %s%s: %s",
                self.pk,
                self.kind,
                self.attempts,
                ", given up" if gave_up else "",
                without_address(self.error, self.address),
            )
        else:
            self.state = self.State.SENT
            self.error = ""
            self.sent_at = timezone.now()
        self.record()
        return self.state == self.State.SENT

    def record(self):
        """Save how the attempt went, unless the claim was taken back meanwhile
        (`requeue_interrupted_emails`, from a worker taken for dead)."""
        Delivery.objects.filter(
            pk=self.pk, state=self.State.SENDING, claimed_at=self.claimed_at
        ).update(
            state=self.state,
            attempts=self.attempts,
            language=self.language,
            error=self.error,
            sent_at=self.sent_at,
        )


def without_address(text, address):
    """`text` (a mail server's answer) with the recipient's address taken out, for the logs."""
    return text.replace(address, "<recipient>") if address else text


# The status e-mails a conference may add its own paragraph to (registrations/own_words.py).
WITH_OWN_WORDS = (
    EmailKind.SUBMITTED,
    EmailKind.WAITLISTED,
    EmailKind.CONFIRMED,
    EmailKind.DECLINED,
    EmailKind.FOLLOW_UP_REMINDER,
)


class OwnWords(models.Model):
    """The conference's own paragraph in one kind of status e-mail, in each language (venue
    logistics, what to bring), below what the e-mail says of itself."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("e-mail"),
        max_length=20,
        choices=[(kind.value, kind.label) for kind in WITH_OWN_WORDS],
    )
    text = models.TextField(_("the conference's own paragraph"), blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("the conference's own paragraph")
        verbose_name_plural = _("the conference's own paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["conference", "kind"], name="own_words_once_per_kind"),
        ]

    def __str__(self):
        return f"{self.conference}: {self.get_kind_display()}"
