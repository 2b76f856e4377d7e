"""The public page of delegations registered: by category in the order of the meeting reports,
with counts, people named only with their consent; cached for visitors; a fixed number of
queries (tests/browser/test_public_delegations.py reads it in a browser)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from delegations.categories import Category
from registrations.models import Endorsement, Role, Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)
from va_conference import page_cache
from va_conference.models import TreatyStatus


def make_oslo(**fields):
    return ConferenceFactory(
        slug="3msp-oslo",
        title_en="Third Meeting of States Parties",
        title_fr="Troisième Assemblée des États parties",
        short_name_en="3MSP",
        convention="ccm",
        **fields,
    )


def member(conference, organization, **fields):
    fields = {"status": Status.CONFIRMED, **fields}
    return RegistrationFactory(conference=conference, organization=organization, **fields)


def make_delegations(conference):
    """A State Party, a signatory, an observer State, an NGO and a UN agency, each with one
    confirmed member who agreed to be listed."""
    states = {
        "Norway": StateFactory(country="NO", name_en="Norway", ccm_status=TreatyStatus.PARTY),
        "Lao PDR": StateFactory(country="LA", name_en="Lao PDR", ccm_status=TreatyStatus.PARTY),
        "Indonesia": StateFactory(
            country="ID", name_en="Indonesia", ccm_status=TreatyStatus.SIGNATORY
        ),
        "Finland": StateFactory(country="FI", name_en="Finland", ccm_status=TreatyStatus.NOT_PARTY),
    }
    others = {
        "Handicap International": OrganizationFactory(name_en="Handicap International"),
        "UNDP": OrganizationFactory(name_en="UNDP", kind="un"),
    }
    organizations = {**states, **others}
    for name, organization in organizations.items():
        member(
            conference,
            organization,
            given_name="Listed",
            family_name=f"of {name}",
            consents_to_public_listing=True,
        )
    return organizations


def page(client, conference, language="en", **query):
    response = client.get(f"/{language}/conferences/{conference.slug}/delegations/", query)
    assert response.status_code == 200
    return response.content.decode()


def headings(html):
    return re.findall(r'<h2 class="h4 mt-4" id="category-([a-z_]+)">', html)


@pytest.fixture
def oslo(db):
    return make_oslo()


def test_delegations_come_by_category_in_the_order_of_the_meeting_reports(client, oslo):
    make_delegations(oslo)
    html = page(client, oslo)
    assert headings(html) == [
        Category.STATE_PARTY,
        Category.SIGNATORY,
        Category.OBSERVER_STATE,
        Category.UN,
        Category.NGO,
    ]
    # States Parties alphabetically.
    assert html.index("Lao PDR") < html.index("Norway")


def test_counts_are_given_per_category_and_overall(client, oslo):
    organizations = make_delegations(oslo)
    member(oslo, organizations["Norway"])
    member(oslo, organizations["Norway"], status=Status.SUBMITTED)
    html = page(client, oslo)
    row = re.search(r"#category-state_party\">States Parties</a></th>\s*(.*?)</tr>", html, re.S)
    assert re.findall(r">(\d+)</td>", row.group(1)) == ["2", "4"]
    total = re.search(r"Total</th>\s*(.*?)</tr>", html, re.S)
    assert re.findall(r">(\d+)</td>", total.group(1)) == ["6", "8"]


def test_people_are_named_only_if_they_agreed_to_be_listed(client, oslo):
    norway = StateFactory(country="NO", name_en="Norway", ccm_status=TreatyStatus.PARTY)
    member(
        oslo,
        norway,
        honorific="he",
        given_name="Steffen",
        family_name="Kongstad",
        role=Role.HEAD,
        consents_to_public_listing=True,
    )
    member(oslo, norway, given_name="Private", family_name="Person")
    member(
        oslo,
        norway,
        given_name="Not yet",
        family_name="Confirmed",
        status=Status.SUBMITTED,
        consents_to_public_listing=True,
    )
    member(
        oslo,
        norway,
        family_name="Anonymised",
        consents_to_public_listing=True,
        anonymised_at=timezone.now(),
    )
    html = page(client, oslo)
    assert "H.E. <bdi>Steffen Kongstad</bdi>, Head of delegation" in html
    assert "Private" not in html
    assert "Person" not in html
    assert "Not yet" not in html
    assert "Anonymised" not in html
    assert "4 participants" in html


def test_an_organization_appears_even_when_nobody_agreed_to_be_named(client, oslo):
    member(oslo, OrganizationFactory(name_en="Survivor Network of Laos", kind="survivors"))
    html = page(client, oslo)
    assert "Survivor Network of Laos" in html
    assert "Amina" not in html


def test_the_head_of_delegation_is_named_first(client, oslo):
    norway = StateFactory(country="NO", name_en="Norway", ccm_status=TreatyStatus.PARTY)
    for role, family_name in [(Role.ADVISER, "Aalto"), (Role.HEAD, "Zorn")]:
        member(oslo, norway, family_name=family_name, role=role, consents_to_public_listing=True)
    html = page(client, oslo)
    assert html.index("Zorn") < html.index("Aalto")


def test_delegations_without_a_member_taking_part_are_not_registered(client, oslo):
    member(oslo, OrganizationFactory(name_en="Cancelled NGO"), status=Status.CANCELLED)
    member(oslo, OrganizationFactory(name_en="Declined NGO"), status=Status.DECLINED)
    member(
        oslo,
        StateFactory(country="FR", name_en="France"),
        status=Status.SUBMITTED,
        endorsement=Endorsement.WAITING,
    )
    member(oslo, OrganizationFactory(name_en="Proposed NGO", is_verified=False))
    member(oslo, OrganizationFactory(name_en="Waiting NGO"), status=Status.WAITLISTED)
    html = page(client, oslo)
    for name in ["Cancelled NGO", "Declined NGO", "France", "Proposed NGO"]:
        assert name not in html
    assert "Waiting NGO" in html
    assert headings(html) == [Category.NGO]


def test_names_are_in_the_page_language_and_sorted_in_it(client, oslo):
    for country, english, french in [
        ("EG", "Egypt", "Égypte"),
        ("DE", "Germany", "Allemagne"),
        ("FR", "France", "France"),
    ]:
        member(oslo, StateFactory(country=country, name_en=english, name_fr=french))
    html = page(client, oslo, "fr")
    assert html.index("Allemagne") < html.index("Égypte") < html.index("France")


def test_a_meeting_of_no_convention_lists_every_state_alike(client, db):
    amman = ConferenceFactory(slug="amman-2019", convention="")
    member(amman, StateFactory(country="JO", name_en="Jordan", ccm_status=TreatyStatus.PARTY))
    member(amman, StateFactory(country="US", name_en="United States", ccm_status=""))
    assert headings(page(client, amman)) == [Category.STATE]


def test_an_empty_page_says_no_delegation_is_registered(client, oslo):
    assert "No delegation is registered yet." in page(client, oslo)


def test_an_unpublished_conference_is_not_found(client, db):
    draft = make_oslo(is_published=False)
    member(draft, OrganizationFactory(name_en="Handicap International"))
    response = client.get(f"/en/conferences/{draft.slug}/delegations/")
    assert response.status_code == 404
    assert "Handicap International" not in response.content.decode()
    assert client.get("/en/conferences/no-such-meeting/delegations/").status_code == 404


def test_an_organizer_previews_an_unpublished_conference(client, organizer):
    draft = make_oslo(is_published=False)
    member(draft, OrganizationFactory(name_en="Handicap International"))
    client.force_login(organizer)
    assert "Handicap International" in page(client, draft)


def test_the_conference_navigation_links_to_the_page(client, oslo):
    response = client.get(f"/en/conferences/{oslo.slug}/")
    assert f'href="/en/conferences/{oslo.slug}/delegations/"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"page": "99999999999999999999"},
        {"category": "\x00"},
        {"sort": "word " * 2000},
        {"format": "csv"},
        {"category": "state_party", "page": "-1"},
    ],
)
def test_bad_query_parameters_are_ignored(client, oslo, query):
    make_delegations(oslo)
    assert "Lao PDR" in page(client, oslo, **query)


def test_only_reading_is_allowed(client, oslo):
    response = client.post(f"/en/conferences/{oslo.slug}/delegations/")
    assert response.status_code == 405


def queries_for(client, conference):
    with CaptureQueriesContext(connection) as captured:
        page(client, conference)
    return len(captured)


# The conference, the delegations with their organizations and counts, the members listed.
BUDGET = 3


def test_the_page_costs_the_same_for_few_or_many_delegations(client, oslo):
    make_delegations(oslo)
    few = queries_for(client, oslo)
    for number in range(40):
        organization = OrganizationFactory(kind=["ngo", "un", "dpo", "academia"][number % 4])
        member(oslo, organization, consents_to_public_listing=True, role=Role.HEAD)
        member(oslo, organization, consents_to_public_listing=True)
    many = queries_for(client, oslo)
    assert few == many <= BUDGET


@pytest.mark.shared_parts
@pytest.mark.django_db(transaction=True)
def test_visitors_are_served_the_kept_page_until_a_delegation_changes(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()
    oslo = make_oslo()
    norway = StateFactory(country="NO", name_en="Norway", ccm_status=TreatyStatus.PARTY)
    member(oslo, norway, family_name="Kongstad", consents_to_public_listing=True)
    first = page(client, oslo)
    with CaptureQueriesContext(connection) as captured:
        assert page(client, oslo) == first
    assert len(captured) <= 1  # the cache version, read at most once a second

    member(oslo, norway, family_name="Brekke", consents_to_public_listing=True)
    assert "Brekke" in page(client, oslo)
