"""A delegate's agenda, used with the keyboard: it passes axe in each language, right to left
in Arabic, and a session is added and removed without a mouse."""

import datetime

import pytest

from registrations.models import Agenda
from tests.browser.test_dashboard import assert_no_violation
from tests.browser.test_focal_point_page import tab_to
from tests.factories import ConferenceFactory, RegistrationFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def registration(transactional_db):
    start = datetime.date(2030, 9, 10)
    conference = ConferenceFactory(start_date=start, end_date=start, is_published=True)
    hall = RoomFactory(conference=conference, name_en="Hall", name_ar="القاعة")
    SessionFactory(conference=conference, slug="opening", title_en="Opening", room=hall)
    SessionFactory(
        conference=conference,
        slug="panel",
        title_en="Survivors' panel",
        title_ar="حلقة الناجين",
        room=hall,
        start_time=datetime.time(15),
        end_time=datetime.time(17),
    )
    registration = RegistrationFactory(conference=conference)
    registration.sessions.set(conference.sessions.filter(slug="opening"))
    return registration


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_delegate_marks_a_session_with_the_keyboard(
    page, live_server, registration, language, direction
):
    page.goto(f"{live_server.url}/{language}/registrations/{registration.token}/")
    link = page.locator(f"a[href$='/registrations/{registration.token}/agenda/']")
    tab_to(page, link)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("#agenda-marked li").count() == 1
    assert_no_violation(page)
    panel = page.locator(f"#session-{registration.conference.sessions.get(slug='panel').pk}")
    tab_to(page, panel.locator("button"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#agenda-marked li").count() == 2
    assert_no_violation(page)
    tab_to(page, panel.locator("button"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#agenda-marked li").count() == 1
    marked = Agenda.objects.get().sessions.values_list("slug", flat=True)
    assert list(marked) == ["opening"]
