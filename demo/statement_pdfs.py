"""The demonstration files of the statements: one-page PDFs that say what they are.

The texts of the statements delivered are not part of the demonstration data: each statement's
file only names its delegation, session, meeting and language, and says that it is not the text
delivered. The files are written here, without a PDF library, so that the same statement gives
the same bytes, and the same checksum, on every run.
"""

import textwrap
import unicodedata

from django.utils import dateformat, translation

from sessions.models import StatementLanguage


def statement_pdf(session, organization, language, original):
    """The demonstration file of one statement: a one-page PDF that says what it is."""
    conference = session.conference
    with translation.override("en"):
        language_name = str(StatementLanguage(language).label)
        if original is not None:
            original_name = str(StatementLanguage(original.language).label)
            language_name += f" (translation of the statement delivered in {original_name})"
        session_date = dateformat.format(session.date, "j F Y")
        dates = (
            f"{dateformat.format(conference.start_date, 'j F Y')} to "
            f"{dateformat.format(conference.end_date, 'j F Y')}"
        )
    return demonstration_pdf(
        "Demonstration file - not the text delivered.",
        [
            "",
            f"Delegation: {organization.name_en}",
            f"Session: {session.title_en}, {session_date}",
            f"Meeting: {conference.title_en}, {conference.city_en}, {dates}",
            f"Language: {language_name}",
            "",
            "This file belongs to the demonstration data of VA Conference. It does not reproduce "
            "any statement actually delivered at this meeting.",
        ],
    )


# The PDF text is kept to ASCII, which every PDF reader shows in Helvetica without an embedded
# font: typographic punctuation becomes its nearest ASCII character, accented letters lose
# their accents.
ASCII_PUNCTUATION = str.maketrans(
    {
        "\N{EM DASH}": "-",
        "\N{EN DASH}": "-",
        "\N{LEFT SINGLE QUOTATION MARK}": "'",
        "\N{RIGHT SINGLE QUOTATION MARK}": "'",
        "\N{LEFT DOUBLE QUOTATION MARK}": '"',
        "\N{RIGHT DOUBLE QUOTATION MARK}": '"',
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": '"',
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}": '"',
    }
)


def pdf_text(text):
    text = unicodedata.normalize("NFKD", text.translate(ASCII_PUNCTUATION))
    text = text.encode("ascii", "ignore").decode("ascii")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demonstration_pdf(heading, paragraphs):
    """A minimal one-page A4 PDF in Helvetica: a heading, then paragraphs wrapped to the page.

    Nothing in it depends on the time or the machine, so the same text gives the same bytes
    (and the same checksum) on every run.
    """
    lines = ["BT", "/F1 16 Tf", "72 770 Td", f"({pdf_text(heading)}) Tj", "/F1 11 Tf", "15 TL"]
    for paragraph in paragraphs:
        for line in textwrap.wrap(pdf_text(paragraph), width=80) or [""]:
            lines.append(f"T* ({line}) Tj")
    lines.append("ET")
    stream = "\n".join(lines).encode("ascii")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_offset = len(pdf)
    pdf += b"xref\n0 %d\n" % (len(objects) + 1)
    # Each cross-reference entry is exactly 20 bytes, ending in a space and a line feed.
    pdf += b"0000000000 65535 f \n"
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(pdf)
