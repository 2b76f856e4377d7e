"""A staff member turns on two-factor sign-in from the admin, with the keyboard, and signs in
with the code their app shows; every page on the way passes axe."""

import base64

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp

pytestmark = pytest.mark.shared_parts

PASSWORD = "a long password for the organizer"


@pytest.fixture
def organizer_with_password(transactional_db, organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    return organizer


def assert_no_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def code_for(key_text, steps_ahead=0):
    """What an authenticator app given this key shows (30-second steps, six digits)."""
    key = base64.b32decode(key_text.replace(" ", ""))
    return f"{totp(key, step=30, t0=0, digits=6, drift=steps_ahead):06d}"


def test_a_staff_member_turns_on_two_factor_sign_in_and_signs_in_with_a_code(
    page, live_server, organizer_with_password
):
    page.goto(f"{live_server.url}/admin/login/")
    assert_no_violation(page)
    page.get_by_label("Username").fill("organizer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Two-factor sign-in").click()
    page.wait_for_url("**/admin/two-factor/")
    assert page.get_by_role("img", name="QR code to scan with your authenticator app").is_visible()
    assert_no_violation(page)
    key = page.locator("code").inner_text()

    # A mistyped code is refused, the error tied to the field; then the right one, typed and
    # sent with the keyboard alone.
    code_field = page.get_by_label("Code from your authenticator app")
    code_field.fill("000000" if code_for(key) != "000000" else "111111")
    code_field.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_text("This code is not the one your app shows now.").is_visible()
    assert page.get_by_label("Code from your authenticator app").get_attribute("aria-invalid")
    assert_no_violation(page)
    # The app's next code: the mistake made the device wait a moment before the next try.
    page.wait_for_timeout(1100)
    code_field = page.get_by_label("Code from your authenticator app")
    code_field.fill(code_for(key))
    code_field.press("Enter")
    page.get_by_text("Two-factor sign-in is on").wait_for()

    page.get_by_role("button", name="Log out").click()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("organizer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_text("Enter the code your authenticator app shows.").is_visible()
    assert_no_violation(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(code_for(key, steps_ahead=1))
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Two-factor sign-in").wait_for()
    assert "Welcome" in page.content()
