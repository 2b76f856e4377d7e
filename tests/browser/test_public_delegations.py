"""A visitor reads the delegations registered at a meeting in each language, and follows a
category from the counts; axe-core finds nothing to fix."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from registrations.models import Role
from tests.delegations.test_public_delegations import make_delegations, make_oslo, member

LANGUAGES = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_on_the_page(page, live_server, transactional_db, language):
    oslo = make_oslo(title_ar="الاجتماع الثالث للدول الأطراف")
    organizations = make_delegations(oslo)
    member(
        oslo,
        organizations["Norway"],
        honorific="he",
        family_name="Kongstad",
        role=Role.HEAD,
        consents_to_public_listing=True,
    )
    response = page.goto(f"{live_server.url}/{language}/conferences/{oslo.slug}/delegations/")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.get_by_role("heading", level=2).count() == 5
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"


def test_a_visitor_follows_a_category_from_the_counts(page, live_server, transactional_db):
    oslo = make_oslo()
    make_delegations(oslo)
    page.goto(f"{live_server.url}/en/conferences/{oslo.slug}/")
    page.get_by_role("link", name="Delegations", exact=True).click()
    page.wait_for_url(f"**/en/conferences/{oslo.slug}/delegations/")
    page.get_by_role("link", name="Non-governmental organizations").click()
    assert page.evaluate("location.hash") == "#category-ngo"
    section = page.get_by_role("region", name="Non-governmental organizations")
    assert "Handicap International" in section.inner_text()
