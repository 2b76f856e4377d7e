"""The organizers' tool of the List of Participants: its symbol and date, its Addenda, downloads
of either edition, and publishing as an official document of the conference."""

import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from delegations.models import Change, ParticipantsList
from sessions.models import Document
from tests.delegations.participants_rows import LIST_DATE, change, meeting, member, others, states
from tests.factories import ConferenceFactory

__all__ = ["meeting", "others", "states"]

pytestmark = pytest.mark.django_db


def tool_url(conference, name="participants_list", *args):
    return reverse(f"organizers:{name}", args=[conference.slug, *args])


def text_of(response):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.fixture
def listed(meeting, states):
    member(meeting, states["NO"], "Halvorsen", role="head")
    member(meeting, states["NO"], "Quiet", consents_to_public_listing=False)
    return meeting


@pytest.fixture
def official(listed):
    return ParticipantsList.objects.create(
        conference=listed, symbol="CCM/MSP/2030/INF.1", date=LIST_DATE
    )


@pytest.fixture
def addendum(official, states):
    change(
        member(official.conference, states["NO"], "Nygaard"),
        Change.ADDED,
        LIST_DATE + datetime.timedelta(2),
    )
    return ParticipantsList.objects.create(
        conference=official.conference,
        kind=ParticipantsList.Kind.ADDENDUM,
        symbol="CCM/MSP/2030/INF.1/Add.1",
        date=LIST_DATE + datetime.timedelta(days=5),
    )


def test_an_organizer_sets_the_lists_symbol_and_date_then_corrects_them(client, organizer, listed):
    client.force_login(organizer)
    response = client.post(
        tool_url(listed, "set_participants_list"),
        {"list-symbol": "CCM/MSP/2030/INF.1", "list-date": "2030-09-01"},
    )
    assert response.status_code == 302
    official = ParticipantsList.objects.get(conference=listed)
    assert (official.symbol, official.date, official.kind) == (
        "CCM/MSP/2030/INF.1",
        LIST_DATE,
        "list",
    )
    client.post(
        tool_url(listed, "set_participants_list"),
        {"list-symbol": "CCM/MSP/2030/INF.1/Rev.1", "list-date": "2030-09-02"},
    )
    assert ParticipantsList.objects.get(conference=listed).symbol == "CCM/MSP/2030/INF.1/Rev.1"
    page = client.get(tool_url(listed))
    assert "CCM/MSP/2030/INF.1/Rev.1" in page.content.decode()


def test_a_symbol_already_taken_is_refused_with_its_reason(client, organizer, listed, official):
    other = ConferenceFactory()
    client.force_login(organizer)
    response = client.post(
        tool_url(other, "set_participants_list"),
        {"list-symbol": "CCM/MSP/2030/INF.1", "list-date": "2030-09-01"},
    )
    assert response.status_code == 200
    assert "A list with this symbol already exists." in response.content.decode()
    assert not ParticipantsList.objects.filter(conference=other).exists()


def test_either_edition_downloads_in_any_language(client, organizer, official):
    client.force_login(organizer)
    public = client.get(tool_url(official.conference), {"language": "fr", "edition": "public"})
    assert public["Content-Type"] == "application/pdf"
    assert "participants-3msp-public-fr.pdf" in public["Content-Disposition"]
    assert "Halvorsen" in text_of(public) and "Quiet" not in text_of(public)
    secretariat = client.get(
        tool_url(official.conference), {"language": "ar", "edition": "secretariat"}
    )
    assert "Quiet" in text_of(secretariat)


def test_an_organizer_creates_an_addendum_and_downloads_it(client, organizer, official, states):
    change(
        member(official.conference, states["NO"], "Nygaard"),
        Change.ADDED,
        LIST_DATE + datetime.timedelta(2),
    )
    client.force_login(organizer)
    response = client.post(
        tool_url(official.conference, "add_addendum"),
        {"addendum-symbol": "CCM/MSP/2030/INF.1/Add.1", "addendum-date": "2030-09-06"},
    )
    assert response.status_code == 302
    addendum = ParticipantsList.objects.get(kind="addendum")
    download = client.get(
        tool_url(official.conference), {"document": addendum.pk, "language": "en"}
    )
    text = text_of(download)
    assert "CCM/MSP/2030/INF.1/Add.1" in text and "Nygaard" in text
    assert "Halvorsen" not in text


def test_an_addendum_dated_on_or_before_the_list_is_refused(client, organizer, official):
    client.force_login(organizer)
    response = client.post(
        tool_url(official.conference, "add_addendum"),
        {"addendum-symbol": "CCM/MSP/2030/INF.1/Add.1", "addendum-date": "2030-09-01"},
    )
    assert response.status_code == 200
    assert "An Addendum lists the changes after the List" in response.content.decode()
    assert not ParticipantsList.objects.filter(kind="addendum").exists()


def test_an_addendum_needs_the_list_first(client, organizer, listed):
    client.force_login(organizer)
    response = client.post(
        tool_url(listed, "add_addendum"),
        {"addendum-symbol": "X/Add.1", "addendum-date": "2030-09-06"},
    )
    assert "symbol and date first" in response.content.decode()
    assert not ParticipantsList.objects.exists()


