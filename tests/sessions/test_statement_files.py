"""What makes a statement file acceptable: its content, not its name or declared type."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sessions import files
from sessions.models import Statement
from tests.factories import (
    SessionFactory,
    StateFactory,
    StatementFactory,
    odt_bytes,
    pdf_bytes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage")]


def docx(document=b'<w:document xmlns:w="urn:w"/>', **members):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("word/document.xml", document)
        for name, content in members.items():
            zipped.writestr(name, content)
    return archive.getvalue()


WORD_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>"
)


def odt():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zipped.writestr("content.xml", '<office:document-content xmlns:office="urn:o"/>')
    return archive.getvalue()


def upload(content, name="statement.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def refusal(content, **kwargs):
    with pytest.raises(ValidationError) as refused:
        files.check(upload(content, **kwargs))
    return refused.value


@pytest.mark.parametrize(
    "content, expected",
    [(pdf_bytes("A statement"), files.PDF), (docx(), files.DOCX), (odt(), files.ODT)],
)
def test_pdf_docx_and_odt_are_accepted_whatever_their_name(content, expected):
    assert files.check(upload(content, name="no-extension")) == expected


def test_an_empty_file_is_refused():
    assert refusal(b"").code == "empty"


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.STATEMENT_MAX_UPLOAD_SIZE = 1000
    error = refusal(pdf_bytes("x" * 2000))
    assert error.code == "too_large"
    assert "larger than 1000" in " ".join(error.messages)


@pytest.mark.parametrize(
    "content",
    [
        b"<!doctype html><html><script>alert(1)</script></html>",
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100,  # a Windows executable
        b"PK\x03\x04 not really an archive",
        docx(document=b"x").replace(b"word/document.xml", b"word/documenx.xml"),
    ],
)
def test_content_that_is_no_supported_document_is_refused_even_named_pdf(content):
    assert refusal(content, name="statement.pdf").code in ("unsupported", "damaged")


def test_a_damaged_docx_is_refused():
    content = bytearray(docx(document=b"<w:document>" + b"text " * 200 + b"</w:document>"))
    with zipfile.ZipFile(io.BytesIO(bytes(content))) as archive:
        text = archive.getinfo("word/document.xml")
    # Spoil the compressed text: the archive's index still reads, its text does not.
    start = text.header_offset + 30 + len(text.filename) + len(text.extra) + 5
    content[start : start + 10] = b"\xff" * 10
    assert refusal(bytes(content), name="statement.docx").code == "damaged"


def test_a_docx_expanding_beyond_the_limit_is_refused(settings):
    settings.STATEMENT_MAX_UNZIPPED_SIZE = 1024 * 1024
    bomb = docx(document=b"0" * (5 * 1024 * 1024))
    assert len(bomb) < 50_000  # small on disk
    error = refusal(bomb, name="statement.docx")
    assert error.code == "too_large_unzipped"


def test_the_admin_form_names_the_reason_on_the_file_field():
    statement = Statement(
        session=SessionFactory(),
        organization=StateFactory(),
        language="en",
        file=upload(b"<html></html>"),
    )
    with pytest.raises(ValidationError) as refused:
        statement.full_clean()
    assert refused.value.message_dict["file"] == [str(files.UNSUPPORTED_FORMAT)]


@pytest.mark.shared_parts
def test_the_same_file_twice_in_one_session_is_refused():
    first = StatementFactory()
    again = Statement(
        session=first.session,
        organization=StateFactory(country="JO"),
        language="en",
        file=upload(first.file.read()),
    )
    with pytest.raises(ValidationError) as refused:
        again.full_clean()
    assert "already been uploaded" in refused.value.message_dict["file"][0]


@pytest.mark.shared_parts
def test_the_text_of_each_format_is_kept_for_search():
    session = SessionFactory()
    for language, content in (
        ("en", pdf_bytes("Assistance to the victims of cluster munitions")),
        ("fr", docx(document=WORD_DOCUMENT % "Assistance aux victimes des armes")),
        ("es", odt_bytes("Asistencia a las víctimas")),
    ):
        statement = StatementFactory(
            session=session, language=language, file=upload(content, name="s")
        )
        statement.refresh_from_db()
        assert statement.text.strip(), language
    texts = " ".join(Statement.objects.values_list("text", flat=True))
    assert "cluster munitions" in texts
    assert "Assistance aux victimes des armes" in texts
    assert "Asistencia a las víctimas" in texts


@pytest.mark.shared_parts
def test_a_file_whose_text_cannot_be_read_is_kept():
    # A PDF cut short: recognised as a PDF, its text unreadable.
    statement = StatementFactory(file=upload(pdf_bytes("x")[:200], name="broken.pdf"))
    statement.refresh_from_db()
    assert statement.size == 200
    assert statement.text == ""


@pytest.mark.shared_parts
def test_a_replaced_file_brings_its_own_text():
    statement = StatementFactory(file=upload(pdf_bytes("First version"), name="a.pdf"))
    statement.file = upload(pdf_bytes("Corrected version"), name="b.pdf")
    statement.save()
    statement.refresh_from_db()
    assert "Corrected version" in statement.text
    assert "First" not in statement.text
