"""The programme of work: rooms, sessions and the statements delivered in them.

- session.py: rooms and sessions;
- statement.py: statements, their translations and the files they had before;
- document.py: a conference's official documents and their files;
- release.py: the released versions of a programme, which the public reads;
- online.py: where a session is held online, never public;
- checked_file.py: the base of every row holding an uploaded file.

Everything is imported here, so that `from sessions.models import Statement` reads the same
wherever a model lives (and the migrations find sessions.models.stored_file_name).
"""

from .checked_file import CheckedFile, FileRecord, WithoutText, delete_stored_file, stored_file_name
from .document import Document, DocumentFile, DocumentFileQuerySet, DocumentKind, DocumentQuerySet
from .online import InterpretationChannel, OnlineMeeting
from .release import ProgrammeRelease
from .session import Room, Session, SessionKind, SessionQuerySet
from .statement import (
    CAN_PUBLISH,
    Statement,
    StatementFileVersion,
    StatementLanguage,
    StatementQuerySet,
)

__all__ = [
    "CAN_PUBLISH",
    "CheckedFile",
    "Document",
    "DocumentFile",
    "DocumentFileQuerySet",
    "DocumentKind",
    "DocumentQuerySet",
    "FileRecord",
    "InterpretationChannel",
    "OnlineMeeting",
    "ProgrammeRelease",
    "Room",
    "Session",
    "SessionKind",
    "SessionQuerySet",
    "Statement",
    "StatementFileVersion",
    "StatementLanguage",
    "StatementQuerySet",
    "WithoutText",
    "delete_stored_file",
    "stored_file_name",
]
