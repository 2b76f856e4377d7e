"""The open data's lists come from the page cache, per language, page and conference, with their
ETag, after the throttle; the sessions' list keeps being served while organizers edit, until
the next release."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import AnonRateThrottle

from sessions import releases
from sessions.models import Statement
from tests.factories import ConferenceFactory, SessionFactory, StatementFactory
from va_conference import page_cache

# Committed as the site commits: cached pages follow changes once they are committed.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.shared_parts,
    pytest.mark.usefixtures("pages_kept"),
]


@pytest.fixture
def session():
    conference = ConferenceFactory(
        slug="oslo-2030",
        start_date=datetime.date(2030, 9, 10),
        end_date=datetime.date(2030, 9, 12),
        is_published=True,
    )
    session = SessionFactory(conference=conference, title_en="Opening", title_fr="Ouverture")
    StatementFactory(session=session, is_published=True)
    return session


def listed(client, path, **headers):
    """The list's answer, and whether it came from the page cache (no query but the cache
    version's)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/{path}", **headers)
    assert response.status_code == 200, response.content
    return response, len(captured) <= 1


@pytest.mark.parametrize(
    "path", ["conferences/", "sessions/", "statements/", "documents/", "organizations/"]
)
def test_each_list_is_kept_with_its_etag(client, session, path):
    first, _ = listed(client, path)
    again, from_the_cache = listed(client, path)

    assert from_the_cache
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Language"] == "en"
    assert client.get(f"/api/v1/{path}", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_list_is_kept_per_language_page_and_conference(client, session):
    conference = session.conference
    for path in ["sessions/?lang=fr", f"sessions/?conference={conference.pk}", "sessions/?page=1"]:
        first, _ = listed(client, path)
        again, from_the_cache = listed(client, path)
        assert from_the_cache and again.content == first.content
    assert listed(client, "sessions/?lang=fr")[0].json()["results"][0]["title"] == "Ouverture"
    assert listed(client, "sessions/")[0].json()["results"][0]["title"] == "Opening"


def test_a_list_follows_a_change(client, session):
    listed(client, "statements/")
    statement = Statement.objects.get()
    statement.is_published = False
    statement.save()

    response, from_the_cache = listed(client, "statements/")

    assert response.json()["count"] == 0
    assert not from_the_cache


@pytest.mark.parametrize(
    "query",
    [
        "kind=plenary",
        "page=01",
        "page=1&page=1",
        "lang=de",
        "page_size=5",
        "conference=999999",
        "conference=\u0661",  # an Arabic-Indic digit one
    ],
)
def test_a_list_asked_otherwise_is_answered_for_its_request_only(client, session, query):
    path = f"sessions/?{query}"
    assert client.get(f"/api/v1/{path}").status_code == 200
    assert client.get(f"/api/v1/{path}").status_code == 200

    assert not kept_sessions(query)
    assert not kept_sessions(query.split("&")[0])


def kept_sessions(parameters):
    """Whether the sessions' list is kept under these parameters, in English."""
    changes, _draft_changes = page_cache.read_content_version()
    key = f"page:{changes}:en:/api/v1/sessions/?{parameters}"
    return page_cache.kept_page(key)[1] is not None


def test_the_sessions_list_is_kept_under_its_parameters(client, session):
    listed(client, f"sessions/?conference={session.conference.pk}&lang=en")
    assert kept_sessions(f"conference={session.conference.pk}&lang=en")


def test_the_throttle_holds_for_a_kept_list(client, session, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    answers = [client.get("/api/v1/sessions/").status_code for _request in range(4)]
    assert answers == [200, 200, 200, 429]


def test_the_sessions_list_is_kept_while_organizers_edit_until_the_next_release(
    client, organizer, session
):
    releases.release(session.conference, "Original", organizer)
    kept, _ = listed(client, "sessions/")
    session.title_en = "Opening of the meeting"
    session.save()
    page_cache.forget_content_version()

    response, from_the_cache = listed(client, "sessions/")
    assert (response.content, from_the_cache) == (kept.content, True)

    releases.release(session.conference, "Rev.1", organizer)

    assert listed(client, "sessions/")[0].json()["results"][0]["title"] == "Opening of the meeting"
