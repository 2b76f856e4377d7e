"""programme.ics: a valid iCalendar file with one event per public session, in true time."""

import datetime

import icalendar
import pytest

from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


def events(client, slug):
    response = client.get(f"/en/conferences/{slug}/programme.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def test_one_event_per_public_session_at_the_right_instant_in_any_time_zone(client):
    oslo = ConferenceFactory(
        slug="oslo",
        time_zone="Europe/Oslo",
        venue_en="Oslo Spektrum",
        city_en="Oslo",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
    )
    room = RoomFactory(conference=oslo, name_en="Plenary hall")
    SessionFactory(
        conference=oslo,
        slug="va",
        title_en="Victim assistance",
        room=room,
        date=datetime.date(2012, 9, 12),
        start_time=datetime.time(10),
        end_time=datetime.time(13),
        agenda_item_en="9 (c)",
    )
    SessionFactory(conference=oslo, slug="closed", is_public=False)
    amman = ConferenceFactory(
        slug="amman",
        time_zone="Asia/Amman",
        start_date=datetime.date(2019, 9, 10),
        end_date=datetime.date(2019, 9, 12),
    )
    SessionFactory(
        conference=amman,
        slug="opening",
        date=datetime.date(2019, 9, 10),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11),
    )

    calendar, oslo_events = events(client, "oslo")
    assert len(oslo_events) == 1
    event = oslo_events[0]
    assert str(event["summary"]) == "Victim assistance"
    # 10:00 summer time in Oslo is 08:00 UTC.
    assert event.decoded("dtstart").astimezone(datetime.UTC) == datetime.datetime(
        2012, 9, 12, 8, 0, tzinfo=datetime.UTC
    )
    assert event.decoded("dtend").astimezone(datetime.UTC).hour == 11
    assert event["dtstart"].params["TZID"] == "Europe/Oslo"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert str(event["location"]) == "Plenary hall, Oslo Spektrum, Oslo"
    assert "9 (c)" in str(event["description"])
    assert str(event["url"]).endswith("/en/conferences/oslo/sessions/va/")

    _calendar, amman_events = events(client, "amman")
    # Amman was at UTC+3 in September 2019.
    assert amman_events[0].decoded("dtstart").astimezone(datetime.UTC) == datetime.datetime(
        2019, 9, 10, 6, 30, tzinfo=datetime.UTC
    )


def test_event_uids_stay_the_same_from_one_download_to_the_next(client):
    conference = ConferenceFactory(slug="stable")
    SessionFactory(conference=conference)
    SessionFactory(conference=conference)
    first = [str(event["uid"]) for event in events(client, "stable")[1]]
    second = [str(event["uid"]) for event in events(client, "stable")[1]]
    assert first == second
    assert len(set(first)) == 2
