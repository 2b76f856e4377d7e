"""Released versions of a conference's programme of work: what the public reads.

Organizers edit the sessions as they go; the public programme, the session pages and the
calendar show the last release, until the next one (sessions/releases.py holds the rules). A
conference never released shows its sessions as they are.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from va_conference.models import Conference


class ProgrammeRelease(models.Model):
    """One released version of a conference's programme, e.g. "Rev.1", with the public
    sessions and rooms as they were (`snapshot`, written by sessions/releases.py)."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="programme_releases",
    )
    name = models.CharField(
        _("name"), max_length=40, help_text=_("As the programme names it, e.g. Rev.1.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What changed, and why."))
    snapshot = models.JSONField(_("sessions as released"), editable=False)
    released_at = models.DateTimeField(_("released"), auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("programme release")
        verbose_name_plural = _("programme releases")
        ordering = ["conference", "-released_at", "-pk"]
        get_latest_by = ["released_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "name"],
                name="programme_release_name_unique",
                violation_error_message=_("This programme already has a release of that name."),
            ),
        ]

    def __str__(self):
        return f"{self.conference.short_name} {self.name}"
