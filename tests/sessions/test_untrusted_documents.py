"""The XML inside an uploaded DOCX or ODT is read as untrusted: markup that declares entities
(a "billion laughs", an external entity reading a file of the server) is refused, and nothing of
it is stored; ordinary documents still have their text read."""

import io
import zipfile
from pathlib import PurePath

import pytest
from django.core.files.base import ContentFile

from sessions import extraction
from sessions.models import Statement
from tests.factories import SessionFactory, StateFactory

# What these tests check is what the local disk holds.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_disk")]

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(body, doctype=""):
    """A Word document as Word writes one: content types, relationships and the text."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zipped.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zipped.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document xmlns:w="{WORD}"><w:body>{body}</w:body></w:document>',
        )
    return archive.getvalue()


def paragraph(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def odt(body, doctype=""):
    """An OpenDocument text as LibreOffice writes one: its type first, unzipped, then the rest."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        zipped.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        zipped.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
            "<office:document-content"
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        )
    return archive.getvalue()


# Each entity holds ten of the one before: "&lol9;" stands for a billion times "lol".
BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    + "]>"
)


HIDDEN_WORDS = '<!ENTITY words "Hidden words">'


def external_entity(path):
    return f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://{path}">]>'


@pytest.fixture
def editor_client(client, statement_editor):
    client.force_login(statement_editor)
    return client


def upload(client, session, content, name, language="en", country="NO"):
    """The session's upload page, posted with one file for the delegation of `country`."""
    delegation = StateFactory(country=country)
    url = f"/{language}/conferences/{session.conference.slug}/sessions/{session.slug}/upload/"
    return client.post(
        url,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "40",
            "form-0-file": ContentFile(content, name=name),
            "form-0-organization": str(delegation.pk),
            "form-0-language": "en",
        },
    )


def stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()]


def test_a_docx_expanding_its_entities_a_billion_times_is_refused_and_not_stored(
    editor_client, media_root
):
    bomb = docx(paragraph("&lol9;"), doctype=BILLION_LAUGHS)
    response = upload(editor_client, SessionFactory(), bomb, "bomb.docx", language="fr")
    page = response.content.decode()
    assert response.status_code == 200
    assert "bomb.docx" in page
    assert "Le document est endommagé\u00a0: il ne peut pas être ouvert." in page
    assert not Statement.objects.exists()
    assert stored_files(media_root) == []


def test_a_docx_reading_a_file_of_the_server_is_refused_and_never_shows_it(
    editor_client, media_root, tmp_path
):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password of the server")
    thief = docx(paragraph("&secret;"), doctype=external_entity(secret))
    page = upload(editor_client, SessionFactory(), thief, "thief.docx").content.decode()
    assert "The document is damaged: it cannot be opened." in page
    assert "password" not in page
    assert not Statement.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.shared_parts
def test_an_ordinary_docx_and_odt_are_saved_with_their_text(editor_client, media_root):
    session = SessionFactory()
    upload(
        editor_client,
        session,
        docx(paragraph("Victim assistance") + paragraph("and the CRPD")),
        "norway.docx",
    )
    upload(
        editor_client,
        session,
        odt("<text:h>Assistance aux victimes</text:h><text:p>et la CDPH</text:p>"),
        "jordan.odt",
        country="JO",
    )
    texts = {
        PurePath(statement.file.name).suffix: statement.text
        for statement in Statement.objects.all()
    }
    assert texts == {
        ".docx": "Victim assistance\nand the CRPD",
        ".odt": "Assistance aux victimes\net la CDPH",
    }
    assert len(stored_files(media_root)) == 2


@pytest.mark.parametrize(
    "content",
    [
        docx(paragraph("&words;"), doctype=f"<!DOCTYPE w:document [{HIDDEN_WORDS}]>"),
        odt(
            "<text:p>&words;</text:p>",
            doctype=f"<!DOCTYPE office:document-content [{HIDDEN_WORDS}]>",
        ),
    ],
    ids=["docx", "odt"],
)
def test_text_is_never_read_through_an_entity_the_file_declares(content):
    """The text kept for search comes from the markup alone, whatever saved the file."""
    assert "Hidden" not in extraction.extract(ContentFile(content, name="statement"))


def test_a_docx_whose_text_is_no_well_formed_xml_is_refused(editor_client, media_root):
    broken = docx(paragraph("Victim assistance") + "<w:p>")
    page = upload(editor_client, SessionFactory(), broken, "broken.docx").content.decode()
    assert "The document is damaged: it cannot be opened." in page
    assert stored_files(media_root) == []
