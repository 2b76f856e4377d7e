"""A conference's statements page: every published statement, filtered, a page at a time."""

import pytest

from sessions.models import Statement
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    conference = ConferenceFactory(slug="3msp")
    victim_assistance = SessionFactory(
        conference=conference, slug="victim-assistance", title_en="Victim assistance"
    )
    clearance = SessionFactory(conference=conference, slug="clearance", title_en="Clearance")
    norway = StateFactory(country="NO", name_en="Norway")
    laos = StateFactory(country="LA", name_en="Lao PDR")
    original = StatementFactory(session=victim_assistance, organization=norway, language="en")
    StatementFactory(
        session=victim_assistance, organization=norway, language="fr", original=original
    )
    StatementFactory(session=victim_assistance, organization=laos, language="en")
    StatementFactory(session=clearance, organization=laos, language="es")
    StatementFactory(
        session=clearance,
        organization=OrganizationFactory(name_en="Draft Network"),
        is_published=False,
    )
    return conference


def page(client, **query):
    response = client.get("/en/conferences/3msp/statements/", query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.shared_parts
def test_every_published_statement_is_listed_with_its_languages(client, conference):
    listing = page(client)
    assert "3 statements" in listing
    assert "Norway" in listing and "Lao PDR" in listing
    assert "Draft Network" not in listing
    assert "Download (French," in listing
    assert "(as delivered)" in listing


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ({"session": "victim-assistance"}, ["Norway", "Lao PDR"], []),
        ({"language": "fr"}, ["Norway"], ["Lao PDR"]),
        ({"language": "es"}, ["Lao PDR"], ["Norway"]),
    ],
)
def test_filters_narrow_the_list(client, conference, query, shown, hidden):
    if "session" in query:
        query = {"session": conference.sessions.get(slug=query["session"]).pk}
    listing = page(client, **query)
    for name in shown:
        assert name in listing
    for name in hidden:
        assert name not in listing.split("<tbody>")[1]


@pytest.mark.shared_parts
def test_filters_combine(client, conference):
    clearance = conference.sessions.get(slug="clearance")
    laos = (
        conference.sessions.get(slug="victim-assistance")
        .statements.get(organization__country="LA")
        .organization
    )
    listing = page(client, session=clearance.pk, organization=laos.pk, language="en")
    assert "No published statement matches." in listing


@pytest.mark.shared_parts
def test_a_bad_filter_shows_everything_rather_than_failing(client, conference):
    assert "3 statements" in page(client, session="nonsense", page="99")


def test_pages_of_statements_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    conference = ConferenceFactory(slug="large")
    sessions = [SessionFactory(conference=conference) for _session in range(10)]
    organizations = [OrganizationFactory() for _organization in range(30)]
    # Rows written directly: 3,000 files on disk would only slow the test down.
    Statement.objects.bulk_create(
        [
            Statement(
                session=sessions[number % 10],
                organization=organizations[number % 30],
                language="en",
                file=f"statements/{number}.pdf",
                size=100,
                checksum=f"{number:064d}",
                is_published=True,
            )
            for number in range(3000)
        ]
    )
    with django_assert_max_num_queries(10):
        response = client.get("/en/conferences/large/statements/", {"page": 30})
    assert "3000 statements" in response.content.decode()
    assert "page 30 of 60" in response.content.decode()
