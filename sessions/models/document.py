"""The official documents of a conference (agenda, reports...), each with a file per language."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from va_conference.models import ChoiceLabels, Conference

from .. import files
from .checked_file import CheckedFile, WithoutText, stored_file_name
from .statement import StatementLanguage


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