@pytest.mark.shared_parts
def test_publishing_makes_a_published_document_with_its_symbol_on_the_documents_page(
    client, organizer, official
):
    client.force_login(organizer)
    client.post(tool_url(official.conference, "publish_participants_list", official.pk))
    official.refresh_from_db()
    document = official.document
    assert document.is_published and document.symbol == "CCM/MSP/2030/INF.1"
    assert (document.kind, document.date, document.title_en) == (
        "other",
        LIST_DATE,
        "List of Participants",
    )
    assert sorted(document.files.values_list("language", flat=True)) == ["ar", "en", "es", "fr"]
    client.logout()
    page = client.get(reverse("documents", args=[official.conference.slug])).content.decode()
    assert "List of Participants" in page and "CCM/MSP/2030/INF.1" in page
    english = document.files.get(language="en")
    download = client.get(reverse("document_file", args=[official.conference.slug, english.pk]))
    text = "\n".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages
    )
    # The public edition: who did not agree to be listed is not named.
    assert "Halvorsen" in text and "Quiet" not in text


@pytest.mark.shared_parts
def test_publishing_again_updates_the_same_document(client, organizer, official, states):
    client.force_login(organizer)
    url = tool_url(official.conference, "publish_participants_list", official.pk)
    client.post(url)
    member(official.conference, states["EG"], "Latecomer")
    client.post(url)
    assert Document.objects.count() == 1
    document = Document.objects.get()
    assert document.files.count() == 4
    assert "Latecomer" in document.files.defer(None).get(language="en").text


@pytest.mark.shared_parts
def test_an_addendum_is_published_with_its_own_symbol(client, organizer, addendum):
    client.force_login(organizer)
    client.post(tool_url(addendum.conference, "publish_participants_list", addendum.pk))
    document = Document.objects.get(symbol="CCM/MSP/2030/INF.1/Add.1")
    assert document.title_en == "List of Participants: Addendum"
    assert document.is_published and document.files.count() == 4


def test_a_symbol_held_by_another_document_is_not_published(client, organizer, official):
    Document.objects.create(
        conference=official.conference,
        symbol=official.symbol,
        title_en="Something else",
        kind="other",
        date=LIST_DATE,
    )
    client.force_login(organizer)
    response = client.post(
        tool_url(official.conference, "publish_participants_list", official.pk), follow=True
    )
    assert "already has the symbol" in response.content.decode()
    official.refresh_from_db()
    assert official.document is None


def test_a_list_of_another_conference_is_not_found(client, organizer, official):
    other = ConferenceFactory()
    client.force_login(organizer)
    response = client.post(tool_url(other, "publish_participants_list", official.pk))
    assert response.status_code == 404
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "parameters",
    [
        {"language": "xx"},
        {"language": "en", "edition": "everyone"},
        {"language": "en", "document": "999999"},
        {"language": "en", "document": "list'--"},
    ],
)
def test_bad_parameters_find_nothing(client, organizer, official, parameters):
    client.force_login(organizer)
    assert client.get(tool_url(official.conference), parameters).status_code == 404


def test_another_conferences_addendum_is_not_downloaded(client, organizer, addendum):
    other = ConferenceFactory()
    client.force_login(organizer)
    response = client.get(tool_url(other), {"document": addendum.pk, "language": "en"})
    assert response.status_code == 404


def urls_of(official):
    conference = official.conference
    return [
        ("get", tool_url(conference), {"language": "en", "edition": "secretariat"}),
        (
            "post",
            tool_url(conference, "set_participants_list"),
            {"list-symbol": "Z", "list-date": "2030-09-01"},
        ),
        (
            "post",
            tool_url(conference, "add_addendum"),
            {"addendum-symbol": "Z", "addendum-date": "2030-09-09"},
        ),
        ("post", tool_url(conference, "publish_participants_list", official.pk), {}),
    ]


def assert_nothing_changed(official):
    assert list(ParticipantsList.objects.values_list("symbol", flat=True)) == [official.symbol]
    assert not Document.objects.exists()


def test_a_statement_editor_gets_nothing(client, statement_editor, official):
    client.force_login(statement_editor)
    for method, url, data in urls_of(official):
        assert getattr(client, method)(url, data).status_code == 403, url
    assert_nothing_changed(official)


def test_anonymous_visitors_are_sent_to_sign_in_and_change_nothing(client, official):
    for method, url, data in urls_of(official):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    assert_nothing_changed(official)


def test_staff_who_only_view_the_lists_download_but_neither_set_nor_publish(
    client, django_user_model, official
):
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_participantslist"))
    client.force_login(viewer)
    (download, *changes) = urls_of(official)
    assert client.get(download[1], download[2]).status_code == 200
    assert "Publish" not in client.get(tool_url(official.conference)).content.decode()
    for _method, url, data in changes:
        assert client.post(url, data).status_code == 403, url
    assert_nothing_changed(official)


def test_the_page_takes_the_same_queries_for_few_or_many_addenda(client, organizer, official):
    client.force_login(organizer)
    client.get(tool_url(official.conference))
    with CaptureQueriesContext(connection) as few:
        client.get(tool_url(official.conference))
    for number in range(10):
        ParticipantsList.objects.create(
            conference=official.conference,
            kind="addendum",
            symbol=f"Add.{number}",
            date=LIST_DATE + datetime.timedelta(days=number + 1),
        )
    with CaptureQueriesContext(connection) as many:
        client.get(tool_url(official.conference))
    assert len(many) == len(few)
