"""Staff who turn on two-factor sign-in sign in only with the code of their authenticator app;
superusers can be made to turn it on first."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
TWO_FACTOR = reverse("admin:two_factor")
PASSWORD = "a long password for the organizer"


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organizer_with_password(organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    return organizer


@pytest.fixture
def phone(organizer_with_password):
    """The organizer's authenticator app, two-factor sign-in turned on."""
    return TOTPDevice.objects.create(user=organizer_with_password, name="Phone", confirmed=True)


def code_of(device):
    """What the app shows now, computed from the key it was given."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, code=None, username="organizer", password=PASSWORD):
    data = {"username": username, "password": password, "next": "/admin/"}
    if code is not None:
        data["code"] = code
    return client.post(LOGIN, data)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_without_two_factor_the_password_alone_signs_in(client, organizer_with_password):
    assert sign_in(client).status_code == 302
    assert signed_in(client)


def test_with_two_factor_the_password_alone_does_not_sign_in(client, phone):
    response = sign_in(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the code your authenticator app shows." in page
    # The error is tied to the field that needs it.
    code_input = re.search(r'<input[^>]*name="code"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in code_input
    assert "id_code_error" in code_input
    assert not signed_in(client)


def test_with_two_factor_a_wrong_code_does_not_sign_in(client, phone):
    wrong = f"{(int(code_of(phone)) + 1) % 1_000_000:06d}"
    response = sign_in(client, wrong)
    assert "This code is not the one your app shows now." in response.content.decode()
    assert not signed_in(client)


def test_with_two_factor_the_code_of_the_app_signs_in(client, phone):
    assert sign_in(client, code_of(phone)).status_code == 302
    assert signed_in(client)


def test_a_code_signs_in_only_once(client, phone):
    code = code_of(phone)
    assert sign_in(client, code).status_code == 302
    client.logout()
    assert sign_in(client, code).status_code == 200
    assert not signed_in(client)


def test_wrong_codes_count_as_failed_sign_ins_and_lock_the_account(client, settings, phone):
    settings.AXES_FAILURE_LIMIT = 3
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    for _ in range(3):
        sign_in(client, "000000" if code_of(phone) != "000000" else "111111")
    assert sign_in(client, code_of(phone)).status_code == 429
    assert not signed_in(client)


def test_a_session_opened_before_two_factor_was_turned_on_must_sign_in_again(
    client, organizer_with_password
):
    client.force_login(organizer_with_password)
    assert signed_in(client)
    TOTPDevice.objects.create(user=organizer_with_password, name="Phone", confirmed=True)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_turning_two_factor_on_shows_the_key_and_takes_effect_once_a_code_confirms_it(
    client, organizer_with_password
):
    client.force_login(organizer_with_password)
    assert TWO_FACTOR in client.get("/admin/").content.decode()
    page = client.get(TWO_FACTOR).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=organizer_with_password)
    assert not device.confirmed
    key = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    assert key.replace(" ", "") in device.config_url

    response = client.post(TWO_FACTOR, {"code": "12 34 56"})
    assert response.status_code == 200
    assert "This code is not the one your app shows now." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()
    response = client.post(TWO_FACTOR, {"code": code_of(device)}, follow=True)
    assert "Two-factor sign-in is on" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    # This session gave the code; a new one must.
    assert signed_in(client)
    client.logout()
    assert sign_in(client).status_code == 200
    assert not signed_in(client)


def test_turning_two_factor_off_asks_for_a_current_code(client, phone):
    sign_in(client, code_of(phone))
    assert "Turn off two-factor sign-in" in client.get(TWO_FACTOR).content.decode()
    client.post(TWO_FACTOR, {"code": ""})
    assert TOTPDevice.objects.filter(pk=phone.pk).exists()
    phone.throttle_reset()
    phone.last_t = -1
    phone.save()
    response = client.post(TWO_FACTOR, {"code": code_of(phone)}, follow=True)
    assert "Two-factor sign-in is off" in response.content.decode()
    assert not TOTPDevice.objects.exists()
    client.logout()
    assert sign_in(client).status_code == 302


def test_a_superuser_without_two_factor_is_sent_to_turn_it_on_when_required(
    client, settings, admin_user
):
    settings.ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS = True
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/auth/user/", "/admin/programme/session/add/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == TWO_FACTOR
    page = client.get(TWO_FACTOR).content.decode()
    assert "Superusers must turn on two-factor sign-in before using the administration." in page

    device = TOTPDevice.objects.get(user=admin_user)
    client.post(TWO_FACTOR, {"code": code_of(device)})
    assert client.get("/admin/auth/user/").status_code == 200


def test_superusers_are_not_sent_to_turn_it_on_by_default(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200


def test_a_required_superuser_may_still_sign_out(client, settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR_FOR_SUPERUSERS = True
    client.force_login(admin_user)
    client.post(reverse("admin:logout"))
    assert "_auth_user_id" not in client.session
