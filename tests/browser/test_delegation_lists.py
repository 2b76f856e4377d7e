"""The organizers' pages of the List of Participants and of the credentials report pass axe in
each of the four languages, and the List's symbol is set and published with the keyboard."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from delegations.models import Change, ParticipantsList, delegation_of
from sessions.models import Document
from tests.delegations.participants_rows import LIST_DATE, change, member, states
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.shared_parts

__all__ = ["states"]

PASSWORD = "a long password for the organizer"
LANGUAGES = [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]


@pytest.fixture
def conference(transactional_db, organizer, states):
    organizer.set_password(PASSWORD)
    organizer.save()
    conference = ConferenceFactory(
        slug="3msp", short_name_en="3MSP", convention="ccm", time_zone="Europe/Oslo"
    )
    member(conference, states["NO"], "Halvorsen", role="head")
    member(conference, states["JO"], "العبدالله", role="head", given_name="رانيا")
    norway = delegation_of(conference, states["NO"])
    norway.credentials = "original"
    norway.credentials_received_on = LIST_DATE
    norway.credentials_signatory = "head"
    norway.save()
    return conference


@pytest.fixture
def with_addendum(conference, states):
    ParticipantsList.objects.create(
        conference=conference, symbol="CCM/MSP/2030/INF.1", date=LIST_DATE
    )
    change(
        member(conference, states["EG"], "Nygaard"), Change.ADDED, LIST_DATE + datetime.timedelta(2)
    )
    ParticipantsList.objects.create(
        conference=conference,
        kind="addendum",
        symbol="CCM/MSP/2030/INF.1/Add.1",
        date=LIST_DATE + datetime.timedelta(days=5),
    )
    return conference


def assert_no_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def sign_in(page, live_server, next_path):
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.locator("#id_username").fill("organizer")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"**{next_path}")


@pytest.mark.parametrize("language, direction", LANGUAGES)
def test_the_list_and_credentials_pages_pass_axe_in_each_language(
    browser, live_server, with_addendum, language, direction
):
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        base = f"/admin/conferences/{with_addendum.slug}"
        sign_in(page, live_server, f"{base}/participants-list/")
        assert page.locator("html").get_attribute("dir") == direction
        assert_no_violation(page)
        page.goto(f"{live_server.url}{base}/credentials/")
        assert_no_violation(page)
        page.goto(f"{live_server.url}{base}/")
        assert page.locator("#credentials-heading").count() == 1
        assert_no_violation(page)
    finally:
        context.close()


def test_an_organizer_sets_the_symbol_and_publishes_the_list_with_the_keyboard(
    page, live_server, conference
):
    sign_in(page, live_server, f"/admin/conferences/{conference.slug}/participants-list/")
    symbol = page.get_by_label("Document symbol")
    symbol.fill("CCM/MSP/2030/INF.1")
    page.get_by_label("Date").focus()
    page.keyboard.type("09012030")
    with page.expect_navigation():
        symbol.press("Enter")
    assert page.get_by_text("symbol and date are saved").is_visible()
    assert_no_violation(page)
    button = page.get_by_role("button", name="Publish CCM/MSP/2030/INF.1")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("is published on the conference").is_visible()
    assert Document.objects.get().symbol == "CCM/MSP/2030/INF.1"

    # A date on or before the List's for an Addendum: the error is said, and axe is content.
    page.get_by_label("Document symbol").nth(1).fill("CCM/MSP/2030/INF.1/Add.1")
    page.get_by_label("Date").nth(1).focus()
    page.keyboard.type("09012030")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the Addendum").press("Enter")
    assert page.get_by_text("Please correct the errors below.").is_visible()
    assert_no_violation(page)
