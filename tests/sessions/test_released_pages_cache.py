"""Once the programme is released, the page cache keeps serving it while organizers edit
sessions and rooms, the draft of the next release: until that release."""

import datetime

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from floor.models import SpeakersList
from sessions import releases
from sessions.models import Session
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory, StatementFactory
from va_conference import page_cache

# Committed as the site commits: cached pages follow changes once they are committed.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.shared_parts,
    pytest.mark.usefixtures("pages_kept"),
]

START = datetime.date(2030, 9, 10)
RELEASED_PAGES = ["programme/", "programme.ics", "programme.json", "sessions/opening/"]


@pytest.fixture
def session(organizer):
    conference = ConferenceFactory(
        slug="oslo-2030",
        start_date=START,
        end_date=START + datetime.timedelta(days=2),
        is_published=True,
    )
    session = SessionFactory(
        conference=conference,
        slug="opening",
        title_en="Opening",
        room=RoomFactory(conference=conference, name_en="Plenary hall"),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
    )
    releases.release(conference, "Original", organizer)
    return session


def url(session, page):
    return f"/en/conferences/{session.conference.slug}/{page}"


def served_from_the_cache(client, path):
    """The page a visitor is served, and whether it came from the page cache (no query but the
    cache version's)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(captured) <= 1


def save_in_the_admin(client, session, **changes):
    """The organizer's change form for `session`, sent back with `changes`."""
    path = reverse("admin:programme_session_change", args=[session.pk])
    form_page = client.get(path)
    data = {}
    for field in form_page.context["adminform"].form:
        value = changes.get(field.name, field.value())
        if isinstance(field.field.widget, forms.CheckboxInput):
            if value:
                data[field.html_name] = "on"
        elif value is not None:
            data[field.html_name] = value
    for formset in form_page.context["inline_admin_formsets"]:
        data[f"{formset.formset.prefix}-TOTAL_FORMS"] = 0
        data[f"{formset.formset.prefix}-INITIAL_FORMS"] = 0
    response = client.post(path, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.mark.parametrize("page", RELEASED_PAGES)
def test_the_released_programme_is_served_from_the_cache_while_organizers_edit(
    client, organizer, session, page
):
    staff = type(client)()
    staff.force_login(organizer)
    path = url(session, page)
    kept, _ = served_from_the_cache(client, path)

    save_in_the_admin(staff, session, start_time="11:00", end_time="12:30")
    room = session.room
    room.name_en = "Annex"
    room.save()
    page_cache.forget_content_version()  # as another process would read it, a second later

    assert served_from_the_cache(client, path) == (kept, True)
    assert Session.objects.get(pk=session.pk).start_time == datetime.time(11, 0)


@pytest.mark.parametrize("page", RELEASED_PAGES)
def test_the_next_release_reaches_visitors_at_once(client, organizer, session, page):
    path = url(session, page)
    served_from_the_cache(client, path)
    session.title_en = "Opening of the meeting"
    session.save()

    releases.release(session.conference, "Rev.1", organizer)

    page, from_the_cache = served_from_the_cache(client, path)
    assert "Opening of the meeting" in page
    assert not from_the_cache


def test_a_page_showing_sessions_as_they_are_follows_each_edit(client, session):
    # The room display shows the session on the floor as it is, not as released.
    SpeakersList.objects.create(session=session, is_displayed_publicly=True)
    path = url(session, "sessions/opening/speakers/")
    assert "Opening" in client.get(path).content.decode()

    session.title_en = "Opening of the meeting"
    session.save()

    assert "Opening of the meeting" in client.get(path).content.decode()


def test_a_programme_never_released_follows_each_edit(client, organizer):
    session = SessionFactory(title_en="Opening", conference__is_published=True)
    staff = type(client)()
    staff.force_login(organizer)
    path = url(session, "programme/")
    served_from_the_cache(client, path)

    save_in_the_admin(staff, session, title_en="Opening of the meeting")

    page, from_the_cache = served_from_the_cache(client, path)
    assert "Opening of the meeting" in page
    assert not from_the_cache


def test_an_edit_to_a_draft_counts_in_the_draft_version_only(session):
    changes, draft_changes = page_cache.read_content_version()

    session.title_en = "Opening of the meeting"
    session.save()
    session.room.delete()

    assert page_cache.read_content_version()[0] == changes
    assert page_cache.read_content_version()[1] > draft_changes


def test_a_statement_of_a_released_session_reaches_its_page(client, session):
    path = url(session, "sessions/opening/")
    served_from_the_cache(client, path)

    statement = StatementFactory(session=session, is_published=True)

    assert statement.organization.name in client.get(path).content.decode()
