"""The focal point of a delegation: the person who names its members, through a private link."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from va_conference.models import ChoiceLabels

from .delegation import Delegation


def new_token():
    # 256 bits from the operating system's generator, URL-safe: as a delegate's private link.
    return secrets.token_urlsafe(32)


class FocalPoint(ChoiceLabels, models.Model):
    """Who acts for a delegation: named by an organizer, or asked for by the organization and
    approved by one. Their private link proves control of the address; a new one replaces it,
    and a revoked focal point's link opens nothing."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested, waiting for an organizer")
        ACTIVE = "active", _("Active")
        REVOKED = "revoked", _("Revoked")

    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        related_name="focal_points",
    )
    name = models.CharField(_("name"), max_length=300)
    email = models.EmailField(_("e-mail"), max_length=254)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Their page and e-mails are in this language."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    token = models.CharField(
        _("private access token"), max_length=64, unique=True, default=new_token, editable=False
    )
    request_note = models.TextField(
        _("request"),
        blank=True,
        help_text=_("What the organization wrote when it asked for a focal point."),
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named or approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    link_sent_at = models.DateTimeField(_("link last sent"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["delegation", "created_at"]
        constraints = [
            models.UniqueConstraint(
                "delegation",
                Lower("email"),
                condition=~Q(state="revoked"),
                name="focal_point_once_per_delegation",
                violation_error_message=_(
                    "This address is already a focal point of the delegation."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self):
        return self.state == self.State.ACTIVE
