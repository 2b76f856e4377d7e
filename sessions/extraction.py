"""The text of a statement or document file, kept with it for search.

Extraction never stands in the way of an upload: a file whose text cannot be read (a scanned
PDF, a damaged document) is kept all the same, with no text.
"""

import logging
import zipfile

from defusedxml.ElementTree import iterparse
from pypdf import PdfReader

from . import files

logger = logging.getLogger(__name__)

# Enough for any statement; a document longer than this is searched on its beginning.
MAX_CHARACTERS = 2_000_000
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPEN_DOCUMENT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def extract(file):
    """The text of a PDF, DOCX or ODT file, or "" when it cannot be read."""
    readers = {files.PDF: pdf_text, files.DOCX: docx_text, files.ODT: odt_text}
    try:
        reader = readers.get(files.detect_format(file))
        text = reader(file) if reader else ""
    except Exception:
        # Whatever the library meets in a file people made, the upload stands.
        logger.warning("Could not read the text of %s.", file.name, exc_info=True)
        text = ""
    finally:
        file.seek(0)
    return text[:MAX_CHARACTERS]


def pdf_text(file):
    pages = PdfReader(file).pages
    return "\n".join(page.extract_text() or "" for page in pages)


def paragraphs(xml, tags, text_of):
    # defusedxml refuses markup that declares entities: the text comes from the markup alone.
    found = []
    for _event, element in iterparse(xml):
        if element.tag in tags:
            found.append(text_of(element))
            element.clear()
    return "\n".join(found)


def docx_text(file):
    with zipfile.ZipFile(file) as archive, archive.open(files.MAIN_MEMBER[files.DOCX]) as xml:
        return paragraphs(
            xml,
            {f"{WORD}p"},
            lambda paragraph: "".join(t.text or "" for t in paragraph.iter(f"{WORD}t")),
        )


def odt_text(file):
    with zipfile.ZipFile(file) as archive, archive.open(files.MAIN_MEMBER[files.ODT]) as xml:
        return paragraphs(
            xml, {f"{OPEN_DOCUMENT}p", f"{OPEN_DOCUMENT}h"}, lambda p: "".join(p.itertext())
        )
