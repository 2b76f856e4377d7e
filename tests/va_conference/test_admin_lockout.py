"""Repeated failed sign-ins to the admin lock out the account from that address, the address
for any account past a higher limit, and, past that higher limit too, an account that signs in
with a password alone from any address; never a two-factor account from elsewhere. Until the
lock-out ends."""

import datetime
import ipaddress
import time

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.va_conference.test_two_factor import code_of

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
    settings.ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT = 6
    settings.ADMIN_LOGIN_ACCOUNT_FAILURE_LIMIT = 6
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


def test_failures_lock_the_account_from_that_address_only(client, organizer_with_password):
    for _ in range(3):
        sign_in(client, "organizer", "guess", "203.0.113.9")
    assert_locked_out(sign_in(client, "organizer", PASSWORD, "203.0.113.9"))
    assert not signed_in(client)
    assert sign_in(client, "organizer", PASSWORD, "192.0.2.1").status_code == 302


def test_an_outsider_failing_for_admin_leaves_admin_free_to_sign_in_from_elsewhere(
    client, settings, admin_user
):
    settings.AXES_FAILURE_LIMIT = 5
    settings.ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT = 20
    settings.ADMIN_LOGIN_ACCOUNT_FAILURE_LIMIT = 20
    admin_user.set_password(PASSWORD)
    admin_user.save()
    for _ in range(6):
        sign_in(client, "admin", "guess", "203.0.113.9")
    assert_locked_out(sign_in(client, "admin", PASSWORD, "203.0.113.9"))
    assert sign_in(client, "admin", PASSWORD, "192.0.2.1").status_code == 302
    assert signed_in(client)


def test_failures_from_many_addresses_lock_an_account_with_a_password_alone(
    client, organizer_with_password
):
    for number in range(6):
        sign_in(client, "organizer", "guess", f"192.0.2.{number + 1}")
    assert_locked_out(sign_in(client, "organizer", PASSWORD, "198.51.100.7"))
    assert not signed_in(client)


def test_failures_from_elsewhere_never_lock_out_a_two_factor_account(
    client, organizer_with_password
):
    phone = TOTPDevice.objects.create(user=organizer_with_password, name="Phone", confirmed=True)
    for number in range(12):
        sign_in(client, "organizer", "guess", f"192.0.2.{number + 1}")
    response = client.post(
        LOGIN,
        {"username": "organizer", "password": PASSWORD, "code": code_of(phone), "next": "/admin/"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302
    assert signed_in(client)


def test_failures_from_one_address_lock_it_past_a_higher_limit_for_every_account(
    client, organizer_with_password
):
    for username in ("admin", "root", "editor", "chair", "secretary", "staff"):
        sign_in(client, username, "guess", "203.0.113.9")
    assert_locked_out(sign_in(client, "organizer", PASSWORD, "203.0.113.9"))
    assert not signed_in(client)
    # The account itself is not locked: from elsewhere its owner signs in.
    assert sign_in(client, "organizer", PASSWORD, "192.0.2.1").status_code == 302


def test_an_ipv6_client_is_locked_out_across_its_64(client, organizer_with_password):
    for number in range(3):
        sign_in(client, "organizer", "guess", f"2001:db8:7:7::{number + 1}")
    assert_locked_out(sign_in(client, "organizer", PASSWORD, "2001:db8:7:7::abcd"))
    assert sign_in(client, "organizer", PASSWORD, "2001:db8:7:8::1").status_code == 302


def test_the_address_behind_a_trusted_proxy_is_the_one_locked(
    client, settings, organizer_with_password
):
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    for username in ("admin", "root", "editor", "chair", "secretary", "staff"):
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
