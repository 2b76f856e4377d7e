"""The base of the rows that hold an uploaded file (a statement, an official document's file):
how the file is checked, fingerprinted, stored under a random name and deleted with its row."""

import uuid
from pathlib import PurePath
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from va_conference.models import ChoiceLabels

from .. import extraction, files


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

    def take_pdf(self, upload, not_a_pdf):
        """Take `upload` as the row's new file, for a form's clean_file(): accepted as
        check_file() says and a PDF, or ValidationError with its messages (`not_a_pdf` when it
        is another format)."""
        self.file = upload
        try:
            self.check_file()
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        if files.detect_format(upload) != files.PDF:
            raise ValidationError(not_a_pdf)
        return upload


# The models by name ("app_label.ModelName", which Django's model signals accept): they are
# defined in modules that import this one.
@receiver(post_delete, sender="programme.Statement")
@receiver(post_delete, sender="programme.StatementFileVersion")
@receiver(post_delete, sender="programme.DocumentFile")
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
