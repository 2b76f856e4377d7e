"""An organizer opens the conference dashboard every morning: in each of the four languages it
passes axe, and every tool of the conference is reached from it with the keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from registrations.models import Answer, Asked, Question, QuestionType, Status
from tests.factories import (
    OrganizationFactory,
    RegistrationFactory,
    conference_open_for_registration,
)

pytestmark = pytest.mark.shared_parts

PASSWORD = "a long password for the organizer"
OUR_PAGES = (
    "/check-in/",
    "/figures/",
    "/participants-list/",
    "/write/",
    "/questions/copy/",
    "/emails/",
)


@pytest.fixture
def conference(transactional_db, organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    conference = conference_open_for_registration(
        slug="amman-2030",
        title_en="Global Conference on Victim Assistance",
        short_name_en="Amman 2030",
        short_name_ar="عمّان 2030",
        reference_prefix="AMM30",
        capacity=100,
    )
    RegistrationFactory(
        conference=conference,
        status=Status.SUBMITTED,
        organization=OrganizationFactory(is_verified=False),
    )
    RegistrationFactory(conference=conference, status=Status.CONFIRMED, given_name="Rania")
    return conference


def assert_no_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def sign_in(page, live_server, next_path, username="organizer", password=PASSWORD):
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"**{next_path}")


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_dashboard_passes_axe_in_each_language(
    browser, live_server, conference, language, direction
):
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        sign_in(page, live_server, f"/admin/conferences/{conference.slug}/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("html").get_attribute("dir") == direction
        assert_no_violation(page)
    finally:
        context.close()


TOOL_LINKS = "section[aria-labelledby=tools-heading] ul a"


def test_every_tool_is_reached_from_the_dashboard_with_the_keyboard(page, live_server, conference):
    dashboard = f"/admin/conferences/{conference.slug}/"
    sign_in(page, live_server, dashboard)
    tools = page.locator(TOOL_LINKS)
    count = tools.count()
    assert count >= 10
    for index in range(count):
        page.goto(live_server.url + dashboard)
        link = page.locator(TOOL_LINKS).nth(index)
        href = link.get_attribute("href")
        link.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.split(live_server.url, 1)[1].split("?")[0] == href.split("?")[0], href
        assert page.locator("#content").count() == 1, href
        if href.endswith(OUR_PAGES):
            assert_no_violation(page)

    # A task's count leads to the list it counts.
    page.goto(live_server.url + dashboard)
    with page.expect_navigation():
        page.get_by_role("link", name="1 Registrations to review").click()
    assert "status__exact=submitted" in page.url


def test_the_check_in_tool_is_used_with_the_keyboard(page, live_server, conference):
    sign_in(page, live_server, f"/admin/conferences/{conference.slug}/check-in/")
    search = page.get_by_label("Reference (scan the badge) or name")
    search.fill("Rania")
    with page.expect_navigation():
        search.press("Enter")
    assert_no_violation(page)
    button = page.get_by_role("button", name="Check Rania")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("is checked in.").is_visible()
    assert_no_violation(page)


@pytest.mark.parametrize(
    "language, label",
    [
        ("en", "Receiver handed out"),
        ("fr", "Récepteur remis"),
        ("es", "Receptor entregado"),
        ("ar", "جهاز الاستقبال المسلَّم"),
    ],
)
def test_the_question_at_check_in_is_answered_with_the_keyboard(
    browser, live_server, conference, language, label
):
    question = Question.objects.create(
        conference=conference,
        label_en="Receiver handed out",
        label_fr="Récepteur remis",
        label_es="Receptor entregado",
        label_ar="جهاز الاستقبال المسلَّم",
        type=QuestionType.TEXT,
        asked=Asked.CHECK_IN,
        required=True,
    )
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        sign_in(page, live_server, f"/admin/conferences/{conference.slug}/check-in/")
        page.locator("#id_q").fill("Rania")
        with page.expect_navigation():
            page.locator("#id_q").press("Enter")
        page.locator("form[method=post] input[type=submit]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        field = page.get_by_label(label)
        assert field.count() == 1
        # Sent empty: the error names the question, on the same page.
        page.locator(".submit-row input[type=submit]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".errornote").is_visible()
        assert_no_violation(page)
        field.fill("Channel 4")
        with page.expect_navigation():
            field.press("Enter")
        assert page.url.endswith("/check-in/")
        assert_no_violation(page)
    finally:
        context.close()
    assert Answer.objects.get(question=question).value == "Channel 4"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_emails_own_words_are_previewed_with_the_keyboard(
    browser, live_server, conference, language
):
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        sign_in(page, live_server, f"/admin/conferences/{conference.slug}/emails/confirmed/")
        page.locator("#id_text_en").fill("Bring your passport, {name}. {hotel}")
        page.locator("#id_text_ar").fill("أحضروا جوازات سفركم.")
        page.locator("input[name=preview]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        # The unknown placeholder is refused where it was typed, and nothing is lost.
        assert page.locator(".errornote").is_visible()
        assert page.locator("#id_text_ar").input_value() == "أحضروا جوازات سفركم."
        assert_no_violation(page)
        page.locator("#id_text_en").fill("Bring your passport, {name}.")
        page.locator("input[name=preview]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.get_by_text("Bring your passport, Amina Haddad.").count() >= 1
        assert page.locator(".email-preview[dir=rtl]").count() == 1
        assert_no_violation(page)
    finally:
        context.close()
