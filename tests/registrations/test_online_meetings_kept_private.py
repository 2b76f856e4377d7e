"""No public page, no kept page, no open data, search, feed or export carries a session's
online meeting: a visitor, and a delegate of another conference, crawl every page they can
reach, with the page cache keeping what it may, and never read the address, the passcode or a
channel."""

import html
import re
from collections import deque

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from registrations.models import Status
from sessions import releases
from sessions.models import InterpretationChannel, OnlineMeeting
from tests.factories import (
    ConferenceFactory,
    RegistrationFactory,
    SessionFactory,
    StatementFactory,
)
from va_conference.models import Participation

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.shared_parts,
    pytest.mark.usefixtures("pages_kept"),
]

SECRETS = ("meet.example.org", "7731-SECRET", "PASS-4417", "CHANNEL-AR-9", "CHANNEL-FR-2")
# Addresses a crawl does not follow: the admin (staff), the static files.
NOT_FOLLOWED = ("/admin/", "/static/", "/metrics")
LINK = re.compile(r"""(?:href|src|action)=["']([^"']+)["']|"(http://testserver/[^"]+)\"""")
MOST_PAGES = 800


@pytest.fixture
def hybrid(organizer):
    conference = ConferenceFactory(slug="hybrid-2030", offers_online=True, online_capacity=50)
    opening = SessionFactory(conference=conference, slug="opening", title_en="Opening")
    StatementFactory(session=opening)
    SessionFactory(conference=conference, slug="closing", title_en="Closing")
    meeting = OnlineMeeting.objects.create(
        session=opening, address="https://meet.example.org/j/7731-SECRET", passcode="PASS-4417"
    )
    InterpretationChannel.objects.create(meeting=meeting, language="ar", channel="CHANNEL-AR-9")
    InterpretationChannel.objects.create(meeting=meeting, language="fr", channel="CHANNEL-FR-2")
    releases.release(conference, "Original", organizer)
    RegistrationFactory(
        conference=conference,
        mode=Participation.ONLINE,
        status=Status.CONFIRMED,
        consents_to_public_listing=True,
    )
    return conference


def links_of(response):
    if response.get("Content-Type", "").split(";")[0] not in (
        "text/html",
        "application/json",
        "application/atom+xml",
        "text/calendar",
    ):
        return []
    found = []
    for href, url in LINK.findall(response.content.decode()):
        address = html.unescape(href or url).replace("http://testserver", "")
        if address.startswith("/") and not address.startswith(NOT_FOLLOWED):
            found.append(address.split("#")[0])
    return found


def crawl(client, start):
    """Every page reachable from `start` by following the site's own links: {path: body}."""
    seen, bodies, waiting = set(start), {}, deque(start)
    while waiting and len(bodies) < MOST_PAGES:
        path = waiting.popleft()
        response = client.get(path, follow=False)
        body = b"".join(response) if response.streaming else response.content
        bodies[path] = body
        for link in links_of(response) if response.status_code == 200 else []:
            if link not in seen:
                seen.add(link)
                waiting.append(link)
    assert len(bodies) < MOST_PAGES, "the crawl did not end"
    return bodies


def public_start(conference):
    return [
        "/",
        "/updates.atom",
        "/api/v1/",
        f"/api/v1/conferences/{conference.slug}/",
        *(f"/api/v1/sessions/{pk}/" for pk in conference.sessions.values_list("pk", flat=True)),
        "/api/v1/sessions/?format=json&page_size=100",
        f"/en/conferences/{conference.slug}/",
        f"/ar/conferences/{conference.slug}/programme/",
        f"/fr/conferences/{conference.slug}/programme.json",
        f"/en/conferences/{conference.slug}/programme.ics",
        f"/en/conferences/{conference.slug}/sessions/opening/speakers/",
        f"/en/conferences/{conference.slug}/sessions/opening/speakers.json",
        "/en/statements/?q=Opening",
        "/en/statements/?q=online",
    ]


def leaks(bodies):
    return {
        path: secret
        for path, body in bodies.items()
        for secret in SECRETS
        if secret.encode() in body
    }


def kept_values():
    """Every value the page caches hold, as kept (pickled)."""
    for alias in ("pages", "page_copies"):
        cache = caches[alias]
        if isinstance(cache, LocMemCache):
            # LocMemCache has no way to list what it holds but its private dict.
            yield from cache._cache.values()
        else:
            client = cache._cache.get_client()
            yield from (client.get(key) for key in client.scan_iter())


def test_a_visitor_reads_no_online_meeting_anywhere(client, hybrid):
    first = crawl(client, public_start(hybrid))
    again = crawl(client, public_start(hybrid))  # now served from the page cache

    assert len(first) > 90
    for reached in ("/sessions/opening/", "/programme/changes.atom", "/participants/"):
        assert f"/en/conferences/{hybrid.slug}{reached}" in first
    opening = hybrid.sessions.get(slug="opening")
    assert b'"title":"Opening"' in first[f"/api/v1/sessions/{opening.pk}/"].replace(b" ", b"")
    assert leaks(first) == {} and leaks(again) == {}
    values = list(kept_values())
    assert values, "the crawl kept no page"
    assert not [value for value in values if any(s.encode() in value for s in SECRETS)]


def test_a_delegate_of_another_conference_reads_no_online_meeting(client, hybrid):
    other = ConferenceFactory(slug="other-2030", offers_online=True)
    SessionFactory(conference=other, slug="opening")
    stranger = RegistrationFactory(
        conference=other, mode=Participation.ONLINE, status=Status.CONFIRMED
    )
    mine = f"/en/registrations/{stranger.token}/"

    bodies = crawl(client, [mine, mine + "agenda/", *public_start(hybrid)])

    assert mine in bodies and mine + "agenda/" in bodies
    assert leaks(bodies) == {}


def test_the_private_page_that_shows_it_is_never_kept(client, hybrid):
    registration = hybrid.registrations.get()
    page = client.get(f"/en/registrations/{registration.token}/")
    assert b"7731-SECRET" in page.content
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    assert not [value for value in kept_values() if b"7731-SECRET" in value]
