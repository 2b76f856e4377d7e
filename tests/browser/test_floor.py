"""The floor of a session in a real browser: a focal point asks for the floor with a text, the
organizer orders the list by protocol and gives the floor, the room display follows by itself in
Arabic and French, an interpreter downloads the text before it is delivered and a visitor cannot,
and once spoken the statement is on the session's page and in search. axe-core finds nothing to
fix on the request form, the organizer's list, the room display and the interpreters' page, in
any of the four languages."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from delegations.models import FocalPoint, delegation_of
from floor import speakers
from floor.models import FloorRequest, SpeakersList
from sessions.models import Statement
from tests.browser.test_focal_point_page import assert_no_violation, submit_with_keyboard, tab_to
from tests.conftest import staff_member
from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
    pdf_bytes,
)
from tests.floor.conftest import ask
from va_conference.models import OrganizationKind

pytestmark = pytest.mark.shared_parts

PASSWORD = "a long password for the staff"
TEXT = "Norway on the rights of survivors"


@pytest.fixture
def meeting(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    conference = conference_open_for_registration(
        slug="14msp", short_name_en="14MSP", convention="ccm", reference_prefix="MSP14"
    )
    session = SessionFactory(
        conference=conference,
        slug="victim-assistance",
        title_en="Victim assistance",
        title_fr="Assistance aux victimes",
        title_ar="مساعدة الضحايا",
    )
    speakers_list = SpeakersList.objects.create(session=session, is_displayed_publicly=True)
    hi = OrganizationFactory(name_en="Humanity & Inclusion", kind=OrganizationKind.NGO)
    ask(speakers_list, hi, speaker="Ms Lefèvre")
    norway = StateFactory(country="NO", name_en="Norway", name_fr="Norvège", name_ar="النرويج")
    focal_point = FocalPoint.objects.create(
        delegation=delegation_of(conference, norway), name="Kari Nordmann", email="f@mfa.no"
    )
    return speakers_list, focal_point


def signed_in(browser, live_server, username, language="en"):
    context = browser.new_context(locale=language)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    return page


def staff(django_user_model, username, group):
    user = staff_member(django_user_model, username, group)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_a_text_sent_ahead_from_the_request_to_the_record(
    browser, page, live_server, meeting, django_user_model
):
    speakers_list, focal_point = meeting
    staff(django_user_model, "organizer", "Organizers")
    staff(django_user_model, "interpreter", "Interpreters")

    # The focal point asks for the floor with the text, by keyboard.
    page.goto(f"{live_server.url}/en/delegations/{focal_point.token}/")
    link = page.locator(f"a[href='/en/delegations/{focal_point.token}/floor/']")
    tab_to(page, link)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, page.locator("#id_floor-speaker"))
    page.keyboard.type("H.E. Ms Ingrid Berg")
    tab_to(page, page.locator("#id_floor-rank"))
    page.locator("#id_floor-rank").select_option("minister")
    # She speaks from afar, on the meeting platform.
    tab_to(page, page.locator("#id_floor-speaks_online"))
    page.keyboard.press("Space")
    tab_to(page, page.locator("#id_floor-text"))
    page.locator("#id_floor-text:focus").set_input_files(
        {"name": "statement.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(TEXT)}
    )
    submit_with_keyboard(page, page.locator("#submit-id-ask"))
    norway = FloorRequest.objects.get(speaker="H.E. Ms Ingrid Berg")
    assert norway.statement is not None and not norway.statement.is_published
    assert norway.speaks_online

    # The organizer puts the list in protocol order: the State Party first.
    organizer = signed_in(browser, live_server, "organizer")
    list_url = f"{live_server.url}/admin/conferences/14msp/speakers/victim-assistance/"
    organizer.goto(list_url)
    submit_with_keyboard(
        organizer, organizer.get_by_role("button", name="Put the waiting speakers in order")
    )
    assert [r.speaker for r in speakers.requests_of(speakers_list)] == [
        "H.E. Ms Ingrid Berg",
        "Ms Lefèvre",
    ]
    submit_with_keyboard(
        organizer, organizer.get_by_role("button", name="Give the floor to Norway")
    )

    # The room display shows who has the floor, in Arabic and in French, and follows by itself.
    rooms = {}
    for language, name, online in (
        ("ar", "النرويج", "عبر الإنترنت"),
        ("fr", "Norvège", "en ligne"),
    ):
        rooms[language] = browser.new_context(locale=language).new_page()
        rooms[language].goto(
            f"{live_server.url}/{language}/conferences/14msp/sessions/victim-assistance/speakers/"
        )
        assert name in rooms[language].locator("#speaking").inner_text()
        assert online in rooms[language].locator("#speaking").inner_text()
        # The script counts the speaker's five minutes down.
        rooms[language].locator("#time-left", has_text=re.compile(r"[45]:\d\d")).wait_for()
    assert rooms["ar"].locator("html").get_attribute("dir") == "rtl"
    # The interpreter downloads the text before it is delivered; a visitor cannot.
    interpreter = signed_in(browser, live_server, "interpreter")
    interpreter.goto(
        f"{live_server.url}/admin/conferences/14msp/interpreters/victim-assistance/en/"
    )
    with interpreter.expect_download() as downloaded:
        interpreter.get_by_role("link", name="Download the text of Norway").click()
    assert Path(downloaded.value.path()).read_bytes().startswith(b"%PDF")
    statement = norway.statement
    visitor = page.request.get(
        f"{live_server.url}/en/conferences/14msp/statements/{statement.pk}/file/"
    )
    assert visitor.status == 404

    organizer.reload()
    submit_with_keyboard(
        organizer, organizer.get_by_role("button", name="Give the floor to Humanity & Inclusion")
    )
    for room in rooms.values():
        room.locator("#speaking", has_text="Lefèvre").wait_for(timeout=10_000)
    # Drawn by the script this time: Ms Lefèvre speaks in the room.
    assert "(Anglais)" in rooms["fr"].locator("#speaking").inner_text()

    # Once spoken, the statement is on the session's page and found by search.
    assert Statement.objects.get(pk=statement.pk).is_published
    page.goto(f"{live_server.url}/en/conferences/14msp/sessions/victim-assistance/")
    assert page.locator("#record-heading").count() == 1
    assert "Norway" in page.locator("#statements-heading + ul").inner_text()
    page.goto(f"{live_server.url}/en/statements/?q=rights+of+survivors")
    assert page.get_by_text("Norway").count() >= 1


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_floors_pages_pass_axe_in_each_language(
    browser, live_server, meeting, django_user_model, language, direction
):
    speakers_list, focal_point = meeting
    staff(django_user_model, "organizer", "Organizers")
    statement = Statement(
        session=speakers_list.session,
        organization=focal_point.delegation.organization,
        language="fr",
    )
    statement.file = ContentFile(pdf_bytes(TEXT), name="s.pdf")
    statement.check_file()
    statement.save()
    norway = FloorRequest(
        delegation=focal_point.delegation, speaker="Ms Berg", language="fr", statement=statement
    )
    speakers.add(speakers_list, norway)
    speakers.give_the_floor(norway)

    page = browser.new_context(locale=language).new_page()
    for path in (
        f"/{language}/delegations/{focal_point.token}/floor/",
        f"/{language}/conferences/14msp/sessions/victim-assistance/speakers/",
    ):
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("dir") == direction
        assert_no_violation(page)
    # The form's errors too.
    page.goto(f"{live_server.url}/{language}/delegations/{focal_point.token}/floor/")
    submit_with_keyboard(page, page.locator("#submit-id-ask"))
    assert page.evaluate("document.activeElement.id") in ("error-summary", "")
    assert_no_violation(page)

    organizer = signed_in(browser, live_server, "organizer", language)
    for path in (
        "/admin/conferences/14msp/speakers/",
        "/admin/conferences/14msp/speakers/victim-assistance/",
        "/admin/conferences/14msp/interpreters/",
        "/admin/conferences/14msp/interpreters/victim-assistance/fr/",
    ):
        organizer.goto(live_server.url + path)
        assert organizer.locator("html").get_attribute("dir") == direction
        assert_no_violation(organizer)
