"""Statements delivered in sessions, their versions in other languages, and the files a
statement had before they were replaced."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from va_conference.models import Organization

from .. import files
from .checked_file import CheckedFile, WithoutText, stored_file_name
from .session import Session


class StatementLanguage(models.TextChoices):
    """Languages a statement is delivered or translated in: the six UN official languages."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ARABIC = "ar", _("Arabic")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")


CAN_PUBLISH = "programme.publish_statement"


class StatementQuerySet(models.QuerySet):
    def publish(self):
        """Publish the drafts among these statements, dated now; return how many."""
        return self.filter(is_published=False).update(
            is_published=True, published_at=timezone.now()
        )

    def unpublish(self):
        """Take these statements back to drafts; return how many."""
        return self.filter(is_published=True).update(is_published=False)

    def published(self):
        return self.filter(
            is_published=True,
            sent_ahead=False,
            session__is_public=True,
            session__conference__is_published=True,
        )

    def visible_to(self, user):
        """Who may view statements in the admin previews drafts, but for the texts sent ahead
        for the interpreters (confidential until delivered: they read them on pages of their
        own); everybody else reads published statements."""
        if user.has_perm("programme.view_statement"):
            return self.exclude(sent_ahead=True)
        return self.published()

    def as_delivered(self, user):
        """Statements as delivered, each with its translations visible to `user` (`files`)."""
        return (
            self.filter(original=None)
            .select_related("organization")
            .prefetch_related(
                models.Prefetch(
                    "translations",
                    Statement.objects.visible_to(user).order_by("language"),
                    to_attr="visible_translations",
                )
            )
        )


class Statement(CheckedFile):
    FOLDER = "statements"

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        # The statements are the lasting record: a session holding some cannot be deleted.
        on_delete=models.PROTECT,
        related_name="statements",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("delegation"),
        on_delete=models.PROTECT,
        related_name="statements",
    )
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=StatementLanguage.choices,
        default=StatementLanguage.ENGLISH,
    )
    original = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_(
            "Empty for the statement as delivered; set for its versions in other languages."
        ),
    )
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    is_published = models.BooleanField(_("published"), default=False)
    sent_ahead = models.BooleanField(
        _("sent ahead for the interpreters"),
        default=False,
        editable=False,
        help_text=_("A text a delegation sent with its request for the floor, until delivered."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = WithoutText.from_queryset(StatementQuerySet)()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["session", "organization__name", "language"]
        permissions = [("publish_statement", _("Can publish statements"))]
        # The open data lists statements newest first.
        indexes = [models.Index(fields=["-published_at", "id"], name="statement_newest_first")]
        constraints = [
            # Per delegation: another delegation's text sent ahead, confidential until
            # delivered, may be the same file, and nobody is told.
            models.UniqueConstraint(
                fields=["session", "organization", "checksum"],
                name="statement_file_unique_per_session_and_delegation",
                violation_error_message=_("This file has already been uploaded to this session."),
            ),
            models.UniqueConstraint(
                fields=["original", "language"],
                name="statement_one_translation_per_language",
                violation_error_message=_("This statement already has a version in that language."),
            ),
            models.CheckConstraint(
                condition=Q(size__gt=0),
                name="statement_file_not_empty",
                violation_error_message=_("The file is empty."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} — {self.session} ({self.language})"

    def save(self, *args, replaced_by=None, **kwargs):
        """Save the statement; a file it replaces stays, retrievable by staff, with who
        replaced it (`replaced_by`, a user)."""
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        before = self.stored_file
        super().save(*args, **kwargs)
        if before is not None and before.name and before.name != self.file.name:
            StatementFileVersion.objects.create(
                statement=self,
                file=before.name,
                size=before.size,
                checksum=before.checksum,
                replaced_by=replaced_by,
            )

    @property
    def files(self):
        """This statement's file, then those of its translations (as_delivered())."""
        return [self, *getattr(self, "visible_translations", [])]

    def clean(self):
        super().clean()
        if self.has_new_file:
            self.clean_file()
        self.clean_original()

    def download_name(self, file_format):
        """e.g. 3MSP-victim-assistance-Norway-EN.pdf, in English whatever the page's language."""
        return files.readable_name(
            self.session.conference.short_name_en,
            self.session.slug,
            self.organization.name_en,
            self.language.upper(),
            extension=file_format,
        )

    def clean_file(self):
        self.check_file()
        if self.session_id:
            duplicates = Statement.objects.filter(
                session_id=self.session_id, checksum=self.checksum
            )
            if self.sent_ahead:
                # A delegation learns nothing of the others' texts, confidential until delivered.
                duplicates = duplicates.filter(organization_id=self.organization_id)
            if duplicates.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"file": _("This file has already been uploaded to this session.")}
                )

    def clean_original(self):
        original = self.original if self.original_id else None
        if original is None:
            return
        if original.original_id:
            raise ValidationError(
                {"original": _("Choose the statement as delivered, not one of its translations.")}
            )
        if (
            original.session_id != self.session_id
            or original.organization_id != self.organization_id
        ):
            raise ValidationError(
                {"original": _("A translation must belong to the same session and delegation.")}
            )
        if original.language == self.language:
            raise ValidationError(
                {"language": _("A translation must be in a language other than the original's.")}
            )


class StatementFileVersion(models.Model):
    """A file a statement had before it was replaced: kept for staff, never public."""

    FOLDER = "statements"

    statement = models.ForeignKey(
        Statement,
        verbose_name=_("statement"),
        on_delete=models.CASCADE,
        related_name="earlier_files",
    )
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("earlier file")
        verbose_name_plural = _("earlier files")
        ordering = ["-replaced_at"]

    def __str__(self):
        return self.file.name
