"""Releasing the programme with the keyboard, and its public changelog: both pass axe in each
language, right to left in Arabic."""

import datetime

import pytest

from sessions import releases
from sessions.models import ProgrammeRelease
from tests.browser.test_dashboard import PASSWORD, assert_no_violation, sign_in
from tests.browser.test_focal_point_page import submit_with_keyboard, tab_to
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.shared_parts

LANGUAGES = [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]


@pytest.fixture
def conference(transactional_db, organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    start = datetime.date(2030, 9, 10)
    conference = ConferenceFactory(
        slug="oslo-2030", start_date=start, end_date=start, is_published=True
    )
    hall = RoomFactory(conference=conference, name_en="Plenary hall", name_ar="القاعة العامة")
    SessionFactory(conference=conference, slug="opening", title_en="Opening", room=hall)
    SessionFactory(
        conference=conference,
        slug="closing",
        title_en="Closing",
        title_ar="الاختتام",
        room=hall,
        start_time=datetime.time(15),
        end_time=datetime.time(17),
    )
    return conference


@pytest.mark.parametrize("language, direction", LANGUAGES)
def test_the_organizer_releases_the_programme_with_the_keyboard(
    browser, live_server, conference, language, direction
):
    releases.release(conference, "Original", by=None)
    conference.sessions.filter(slug="closing").update(start_time=datetime.time(12))
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        path = f"/admin/conferences/{conference.slug}/programme/release/"
        sign_in(page, live_server, path)
        assert page.locator("html").get_attribute("dir") == direction
        # The moved session clashes with the opening in the same room: both are named.
        assert page.locator("#release-warnings li li").count() == 2
        assert page.locator("#pending-changes li").count() == 1
        assert_no_violation(page)
        tab_to(page, page.locator("#id_note_en"))
        page.keyboard.type("The closing session moves to noon.")
        submit_with_keyboard(page, page.locator(".submit-row input.default"))
        assert page.locator(".messagelist .success").count() == 1
        assert_no_violation(page)
    finally:
        context.close()
    assert ProgrammeRelease.objects.latest().name == "Rev.2"


@pytest.mark.parametrize("language, direction", LANGUAGES)
def test_the_public_changelog_passes_axe(page, live_server, conference, language, direction):
    releases.release(conference, "Original", by=None, note_en="As circulated.")
    conference.sessions.filter(slug="closing").update(
        start_time=datetime.time(16), title_en="Closing of the meeting"
    )
    releases.release(conference, "Rev.1", by=None, note_en="The closing moves.")
    page.goto(f"{live_server.url}/{language}/conferences/{conference.slug}/programme/")
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_violation(page)
    tab_to(page, page.locator(".programme-version a"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".programme-changes li").count() == 2
    assert_no_violation(page)
