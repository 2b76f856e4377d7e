"""Taking part from afar, in a real browser and by keyboard: a delegate registers online in
Arabic, is confirmed and finds the session's link and their channel on their private page; the
organizer changes the link and the page shows the new one; the delegate asks for the floor from
afar and the room display says so; after the conference the organizer imports the platform's
attendance report and the delegate's certificate states their attendance online. The new pages
pass axe in each of the four languages."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from delegations.models import delegation_of
from floor.models import SpeakersList
from registrations import workflow
from registrations.models import Registration, Status
from sessions.models import InterpretationChannel, OnlineMeeting
from tests.browser.test_floor import signed_in, staff
from tests.browser.test_focal_point_page import assert_no_violation, submit_with_keyboard, tab_to
from tests.factories import (
    RegistrationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
)
from tests.letters.conftest import pdf_text
from va_conference.models import Conference, Participation

pytestmark = pytest.mark.shared_parts

ADDRESS = "https://meet.example.org/j/opening-1111"
NEW_ADDRESS = "https://meet.example.org/j/opening-2222"


@pytest.fixture
def hybrid(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    settings.PUBLIC_FORM_RATE_LIMIT = 0
    conference = conference_open_for_registration(
        slug="amman-2030",
        short_name_en="Amman 2030",
        reference_prefix="AMM30",
        time_zone="Asia/Amman",
        offers_online=True,
        online_capacity=50,
    )
    session = SessionFactory(
        conference=conference, slug="opening", title_en="Opening", title_ar="الافتتاح"
    )
    meeting = OnlineMeeting.objects.create(session=session, address=ADDRESS, passcode="4455")
    for language, channel in (("ar", "العربية 4"), ("en", "English 1")):
        InterpretationChannel.objects.create(meeting=meeting, language=language, channel=channel)
    SpeakersList.objects.create(session=session, is_displayed_publicly=True)
    StateFactory(country="JO", name_en="Jordan", name_ar="الأردن")
    return conference


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def register_online_in_arabic(page, live_server):
    page.goto(f"{live_server.url}/ar/conferences/amman-2030/register/")
    type_into(page, page.locator("#id_given_name"), "رانيا")
    type_into(page, page.locator("#id_family_name"), "العبدالله")
    type_into(page, page.locator("#id_email"), "rania@example.org")
    tab_to(page, page.locator("#id_organization"))
    page.locator("#id_organization:focus").select_option(label="الأردن")
    tab_to(page, page.locator("#id_role"))
    page.locator("#id_role:focus").select_option("head")
    tab_to(page, page.get_by_label("حضوريًا", exact=True))
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("عبر الإنترنت", exact=True).is_checked()
    tab_to(page, page.locator("#id_privacy_accepted"))
    page.keyboard.press("Space")
    submit_with_keyboard(page, page.locator("input[type=submit]"))
    assert page.url.endswith("/ar/conferences/amman-2030/register/sent/")
    return Registration.objects.get(delegate__email="rania@example.org")


def move_to_last_week(conference):
    """The conference is over: held last week (its sessions move with it)."""
    today = timezone.localdate(timezone=conference.tzinfo)
    start = today - datetime.timedelta(days=9)
    Conference.objects.filter(pk=conference.pk).update(start_date=start)
    conference.sessions.update(date=start)
    Conference.objects.filter(pk=conference.pk).update(end_date=start + datetime.timedelta(days=2))
    conference.refresh_from_db()
    return conference


def test_a_delegate_takes_part_from_afar_from_registration_to_certificate(
    browser, page, live_server, hybrid, django_user_model, tmp_path
):
    staff(django_user_model, "organizer", "Organizers")
    registration = register_online_in_arabic(page, live_server)
    assert (registration.mode, registration.role) == (Participation.ONLINE, "head")
    workflow.change_status(registration, Status.CONFIRMED)

    # The private page, in Arabic, gives the link, the passcode and the Arabic channel.
    private = f"{live_server.url}/ar/registrations/{registration.token}/"
    page.goto(private)
    assert page.locator("html").get_attribute("dir") == "rtl"
    join = page.locator(f"a[href='{ADDRESS}']")
    tab_to(page, join)
    assert "الافتتاح" in join.inner_text()
    assert "العربية 4" in page.locator("#online-heading + p + ul").inner_text()
    assert_no_violation(page)

    # The organizer changes the link at the last minute, in the admin, by keyboard.
    organizer = signed_in(browser, live_server, "organizer")
    meeting = OnlineMeeting.objects.get()
    organizer.goto(f"{live_server.url}/admin/programme/onlinemeeting/{meeting.pk}/change/")
    tab_to(organizer, organizer.locator("#id_address"))
    organizer.keyboard.press("Control+A")
    organizer.keyboard.type(NEW_ADDRESS)
    with organizer.expect_navigation():
        organizer.keyboard.press("Enter")
    meeting.refresh_from_db()
    assert meeting.address == NEW_ADDRESS
    page.reload()
    assert page.locator(f"a[href='{NEW_ADDRESS}']").count() == 1
    assert page.locator(f"a[href='{ADDRESS}']").count() == 0

    # As head of delegation, she asks for the floor, speaking from afar.
    link = page.locator(f"a[href='/ar/registrations/{registration.token}/floor/']")
    submit_with_keyboard(page, link)
    type_into(page, page.locator("#id_floor-speaker"), "السيدة رانيا العبدالله")
    tab_to(page, page.locator("#id_floor-speaks_online"))
    page.keyboard.press("Space")
    submit_with_keyboard(page, page.locator("#submit-id-ask"))
    organizer.goto(f"{live_server.url}/admin/conferences/amman-2030/speakers/opening/")
    submit_with_keyboard(
        organizer, organizer.get_by_role("button", name="Give the floor to Jordan")
    )
    room = browser.new_context(locale="ar").new_page()
    room.goto(f"{live_server.url}/ar/conferences/amman-2030/sessions/opening/speakers/")
    speaking = room.locator("#speaking").inner_text()
    assert "الأردن" in speaking and "عبر الإنترنت" in speaking

    # After the conference, the organizer imports the platform's report.
    hybrid = move_to_last_week(hybrid)
    report = tmp_path / "zoom-report.csv"
    report.write_text(
        "Name (Original Name),User Email,Join Time,Leave Time\n"
        f"Rania,RANIA@example.org,{hybrid.start_date} 09:00:00,{hybrid.start_date} 12:00:00\n"
        f"Booth,,{hybrid.start_date} 09:00:00,{hybrid.start_date} 17:00:00\n",
        encoding="utf-8",
    )
    organizer.goto(f"{live_server.url}/admin/conferences/amman-2030/online-attendance/")
    tab_to(organizer, organizer.locator("#id_report"))
    organizer.locator("#id_report:focus").set_input_files(str(report))
    submit_with_keyboard(organizer, organizer.get_by_role("button", name="Import"))
    assert "1 row matched no confirmed delegate" in organizer.content()

    # Her certificate states her attendance online.
    page.goto(private)
    button = page.get_by_role("button", name=re.compile("شهادة"))
    tab_to(page, button)
    with page.expect_download() as downloaded:
        page.keyboard.press("Enter")
    text = pdf_text(Path(downloaded.value.path()).read_bytes())
    assert "عبر الإنترنت" in text
    assert registration.delegate.email in [to for email in mail.outbox for to in email.to]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_pages_of_taking_part_online_pass_axe(
    browser, page, live_server, hybrid, django_user_model, language
):
    registration = RegistrationFactory(
        conference=hybrid,
        organization=StateFactory(country="LA", name_en="Lao PDR"),
        mode=Participation.ONLINE,
        status=Status.CONFIRMED,
        language=language,
    )
    delegation_of(hybrid, registration.organization)
    page.goto(f"{live_server.url}/{language}/registrations/{registration.token}/")
    assert page.locator("#online-heading").count() == 1
    assert_no_violation(page)
    # Asking to take part in person instead, by keyboard.
    submit_with_keyboard(
        page, page.locator(f"a[href$='/registrations/{registration.token}/mode/']")
    )
    assert_no_violation(page)
    submit_with_keyboard(page, page.locator("form button[type=submit]"))
    assert page.locator(".alert-success, .messages, [role=status]").count() >= 1
    registration.refresh_from_db()
    assert registration.mode == Participation.IN_PERSON
    # The public figures by way of taking part, and the organizer's import page.
    page.goto(f"{live_server.url}/{language}/conferences/amman-2030/delegations/")
    assert page.locator("#delegations-by-way").count() == 1
    assert_no_violation(page)
    staff(django_user_model, "organizer", "Organizers")
    organizer = signed_in(browser, live_server, "organizer", language)
    organizer.goto(f"{live_server.url}/admin/conferences/amman-2030/online-attendance/")
    assert_no_violation(organizer)
