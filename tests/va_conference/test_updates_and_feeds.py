"""Organizers' updates, shown safely, and the Atom feeds of what a conference publishes."""

import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from sessions.models import Document, DocumentFile
from tests.factories import (
    ConferenceFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)
from va_conference.models import Update

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def conference():
    conference = ConferenceFactory(slug="3msp", short_name_en="3MSP")
    now = timezone.now()
    Update.objects.create(
        conference=conference,
        title_en="Statements are online",
        title_fr="Les déclarations sont en ligne",
        body_en="Read **them** on the [session page](https://example.org/). "
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
        published_at=now - datetime.timedelta(hours=1),
        is_published=True,
    )
    Update.objects.create(
        conference=conference,
        title_en="Draft update",
        body_en="Not yet.",
        is_published=False,
    )
    Update.objects.create(
        conference=conference,
        title_en="Scheduled update",
        body_en="Tomorrow.",
        published_at=now + datetime.timedelta(days=1),
        is_published=True,
    )
    session = SessionFactory(conference=conference, title_en="Victim assistance")
    StatementFactory(session=session, organization=StateFactory(country="NO", name_en="Norway"))
    StatementFactory(session=session, organization=StateFactory(country="LA"), is_published=False)
    document = Document.objects.create(
        conference=conference,
        title_en="Oslo Progress Report",
        title_fr="Rapport de situation d'Oslo",
        kind="progress_report",
        date=conference.start_date,
        is_published=True,
    )
    DocumentFile.objects.create(
        document=document, language="en", file=ContentFile(pdf_bytes("Report"), name="r.pdf")
    )
    Document.objects.create(
        conference=conference,
        title_en="Draft report",
        kind="final_report",
        date=conference.start_date,
    )
    return conference


def test_updates_are_shown_newest_first_with_their_markdown_made_safe(client, conference):
    page = client.get("/en/conferences/3msp/updates/").content.decode()
    assert "<strong>them</strong>" in page
    assert '<a href="https://example.org/" rel="noopener noreferrer nofollow">' in page
    assert "<script>" not in page and "onerror" not in page
    assert "Draft update" not in page and "Scheduled update" not in page
    overview = client.get("/fr/conferences/3msp/").content.decode()
    assert "Les déclarations sont en ligne" in overview


def test_staff_preview_draft_updates(admin_client, conference):
    assert "Draft update" in admin_client.get("/en/conferences/3msp/updates/").content.decode()


def parse(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    return feed, [entry.find(f"{ATOM}title").text for entry in entries]


def test_the_conference_feed_has_one_entry_per_published_item_in_french(client, conference):
    feed, titles = parse(client.get("/fr/conferences/3msp/updates.atom"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert len(titles) == 3
    assert "Les déclarations sont en ligne" in titles
    assert any(title.startswith("Document\u00a0: Rapport de situation d'Oslo") for title in titles)
    assert any("Norway" in title for title in titles)
    assert not any("Draft" in title or "Scheduled" in title for title in titles)
    content = client.get("/fr/conferences/3msp/updates.atom").content.decode()
    assert "<script>" not in content and "&lt;script&gt;" not in content


def test_the_site_feed_gathers_every_published_conference(client, conference):
    hidden = ConferenceFactory(is_published=False)
    Update.objects.create(conference=hidden, title_en="Hidden", body_en="x", is_published=True)
    _feed, titles = parse(client.get("/en/updates.atom"))
    assert "Statements are online" in titles
    assert "Hidden" not in titles
    assert len(titles) == 3
