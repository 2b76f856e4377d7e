"""The sponsorship programme from end to end, keyboard only, with axe on every page: a survivor
registers in Spanish asking for travel support; the committee filters the candidates, scores
her and offers a full sponsorship from the EU fund; she accepts on her private page; the
committee records the ticket and the DSA; she downloads the e-ticket; she is checked in at the
venue; and the report to donors, read back from its PDF, counts her as offered, accepted and
attended, with the right cost."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from registrations import workflow
from registrations.models import Registration, Status
from sponsorship.models import Budget, FareEstimate, Fund, Offer
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

pytestmark = [pytest.mark.shared_parts, pytest.mark.slow]

PASSWORD = "a long password for the staff"


@pytest.fixture
def conference(transactional_db, django_user_model):
    for username, group in (("committee", "Sponsorship committee"), ("desk", "Organizers")):
        user = staff_member(django_user_model, username, group)
        user.set_password(PASSWORD)
        user.save()
    conference = conference_open_for_registration(
        slug="amman-2030", short_name_en="Amman 2030", reference_prefix="AMM30"
    )
    Budget.objects.create(conference=conference, currency="EUR", dsa_rate=250, nights=4)
    FareEstimate.objects.create(conference=conference, country="CO", amount=Decimal("1200"))
    Fund.objects.create(conference=conference, donor="European Union", amount=Decimal("47000"))
    Fund.objects.create(conference=conference, donor="Norway", amount=Decimal("20000"))
    OrganizationFactory(
        kind="survivors",
        country="CO",
        name_en="Colombian Survivors' Network",
        name_es="Red Colombiana de Sobrevivientes",
        acronym="RCS",
        is_verified=True,
    )
    # Another candidate, whom the filters leave out.
    RegistrationFactory(
        conference=conference,
        organization=StateFactory(country="LA"),
        given_name="Bounmy",
        sponsorship_requested=True,
    )
    return conference


def follow_with_keyboard(page, link):
    tab_to(page, link)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_survivor_is_sponsored_from_her_request_to_the_report(
    browser, live_server, conference, tmp_path
):
    # She registers in Spanish, asking for travel support.
    delegate = browser.new_context(locale="es", accept_downloads=True)
    form = delegate.new_page()
    form.goto(f"{live_server.url}/es/conferences/amman-2030/register/")
    form.locator("#id_given_name").fill("Lucía")
    form.locator("#id_family_name").fill("Gómez")
    form.locator("#id_email").fill("lucia.gomez@example.org")
    form.locator("#id_organization").select_option(label="Red Colombiana de Sobrevivientes (RCS)")
    form.locator("#id_is_survivor").select_option("True")
    form.locator("#id_gender").fill("mujer")
    tab_to(form, form.locator("#id_sponsorship_requested"))
    form.keyboard.press("Space")
    tab_to(form, form.locator("#id_sponsorship_justification"))
    form.keyboard.type("Sobreviviente y coordinadora de la red; sin fondos para viajar.")
    tab_to(form, form.locator("#id_privacy_accepted"))
    form.keyboard.press("Space")
    assert_no_violation(form)
    submit_with_keyboard(form, form.locator(".registration-form [type=submit]").last)
    form.wait_for_url("**/es/conferences/amman-2030/register/sent/")
    registration = Registration.objects.get(family_name="Gómez")
    assert registration.sponsorship_requested and registration.is_survivor

    # The committee filters the candidates: survivors of the Americas.
    committee = browser.new_context(locale="en", accept_downloads=True)
    desk = committee.new_page()
    candidates = f"/admin/conferences/{conference.slug}/sponsorship/"
    sign_in(desk, live_server, candidates, "committee", PASSWORD)
    assert desk.locator("#candidates tbody tr").count() == 2
    desk.locator("#id_survivor").select_option("yes")
    desk.locator("#id_region").select_option("americas")
    submit_with_keyboard(desk, desk.locator(".candidates-filter input[type=submit]"))
    assert desk.locator("#candidates tbody tr").count() == 1
    assert "Sobreviviente y coordinadora" in desk.locator("#candidates tbody").inner_text()
    assert_no_violation(desk)

    # It scores her, and offers a full sponsorship from the EU fund: the estimate proposed.
    follow_with_keyboard(desk, desk.locator("#candidates tbody a").last)
    tab_to(desk, desk.locator("#id_score"))
    desk.keyboard.type("9")
    submit_with_keyboard(desk, desk.locator(".submit-row input.default"))
    assert "Lucía Gómez" in desk.locator("#reserve").inner_text()
    follow_with_keyboard(desk, desk.locator("#reserve a").first)
    assert desk.locator("#id_amount").input_value() in ("2200.00", "2200")  # 1,200 + 4 x 250
    desk.locator("#id_fund").select_option(label="European Union")
    assert_no_violation(desk)
    submit_with_keyboard(desk, desk.locator("input[name=offer]"))
    assert desk.locator(".messagelist .success").count() == 1
    offer = Offer.objects.get()
    assert (offer.fund.donor, offer.kind, offer.amount) == ("European Union", "full", 2200)

    # She accepts on her private page.
    form.goto(f"{live_server.url}/es/registrations/{registration.token}/")
    assert_no_violation(form)
    follow_with_keyboard(form, form.locator("a[href$='/sponsorship/']"))
    assert_no_violation(form)
    tab_to(form, form.locator("#id_name_in_passport"))
    form.keyboard.type("GOMEZ LUCIA")
    tab_to(form, form.locator("#id_departure_city"))
    form.keyboard.type("Bogotá")
    submit_with_keyboard(form, form.locator("button[name=accept]"))
    assert form.url.endswith(f"/registrations/{registration.token}/")
    offer.refresh_from_db()
    assert offer.state == "accepted"

    # The committee records her ticket and the DSA paid.
    desk.reload()
    tab_to(desk, desk.locator("#id_itinerary"))
    desk.keyboard.type("AV 10 Bogotá-Madrid, RJ 110 Madrid-Amman")
    desk.locator("#id_cost").fill("1150")
    ticket = tmp_path / "e-ticket.pdf"
    ticket.write_bytes(pdf_bytes("E-ticket GOMEZ LUCIA"))
    desk.locator("#id_file").set_input_files(str(ticket))
    desk.locator("#id_dsa_paid").fill("1000")
    desk.locator("#id_dsa_paid_on").fill(timezone.localdate().isoformat())
    desk.locator("#id_dsa_paid_how").select_option("cash")
    assert_no_violation(desk)
    submit_with_keyboard(desk, desk.locator("input[name=ticket]"))
    assert desk.locator(".messagelist .success").count() == 1

    # She downloads the e-ticket.
    form.reload()
    assert form.get_by_text("AV 10 Bogotá-Madrid").count() == 1
    tab_to(form, form.locator("a[href$='/sponsorship/e-ticket/']"))
    with form.expect_download() as downloaded:
        form.keyboard.press("Enter")
    assert downloaded.value.path().read_bytes() == ticket.read_bytes()
    delegate.close()

    # The meeting opens today, for one day, and the desk checks her in.
    workflow.change_status(registration, Status.CONFIRMED)
    today = timezone.localdate(timezone=conference.tzinfo)
    type(conference).objects.filter(pk=conference.pk).update(start_date=today, end_date=today)
    venue = browser.new_context(locale="en")
    check_in = venue.new_page()
    check_in_path = f"/admin/conferences/{conference.slug}/check-in/"
    sign_in(check_in, live_server, check_in_path, "desk", PASSWORD)
    check_in.locator("#id_q").fill(registration.reference)
    with check_in.expect_navigation():
        check_in.locator("#id_q").press("Enter")
    submit_with_keyboard(check_in, check_in.get_by_role("button", name="Check Lucía Gómez in"))
    venue.close()
    assert registration.attendances.filter(day=today).exists()

    # The report to donors, read back from its PDF.
    report = f"/admin/conferences/{conference.slug}/sponsorship/report/"
    desk.goto(f"{live_server.url}{report}")
    assert_no_violation(desk)
    tab_to(desk, desk.locator("button[value=pdf]"))
    with desk.expect_download() as downloaded:
        desk.keyboard.press("Enter")
    pdf = downloaded.value.path().read_bytes()
    committee.close()
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Offered: 1. Accepted: 1. Attended: 1." in text
    assert "Cost estimated: EUR 2,200.00; committed: EUR 2,200.00; paid: EUR 2,150.00." in text
    assert "Lucía Gómez" in text
