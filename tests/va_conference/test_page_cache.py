"""Visitors are served public pages kept in the cache, per language, until anything changes."""

import datetime
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sessions.models import Session, Statement
from tests.factories import SessionFactory, StatementFactory
from va_conference import page_cache

# Committed as the site commits: cached pages follow changes once they are committed.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("pages_kept")]


@pytest.fixture
def session():
    return SessionFactory(title_en="Victim assistance", title_fr="Assistance aux victimes")


def programme(client, session, language="en"):
    response = client.get(f"/{language}/conferences/{session.conference.slug}/programme/")
    assert response.status_code == 200
    return response.content.decode()


def session_page(client, session):
    path = f"/en/conferences/{session.conference.slug}/sessions/{session.slug}/"
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.shared_parts
def test_a_visitor_is_served_the_kept_page_until_anything_changes(client, session):
    first = programme(client, session)
    with CaptureQueriesContext(connection) as captured:
        assert programme(client, session) == first
    assert len(captured) <= 1  # the cache version, read at most once a second

    session.title_en = "Survivors and their families"
    session.save()

    assert "Survivors and their families" in programme(client, session)


@pytest.mark.shared_parts
def test_a_change_undone_leaves_later_changes_counted(client, session):
    programme(client, session)
    with pytest.raises(RuntimeError), transaction.atomic():
        session.title_en = "Never saved"
        session.save()
        raise RuntimeError
    session.title_en = "Saved afterwards"
    session.save()

    page = programme(client, session)
    assert "Saved afterwards" in page
    assert "Never saved" not in page


@pytest.mark.shared_parts
def test_pages_are_kept_per_language(client, session):
    assert "Victim assistance" in programme(client, session, "en")
    assert "Assistance aux victimes" in programme(client, session, "fr")
    assert "Victim assistance" in programme(client, session, "en")


@pytest.mark.shared_parts
def test_a_change_made_by_a_request_counts_even_without_saving_rows(
    client, statement_editor, session
):
    draft = StatementFactory(session=session, is_published=False)
    assert draft.organization.name not in session_page(client, session)

    staff = type(client)()
    staff.force_login(statement_editor)
    # The admin's action publishes with one UPDATE: no row is saved.
    response = staff.post(
        "/admin/programme/statement/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    assert Statement.objects.get(pk=draft.pk).is_published

    assert draft.organization.name in session_page(client, session)


@pytest.mark.shared_parts
def test_organizers_get_pages_of_their_own(client, organizer, session):
    hidden = SessionFactory(conference=session.conference, title_en="Closed door", is_public=False)
    staff = type(client)()
    staff.force_login(organizer)

    assert hidden.title not in programme(client, session)
    assert hidden.title in programme(staff, session)
    assert hidden.title not in programme(client, session)


@pytest.mark.shared_parts
def test_a_page_with_a_message_for_the_visitor_is_rendered_for_them(client, session):
    kept = programme(client, session)
    client.cookies["messages"] = "anything"
    with CaptureQueriesContext(connection) as captured:
        assert programme(client, session) == kept
    assert len(captured) > 1


@pytest.mark.shared_parts
def test_a_change_counted_by_another_process_reaches_visitors_within_a_second(
    client, session, monkeypatch
):
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    programme(client, session)
    # Another process or server: it writes the rows and counts the change in the database, out
    # of this process's sight.
    Session.objects.filter(pk=session.pk).update(title_en="Changed elsewhere")
    page_cache.add_to_count()

    clock[0] += page_cache.CACHE_VERSION_SECONDS / 2
    assert "Changed elsewhere" not in programme(client, session)
    clock[0] += page_cache.CACHE_VERSION_SECONDS / 2
    assert "Changed elsewhere" in programme(client, session)


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "page", ["programme/", "programme.ics", "documents/", "participants/", "states/"]
)
def test_each_kept_page_follows_a_change(client, session, page):
    conference = session.conference
    path = f"/en/conferences/{conference.slug}/{page}"
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    assert len(captured) <= 1

    conference.title_en = "Renamed meeting"
    conference.save()

    assert "Renamed meeting" in client.get(path).content.decode()


def at(monkeypatch, moment):
    """The site's clock shows `moment`."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.mark.shared_parts
def test_the_conference_list_is_kept_for_the_day_only(client, session, monkeypatch):
    conference = session.conference
    last_day = datetime.datetime.combine(
        conference.end_date, datetime.time(23, 59), tzinfo=timezone.get_current_timezone()
    )
    at(monkeypatch, last_day)
    assert "No past conference yet." in client.get("/en/").content.decode()
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/")
    assert len(captured) <= 1

    at(monkeypatch, last_day + datetime.timedelta(minutes=2))

    page = client.get("/en/").content.decode()
    assert "No upcoming conference has been announced yet." in page
    assert conference.title in page


@pytest.mark.shared_parts
def test_the_overview_is_kept_until_registration_opens(client, session, monkeypatch):
    conference = session.conference
    opens = timezone.now() + datetime.timedelta(days=3)
    conference.registration_opens_at = opens
    conference.registration_closes_at = opens + datetime.timedelta(days=10)
    conference.save()
    path = f"/en/conferences/{conference.slug}/"
    at(monkeypatch, opens - datetime.timedelta(minutes=1))
    assert "Register for this conference" not in client.get(path).content.decode()
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    assert len(captured) <= 1

    at(monkeypatch, opens + datetime.timedelta(seconds=1))

    assert "Register for this conference" in client.get(path).content.decode()


@pytest.mark.shared_parts
def test_the_updates_are_kept_until_a_scheduled_one_appears(client, session, monkeypatch):
    from va_conference.models import Update

    conference = session.conference
    appears = timezone.now() + datetime.timedelta(hours=2)
    Update.objects.create(
        conference=conference,
        title="Shuttle times",
        body="At 8:00.",
        published_at=appears,
        is_published=True,
    )
    path = f"/en/conferences/{conference.slug}/updates/"
    at(monkeypatch, appears - datetime.timedelta(seconds=30))
    assert "Shuttle times" not in client.get(path).content.decode()
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    assert len(captured) <= 1

    at(monkeypatch, appears + datetime.timedelta(seconds=1))

    assert "Shuttle times" in client.get(path).content.decode()
    assert "Shuttle times" in client.get(f"/en/conferences/{conference.slug}/").content.decode()


@pytest.mark.shared_parts
def test_an_anonymous_post_to_a_public_page_is_refused_and_changes_nothing(client, session):
    kept = programme(client, session)
    version = page_cache.read_content_version()
    path = f"/en/conferences/{session.conference.slug}/programme/"

    assert client.post(path).status_code == 405

    assert page_cache.read_content_version() == version
    with CaptureQueriesContext(connection) as captured:
        assert programme(client, session) == kept
    assert len(captured) <= 1


@pytest.mark.shared_parts
def test_an_anonymous_form_that_saves_nothing_changes_nothing(client, session):
    programme(client, session)
    version = page_cache.read_content_version()
    path = f"/en/conferences/{session.conference.slug}/register/lost-link/"

    response = client.post(path, {"email": "not an address"})

    assert response.status_code == 200
    assert page_cache.read_content_version() == version


def test_a_row_saved_moves_the_cache_version(session):
    version = page_cache.read_content_version()
    session.title_en = "Survivors and their families"
    session.save()
    assert page_cache.read_content_version() > version
