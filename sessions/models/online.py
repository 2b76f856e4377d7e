"""Where a session is held online: the platform's meeting address and passcode, and the
channel each language is interpreted on.

These are never public: they are kept apart from the session, so that nothing that shows a
session (a release, the open data, the search, the feeds) can carry them. Only confirmed
delegates taking part online (registrations/online_sessions.py) and staff read them.
"""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .session import Session


class OnlineMeeting(models.Model):
    session = models.OneToOneField(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="online_meeting",
    )
    address = models.URLField(
        _("meeting address"),
        max_length=500,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_(
            "The link delegates follow to join, as the platform gives it. It may be changed up "
            "to the last minute: delegates' pages always show the current one."
        ),
    )
    passcode = models.CharField(_("passcode"), max_length=100, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("online meeting")
        verbose_name_plural = _("online meetings")

    def __str__(self):
        return str(self.session)


class InterpretationChannel(models.Model):
    meeting = models.ForeignKey(
        OnlineMeeting,
        verbose_name=_("online meeting"),
        on_delete=models.CASCADE,
        related_name="channels",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    channel = models.CharField(
        _("channel"),
        max_length=100,
        help_text=_("The name or number the platform gives the channel, e.g. “Français” or 2."),
    )

    class Meta:
        verbose_name = _("interpretation channel")
        verbose_name_plural = _("interpretation channels")
        ordering = ["meeting", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "language"],
                name="one_interpretation_channel_per_language",
                violation_error_message=_("This meeting already has a channel for that language."),
            )
        ]

    def __str__(self):
        return f"{self.get_language_display()}: {self.channel}"
