"""Repeated failed sign-ins to the admin lock out the account, from any address, and the
address, for any account, until the lock-out ends."""

import datetime
import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "a long password for the organizer"


@pytest.fixture
def organizer_with_password(organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    return organizer


@pytest.fixture(autouse=True)
def three_failures_lock_for_a_quarter_of_an_hour(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    # Each attempt checks a password: a quick hash keeps the many attempts quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(client, username, password, address):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return client.get("/admin/").status_code == 200


def assert_locked_out(response):
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is locked for this account or from this address" in page
    assert "Try again in 15 minutes." in page
    assert "axes_reset_username" in page


def test_the_right_password_signs_in(client, organizer_with_password):
    response = sign_in(client, "organizer", PASSWORD, "192.0.2.1")
    assert response.status_code == 302
    assert signed_in(client)


def test_failures_below_the_limit_do_not_lock(client, organizer_with_password):
    for _ in range(2):
        assert sign_in(client, "organizer", "guess", "192.0.2.1").status_code == 200
    assert sign_in(client, "organizer", PASSWORD, "192.0.2.1").status_code == 302


def test_failures_lock_the_account_even_from_other_addresses(client, organizer_with_password):
    for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        sign_in(client, "organizer", "guess", address)
    response = sign_in(client, "organizer", PASSWORD, "198.51.100.7")
    assert_locked_out(response)
    assert not signed_in(client)


def test_failures_from_one_address_lock_it_even_for_other_accounts(client, organizer_with_password):
    for username in ("admin", "root", "editor"):
        sign_in(client, username, "guess", "203.0.113.9")
    assert_locked_out(sign_in(client, "organizer", PASSWORD, "203.0.113.9"))
    assert not signed_in(client)
    # The account itself is not locked: from elsewhere its owner signs in.
    assert sign_in(client, "organizer", PASSWORD, "192.0.2.1").status_code == 302


def test_the_address_behind_a_trusted_proxy_is_the_one_locked(
    client, settings, organizer_with_password
):
    settings.TRUSTED_PROXIES = 1
    for username in ("admin", "root", "editor"):
        client.post(
            LOGIN,
            {"username": username, "password": "guess"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    # Another client behind the same proxy is not locked out...
    response = client.post(
        LOGIN,
        {"username": "organizer", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.1",
    )
    assert response.status_code == 302
    client.logout()
    # ...and writing another address in front of the proxy's does not unlock the guesser.
    response = client.post(
        LOGIN,
        {"username": "organizer", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.55, 203.0.113.9",
    )
    assert response.status_code == 429


def test_the_lock_ends_after_the_lock_out_time(client, settings, organizer_with_password):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=3)
    for _ in range(3):
        sign_in(client, "organizer", "guess", "192.0.2.1")
    assert sign_in(client, "organizer", PASSWORD, "192.0.2.1").status_code == 429
    time.sleep(3.5)
    assert sign_in(client, "organizer", PASSWORD, "192.0.2.1").status_code == 302
    assert signed_in(client)


def test_the_lock_out_page_speaks_the_language_of_the_browser(client, organizer_with_password):
    for _ in range(3):
        sign_in(client, "organizer", "guess", "192.0.2.1")
    response = client.post(
        LOGIN,
        {"username": "organizer", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.1",
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 429
    assert '<html lang="fr"' in response.content.decode()
