"""Schemathesis explores every operation of the served OpenAPI schema with generated
requests: no answer is a server error, every answer matches the schema."""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.throttling import AnonRateThrottle

from tests.factories import ConferenceFactory, SessionFactory, StateFactory, StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.fixture
def schema(monkeypatch):
    # Hundreds of requests in a few seconds: lift the anonymous limit for the exploration.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute"})
    conference = ConferenceFactory(
        start_date=datetime.date(2012, 9, 11), end_date=datetime.date(2012, 9, 14)
    )
    StatementFactory(
        session=SessionFactory(conference=conference), organization=StateFactory(country="NO")
    )
    from va_conference.wsgi import application

    # As Django's test client does: the test's transaction keeps its connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_no_request_breaks_the_api(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 10  # list and detail of five kinds of things
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def explore(case):
            case.call_and_validate()

        explore()
