"""Released versions of the programme: the public reads the last release while organizers edit;
the changes since it, in each language; the warnings before releasing; the public changelog and
its feed; and a programme never released shows its sessions as they are."""

import datetime
import xml.etree.ElementTree as ElementTree

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sessions import releases
from sessions.models import ProgrammeRelease
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2030, 9, 10)


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        slug="oslo-2030",
        start_date=START,
        end_date=START + datetime.timedelta(days=2),
        is_published=True,
    )
    plenary = RoomFactory(conference=conference, name_en="Plenary hall", name_fr="Salle plénière")
    annex = RoomFactory(conference=conference, name_en="Annex", name_fr="Annexe")
    SessionFactory(
        conference=conference,
        slug="opening",
        title_en="Opening",
        title_fr="Ouverture",
        room=plenary,
    )
    SessionFactory(
        conference=conference,
        slug="survivors",
        title_en="Survivors' voices",
        title_fr="La voix des survivants",
        start_time=datetime.time(15, 0),
        end_time=datetime.time(17, 0),
        room=annex,
    )
    return conference


def programme_url(conference, language="en"):
    with translation.override(language):
        return reverse("programme", args=[conference.slug])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def move(conference, slug, **fields):
    conference.sessions.filter(slug=slug).update(**fields)


def test_a_programme_never_released_shows_its_sessions_as_they_are(client, conference):
    move(conference, "opening", title_en="Opening of the meeting")
    assert "Opening of the meeting" in page(client, programme_url(conference))
    assert "version" not in page(client, programme_url(conference))


def test_the_public_reads_the_last_release_while_organizers_edit(client, conference):
    releases.release(conference, "Rev.1", by=None)
    move(conference, "opening", title_en="Opening of the meeting", start_time=datetime.time(9))
    SessionFactory(conference=conference, slug="added", title_en="A new panel")
    shown = page(client, programme_url(conference))
    assert "Opening" in shown and "Opening of the meeting" not in shown
    assert "A new panel" not in shown
    assert "This is version Rev.1 of the programme" in shown
    detail = reverse("session_detail", args=[conference.slug, "opening"])
    assert "Opening of the meeting" not in page(client, detail)
    # A session not released yet has no public page.
    assert client.get(reverse("session_detail", args=[conference.slug, "added"])).status_code == 404
    calendar = icalendar.Calendar.from_ical(
        client.get(reverse("programme_ics", args=[conference.slug])).content
    )
    summaries = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert summaries == ["Opening", "Survivors' voices"]
    # Released again, the public reads the new version.
    releases.release(conference, "Rev.2", by=None)
    shown = page(client, programme_url(conference))
    assert "Opening of the meeting" in shown and "A new panel" in shown


def test_who_may_view_sessions_previews_a_session_not_released(client, conference, organizer):
    releases.release(conference, "Rev.1", by=None)
    SessionFactory(conference=conference, slug="added", title_en="A new panel")
    client.force_login(organizer)
    assert "A new panel" in page(client, reverse("session_detail", args=[conference.slug, "added"]))


def kinds(changes):
    return [(change.kind, change.session.slug) for change in changes]


def test_each_kind_of_change_is_found(conference):
    releases.release(conference, "Rev.1", by=None)
    annex = conference.rooms.get(name_en="Annex")
    move(conference, "opening", start_time=datetime.time(9), room=annex)
    move(conference, "survivors", title_fr="Les voix des survivants")
    SessionFactory(conference=conference, slug="added", title_en="A new panel", room=annex)
    SessionFactory(conference=conference, slug="hidden", is_public=False)
    assert kinds(releases.pending(conference)) == [
        ("moved", "opening"),
        ("room", "opening"),
        ("added", "added"),
        ("retitled", "survivors"),
    ]
    releases.release(conference, "Rev.2", by=None)
    conference.sessions.filter(slug="added").delete()
    assert kinds(releases.pending(conference)) == [("removed", "added")]


def test_the_changelog_says_what_changed_in_each_language(client, conference):
    releases.release(conference, "Rev.1", by=None, note_en="First.", note_fr="Première.")
    move(conference, "opening", start_time=datetime.time(9), end_time=datetime.time(12))
    move(conference, "survivors", room=conference.rooms.get(name_en="Plenary hall"))
    releases.release(conference, "Rev.2", by=None, note_en="Opening earlier.")
    english = page(client, reverse("programme_changes", args=[conference.slug]))
    assert "Rev.2" in english and "Opening earlier." in english
    assert "Moved in time" in english and "“Opening”, from" in english
    assert "Moved to another room" in english and "from Annex to Plenary hall" in english
    assert "The programme as first released." in english
    with translation.override("fr"):
        url = reverse("programme_changes", args=[conference.slug])
    french = page(client, url)
    assert "Déplacée dans le temps" in french and "«\u00a0Ouverture\u00a0»" in french
    assert "Déplacée dans une autre salle" in french and "de Annexe à Salle plénière" in french


