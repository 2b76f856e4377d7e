"""The programme on another website: its JSON, in the language of its address, readable from
any origin, as the public reads the programme (its last release), within a query budget and from
the page cache; and the desk page that gives the snippet to paste."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sessions import releases
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2030, 9, 10)


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        slug="oslo-2030",
        short_name_en="3MSP",
        start_date=START,
        end_date=START + datetime.timedelta(days=1),
        is_published=True,
    )
    hall = RoomFactory(conference=conference, name_en="Plenary hall", name_fr="Salle plénière")
    SessionFactory(
        conference=conference, slug="opening", title_en="Opening", title_fr="Ouverture", room=hall
    )
    SessionFactory(
        conference=conference,
        slug="closing",
        title_en="Closing",
        date=START + datetime.timedelta(days=1),
    )
    return conference


def json_url(conference, language="en"):
    with translation.override(language):
        return reverse("programme_json", args=[conference.slug])


def test_the_programme_as_json_in_the_language_of_its_address(client, conference):
    response = client.get(json_url(conference, "fr"))
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert (data["language"], data["direction"]) == ("fr", "ltr")
    assert data["words"]["programme"] == "Programme de travail"
    first, _second = data["days"]
    assert first["date"] == "2030-09-10" and first["label"].startswith("mardi")
    [opening] = first["sessions"]
    assert (opening["title"], opening["room"], opening["start"]) == (
        "Ouverture",
        "Salle plénière",
        "10:00",
    )
    assert opening["url"] == "http://testserver/fr/conferences/oslo-2030/sessions/opening/"
    assert client.get(json_url(conference, "ar")).json()["direction"] == "rtl"


def test_the_json_shows_the_last_release(client, conference):
    releases.release(conference, "Rev.1", by=None)
    SessionFactory(conference=conference, slug="added", title_en="Added since")
    data = client.get(json_url(conference)).json()
    assert data["version"]["name"] == "Rev.1" and data["words"]["version"] == "Version Rev.1"
    titles = [s["title"] for day in data["days"] for s in day["sessions"]]
    assert titles == ["Opening", "Closing"]


def test_an_unpublished_conference_has_no_json(client, conference):
    conference.is_published = False
    conference.save()
    assert client.get(json_url(conference)).status_code == 404


def test_the_json_costs_the_same_queries_for_more_sessions(client, conference):
    client.get(json_url(conference))
    with CaptureQueriesContext(connection) as few:
        client.get(json_url(conference))
    for n in range(20):
        SessionFactory(conference=conference, slug=f"more-{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(json_url(conference))
    assert len(few) == len(many)


@pytest.mark.shared_parts
def test_the_json_comes_from_the_page_cache(client, settings, conference):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(json_url(conference))
    # Changed without a commit, so the cache version stays: the page kept is served.
    conference.sessions.filter(slug="opening").update(title_en="Opening, changed")
    with CaptureQueriesContext(connection) as served:
        again = client.get(json_url(conference))
    assert again.content == first.content and again["Access-Control-Allow-Origin"] == "*"
    assert len(served) <= 1


def test_the_desk_gives_the_snippet_in_each_language(
    client, organizer, statement_editor, conference
):
    url = reverse("organizers:programme_widget", args=[conference.slug])
    client.force_login(organizer)
    page = client.get(url).content.decode()
    assert "http://testserver/ar/conferences/oslo-2030/programme.json" in page
    assert "js/programme-widget.js" in page and "&lt;script" in page
    client.logout()
    assert client.get(url).status_code == 302  # to sign in
