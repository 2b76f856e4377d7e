"""The open data counts each anonymous client by its own address, behind trusted proxies too,
in the cache the public forms' limit counts in
(tests/va_conference/test_rate_limits_across_servers.py has servers count together)."""

import ipaddress

import pytest
from django.db import connection
from rest_framework.throttling import AnonRateThrottle

from va_conference.environment import RATE_LIMITS_TABLE, caches_from_url

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def three_a_minute(settings, monkeypatch):
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


def answers(client, forwarded_for, count):
    return [
        client.get(
            "/api/v1/organizations/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
        ).status_code
        for _request in range(count)
    ]


@pytest.mark.shared_parts
def test_two_clients_behind_the_proxy_have_an_allowance_each(client, three_a_minute):
    assert answers(client, "198.51.100.1", 4) == [200, 200, 200, 429]
    assert answers(client, "203.0.113.9, 198.51.100.1", 1) == [429]
    assert answers(client, "198.51.100.2", 1) == [200]


def test_the_counts_are_kept_where_the_public_forms_count(client, settings, three_a_minute):
    settings.CACHES = caches_from_url("")
    assert answers(client, "198.51.100.1", 4) == [200, 200, 200, 429]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {RATE_LIMITS_TABLE}")
        assert [key for (key,) in cursor.fetchall() if "198.51.100.1" in key]
