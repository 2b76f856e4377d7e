"""The public site: conference list, overview, programme by day, session pages, participants."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from registrations.models import Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def oslo():
    conference = ConferenceFactory(
        slug="3msp",
        title_en="Third Meeting of States Parties",
        title_fr="Troisième Assemblée des États parties",
        short_name_en="3MSP",
        city_en="Oslo",
        country="NO",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
        time_zone="Europe/Oslo",
    )
    room = RoomFactory(conference=conference, name_en="Plenary hall", name_fr="Salle plénière")
    SessionFactory(
        conference=conference,
        slug="opening",
        title_en="Opening of the meeting",
        date=datetime.date(2012, 9, 11),
        room=room,
    )
    session = SessionFactory(
        conference=conference,
        slug="victim-assistance",
        title_en="Victim assistance",
        title_fr="Assistance aux victimes",
        description_en="States give updates on their efforts.",
        date=datetime.date(2012, 9, 12),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(13, 0),
        room=room,
        chairs="Ambassador A, Ambassador B",
    )
    StatementFactory(session=session, organization=StateFactory(country="NO", name_en="Norway"))
    StatementFactory(session=session, is_published=False)
    SessionFactory(
        conference=conference, slug="draft", title_en="Closed consultations", is_public=False
    )
    return conference


@pytest.mark.shared_parts
def test_the_list_shows_upcoming_conferences_first_then_the_archive_by_year(client, oslo):
    ConferenceFactory(
        title_en="Future meeting",
        start_date=datetime.date(2099, 5, 1),
        end_date=datetime.date(2099, 5, 2),
    )
    ConferenceFactory(title_en="Unpublished meeting", is_published=False)
    page = client.get(url("conference_list")).content.decode()
    assert page.index("Future meeting") < page.index("Archive") < page.index("Third Meeting")
    assert "2012" in page
    assert "Unpublished meeting" not in page


@pytest.mark.shared_parts
def test_the_overview_gives_dates_place_and_registration_status(client, oslo):
    page = client.get(url("conference_detail", "3msp")).content.decode()
    assert "<h1>Third Meeting of States Parties</h1>" in page
    assert "Oslo" in page and "Norway" in page
    assert "This conference has taken place." in page


@pytest.mark.shared_parts
def test_the_programme_lists_public_sessions_by_day_with_statement_counts(client, oslo):
    page = client.get(url("programme", "3msp")).content.decode()
    assert page.index("Opening of the meeting") < page.index("Victim assistance")
    assert "Tuesday, Sept. 11, 2012" in page and "Wednesday, Sept. 12, 2012" in page
    assert "Closed consultations" not in page
    assert "1 statement<" in page  # the unpublished one is not counted
    assert 'datetime="2012-09-12T10:00:00+02:00"' in page
    assert "Ambassador A, Ambassador B" in page


@pytest.mark.shared_parts
def test_the_programme_in_french_shows_french_titles_and_marks_english_fallbacks(client, oslo):
    page = client.get(url("programme", "3msp", language="fr")).content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Assistance aux victimes" in page
    assert "Salle plénière" in page
    # No French title for the opening: English, marked as such for screen readers.
    assert '<span lang="en">Opening of the meeting</span>' in page
    assert "mercredi" in page


@pytest.mark.shared_parts
def test_arabic_pages_are_right_to_left(client, oslo):
    page = client.get(url("programme", "3msp", language="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "bootstrap.rtl.min.css" in page


@pytest.mark.shared_parts
def test_the_language_switcher_stays_on_the_same_page(client, oslo):
    page = client.get(url("session_detail", "3msp", "victim-assistance")).content.decode()
    for language in ("fr", "es", "ar"):
        assert f'href="/{language}/conferences/3msp/sessions/victim-assistance/"' in page


@pytest.mark.shared_parts
def test_the_session_page_shows_its_published_statements(client, oslo):
    page = client.get(url("session_detail", "3msp", "victim-assistance")).content.decode()
    assert "States give updates on their efforts." in page
    assert "Norway" in page
    assert page.count("<li><span") == 1


@pytest.mark.shared_parts
def test_drafts_are_hidden_from_the_public_and_previewed_by_staff(client, admin_client, oslo):
    draft = url("session_detail", "3msp", "draft")
    assert client.get(draft).status_code == 404
    response = admin_client.get(draft)
    assert response.status_code == 200
    assert "Preview: this page is a draft." in response.content.decode()

    unpublished = ConferenceFactory(slug="draft-conference", is_published=False)
    for name in ("conference_detail", "programme", "participants"):
        assert client.get(url(name, unpublished.slug)).status_code == 404, name
        assert admin_client.get(url(name, unpublished.slug)).status_code == 200, name
    assert client.get(url("programme_ics", unpublished.slug)).status_code == 404


@pytest.mark.shared_parts
def test_participants_are_delegations_of_confirmed_delegates_who_agreed(client, oslo):
    listed = OrganizationFactory(name_en="Humanity & Inclusion")
    RegistrationFactory(
        conference=oslo,
        organization=listed,
        status=Status.CONFIRMED,
        consents_to_public_listing=True,
    )
    for status, consent, verified in (
        (Status.CONFIRMED, False, True),
        (Status.SUBMITTED, True, True),
        # A name a delegate proposed is shown once an organizer has reviewed it.
        (Status.CONFIRMED, True, False),
    ):
        RegistrationFactory(
            conference=oslo,
            organization=OrganizationFactory(name_en=f"Hidden {status}", is_verified=verified),
            status=status,
            consents_to_public_listing=consent,
        )
    page = client.get(url("participants", "3msp")).content.decode()
    assert "Humanity &amp; Inclusion" in page
    assert "Hidden" not in page


@pytest.mark.shared_parts
def test_no_page_lets_a_name_through_unescaped(client, oslo):
    SessionFactory(
        conference=oslo,
        slug="xss",
        title_en="<script>alert(1)</script>",
        chairs="<b>Chair</b> & co",
        agenda_item_en='"Item" <i>5</i>',
        room=RoomFactory(conference=oslo, name_en="<u>Room</u>"),
    )
    for page in (url("programme", "3msp"), url("session_detail", "3msp", "xss")):
        html = client.get(page).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;b&gt;Chair&lt;/b&gt; &amp; co" in html
        assert "&quot;Item&quot; &lt;i&gt;5&lt;/i&gt;" in html
        assert "&lt;u&gt;Room&lt;/u&gt;" in html


@pytest.mark.shared_parts
def test_staff_see_draft_sessions_marked_in_the_programme(admin_client, oslo):
    page = admin_client.get(url("programme", "3msp")).content.decode()
    assert (
        'Closed consultations</span></a> <span class="badge text-bg-warning">Draft</span></h3>'
        in page
    )


def test_a_missing_page_says_so_in_the_visitors_language_and_leads_home(client):
    response = client.get("/fr/conferences/nowhere/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert 'href="/fr/"' in page
