"""The sponsorship committee's list of candidates passes axe in each language, right to left in
Arabic, and is filtered with the keyboard."""

import datetime
from decimal import Decimal

import pytest

from sponsorship import offers
from sponsorship.models import Budget, FareEstimate, Fund
from tests.browser.test_dashboard import assert_no_violation, sign_in
from tests.browser.test_focal_point_page import submit_with_keyboard, tab_to
from tests.conftest import staff_member
from tests.factories import (
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
    conference_open_for_registration,
    pdf_bytes,
)

pytestmark = pytest.mark.shared_parts

PASSWORD = "a long password for the committee"


@pytest.fixture
def conference(transactional_db, django_user_model):
    committee = staff_member(django_user_model, "committee", "Sponsorship committee")
    committee.set_password(PASSWORD)
    committee.save()
    conference = conference_open_for_registration(slug="amman-2030", short_name_en="Amman 2030")
    Budget.objects.create(conference=conference, dsa_rate=Decimal("250"), nights=4)
    FareEstimate.objects.create(conference=conference, country="LA", amount=Decimal("1800"))
    Fund.objects.create(conference=conference, donor="European Union", amount=Decimal("47000"))
    RegistrationFactory(
        conference=conference,
        organization=StateFactory(country="LA"),
        given_name="Bounmy",
        sponsorship_requested=True,
        sponsorship_justification="National focal point.",
    )
    RegistrationFactory(
        conference=conference,
        organization=OrganizationFactory(kind="survivors", country="UG"),
        given_name="Margaret",
        is_survivor=True,
        sponsorship_requested=True,
    )
    return conference


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_candidates_are_filtered_with_the_keyboard(
    browser, live_server, conference, language, direction
):
    context = browser.new_context(locale=language)
    page = context.new_page()
    try:
        path = f"/admin/conferences/{conference.slug}/sponsorship/"
        sign_in(page, live_server, path, "committee", PASSWORD)
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("#candidates tbody tr").count() == 2
        assert_no_violation(page)
        tab_to(page, page.locator("#id_survivor"))
        page.locator("#id_survivor").select_option("yes")
        submit_with_keyboard(page, page.locator(".candidates-filter input[type=submit]"))
        assert page.locator("#candidates tbody tr").count() == 1
        assert "Margaret" in page.locator("#candidates tbody").inner_text()
        assert_no_violation(page)
        # Her score and notes, from her row.
        weigh = page.locator("#candidates tbody a").last
        tab_to(page, weigh)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert_no_violation(page)
        page.locator("#id_score").fill("12")
        submit_with_keyboard(page, page.locator(".submit-row input.default"))
        assert page.locator(".errornote").is_visible()
        assert_no_violation(page)
        page.locator("#id_score").fill("9")
        submit_with_keyboard(page, page.locator(".submit-row input.default"))
        assert page.url.endswith("/sponsorship/")
        # An offer beyond the fund is refused until the committee confirms it.
        weigh = page.locator("#candidates tbody a").last
        tab_to(page, weigh)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.locator("#id_fund").select_option(label="European Union")
        page.locator("#id_amount").fill("50000")
        submit_with_keyboard(page, page.locator("input[name=offer]"))
        assert page.locator("#id_amount_error").is_visible()
        assert_no_violation(page)
        tab_to(page, page.locator("#id_beyond_the_fund"))
        page.keyboard.press("Space")
        submit_with_keyboard(page, page.locator("input[name=offer]"))
        assert page.locator("#offers-heading + table tbody tr").count() == 1
        assert_no_violation(page)
    finally:
        context.close()


@pytest.fixture
def offered(transactional_db, settings, live_server):
    conference = conference_open_for_registration(slug="amman-2030", short_name_en="Amman 2030")
    Budget.objects.create(conference=conference, dsa_rate=Decimal("250"), nights=4)
    return offer_in(conference)


