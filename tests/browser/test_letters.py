"""Letters in a real browser: a delegate asks for a visa letter while registering in French,
an organizer issues it from the dashboard, the delegate downloads it from their private page;
its text holds the passport number as typed and the French wording, its QR code leads to the
verification page, which answers genuine, then withdrawn. Certificates of attendance from the
private page. axe-core finds nothing to fix on any new page, in any of the four languages."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from letters import issuing
from letters.models import Letter, Letterhead
from registrations.models import Registration, Status, VisaRequest
from tests.browser.test_delegation_walk import press
from tests.browser.test_floor import signed_in, staff
from tests.browser.test_focal_point_page import assert_no_violation, submit_with_keyboard, tab_to
from tests.factories import RegistrationFactory, StateFactory, conference_open_for_registration
from tests.letters.conftest import passport_details, pdf_text, qr_codes

LANGUAGES = ["en", "fr", "es", "ar"]
# As the delegate types it, lower case and all.
TYPED_NUMBER = "Jo7743210a"


@pytest.fixture
def conference(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    conference = conference_open_for_registration(
        slug="14msp",
        title_en="Fourteenth Meeting of States Parties",
        title_fr="Quatorzième Assemblée des États parties",
        short_name_en="14MSP",
        reference_prefix="MSP14",
        city_en="Geneva",
        city_fr="Genève",
        venue_en="Palais des Nations",
    )
    StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")
    return conference


@pytest.fixture
def organizer(django_user_model):
    """An organizer who also handles visas."""
    user = staff(django_user_model, "organizer", "Organizers")
    user.groups.add(staff(django_user_model, "spare", "Visa officers").groups.get())
    return user


def choose(page, select, **option):
    """Choose an option of `select` reached by the keyboard."""
    tab_to(page, select)
    select.select_option(**option)


def type_into(page, selector, text):
    """Reach a field with the Tab key and type into it."""
    tab_to(page, page.locator(selector))
    page.keyboard.type(text)


def private_link(email):
    return re.search(r"https?://\S+/registrations/\S+/", email.body).group(0)


@pytest.mark.shared_parts
def test_a_visa_letter_from_the_french_form_to_its_verification(
    page, browser, live_server, conference, organizer
):
    # The delegate registers in French, with the keyboard, and asks for a letter.
    page.goto(f"{live_server.url}/fr/conferences/14msp/register/")
    assert page.locator(".visa-details").is_hidden()
    type_into(page, "#id_given_name", "Rania")
    type_into(page, "#id_family_name", "Al-Abdallah")
    type_into(page, "#id_email", "rania@example.org")
    choose(page, page.locator("#id_organization"), label="Jordanie")
    press(page, page.locator("#id_visa-needs_letter"), "Space")
    assert page.locator(".visa-details").is_visible()
    expires = conference.end_date + datetime.timedelta(days=30)
    details = passport_details(conference, passport_expires_on=expires)
    type_into(page, "#id_visa-name_in_passport", details["name_in_passport"])
    choose(page, page.locator("#id_visa-nationality"), value="JO")
    type_into(page, "#id_visa-passport_number", TYPED_NUMBER)
    for name in ("passport_issued_on", "passport_expires_on", "birth_date"):
        page.locator(f"#id_visa-{name}").fill(details[name].isoformat())
    type_into(page, "#id_visa-birth_place", "Irbid")
    type_into(page, "#id_visa-consulate", "Ambassade de Suisse à Amman")
    press(page, page.locator("#id_privacy_accepted"), "Space")
    submit_with_keyboard(page, page.locator("input[type=submit][name=submit]"))

    # The passport expires too soon: said where it was typed, and nothing typed is lost.
    assert page.title().startswith("Erreur")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_visa-passport_number").input_value() == TYPED_NUMBER
    assert_no_violation(page)
    later = conference.end_date + datetime.timedelta(days=400)
    page.locator("#id_visa-passport_expires_on").fill(later.isoformat())
    if not page.locator("#id_privacy_accepted").is_checked():
        press(page, page.locator("#id_privacy_accepted"), "Space")
    submit_with_keyboard(page, page.locator("input[type=submit][name=submit]"))
    page.wait_for_url("**/fr/conferences/14msp/register/sent/")
    registration = Registration.objects.get()
    assert registration.visa_request.passport_number == TYPED_NUMBER
    assert registration.language == "fr"

    # The organizer confirms the registration and issues the letter from the dashboard.
    Registration.objects.update(status=Status.CONFIRMED)
    desk = signed_in(browser, live_server, "organizer")
    desk.goto(f"{live_server.url}/admin/conferences/14msp/")
    press(desk, desk.get_by_role("link", name=re.compile("Visa letters to issue")))
    desk.wait_for_url("**/admin/registrations/visarequest/**")
    assert_no_violation(desk)
    press(desk, desk.locator("#action-toggle"), "Space")
    choose(desk, desk.locator("select[name=action]"), value="issue_letters")
    submit_with_keyboard(desk, desk.locator("button[name=index]"))
    assert "1 visa letter issued" in desk.content()
    letter = Letter.objects.get()

    # The delegate is told, and downloads it from their private page.
    ready = [email for email in mail.outbox if "/registrations/" in email.body][-1]
    page.goto(private_link(ready))
    assert_no_violation(page)
    link = page.locator(f"a[href$='/letters/{letter.reference}/']").first
    tab_to(page, link)
    with page.expect_download() as downloaded:
        page.keyboard.press("Enter")
    content = Path(downloaded.value.path()).read_bytes()
    text = pdf_text(content)
    assert TYPED_NUMBER in text
    assert "Lettre d'invitation" in text
    assert "Ambassade de Suisse à Amman" in text
    [url] = qr_codes(content)
    assert url == f"{live_server.url}/fr/documents/{letter.reference}/"

    # Whoever holds it checks it: genuine, then withdrawn.
    page.goto(url)
    assert page.locator(".verification-answer.alert-success").is_visible()
    assert letter.number in page.content()
    assert TYPED_NUMBER not in page.content()
    assert_no_violation(page)
    desk.goto(f"{live_server.url}/admin/letters/letter/")
    press(desk, desk.locator("#action-toggle"), "Space")
    choose(desk, desk.locator("select[name=action]"), value="withdraw")
    submit_with_keyboard(desk, desk.locator("button[name=index]"))
    page.goto(url)
    assert page.locator(".verification-answer.alert-danger").is_visible()
    assert_no_violation(page)


@pytest.fixture
def issued(conference, organizer):
    """A confirmed delegate with a visa request, a visa letter, and one withdrawn."""
    registration = RegistrationFactory(
        conference=conference, status=Status.CONFIRMED, given_name="Rania"
    )
    VisaRequest.objects.create(registration=registration, **passport_details(conference))
    issuing.issue_visa_letters(Registration.objects.all(), organizer)
    withdrawn = Letter.objects.get()
    issuing.withdraw(Letter.objects.all(), organizer)
    issuing.issue_visa_letters(Registration.objects.all(), organizer)
    return registration, Letter.objects.get(withdrawn_at=None), withdrawn


@pytest.mark.shared_parts
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_new_page_is_axe_clean(page, browser, live_server, conference, issued, language):
    registration, letter, withdrawn = issued
    base = f"{live_server.url}/{language}"
    page.goto(f"{base}/conferences/14msp/register/")
    press(page, page.locator("#id_visa-needs_letter"), "Space")
    assert_no_violation(page)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    submit_with_keyboard(page, page.locator("input[type=submit][name=submit]"))
    assert page.locator("#id_visa-passport_number").get_attribute("aria-invalid") == "true"
    assert_no_violation(page)
    for path in (
        f"/registrations/{registration.token}/",
        f"/documents/{letter.reference}/",
        f"/documents/{withdrawn.reference}/",
        "/documents/",
        "/documents/?reference=12345",
    ):
        page.goto(base + path)
        assert_no_violation(page)
    other = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    page.goto(f"{base}/registrations/{other.token}/visa/")
    assert_no_violation(page)
    submit_with_keyboard(page, page.locator("main form button[type=submit]").first)
    assert_no_violation(page)

    VisaRequest.objects.create(registration=other, **passport_details(conference))
    letterhead = Letterhead.objects.create(
        conference=conference, sender="ISU", signatory_name="A", signatory_title="B"
    )
    desk = signed_in(browser, live_server, "organizer", language)
    for path in (
        # With its button to issue the letter.
        f"/admin/registrations/visarequest/{other.visa_request.pk}/change/",
        "/admin/registrations/visarequest/",
        f"/admin/registrations/visarequest/{registration.visa_request.pk}/change/",
        "/admin/letters/letter/",
        f"/admin/letters/letter/{letter.pk}/change/",
        f"/admin/letters/letterhead/add/?conference={conference.pk}",
        f"/admin/letters/letterhead/{letterhead.pk}/change/",
        "/admin/conferences/14msp/",
    ):
        desk.goto(live_server.url + path)
        assert_no_violation(desk)


def test_a_delegate_checked_in_downloads_their_certificate(page, live_server, conference):
    today = timezone.localdate(timezone=conference.tzinfo)
    conference.start_date = today - datetime.timedelta(days=2)
    conference.end_date = today
    conference.save()
    registration = RegistrationFactory(
        conference=conference, status=Status.CONFIRMED, given_name="Rania", language="ar"
    )
    registration.check_in(None, day=today)

    page.goto(f"{live_server.url}/ar/registrations/{registration.token}/")
    assert_no_violation(page)
    button = page.locator(
        f"form[action$='/registrations/{registration.token}/certificate/'] button"
    )
    tab_to(page, button)
    with page.expect_download() as downloaded:
        page.keyboard.press("Enter")
    content = Path(downloaded.value.path()).read_bytes()
    certificate = Letter.objects.get()
    assert certificate.reference in pdf_text(content)
    assert qr_codes(content) == [f"{live_server.url}/ar/documents/{certificate.reference}/"]
