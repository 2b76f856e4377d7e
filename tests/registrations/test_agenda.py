"""A delegate's own agenda: marked from the start with the sessions they registered for, marked
and unmarked from the private page, with their delegation's turns; its calendar, read by a real
iCalendar parser, keeps each event's id when a release moves the session; a new address revokes
the old; and nobody reaches another delegate's agenda."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from delegations.models import delegation_of
from floor.models import FloorRequest, SpeakersList
from registrations import agenda as rules
from registrations import personal_data
from registrations.models import Agenda, Registration
from sessions import releases
from tests.factories import ConferenceFactory, RegistrationFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2030, 9, 10)


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        start_date=START, end_date=START + datetime.timedelta(days=1), is_published=True
    )
    hall = RoomFactory(conference=conference, name_en="Hall")
    SessionFactory(conference=conference, slug="opening", title_en="Opening", room=hall)
    SessionFactory(
        conference=conference,
        slug="panel",
        title_en="Survivors' panel",
        room=hall,
        start_time=datetime.time(15),
        end_time=datetime.time(17),
    )
    SessionFactory(conference=conference, slug="closed", title_en="Closed", is_public=False)
    return conference


@pytest.fixture
def delegate(conference):
    registration = RegistrationFactory(conference=conference)
    registration.sessions.set(conference.sessions.filter(slug="opening"))
    return registration


def agenda_url(registration, language="en"):
    with translation.override(language):
        return reverse("registration_agenda", args=[registration.token])


def session(conference, slug):
    return conference.sessions.get(slug=slug)


def test_the_sessions_registered_for_are_marked_from_the_start(client, delegate, conference):
    response = client.get(agenda_url(delegate))
    assert response.status_code == 200
    assert [s.slug for s in response.context["marked"]] == ["opening"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_delegate_marks_and_unmarks_sessions(client, delegate, conference):
    panel = session(conference, "panel")
    response = client.post(agenda_url(delegate), {"session": panel.pk, "mark": "on"})
    assert response.status_code == 302 and response["Location"].endswith(f"#session-{panel.pk}")
    assert set(delegate.agenda.sessions.values_list("slug", flat=True)) == {"opening", "panel"}
    client.post(agenda_url(delegate), {"session": session(conference, "opening").pk})
    assert list(delegate.agenda.sessions.values_list("slug", flat=True)) == ["panel"]
    # The sessions registered for are not changed by the agenda.
    assert list(delegate.sessions.values_list("slug", flat=True)) == ["opening"]


def test_only_a_session_the_public_reads_is_marked(client, delegate, conference):
    elsewhere = SessionFactory(conference=ConferenceFactory(is_published=True))
    for pk in (session(conference, "closed").pk, elsewhere.pk, 10**9, "x"):
        assert client.post(agenda_url(delegate), {"session": pk, "mark": "on"}).status_code == 404
    # Added after the last release: not public yet.
    releases.release(conference, "Rev.1", by=None)
    added = SessionFactory(conference=conference, slug="added")
    assert client.post(agenda_url(delegate), {"session": added.pk, "mark": "on"}).status_code == 404
    assert list(delegate.agenda.sessions.values_list("slug", flat=True)) == ["opening"]


def test_another_token_reaches_no_agenda(client, delegate):
    assert client.get("/en/registrations/not-a-real-token-at-all/agenda/").status_code == 404


def events(client, agenda):
    response = client.get(reverse("agenda_calendar", args=[agenda.calendar_token]))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private, no-store")
    return {
        str(event["uid"]): event
        for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }


def test_the_calendar_follows_a_moved_session_under_the_same_id(client, delegate, conference):
    agenda = rules.agenda_of(delegate)
    releases.release(conference, "Original", by=None)
    [(uid, event)] = events(client, agenda).items()
    assert str(event["summary"]) == "Opening" and event["dtstart"].dt.hour == 10
    conference.sessions.filter(slug="opening").update(start_time=datetime.time(9))
    # Not released yet: the calendar still says 10:00.
    assert events(client, agenda)[uid]["dtstart"].dt.hour == 10
    releases.release(conference, "Rev.1", by=None)
    moved = events(client, agenda)
    assert list(moved) == [uid] and moved[uid]["dtstart"].dt.hour == 9


def test_a_new_address_revokes_the_old(client, delegate):
    agenda = rules.agenda_of(delegate)
    old = reverse("agenda_calendar", args=[agenda.calendar_token])
    assert (
        client.get(
            agenda_url(delegate).replace("/agenda/", "/agenda/calendar-address/")
        ).status_code
        == 405
    )
    client.post(reverse("agenda_new_calendar_address", args=[delegate.token]))
    assert client.get(old).status_code == 404
    agenda.refresh_from_db()
    assert client.get(reverse("agenda_calendar", args=[agenda.calendar_token])).status_code == 200
    page = client.get(agenda_url(delegate)).content.decode()
    assert f"webcal://testserver/en/agendas/{agenda.calendar_token}.ics" in page


def test_the_agenda_shows_the_delegations_turns(client, delegate, conference):
    FloorRequest.objects.create(
        speakers_list=SpeakersList.objects.create(session=session(conference, "panel")),
        delegation=delegation_of(conference, delegate.organization),
        speaker="H.E. Ms Amina Haddad",
    )
    page = client.get(agenda_url(delegate)).content.decode()
    assert "H.E. Ms Amina Haddad" in page and "Waiting" in page


def test_the_agenda_is_personal_data_and_anonymised(client, delegate, conference):
    rules.agenda_of(delegate)
    [exported] = personal_data.everything_about(delegate.delegate)["registrations"]
    assert exported["agenda"] == ["Opening"]
    assert "calendar_token" not in str(exported)
    personal_data.anonymise(Registration.objects.filter(pk=delegate.pk))
    assert not Agenda.objects.exists()