def offer_in(conference):
    fund = Fund.objects.create(conference=conference, donor="Norway", amount=Decimal("9000"))
    registration = RegistrationFactory(conference=conference, sponsorship_requested=True)
    return offers.make_offer(
        registration, fund, "full", Decimal("2800"), datetime.date(2030, 8, 1), None
    )


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_delegate_accepts_the_offer_with_the_keyboard(
    page, live_server, offered, language, direction
):
    token = offered.registration.token
    page.goto(f"{live_server.url}/{language}/registrations/{token}/")
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_violation(page)
    link = page.locator(f"a[href$='/registrations/{token}/sponsorship/']")
    tab_to(page, link)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_violation(page)
    # Accepting without the name in the passport: the error says so, the city is kept.
    page.locator("#id_departure_city").fill("Vientiane")
    submit_with_keyboard(page, page.locator("button[name=accept]"))
    assert page.locator("#error-summary").is_visible()
    assert page.locator("#id_departure_city").input_value() == "Vientiane"
    assert_no_violation(page)
    page.locator("#id_name_in_passport").fill("PHOMMACHANH BOUNMY")
    submit_with_keyboard(page, page.locator("button[name=accept]"))
    assert page.url.endswith(f"/registrations/{token}/")
    assert_no_violation(page)
    offered.refresh_from_db()
    assert offered.state == "accepted"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_committee_records_the_ticket_the_delegate_downloads_it(
    browser, live_server, conference, language, tmp_path
):
    offered = offer_in(conference)
    offers.answer(offered, accepted=True, name_in_passport="HADDAD AMINA", departure_city="Irbid")
    registration = offered.registration
    context = browser.new_context(locale=language, accept_downloads=True)
    page = context.new_page()
    try:
        path = f"/admin/conferences/amman-2030/sponsorship/{registration.reference}/"
        sign_in(page, live_server, path, "committee", PASSWORD)
        page.locator("#id_itinerary").fill("RJ 112 Amman-Geneva, 14 September 2030")
        page.locator("#id_cost").fill("1750")
        ticket = tmp_path / "ticket.pdf"
        ticket.write_bytes(pdf_bytes("E-ticket"))
        page.locator("#id_file").set_input_files(str(ticket))
        assert_no_violation(page)
        submit_with_keyboard(page, page.locator("input[name=ticket]"))
        assert page.locator(".messagelist .success").count() == 1
        assert_no_violation(page)
    finally:
        context.close()
    delegate = browser.new_context(locale=language, accept_downloads=True)
    mine = delegate.new_page()
    try:
        mine.goto(f"{live_server.url}/{language}/registrations/{registration.token}/")
        assert mine.get_by_text("RJ 112 Amman-Geneva").count() == 1
        assert_no_violation(mine)
        link = mine.locator("a[href$='/sponsorship/e-ticket/']")
        tab_to(mine, link)
        with mine.expect_download() as downloaded:
            mine.keyboard.press("Enter")
        assert downloaded.value.path().read_bytes().startswith(b"%PDF")
    finally:
        delegate.close()


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_report_withdrawal_and_attendance_pass_axe(
    browser, live_server, conference, language, direction
):
    accepted = offer_in(conference)
    offers.answer(accepted, accepted=True, name_in_passport="HADDAD AMINA", departure_city="Irbid")
    context = browser.new_context(locale=language, accept_downloads=True)
    page = context.new_page()
    try:
        report = f"/admin/conferences/{conference.slug}/sponsorship/report/"
        sign_in(page, live_server, report, "committee", PASSWORD)
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("#report-sponsored tbody tr").count() == 1
        assert_no_violation(page)
        # One fund's CSV, chosen and downloaded with the keyboard.
        page.locator("#id_fund").select_option(label="Norway")
        csv_button = page.locator("button[value=csv]")
        tab_to(page, csv_button)
        with page.expect_download() as downloaded:
            page.keyboard.press("Enter")
        assert "Norway" in downloaded.value.path().read_text(encoding="utf-8-sig")
        # The candidate's page: attendance, its reason, and withdrawing the offer.
        weigh = f"/admin/conferences/{conference.slug}/sponsorship/"
        page.goto(f"{live_server.url}{weigh}{accepted.registration.reference}/")
        assert_no_violation(page)
        tab_to(page, page.locator("#id_absence_reason"))
        page.keyboard.type("Visa refused.")
        submit_with_keyboard(
            page,
            page.locator("form[action$='/absence/'] input[type=submit]"),
        )
        assert page.locator(".messagelist .success").count() == 1
        withdraw = page.locator("form[action$='/withdraw/'] button")
        submit_with_keyboard(page, withdraw)
        assert page.locator(".messagelist .success").count() == 1
        assert page.locator("form[action$='/withdraw/']").count() == 0
        assert_no_violation(page)
    finally:
        context.close()
    accepted.refresh_from_db()
    assert (accepted.state, accepted.absence_reason) == ("withdrawn", "Visa refused.")
