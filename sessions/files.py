"""What makes a statement file acceptable, and what we record about it.

Formats are recognised by their content, never by the file name or the type the browser
declares: a PDF starts with `%PDF-`; DOCX and ODT are ZIP archives, told apart by their
`[Content_Types].xml` and `mimetype` members.
"""

import hashlib
import re
import unicodedata
import zipfile

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
    except (zipfile.BadZipFile, OSError, ValueError):
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
