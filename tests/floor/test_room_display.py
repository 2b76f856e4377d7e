"""The room display of a list of speakers and the JSON its script polls: public only when the
organizer says so, in the page's language, and answered in two queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from floor import speakers
from floor.models import Rank
from tests.factories import OrganizationFactory
from va_conference import page_cache

from .conftest import ask

pytestmark = pytest.mark.django_db

PAGE = "/{language}/conferences/14msp/sessions/victim-assistance/speakers/"
DATA = "/{language}/conferences/14msp/sessions/victim-assistance/speakers.json"


@pytest.fixture
def shown(speakers_list, organizations):
    speakers_list.is_displayed_publicly = True
    speakers_list.save()
    for key in ("norway", "laos", "finland", "angola", "hi"):
        ask(speakers_list, organizations[key], speaker=f"Speaker {key}", language="fr")
    laos = speakers_list.requests.get(delegation__organization=organizations["laos"])
    laos.rank = Rank.MINISTER
    laos.save()
    speakers.give_the_floor(speakers_list.requests.get(delegation__organization__name_en="Norway"))
    return speakers_list


def test_the_display_shows_who_has_the_floor_and_who_comes_next(client, shown):
    page = client.get(PAGE.format(language="fr")).content.decode()
    assert "Norvège" in page and "Speaker norway" in page
    assert page.index("Speaker laos") < page.index("Speaker finland") < page.index("Speaker angola")
    assert "Speaker hi" not in page  # the fourth waiting is counted, not named
    assert "aria-live" in page


def test_the_data_says_the_same_in_the_language_asked_for(client, shown):
    data = client.get(DATA.format(language="fr")).json()
    assert data["speaking"] == {
        "delegation": "Norvège",
        "speaker": "Speaker norway",
        "rank": "",
        "language": "Français",
        "speaks_online": False,
        "language_and_place": "Français",
    }
    assert [each["speaker"] for each in data["coming"]] == [
        "Speaker laos",
        "Speaker finland",
        "Speaker angola",
    ]
    assert data["coming"][0]["rank"] == "Ministre"
    assert data["more"] == 1
    assert data["more_text"]


def test_the_speakers_time_runs_out_the_lists_minutes_after_they_got_the_floor(client, shown):
    norway = shown.requests.get(speaker="Speaker norway")
    data = client.get(DATA.format(language="en")).json()
    time_up = norway.given_the_floor_at + datetime.timedelta(minutes=shown.minutes_per_speaker)
    # JSON keeps milliseconds.
    answered = datetime.datetime.fromisoformat(data["time_up_at"])
    assert abs(answered - time_up) < datetime.timedelta(milliseconds=1)
    page = client.get(PAGE.format(language="en")).content.decode()
    assert 'role="timer"' in page and "Time is up at" in page
    speakers.finish(norway, "spoke")
    assert client.get(DATA.format(language="en")).json()["time_up_at"] is None


def test_the_data_is_answered_in_two_queries_and_is_small(client, shown, organizations):
    client.get(DATA.format(language="en"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DATA.format(language="en"))
    assert len(queries) <= 2
    assert len(response.content) < 1024


def test_the_queries_do_not_grow_with_the_speakers(client, shown, conference):
    with CaptureQueriesContext(connection) as few:
        client.get(DATA.format(language="en"))
    for _n in range(20):
        ask(shown, OrganizationFactory())
    with CaptureQueriesContext(connection) as many:
        client.get(PAGE.format(language="en"))
        client.get(DATA.format(language="en"))
    assert len(many) == 2 * len(few)


def test_a_display_not_made_public_is_not_found_but_staff_see_it(client, shown, organizer):
    shown.is_displayed_publicly = False
    shown.save()
    for path in (PAGE, DATA):
        assert client.get(path.format(language="en")).status_code == 404
    client.force_login(organizer)
    for path in (PAGE, DATA):
        assert client.get(path.format(language="en")).status_code == 200


@pytest.mark.parametrize("hidden", ["session", "conference"])
def test_the_display_of_a_hidden_session_or_conference_is_not_found(client, shown, hidden):
    row = shown.session if hidden == "session" else shown.session.conference
    setattr(row, "is_public" if hidden == "session" else "is_published", False)
    row.save()
    for path in (PAGE, DATA):
        assert client.get(path.format(language="en")).status_code == 404


def test_a_session_without_a_list_or_a_made_up_one_is_not_found(client, shown, session):
    assert client.get("/en/conferences/14msp/sessions/other/speakers/").status_code == 404
    assert (
        client.get("/en/conferences/nope/sessions/victim-assistance/speakers.json").status_code
        == 404
    )


def test_only_reading_is_allowed(client, shown):
    assert client.post(DATA.format(language="en")).status_code == 405


@pytest.mark.shared_parts
def test_visitors_are_served_from_the_page_cache_until_the_list_changes(
    transactional_db, client, shown, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()
    first = client.get(DATA.format(language="en")).json()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DATA.format(language="en")).json() == first
    assert len(queries) <= 1  # the cache version, read at most once a second
    speakers.give_the_floor(shown.requests.get(speaker="Speaker laos"))
    assert client.get(DATA.format(language="en")).json()["speaking"]["speaker"] == "Speaker laos"
