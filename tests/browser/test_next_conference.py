"""Next year's meeting from this year's, walked with the keyboard from the dashboard: the new
conference is ready to review in its own dashboard in one step. The form passes axe in each
language, right to left in Arabic."""

import datetime

import pytest

from tests.browser.test_dashboard import PASSWORD, assert_no_violation, sign_in
from tests.browser.test_focal_point_page import submit_with_keyboard, tab_to
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory
from va_conference.models import Conference

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def conference(transactional_db, organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    start = datetime.date(2030, 9, 10)
    conference = ConferenceFactory(
        slug="amman-2030", short_name_en="Amman 2030", start_date=start, end_date=start
    )
    SessionFactory(conference=conference, room=RoomFactory(conference=conference))
    return conference


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_next_years_meeting_is_started_from_the_dashboard(
    browser, live_server, conference, language, direction
):
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        dashboard = f"/admin/conferences/{conference.slug}/"
        sign_in(page, live_server, dashboard)
        link = page.locator(f"a[href$='/admin/conferences/{conference.slug}/next/']")
        tab_to(page, link)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("#id_start_date").input_value() == "2031-09-10"
        assert_no_violation(page)
        # Without a slug: refused, what was typed kept.
        tab_to(page, page.locator("#id_short_name_en"))
        page.keyboard.type("Amman 2031")
        submit_with_keyboard(page, page.locator(".submit-row input.default"))
        assert page.locator("#id_slug_error").is_visible()
        assert page.locator("#id_short_name_en").input_value() == "Amman 2031"
        assert_no_violation(page)
        tab_to(page, page.locator("#id_slug"))
        page.keyboard.type("amman-2031")
        tab_to(page, page.locator("#id_reference_prefix"))
        page.keyboard.type("AMM31")
        submit_with_keyboard(page, page.locator(".submit-row input.default"))
        page.wait_for_url("**/admin/conferences/amman-2031/")
        assert page.locator(".messagelist .success").count() == 1
        assert_no_violation(page)
    finally:
        context.close()
    new = Conference.objects.get(slug="amman-2031")
    assert new.sessions.get().date == datetime.date(2031, 9, 10)
