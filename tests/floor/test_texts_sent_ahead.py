"""Texts sent ahead are for the interpreters until delivered: they read and download them, by
session and language, for the speakers still to come; no page, download, search, feed or API
answer gives them to anyone else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from floor import speakers
from floor.models import FloorRequest, Turn
from sessions.models import Statement
from tests.conftest import staff_member
from tests.factories import pdf_bytes

from .conftest import ask

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]

SECRET = "Confidential until delivered"
BASE = "/admin/conferences/14msp/interpreters/"


@pytest.fixture
def interpreter(django_user_model):
    return staff_member(django_user_model, "interpreter", "Interpreters")


@pytest.fixture
def sent_ahead(speakers_list, organizations):
    """Norway speaks in French with a text, Laos in English without."""
    speakers_list.is_displayed_publicly = True
    speakers_list.save()
    text = Statement(
        session=speakers_list.session,
        organization=organizations["norway"],
        language="fr",
        file=SimpleUploadedFile("norway.pdf", pdf_bytes(SECRET)),
        sent_ahead=True,
    )
    text.check_file()
    text.save()
    norway = ask(speakers_list, organizations["norway"], language="fr", statement=text)
    ask(speakers_list, organizations["laos"], language="en")
    return norway


def download_url(request):
    return f"{BASE}texts/{request.pk}/"


def test_an_interpreter_finds_and_downloads_the_text_before_it_is_delivered(
    client, interpreter, sent_ahead
):
    client.force_login(interpreter)
    index = client.get("/admin/").content.decode()
    assert "Texts for the interpreters" in index
    sessions = client.get(BASE).content.decode()
    assert "Victim assistance" in sessions and "French: 1 text" in sessions
    texts = client.get(BASE + "victim-assistance/fr/").content.decode()
    assert "Norway" in texts and download_url(sent_ahead) in texts
    response = client.get(download_url(sent_ahead))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    # Nothing in English was sent.
    assert "Norway" not in client.get(BASE + "victim-assistance/en/").content.decode()


def test_once_delivered_the_text_leaves_the_interpreters_pages(client, interpreter, sent_ahead):
    client.force_login(interpreter)
    speakers.give_the_floor(sent_ahead)
    assert client.get(download_url(sent_ahead)).status_code == 200  # still speaking
    speakers.finish(sent_ahead, Turn.SPOKE)
    assert client.get(download_url(sent_ahead)).status_code == 404
    assert "Norway" not in client.get(BASE + "victim-assistance/fr/").content.decode()


def test_an_interpreter_may_do_nothing_else(client, interpreter, sent_ahead):
    client.force_login(interpreter)
    for url in (
        "/admin/conferences/14msp/",
        "/admin/conferences/14msp/speakers/victim-assistance/",
        "/admin/programme/statement/",
        "/admin/registrations/registration/",
    ):
        assert client.get(url).status_code == 403, url
    response = client.post(
        f"/admin/conferences/14msp/speakers/victim-assistance/{sent_ahead.pk}/turn/",
        {"turn": "spoke"},
    )
    assert response.status_code == 403
    assert FloorRequest.objects.get(pk=sent_ahead.pk).turn == Turn.WAITING


@pytest.mark.parametrize(
    "url",
    [
        BASE,
        BASE + "victim-assistance/fr/",
        BASE + "victim-assistance/xx/",
        BASE + "nope/fr/",
        BASE + "texts/999999/",
    ],
)
def test_bad_addresses_find_nothing(client, interpreter, sent_ahead, url):
    client.force_login(interpreter)
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert SECRET.encode() not in response.content


def test_a_visitor_reads_the_text_nowhere(client, sent_ahead, settings):
    statement = sent_ahead.statement
    pages = [
        "/en/conferences/14msp/sessions/victim-assistance/",
        "/en/conferences/14msp/sessions/victim-assistance/speakers/",
        "/en/conferences/14msp/sessions/victim-assistance/speakers.json",
        "/en/conferences/14msp/statements/",
        f"/en/statements/?q={SECRET}",
        "/en/updates.atom",
        "/en/conferences/14msp/updates.atom",
        "/api/v1/statements/",
        f"/api/v1/statements/?q={SECRET}",
    ]
    for url in pages:
        response = client.get(url)
        # A search shows its words again: there, the delegation must not be found.
        found = b"Norway" if "?q=" in url else SECRET.encode()
        assert found not in response.content, url
        assert f"/statements/{statement.pk}/file/".encode() not in response.content, url
    for url in (
        f"/en/conferences/14msp/statements/{statement.pk}/file/",
        f"/api/v1/statements/{statement.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    login = client.get(download_url(sent_ahead))
    assert login.status_code == 302 and "/admin/login/" in login["Location"]


def test_a_statement_editor_sees_the_text_only_once_delivered(client, statement_editor, sent_ahead):
    client.force_login(statement_editor)
    statement = sent_ahead.statement
    file_url = f"/en/conferences/14msp/statements/{statement.pk}/file/"
    places = [
        "/en/conferences/14msp/sessions/victim-assistance/",
        "/en/conferences/14msp/statements/",
        "/admin/programme/statement/",
        "/admin/conferences/14msp/",
    ]
    assert client.get(file_url).status_code == 404
    assert client.get(f"/admin/programme/statement/{statement.pk}/change/").status_code == 302
    for url in places:
        assert file_url.encode() not in client.get(url).content, url
    assert b"Norway" not in client.get("/en/statements/", {"q": SECRET}).content
    speakers.finish(sent_ahead, Turn.SPOKE)
    assert client.get(file_url).status_code == 200
    assert b"Norway" in client.get("/en/statements/", {"q": SECRET}).content


def test_staff_without_the_permission_cannot_download_it(client, django_user_model, sent_ahead):
    checker = staff_member(django_user_model, "checker", "Statement editors")
    client.force_login(checker)
    assert client.get(download_url(sent_ahead)).status_code == 403
    assert client.get(BASE).status_code == 403


def test_the_interpreters_pages_cost_the_same_for_few_or_many_texts(
    client, interpreter, sent_ahead, speakers_list, organizations
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import OrganizationFactory

    client.force_login(interpreter)
    client.get(BASE)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(BASE)
            client.get(BASE + "victim-assistance/fr/")
        return len(captured)

    few = queries()
    for number in range(8):
        text = Statement(
            session=speakers_list.session,
            organization=OrganizationFactory(),
            language="fr",
            file=SimpleUploadedFile(f"{number}.pdf", pdf_bytes(f"Text {number}")),
        )
        text.check_file()
        text.save()
        ask(speakers_list, text.organization, language="fr", statement=text)
    assert queries() == few
