"""Drafts are shown to whoever may view them in the admin, by permission, never to any staff
account: statements to who may view statements, documents to who may view documents,
conferences, sessions and updates each to who may view them."""

import datetime

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
from va_conference.models import Update

pytestmark = pytest.mark.django_db

DRAFT = '<span class="badge text-bg-warning">Draft</span>'


@pytest.fixture
def staff_without_permissions(client, django_user_model):
    """A staff account of no group: it may sign in to the admin, and see nothing there."""
    user = django_user_model.objects.create_user(
        username="newcomer", password="not-used", is_staff=True
    )
    client.force_login(user)
    return client


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def conference():
    return ConferenceFactory(
        slug="3msp", start_date=datetime.date(2012, 9, 11), end_date=datetime.date(2012, 9, 14)
    )


@pytest.fixture
def session(conference):
    return SessionFactory(conference=conference, slug="victim-assistance")


@pytest.fixture
def draft_statement(session):
    return StatementFactory(
        session=session,
        organization=StateFactory(country="LA", name_en="Lao People's Democratic Republic"),
        file=ContentFile(pdf_bytes("Clearance of cluster munition remnants"), name="s.pdf"),
        is_published=False,
    )


@pytest.fixture
def draft_document(conference):
    document = Document.objects.create(
        conference=conference,
        title_en="Draft final report",
        kind="final_report",
        date=conference.end_date,
    )
    return DocumentFile.objects.create(
        document=document,
        language="en",
        file=ContentFile(pdf_bytes("Final report on clearance"), name="r.pdf"),
    )


def download(client, statement):
    return client.get(f"/en/conferences/3msp/statements/{statement.pk}/file/")


def download_document(client, document_file):
    return client.get(f"/en/conferences/3msp/documents/files/{document_file.pk}/")


def page(client, path, **parameters):
    response = client.get(path, parameters)
    assert response.status_code == 200
    return response.content.decode()


def statement_pages(client):
    return [
        page(client, "/en/conferences/3msp/sessions/victim-assistance/"),
        page(client, "/en/conferences/3msp/statements/"),
        page(client, "/en/statements/", q="clearance"),
    ]


@pytest.mark.shared_parts
def test_staff_who_may_not_view_statements_get_no_draft(staff_without_permissions, draft_statement):
    assert download(staff_without_permissions, draft_statement).status_code == 404
    for html in statement_pages(staff_without_permissions):
        assert "Lao People" not in html
        assert f"/statements/{draft_statement.pk}/file/" not in html


@pytest.mark.shared_parts
def test_who_may_view_statements_previews_a_draft_marked_as_such(
    signed_in, statement_editor, draft_statement
):
    client = signed_in(statement_editor)
    response = download(client, draft_statement)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    for html in statement_pages(client):
        assert "Lao People" in html
        assert f"/statements/{draft_statement.pk}/file/" in html
        assert DRAFT in html


@pytest.mark.shared_parts
def test_an_earlier_file_is_for_who_may_view_statements_only(
    client, staff_without_permissions, statement_editor, session
):
    statement = StatementFactory(session=session)
    statement.file.save("corrected.pdf", ContentFile(pdf_bytes("Corrected")))
    [version] = statement.earlier_files.all()
    path = f"/en/conferences/3msp/statements/{statement.pk}/earlier/{version.pk}/file/"

    assert staff_without_permissions.get(path).status_code == 404
    client.force_login(statement_editor)
    assert client.get(path).status_code == 200


@pytest.mark.shared_parts
def test_staff_who_may_not_view_documents_get_no_draft(staff_without_permissions, draft_document):
    assert download_document(staff_without_permissions, draft_document).status_code == 404
    for path in ("/en/conferences/3msp/", "/en/conferences/3msp/documents/"):
        assert "Draft final report" not in page(staff_without_permissions, path)
    assert "Draft final report" not in page(staff_without_permissions, "/en/statements/")


@pytest.mark.shared_parts
def test_who_may_view_documents_previews_a_draft_marked_as_such(
    signed_in, organizer, draft_document
):
    client = signed_in(organizer)
    assert download_document(client, draft_document).status_code == 200
    for path in ("/en/conferences/3msp/", "/en/conferences/3msp/documents/"):
        assert "Draft final report" in page(client, path)
    search = page(client, "/en/statements/", q="clearance")
    assert "Draft final report" in search
    assert DRAFT in search


@pytest.mark.shared_parts
def test_a_statement_editor_may_not_preview_documents(signed_in, statement_editor, draft_document):
    assert download_document(signed_in(statement_editor), draft_document).status_code == 404


def test_draft_conferences_sessions_and_updates_are_for_who_may_view_them(
    client, staff_without_permissions, organizer, conference
):
    draft_conference = ConferenceFactory(slug="draft-meeting", is_published=False)
    SessionFactory(conference=conference, slug="closed-door", is_public=False)
    Update.objects.create(conference=conference, title_en="Agenda to come", body="Soon.")
    paths = [
        "/en/conferences/draft-meeting/",
        "/en/conferences/draft-meeting/programme/",
        "/en/conferences/3msp/sessions/closed-door/",
    ]

    for path in paths:
        assert staff_without_permissions.get(path).status_code == 404, path
    assert "Agenda to come" not in page(staff_without_permissions, "/en/conferences/3msp/updates/")

    client.force_login(organizer)
    for path in paths:
        assert client.get(path).status_code == 200, path
    assert "Agenda to come" in page(client, "/en/conferences/3msp/updates/")
    assert draft_conference.title in page(client, "/en/conferences/draft-meeting/")
