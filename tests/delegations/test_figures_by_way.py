"""Where a conference offers both ways of taking part, the public delegations page and the
organizers' figures count delegations and delegates by way: ICAO's table of States registered
in person, online, and both."""

import re

import pytest

from registrations.models import Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)
from va_conference.models import Participation

pytestmark = pytest.mark.django_db

IN_PERSON, ONLINE = Participation.IN_PERSON, Participation.ONLINE


def member(conference, organization, mode, status=Status.CONFIRMED):
    return RegistrationFactory(
        conference=conference, organization=organization, mode=mode, status=status
    )


@pytest.fixture
def hybrid(db):
    """Norway in the room only, Lao PDR online only, Chile both ways; an NGO online; a State
    whose only member online cancelled."""
    conference = ConferenceFactory(slug="hybrid", offers_online=True)
    norway = StateFactory(name_en="Norway", country="NO")
    member(conference, norway, IN_PERSON)
    member(conference, norway, IN_PERSON, Status.SUBMITTED)
    member(conference, StateFactory(name_en="Lao PDR", country="LA"), ONLINE)
    chile = StateFactory(name_en="Chile", country="CL")
    member(conference, chile, IN_PERSON)
    member(conference, chile, ONLINE)
    member(conference, chile, ONLINE, Status.WAITLISTED)
    member(conference, OrganizationFactory(name_en="Survivor Network"), ONLINE)
    member(conference, StateFactory(name_en="Peru", country="PE"), ONLINE, Status.CANCELLED)
    return conference


def cells(html, row_heading):
    row = re.search(rf">{row_heading}(?:</a>)?</th>\s*(.*?)</tr>", html, re.S)
    return re.findall(r">(\d+)</td>", row.group(1))


def public_page(client, conference, language="en"):
    response = client.get(f"/{language}/conferences/{conference.slug}/delegations/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_public_page_counts_delegates_and_delegations_by_way(client, hybrid):
    html = public_page(client, hybrid)
    first, ways = html.split('id="delegations-by-way"')

    # Delegations, participants, of whom in person, of whom online.
    assert re.findall(r">(\d+)</td>", first.split("Total</th>")[1].split("</tr>")[0]) == [
        "4",
        "7",
        "3",
        "4",
    ]
    # States: in person only (Norway), online only (Lao PDR), both (Chile).
    assert cells(ways, "States") == ["1", "1", "1"]
    assert re.findall(r">(\d+)</td>", ways.split("Total</th>")[1].split("</tr>")[0]) == [
        "1",
        "2",
        "1",
    ]
    assert "3 participants (1 in person, 2 online)" in html


def test_the_public_page_in_arabic_names_the_ways(client, hybrid):
    html = public_page(client, hybrid, "ar")
    assert "عبر الإنترنت فقط" in html


def test_a_conference_of_one_way_shows_no_ways(client, hybrid):
    hybrid.offers_online = False
    hybrid.save()
    html = public_page(client, hybrid)
    assert "delegations-by-way" not in html and "of whom online" not in html


def test_the_organizers_figures_count_by_way(client, organizer, hybrid):
    client.force_login(organizer)
    html = client.get(f"/admin/conferences/{hybrid.slug}/figures/").content.decode()
    assert "By way of taking part" in html
    assert "Delegations by way of taking part" in html
    download = client.get(
        f"/admin/conferences/{hybrid.slug}/figures/", {"csv": "delegation_mode"}
    ).content.decode()
    assert "In person only,1" in download
    assert "Online only,2" in download
    assert "Both in person and online,1" in download
