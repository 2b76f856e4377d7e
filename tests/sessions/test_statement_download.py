"""Statements are downloaded through a view that checks the published flag, never from /media/."""

import datetime
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from sessions.models import Statement
from tests.factories import (
    ConferenceFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage"), pytest.mark.shared_parts]


@pytest.fixture
def statement():
    conference = ConferenceFactory(
        slug="3msp-oslo-2012",
        short_name_en="3MSP",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
    )
    session = SessionFactory(conference=conference, slug="victim-assistance")
    norway = StateFactory(country="NO", name_en="Norway", name_fr="Norvège")
    return StatementFactory(
        session=session,
        organization=norway,
        language="en",
        file=ContentFile(pdf_bytes("Norway on victim assistance"), name="upload.pdf"),
    )


def download(client, statement, language="fr"):
    return client.get(
        f"/{language}/conferences/{statement.session.conference.slug}"
        f"/statements/{statement.pk}/file/"
    )


def test_a_published_statement_downloads_with_a_readable_name(client, statement):
    response = download(client, statement)
    assert response.status_code == 200
    assert response.streaming
    assert b"".join(response.streaming_content) == pdf_bytes("Norway on victim assistance")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="3MSP-victim-assistance-Norway-EN.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_file_name_says_what_the_content_is(client, statement):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("word/document.xml", "<document/>")
    # Uploaded under a misleading name: the content decides.
    statement.file.save("statement.pdf", ContentFile(archive.getvalue()))
    response = download(client, statement)
    assert response["Content-Disposition"].endswith('-EN.docx"')
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_draft_is_404_to_the_public_and_open_to_editors(client, statement, statement_editor):
    statement.is_published = False
    statement.save()
    assert download(client, statement).status_code == 404
    client.force_login(statement_editor)
    response = download(client, statement)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_statement_of_a_private_session_or_unpublished_conference_is_404(client, statement):
    statement.session.is_public = False
    statement.session.save()
    assert download(client, statement).status_code == 404


def test_a_statement_is_found_only_under_its_own_conference(client, statement):
    other = ConferenceFactory()
    response = client.get(f"/en/conferences/{other.slug}/statements/{statement.pk}/file/")
    assert response.status_code == 404


def test_the_session_page_links_each_statement(client, statement):
    conference = statement.session.conference
    page = client.get(
        f"/fr/conferences/{conference.slug}/sessions/{statement.session.slug}/"
    ).content.decode()
    assert f'href="/fr/conferences/{conference.slug}/statements/{statement.pk}/file/"' in page


def test_deleting_a_statement_deletes_its_file(statement, django_capture_on_commit_callbacks):
    translation = StatementFactory(
        session=statement.session,
        organization=statement.organization,
        original=statement,
        language="fr",
    )
    storage = statement.file.storage
    names = [statement.file.name, translation.file.name]
    assert all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        statement.delete()  # its translation goes with it
    assert not Statement.objects.exists()
    assert not any(storage.exists(name) for name in names)


def test_a_deletion_rolled_back_keeps_the_file(statement, django_capture_on_commit_callbacks):
    storage, name, pk = statement.file.storage, statement.file.name, statement.pk
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        statement.delete()
        raise RuntimeError("the request failed after the delete")
    assert storage.exists(name)
    assert Statement.objects.filter(pk=pk).exists()


def test_replacing_a_file_keeps_the_earlier_one_for_staff(
    client, admin_client, statement, django_capture_on_commit_callbacks
):
    earlier_name = statement.file.name
    statement.file.save("corrected.pdf", ContentFile(pdf_bytes("Corrected statement")))
    [version] = statement.earlier_files.all()
    assert version.file.name == earlier_name
    assert version.size == len(pdf_bytes("Norway on victim assistance"))
    url = (
        f"/en/conferences/{statement.session.conference.slug}/statements/{statement.pk}"
        f"/earlier/{version.pk}/file/"
    )
    response = admin_client.get(url)
    assert b"".join(response.streaming_content) == pdf_bytes("Norway on victim assistance")
    assert client.get(url).status_code == 302  # to the staff login
    change_page = admin_client.get(f"/admin/programme/statement/{statement.pk}/change/")
    assert url in change_page.content.decode()

    # The current file is the new one; deleting the statement deletes both.
    assert b"".join(download(client, statement).streaming_content) == pdf_bytes(
        "Corrected statement"
    )
    storage = statement.file.storage
    names = [statement.file.name, earlier_name]
    with django_capture_on_commit_callbacks(execute=True):
        statement.delete()
    assert not any(storage.exists(name) for name in names)


def test_a_failed_save_leaves_no_file_behind(statement):
    storage = statement.file.storage
    before = set(storage.listdir("statements")[1])
    duplicate = Statement(
        session=statement.session,
        organization=statement.organization,
        language="fr",
        # The same bytes in the same session: the database refuses the row.
        file=ContentFile(pdf_bytes("Norway on victim assistance"), name="again.pdf"),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert set(storage.listdir("statements")[1]) == before


def test_who_replaced_a_file_in_the_admin_is_kept(client, statement_editor, statement):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sessions.models import StatementFileVersion

    client.force_login(statement_editor)
    change = f"/admin/programme/statement/{statement.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = {
        name: value.pk if hasattr(value, "pk") else value
        for name, value in form.initial.items()
        if name != "file" and value is not None
    }
    data["file"] = SimpleUploadedFile("corrected.pdf", pdf_bytes("Corrected"), "application/pdf")
    # The inline of earlier files, as the page sends it.
    data.update({"earlier_files-TOTAL_FORMS": "0", "earlier_files-INITIAL_FORMS": "0"})
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    [version] = StatementFileVersion.objects.filter(statement=statement)
    assert version.replaced_by == statement_editor