def test_the_changelog_feed_has_an_entry_per_release(client, conference):
    releases.release(conference, "Rev.1", by=None)
    move(conference, "opening", title_en="Opening of the meeting")
    releases.release(conference, "Rev.2", by=None)
    response = client.get(reverse("programme_changes_feed", args=[conference.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ElementTree.fromstring(response.content).findall(f"{atom}entry")
    assert [entry.find(f"{atom}title").text for entry in entries] == ["Rev.2", "Rev.1"]
    assert "Opening of the meeting" in entries[0].find(f"{atom}summary").text


def test_the_warnings_name_a_room_used_twice_and_a_session_without_a_room(conference):
    plenary = conference.rooms.get(name_en="Plenary hall")
    SessionFactory(
        conference=conference,
        slug="clash",
        title_en="Clash",
        room=plenary,
        start_time=datetime.time(12),
        end_time=datetime.time(14),
    )
    SessionFactory(conference=conference, slug="roomless", title_en="Roomless")
    SessionFactory(
        conference=conference,
        slug="next-day",
        title_en="Next day",
        room=plenary,
        date=START + datetime.timedelta(days=1),
    )
    found = {
        str(warning.message): sorted(session.slug for session in warning.sessions)
        for warning in releases.warnings(conference)
    }
    assert found == {
        "Plenary hall is used by two sessions at once.": ["clash", "opening"],
        "Without a room.": ["roomless"],
    }


def release_url(conference):
    return reverse("organizers:programme_release", args=[conference.slug])


def test_the_organizer_releases_from_the_desk(client, organizer, statement_editor, conference):
    client.force_login(statement_editor)
    assert client.get(release_url(conference)).status_code == 403
    assert client.post(release_url(conference), {"name": "Rev.1"}).status_code == 403
    client.force_login(organizer)
    shown = page(client, release_url(conference))
    assert 'value="Rev.1"' in shown and "The sessions to release" in shown
    response = client.post(release_url(conference), {"name": "Rev.1", "note_en": "First."})
    assert response.status_code == 302
    release = ProgrammeRelease.objects.get()
    assert (release.name, release.note_en, release.released_by) == ("Rev.1", "First.", organizer)
    # Nothing changed: nothing to release; the same name twice: refused, what was typed kept.
    response = client.post(release_url(conference), {"name": "Rev.2"})
    assert "Nothing changed since the last release." in response.content.decode()
    move(conference, "opening", start_time=datetime.time(9))
    response = client.post(release_url(conference), {"name": "Rev.1", "note_en": "Again."})
    assert "already has a release of that name" in response.content.decode()
    assert "Again." in response.content.decode()
    assert ProgrammeRelease.objects.count() == 1
    shown = page(client, release_url(conference))
    assert "Moved in time" in shown and 'value="Rev.2"' in shown


def test_the_released_programme_costs_the_same_queries_for_more_sessions(client, conference):
    releases.release(conference, "Rev.1", by=None)
    client.get(programme_url(conference))
    with CaptureQueriesContext(connection) as few:
        client.get(programme_url(conference))
    for n in range(20):
        SessionFactory(conference=conference, slug=f"more-{n}")
    releases.release(conference, "Rev.2", by=None)
    with CaptureQueriesContext(connection) as many:
        response = client.get(programme_url(conference))
    assert response.content.decode().count("<li>") >= 22
    assert len(few) == len(many)


@pytest.mark.shared_parts  # the API's throttle counts in the cache
def test_the_api_gives_the_sessions_as_last_released(client, conference):
    releases.release(conference, "Rev.1", by=None)
    move(conference, "opening", title_en="Opening of the meeting", date=START.replace(day=11))
    added = SessionFactory(conference=conference, slug="added", title_en="A new panel")
    other = ConferenceFactory(is_published=True)
    SessionFactory(conference=other, slug="live", title_en="Live session")  # never released
    listed = client.get("/api/v1/sessions/").json()["results"]
    assert sorted(session["title"] for session in listed) == [
        "Live session",
        "Opening",
        "Survivors' voices",
    ]
    opening = next(session for session in listed if session["slug"] == "opening")
    assert opening["date"] == START.isoformat() and opening["room"] == "Plenary hall"
    # The filters read the released dates.
    later = client.get("/api/v1/sessions/", {"date_from": "2030-09-11"}).json()["results"]
    assert later == []
    mine = client.get("/api/v1/sessions/", {"conference": conference.pk}).json()["results"]
    assert len(mine) == 2
    assert client.get(f"/api/v1/sessions/{added.pk}/").status_code == 404
    assert client.get(f"/api/v1/sessions/{opening['id']}/").json()["title"] == "Opening"
    assert client.get("/api/v1/sessions/", {"date_from": "nonsense"}).status_code == 400
