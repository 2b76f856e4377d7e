"""The programme of work: rooms, sessions and the statements delivered in them."""

import datetime
import uuid
from pathlib import PurePath
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from va_conference.models import ChoiceLabels, Conference, Organization

from . import extraction, files


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


class StatementLanguage(models.TextChoices):
    """Languages a statement is delivered or translated in: the six UN official languages."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ARABIC = "ar", _("Arabic")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")


class FileRecord(NamedTuple):
    """What a row says of its file, as last read or written."""

    name: str
    size: int
    checksum: str


def stored_file_name(instance, filename):
    # A random name: the file cannot be found by guessing, only through a download view.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{instance.FOLDER}/{uuid.uuid4().hex}{suffix}"


class WithoutText(models.Manager):
    """Rows without their text, read from the file for search and as long as a whole report:
    lists never need it, and a queryset's .defer(None) reads it too."""

    def get_queryset(self):
        return super().get_queryset().defer("text")


class CheckedFile(ChoiceLabels, models.Model):
    """A row holding one uploaded document (a statement, an official document's file).

    Its file is accepted only as sessions/files.py says, fingerprinted (size and SHA-256)
    once, and never left behind: a row the database refuses takes its new file with it, and
    a deleted row deletes its file once the deletion is committed (see delete_stored_file).
    Subclasses declare `file` (a FileField with upload_to=stored_file_name) and FOLDER.
    """

    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, editable=False)
    text = models.TextField(
        _("text"), blank=True, editable=False, help_text=_("Read from the file, for search.")
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Save the row and its file."""
        stored = self.stored_file
        new_file = self.has_new_file
        # The upload check_file() already read (never opening a stored file to find out).
        upload = getattr(self.file, "_file", None)
        fingerprinted = upload is not None and getattr(self, "_fingerprinted", None) is upload
        if self.file and (
            new_file or not self.checksum or stored is None or self.file.name != stored.name
        ):
            if not fingerprinted:
                self.size, self.checksum = files.fingerprint(self.file)
            # The text follows the file: read again whenever the file is new or replaced.
            self.text = extraction.extract(self.file)
        try:
            # Stores a new file first, then writes the row.
            super().save(*args, **kwargs)
        except BaseException:
            if new_file and getattr(self.file, "_committed", False):
                # The row was not written: its file must not stay behind, orphaned.
                self.file.storage.delete(self.file.name)
            raise
        self._stored = FileRecord(self.file.name, self.size, self.checksum)

    @property
    def stored_file(self):
        """The file as the row last said it was, when read or saved; None for a new row."""
        return getattr(self, "_stored", None)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that save() knows when the file was replaced, however it was.
        if {"file", "size", "checksum"} <= set(field_names):
            instance._stored = FileRecord(instance.file.name, instance.size, instance.checksum)
        return instance

    @property
    def has_new_file(self):
        return bool(self.file) and not getattr(self.file, "_committed", True)

    def check_file(self):
        """Accept the new file or raise ValidationError on `file`; fingerprint it."""
        try:
            files.check(self.file)
        except ValidationError as error:
            raise ValidationError({"file": error}) from None
        self.size, self.checksum = files.fingerprint(self.file)
        # save() need not read the same upload again.
        self._fingerprinted = getattr(self.file, "_file", None)


CAN_PUBLISH = "programme.publish_statement"


class StatementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            is_published=True, session__is_public=True, session__conference__is_published=True
        )

    def visible_to(self, user):
        """Who may view statements in the admin previews drafts; everybody else reads
        published statements."""
        return self if user.has_perm("programme.view_statement") else self.published()

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
            models.UniqueConstraint(
                fields=["session", "checksum"],
                name="statement_file_unique_per_session",
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


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    PROGRAMME_OF_WORK = "programme", _("Programme of work")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    PROGRESS_REPORT = "progress_report", _("Progress report")
    FINAL_REPORT = "final_report", _("Final report")
    WORKING_PAPER = "working_paper", _("Working paper")
    OTHER = "other", _("Other document")


class DocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, conference__is_published=True)

    def visible_to(self, user):
        """Of a conference visible to `user`: who may view documents in the admin previews
        drafts; everybody else reads published documents."""
        return self if user.has_perm("programme.view_document") else self.filter(is_published=True)

    def by_kind(self):
        """[(kind label, [document, ...])] with each document's files, in the kinds' order."""
        documents = self.prefetch_related("files").order_by("kind", "order", "date", "pk")
        labels = dict(DocumentKind.choices)
        grouped = {}
        for document in documents:
            grouped.setdefault(document.kind, []).append(document)
        return [(labels[kind], grouped[kind]) for kind in DocumentKind.values if kind in grouped]


class Document(ChoiceLabels, models.Model):
    """An official document of a conference (agenda, reports...), with a file per language."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    symbol = models.CharField(
        _("document symbol"),
        max_length=60,
        blank=True,
        help_text=_("As issued, e.g. CCM/MSP/2012/5; empty for a document without one."),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    date = models.DateField(_("date"))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Among documents of the same kind.")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["conference", "kind", "order", "date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["symbol"],
                condition=~Q(symbol=""),
                name="document_symbol_unique",
                violation_error_message=_("A document with this symbol already exists."),
            ),
        ]

    def __str__(self):
        return f"{self.symbol} {self.title}" if self.symbol else self.title

    def save(self, *args, **kwargs):
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)


class DocumentFileQuerySet(models.QuerySet):
    def published(self):
        return self.filter(document__is_published=True, document__conference__is_published=True)

    def visible_to(self, user):
        """Who may view document files in the admin previews those of drafts; everybody else
        reads those of published documents."""
        return self if user.has_perm("programme.view_documentfile") else self.published()


class DocumentFile(CheckedFile):
    """A document in one language."""

    FOLDER = "documents"

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=5, choices=StatementLanguage.choices)
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=200)

    objects = WithoutText.from_queryset(DocumentFileQuerySet)()

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                name="document_one_file_per_language",
                violation_error_message=_("This document already has a file in that language."),
            ),
            models.CheckConstraint(
                condition=Q(size__gt=0),
                name="document_file_not_empty",
                violation_error_message=_("The file is empty."),
            ),
        ]

    def __str__(self):
        return f"{self.document} ({self.language})"

    def clean(self):
        super().clean()
        if self.has_new_file:
            self.check_file()

    def download_name(self, file_format):
        """e.g. CCM-MSP-2012-5-FR.pdf, or 3MSP-progress-report-FR.pdf without a symbol."""
        document = self.document
        parts = (
            [document.symbol]
            if document.symbol
            else [
                document.conference.short_name_en,
                document.kind.replace("_", "-"),
            ]
        )
        return files.readable_name(*parts, self.language.upper(), extension=file_format)


@receiver(post_delete, sender=Statement)
@receiver(post_delete, sender=StatementFileVersion)
@receiver(post_delete, sender=DocumentFile)
def delete_stored_file(sender, instance, **kwargs):
    """A deleted statement (or earlier file) takes its file with it, once the deletion is
    committed.

    A signal, because cascades (a translation goes with its original, earlier files with their
    statement) delete rows without calling delete(); on commit, because a rolled-back deletion
    must keep the file.
    """
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
