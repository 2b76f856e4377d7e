"""Several statements uploaded at once to one session, right after it ends.

Each file stands or falls on its own: the valid files of a batch are saved, the others are
refused with their reason, so that the editor uploads again only those. One statement per
delegation: the file marked as delivered (or the first) is the original, the others its
translations; a delegation that already has a statement in the session adds translations.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .models import Statement


@dataclass
class Upload:
    """One file of the batch, with what the editor said of it."""

    file: object
    organization: object
    language: str
    speaker: str = ""
    delivered: bool = False


@dataclass
class Outcome:
    # (file name as uploaded, statement)
    saved: list = field(default_factory=list)
    # (file name as uploaded, reasons)
    refused: list = field(default_factory=list)


def save_batch(session, uploads, uploaded_by, publish=False):
    """Save every acceptable file of `uploads` as a statement of `session`."""
    outcome = Outcome()
    by_delegation = {}
    for upload in uploads:
        by_delegation.setdefault(upload.organization.pk, []).append(upload)
    for delegation_uploads in by_delegation.values():
        # The file marked as delivered comes first; otherwise the order the editor gave.
        delegation_uploads.sort(key=lambda upload: not upload.delivered)
        original = Statement.objects.filter(
            session=session, organization=delegation_uploads[0].organization, original=None
        ).first()
        for upload in delegation_uploads:
            statement = Statement(
                session=session,
                organization=upload.organization,
                language=upload.language,
                speaker=upload.speaker,
                original=original,
                file=upload.file,
                uploaded_by=uploaded_by,
                is_published=publish,
            )
            name = upload.file.name
            try:
                save(statement)
            except ValidationError as error:
                outcome.refused.append((name, error.messages))
            else:
                outcome.saved.append((name, statement))
                original = original or statement
    return outcome


def save(statement):
    # Size and checksum are read from the file by clean(); uploaded_by is set here.
    statement.full_clean(exclude=["size", "checksum", "uploaded_by"])
    try:
        with transaction.atomic():
            statement.save()
    except IntegrityError:
        # Another editor saved the same file, or the same language, a moment ago.
        statement.validate_constraints()
        raise
