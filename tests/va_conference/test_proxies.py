"""The client's address is read from X-Forwarded-For only from a request that comes from a
trusted proxy, and only as far as the trusted proxies go; IPv6 clients are counted by their /64."""

import ipaddress

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from va_conference.environment import env_networks
from va_conference.proxies import client_address, client_key


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.fixture
def behind_proxies(settings):
    settings.TRUSTED_PROXIES = (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("fd00::/8"),
    )


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = ()
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_a_request_that_does_not_come_from_a_trusted_proxy_proves_nothing(behind_proxies):
    # A client reaching the app server directly writes the header itself.
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    "forwarded, expected",
    [
        ("198.51.100.7", "198.51.100.7"),
        # The client wrote the leftmost address itself: it is not believed.
        ("192.0.2.66, 198.51.100.7", "198.51.100.7"),
        # Two proxies of ours, one after the other.
        ("192.0.2.66, 198.51.100.7, 10.1.2.3", "198.51.100.7"),
        ("2001:db8::7, fd00::1", "2001:db8::7"),
        # Nothing written: the proxy's own address is all there is.
        ("", "10.0.0.2"),
        # Garbage written by the client: the nearest address believed.
        ("not-an-address, 10.1.2.3", "10.1.2.3"),
    ],
)
def test_the_client_is_the_first_address_from_the_right_that_is_no_trusted_proxy(
    behind_proxies, forwarded, expected
):
    assert client_address(request_from("10.0.0.2", forwarded)) == expected


def test_ipv6_clients_are_counted_by_their_64(settings):
    settings.TRUSTED_PROXIES = ()
    one = client_key(request_from("2001:db8:1:2::1"))
    other = client_key(request_from("2001:db8:1:2:ffff:ffff:ffff:ffff"))
    neighbour = client_key(request_from("2001:db8:1:3::1"))
    assert one == other == "2001:db8:1:2::"
    assert neighbour != one
    assert client_key(request_from("198.51.100.7")) == "198.51.100.7"
    assert client_key(request_from("::ffff:198.51.100.7")) == "198.51.100.7"


def test_trusted_proxies_are_networks_and_a_count_alone_is_refused(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1")
    assert env_networks("TRUSTED_PROXIES") == (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("127.0.0.1/32"),
    )
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES lists networks"):
        env_networks("TRUSTED_PROXIES")
