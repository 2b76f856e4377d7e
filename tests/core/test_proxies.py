"""The client's address is read from X-Forwarded-For only as far as the trusted proxies go."""

import pytest
from django.test import RequestFactory

from va_conference.proxies import client_address


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # The client wrote the leftmost address itself: it is not believed.
        (1, "10.0.0.1, 198.51.100.7", "198.51.100.7"),
        (2, "10.0.0.1, 198.51.100.7, 192.0.2.3", "198.51.100.7"),
        # Fewer addresses than proxies: the nearest one written is the one to believe.
        (2, "198.51.100.7", "198.51.100.7"),
        (1, "", "192.0.2.1"),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    assert client_address(request_from("192.0.2.1", forwarded)) == expected
