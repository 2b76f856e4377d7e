"""Public pages make a small, fixed number of queries, however big the conference."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registrations.models import Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

BUDGET = 10


def conference_with(sessions, statements_per_session, registrations):
    conference = ConferenceFactory()
    rooms = [RoomFactory(conference=conference) for _room in range(3)]
    organization = OrganizationFactory()
    for number in range(sessions):
        session = SessionFactory(conference=conference, room=rooms[number % 3])
        for _statement in range(statements_per_session):
            StatementFactory(session=session, organization=organization)
    for _registration in range(registrations):
        RegistrationFactory(
            conference=conference,
            organization=OrganizationFactory(),
            status=Status.CONFIRMED,
            consents_to_public_listing=True,
        )
    return conference


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "page",
    [
        "/en/conferences/{slug}/",
        "/en/conferences/{slug}/programme/",
        "/en/conferences/{slug}/participants/",
        "/en/conferences/{slug}/programme.ics",
    ],
)
def test_conference_pages_cost_the_same_for_10_or_300_sessions(client, page):
    small = conference_with(sessions=10, statements_per_session=0, registrations=2)
    large = conference_with(sessions=300, statements_per_session=2, registrations=40)
    small_count = queries_for(client, page.format(slug=small.slug))
    large_count = queries_for(client, page.format(slug=large.slug))
    assert small_count == large_count <= BUDGET


@pytest.mark.shared_parts
def test_the_session_page_costs_the_same_with_many_statements(client):
    session = SessionFactory()
    path = f"/en/conferences/{session.conference.slug}/sessions/{session.slug}/"
    StatementFactory(session=session, organization=OrganizationFactory())
    few = queries_for(client, path)
    for _statement in range(60):
        original = StatementFactory(session=session, organization=OrganizationFactory())
        StatementFactory(
            session=session, organization=original.organization, original=original, language="fr"
        )
    assert queries_for(client, path) == few <= BUDGET


def test_the_conference_list_costs_the_same_for_1_or_50_conferences(
    client, django_assert_max_num_queries
):
    ConferenceFactory()
    one = queries_for(client, "/en/")
    for _conference in range(49):
        ConferenceFactory()
    with django_assert_max_num_queries(one):
        client.get("/en/")
    assert one <= BUDGET
