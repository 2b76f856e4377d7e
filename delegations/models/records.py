"""What a delegation sends (its note verbale, its credentials) and what changes in it."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sessions.models.checked_file import (
    CheckedFile,
    WithoutText,
    delete_stored_file,
    stored_file_name,
)

from .delegation import Delegation
from .focal_point import FocalPoint


class DelegationDocument(CheckedFile):
    """A note verbale or credentials, as a PDF: never public, read only by the delegation's
    focal points and the organizers. The statements' file checks apply."""

    FOLDER = "delegations"

    class Kind(models.TextChoices):
        NOTE_VERBALE = "note_verbale", _("Note verbale")
        CREDENTIALS = "credentials", _("Credentials")

    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=200)
    uploaded_by_focal_point = models.ForeignKey(
        FocalPoint,
        verbose_name=_("uploaded by the focal point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = WithoutText()

    class Meta:
        verbose_name = _("delegation document")
        verbose_name_plural = _("delegation documents")
        ordering = ["delegation", "-uploaded_at"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.delegation}"


class Change(models.TextChoices):
    ADDED = "added", _("Added")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    NEW_HEAD = "new_head", _("New head of delegation")
    ROLE = "role", _("Role changed")


class DelegationChange(models.Model):
    """One change to a delegation's members, with its time: the Addendum to the List of
    Participants lists those after the list's date."""

    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    registration = models.ForeignKey(
        "registrations.Registration",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="delegation_changes",
    )
    kind = models.CharField(_("change"), max_length=10, choices=Change.choices)
    role = models.CharField(_("role"), max_length=20, blank=True)
    made_by_focal_point = models.ForeignKey(
        FocalPoint,
        verbose_name=_("made by the focal point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    made_at = models.DateTimeField(_("made at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("change to a delegation")
        verbose_name_plural = _("changes to delegations")
        ordering = ["delegation", "made_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.registration} ({self.made_at:%Y-%m-%d %H:%M})"


# A deleted document takes its file with it, once the deletion is committed, as statements do.
post_delete.connect(delete_stored_file, sender=DelegationDocument)
