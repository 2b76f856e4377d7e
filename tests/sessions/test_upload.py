"""Statement editors upload a session's statements several at once; each file stands on its own."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sessions.models import Statement
from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage")]


@pytest.fixture
def session():
    return SessionFactory(slug="victim-assistance")


@pytest.fixture
def editor_client(client, statement_editor):
    client.force_login(statement_editor)
    return client


def upload_url(session, language="en"):
    return f"/{language}/conferences/{session.conference.slug}/sessions/{session.slug}/upload/"


def rows(*files, total=6, **extra):
    """The form as posted: `files` are (file, organization, language, speaker, delivered)."""
    data = {
        "form-TOTAL_FORMS": str(total),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "40",
        **extra,
    }
    for number in range(total):
        data[f"form-{number}-language"] = "en"
    for number, (upload, organization, language, speaker, delivered) in enumerate(files):
        data[f"form-{number}-file"] = upload
        data[f"form-{number}-organization"] = str(organization.pk) if organization else ""
        data[f"form-{number}-language"] = language
        data[f"form-{number}-speaker"] = speaker
        if delivered:
            data[f"form-{number}-delivered"] = "on"
    return data


def pdf(name, text):
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


@pytest.mark.shared_parts
def test_valid_files_are_saved_and_the_others_refused_with_their_reason(
    editor_client, session, statement_editor
):
    norway, jordan = StateFactory(country="NO"), StateFactory(country="JO")
    disguised = SimpleUploadedFile(
        "iraq.pdf", b"<!doctype html><p>not a statement</p>", content_type="application/pdf"
    )
    response = editor_client.post(
        upload_url(session),
        rows(
            (pdf("norway.pdf", "Norway"), norway, "en", "Ambassador", False),
            (pdf("jordan.pdf", "Jordan"), jordan, "ar", "", False),
            (disguised, jordan, "en", "", False),
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 files saved" in page
    assert "1 file refused" in page
    assert "iraq.pdf" in page
    assert "This file is not a PDF, DOCX or ODT document." in page

    statements = Statement.objects.order_by("language")
    assert [(s.organization, s.language, s.is_published) for s in statements] == [
        (jordan, "ar", False),
        (norway, "en", False),
    ]
    assert all(s.uploaded_by == statement_editor for s in statements)
    # The refused file's row is ready again, its delegation chosen.
    assert f'<option value="{jordan.pk}" selected' in page
    # Nothing of the refused file stays on disk.
    storage = statements[0].file.storage
    assert len(storage.listdir("statements")[1]) == 2


@pytest.mark.shared_parts
def test_the_saved_drafts_are_published_at_once(editor_client, session):
    norway = StateFactory(country="NO")
    response = editor_client.post(
        upload_url(session), rows((pdf("norway.pdf", "Norway"), norway, "en", "", False))
    )
    statement = Statement.objects.get()
    assert "Publish the 1 saved statement" in response.content.decode()
    response = editor_client.post(
        upload_url(session), {"publish_saved": "", "saved": [statement.pk]}, follow=True
    )
    assert "1 statement published." in response.content.decode()
    statement.refresh_from_db()
    assert statement.is_published and statement.published_at


@pytest.mark.shared_parts
def test_files_may_be_published_as_they_are_uploaded(editor_client, session):
    response = editor_client.post(
        upload_url(session),
        rows(
            (pdf("norway.pdf", "Norway"), StateFactory(country="NO"), "en", "", False), publish="on"
        ),
    )
    assert response.status_code == 200
    assert Statement.objects.get().is_published


@pytest.mark.shared_parts
def test_a_delegations_files_in_several_languages_make_one_statement(editor_client, session):
    norway = StateFactory(country="NO")
    editor_client.post(
        upload_url(session),
        rows(
            (pdf("no-fr.pdf", "Norvège"), norway, "fr", "", False),
            (pdf("no-en.pdf", "Norway"), norway, "en", "", True),
        ),
    )
    original = Statement.objects.get(original=None)
    assert original.language == "en"
    assert [t.language for t in original.translations.all()] == ["fr"]

    # Later, a Spanish version joins the same statement.
    editor_client.post(
        upload_url(session), rows((pdf("no-es.pdf", "Noruega"), norway, "es", "", False))
    )
    assert sorted(original.translations.values_list("language", flat=True)) == ["es", "fr"]


@pytest.mark.shared_parts
def test_the_same_file_twice_is_refused_naming_it(editor_client, session):
    existing = StatementFactory(session=session)
    again = SimpleUploadedFile("again.pdf", existing.file.read(), content_type="application/pdf")
    response = editor_client.post(
        upload_url(session), rows((again, OrganizationFactory(), "fr", "", False))
    )
    page = response.content.decode()
    assert "again.pdf" in page
    assert "already been uploaded to this session" in page
    assert Statement.objects.count() == 1


def test_a_file_without_its_delegation_is_refused(editor_client, session):
    response = editor_client.post(
        upload_url(session), rows((pdf("who.pdf", "Who"), None, "en", "", False))
    )
    assert "Choose the delegation that delivered it." in response.content.decode()
    assert not Statement.objects.exists()


def test_an_empty_form_says_to_choose_a_file(editor_client, session):
    response = editor_client.post(upload_url(session), rows())
    assert "Choose at least one file to upload." in response.content.decode()


def test_the_page_is_for_statement_editors_only(client, organizer, session):
    assert client.get(upload_url(session)).status_code == 302  # to the login page
    client.force_login(organizer)
    assert client.get(upload_url(session)).status_code == 403


@pytest.mark.shared_parts
def test_an_editor_without_the_publish_permission_saves_drafts_only(
    client, django_user_model, session
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("drafter", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_statement"))
    client.force_login(user)
    client.post(
        upload_url(session),
        rows((pdf("n.pdf", "N"), StateFactory(country="NO"), "en", "", False), publish="on"),
    )
    statement = Statement.objects.get()
    assert not statement.is_published
    response = client.post(upload_url(session), {"publish_saved": "", "saved": [statement.pk]})
    assert response.status_code == 403


def test_the_upload_page_costs_a_fixed_number_of_queries(
    editor_client, session, django_assert_max_num_queries
):
    for _organization in range(5):
        OrganizationFactory()
    with django_assert_max_num_queries(8) as captured:
        editor_client.get(upload_url(session) + "?rows=20")
    few = len(captured)
    for _organization in range(100):
        OrganizationFactory()
    with django_assert_max_num_queries(few):
        editor_client.get(upload_url(session) + "?rows=20")


def test_editors_reach_the_upload_page_from_the_admin(editor_client, session):
    changelist = editor_client.get("/admin/programme/statement/").content.decode()
    assert 'href="/admin/conferences/?tool=upload_statements"' in changelist
    chooser = editor_client.get("/admin/conferences/?tool=upload_statements", follow=True)
    assert chooser.redirect_chain[-1][0] == (
        f"/admin/conferences/{session.conference.slug}/statements/"
    )
    page = chooser.content.decode()
    assert f'href="{upload_url(session)}"' in page
    # A statement editor has no dashboard: the way back is not offered.
    assert f'href="/admin/conferences/{session.conference.slug}/"' not in page
