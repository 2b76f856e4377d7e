"""The rate limits count each client by its own address, behind the trusted proxies too, in
the database where every process reads them (tests/va_conference/test_rate_limits_across_servers.py
has servers count together)."""

import ipaddress

import pytest
from django.db import connection

from tests.factories import ConferenceFactory
from va_conference.environment import RATE_LIMITS_TABLE, caches_from_url

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def lost_link(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    return f"/en/conferences/{ConferenceFactory().slug}/register/lost-link/"


def send(client, path, forwarded_for):
    response = client.post(
        path,
        {"email": "delegate@example.org"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    return response.status_code


@pytest.mark.shared_parts
def test_two_visitors_behind_the_proxy_have_an_allowance_each(client, lost_link):
    assert [send(client, lost_link, "198.51.100.1") for _try in range(3)] == [200, 200, 429]
    assert send(client, lost_link, "198.51.100.2") == 200


@pytest.mark.shared_parts
def test_a_visitor_cannot_pass_for_another_by_writing_the_header_itself(client, lost_link):
    for _try in range(2):
        send(client, lost_link, "198.51.100.1")
    # The proxy appends the address it saw: what the client wrote comes before it.
    assert send(client, lost_link, "203.0.113.50, 198.51.100.1") == 429


def test_without_a_cache_url_the_counts_are_kept_in_the_database(client, settings, lost_link):
    settings.CACHES = caches_from_url("")
    assert [send(client, lost_link, "198.51.100.1") for _try in range(3)] == [200, 200, 429]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {RATE_LIMITS_TABLE}")
        [(key,)] = cursor.fetchall()
    assert "public-form:198.51.100.1:" in key
