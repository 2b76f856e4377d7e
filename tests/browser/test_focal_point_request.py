"""Someone asks to be their delegation's focal point with the keyboard alone, in each of the
four languages: the error is said and focused, what was typed is kept, and axe-core finds
nothing to fix on the form, its errors or the answer."""

import pytest

from delegations.models import FocalPoint
from tests.browser.test_focal_point_page import assert_no_violation, submit_with_keyboard, tab_to
from tests.factories import StateFactory, conference_open_for_registration

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def conference(transactional_db):
    StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")
    return conference_open_for_registration(slug="ccm-2030", convention="ccm")


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_a_focal_point_asks_with_the_keyboard(page, live_server, conference, language):
    page.goto(f"{live_server.url}/{language}/conferences/ccm-2030/")
    link = page.locator("a[href$='/delegations/focal-point/']")
    tab_to(page, link)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violation(page)

    # The search box the script adds finds the State in the page's language.
    tab_to(page, page.locator("#organization-search"))
    page.keyboard.type({"en": "jordan", "fr": "jordanie", "es": "jordan", "ar": "الأردن"}[language])
    tab_to(page, page.locator("#id_name"))
    page.keyboard.type("Omar Said")
    tab_to(page, page.locator("#id_email"))
    page.keyboard.type("omar@mfa.example.jo")
    submit_with_keyboard(page, page.locator("#submit-id-ask"))
    # How the organization names them is missing: said, focused, and nothing typed is lost.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_email").input_value() == "omar@mfa.example.jo"
    assert_no_violation(page)

    tab_to(page, page.locator("#id_request_note"))
    page.keyboard.type("Note verbale 12/2030 of the Permanent Mission.")
    submit_with_keyboard(page, page.locator("#submit-id-ask"))
    assert page.url.endswith("/delegations/focal-point/asked/")
    assert_no_violation(page)
    asked = FocalPoint.objects.get()
    assert (asked.state, asked.language, asked.delegation.organization.country) == (
        FocalPoint.State.REQUESTED,
        language,
        "JO",
    )
