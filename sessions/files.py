"""What makes a statement file acceptable, and what we record about it.

Formats are recognised by their content, never by the file name or the type the browser
declares: a PDF starts with `%PDF-`; DOCX and ODT are ZIP archives, told apart by their
`[Content_Types].xml` and `mimetype` members. Their XML is untrusted and read with defusedxml
only, never with the standard library's parsers.
"""

import hashlib
import re
import unicodedata
import zipfile
import zlib

from defusedxml.ElementTree import ParseError, XMLParser
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = "pdf"
DOCX = "docx"
ODT = "odt"

CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ODT: "application/vnd.oasis.opendocument.text",
}

UNSUPPORTED_FORMAT = _("This file is not a PDF, DOCX or ODT document.")

# The part of a DOCX or ODT that holds its text.
MAIN_MEMBER = {DOCX: "word/document.xml", ODT: "content.xml"}


def fingerprint(file):
    """Return (size in bytes, hex SHA-256) of a Django File, reading it in chunks."""
    digest = hashlib.sha256()
    size = 0
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
        size += len(chunk)
    file.seek(0)
    return size, digest.hexdigest()


def detect_format(file):
    """Return PDF, DOCX or ODT from the file's content, or None if it is none of them."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                return ODT if mimetype == CONTENT_TYPES[ODT].encode() else None
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    return None


def readable_name(*parts, extension):
    """A file name people can read, in plain ASCII: `3MSP-victim-assistance-Norway-EN.pdf`.

    Letters lose their accents; anything else between words becomes a hyphen.
    """
    words = []
    for part in parts:
        ascii_text = unicodedata.normalize("NFKD", str(part)).encode("ascii", "ignore").decode()
        word = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
        if word:
            words.append(word)
    return f"{'-'.join(words) or 'document'}.{extension}"


def check(file):
    """Return the format of an acceptable file; raise ValidationError saying why it is not.

    Refused: an empty file, one over the size limit, one whose content is no PDF, DOCX or ODT
    (whatever its name says), and a damaged DOCX or ODT, or one that would expand beyond the
    limit when unzipped.
    """
    limit = settings.STATEMENT_MAX_UPLOAD_SIZE
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if file.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(limit)},
        )
    file_format = detect_format(file)
    if file_format is None:
        raise ValidationError(UNSUPPORTED_FORMAT, code="unsupported")
    if file_format in MAIN_MEMBER:
        check_archive(file, MAIN_MEMBER[file_format])
    return file_format


class NothingKept:
    """What the parser of check_archive() hands the markup to: nothing is kept, only read."""


def check_archive(file, main_member):
    """A DOCX or ODT must unzip whole, within the size limit, its text readable.

    The text is parsed, not only unzipped: markup that declares entities (a "billion laughs"
    expanding a few bytes to gigabytes, an external entity reading a file of the server) is
    refused by defusedxml, as is markup that is no well-formed XML.
    """
    damaged = ValidationError(_("The document is damaged: it cannot be opened."), code="damaged")
    limit = settings.STATEMENT_MAX_UNZIPPED_SIZE
    try:
        with zipfile.ZipFile(file) as archive:
            # The sizes the archive declares are checked before anything is unzipped, and the
            # reading stops at the limit, in case they lie.
            if sum(member.file_size for member in archive.infolist()) > limit:
                raise ValidationError(
                    _("The document would expand to more than %(limit)s when opened."),
                    code="too_large_unzipped",
                    params={"limit": filesizeformat(limit)},
                )
            parser = XMLParser(target=NothingKept())
            with archive.open(main_member) as text:
                while chunk := text.read(1024 * 1024):
                    limit -= len(chunk)
                    if limit < 0:
                        raise damaged
                    parser.feed(chunk)
            parser.close()
    # defusedxml's refusals are ValueErrors.
    except (
        zipfile.BadZipFile,
        zlib.error,
        KeyError,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,
        ParseError,
    ):
        raise damaged from None
    finally:
        file.seek(0)
