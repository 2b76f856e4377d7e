"""With S3_SIGNED_DOWNLOADS a published file downloads straight from the bucket, through a
signed URL that expires; drafts and earlier files always pass through the app, which checks who
asks."""

import datetime
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile

from sessions.models import Document, DocumentFile
from tests.factories import (
    ConferenceFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_downloads(s3_bucket, settings):
    settings.S3_SIGNED_DOWNLOADS = True
    return s3_bucket


@pytest.fixture
def statement():
    conference = ConferenceFactory(
        slug="3msp-oslo-2012", short_name_en="3MSP", start_date=datetime.date(2012, 9, 11)
    )
    return StatementFactory(
        session=SessionFactory(conference=conference, slug="victim-assistance"),
        organization=StateFactory(country="NO", name_en="Norway"),
        file=ContentFile(pdf_bytes("Norway on victim assistance"), name="upload.pdf"),
    )


def download(client, statement):
    return client.get(f"/en/conferences/3msp-oslo-2012/statements/{statement.pk}/file/")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read(), answer.headers


def test_a_published_statement_redirects_to_a_signed_url_of_the_bucket(
    signed_downloads, client, statement
):
    response = download(client, statement)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    url = response["Location"]
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query

    content, headers = fetch(url)
    assert content == pdf_bytes("Norway on victim assistance")
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == (
        'attachment; filename="3MSP-victim-assistance-Norway-EN.pdf"'
    )


def test_the_signed_url_lives_as_long_as_the_setting_says(
    signed_downloads, settings, client, statement
):
    settings.S3_SIGNED_URL_SECONDS = 60
    query = parse_qs(urlsplit(download(client, statement)["Location"]).query)
    assert query["X-Amz-Expires"] == ["60"]


def test_the_bucket_gives_nothing_without_a_signature(signed_downloads, client, statement):
    url = download(client, statement)["Location"]
    unsigned = url.split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(unsigned)
    assert refused.value.code == 403


def test_a_draft_statement_is_never_redirected(
    signed_downloads, client, statement, statement_editor
):
    statement.is_published = False
    statement.save()
    assert download(client, statement).status_code == 404
    client.force_login(statement_editor)
    response = download(client, statement)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == pdf_bytes("Norway on victim assistance")


def test_an_earlier_file_is_never_redirected(signed_downloads, admin_client, statement):
    statement.file.save("corrected.pdf", ContentFile(pdf_bytes("Corrected statement")))
    [version] = statement.earlier_files.all()
    response = admin_client.get(
        f"/en/conferences/3msp-oslo-2012/statements/{statement.pk}/earlier/{version.pk}/file/"
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == pdf_bytes("Norway on victim assistance")


def document_file(statement, is_published):
    document = Document.objects.create(
        conference=statement.session.conference,
        symbol="CCM/MSP/2012/5",
        title_en="Oslo Progress Report",
        kind="progress_report",
        date=datetime.date(2012, 9, 14),
        is_published=is_published,
    )
    return DocumentFile.objects.create(
        document=document,
        language="en",
        file=ContentFile(pdf_bytes("Progress report"), name="report.pdf"),
    )


def test_a_published_document_redirects_and_a_draft_does_not(
    signed_downloads, client, organizer, statement
):
    published = document_file(statement, is_published=True)
    url = f"/en/conferences/3msp-oslo-2012/documents/files/{published.pk}/"
    response = client.get(url)
    assert response.status_code == 302
    assert fetch(response["Location"])[0] == pdf_bytes("Progress report")

    published.document.is_published = False
    published.document.save()
    client.force_login(organizer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.shared_parts
def test_files_on_the_local_disk_are_streamed_whatever_the_setting(
    settings, client, local_disk, statement
):
    settings.S3_SIGNED_DOWNLOADS = True
    response = download(client, statement)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("Norway on victim assistance")
