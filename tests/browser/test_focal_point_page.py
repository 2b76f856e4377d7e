"""A focal point, with the keyboard alone and in each of the four languages, pastes a list of
five members, corrects the line that was wrong and sends credentials; a member accepts the
invitation and completes their details through the link e-mailed to them. axe-core finds
nothing to fix on any of these pages."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from delegations.models import DelegationDocument, FocalPoint, delegation_of
from registrations.models import Registration, Role, Status
from tests.factories import (
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
    pdf_bytes,
)

pytestmark = pytest.mark.shared_parts

# The roles as a focal point would type them in their own language.
ROLE_WORDS = {
    "en": ("head", "Alternate", "adviser", "observer"),
    "fr": ("chef de délégation", "alternate", "conseiller", "observateur"),
    "es": ("jefe de delegación", "alternate", "asesor", "observador"),
    "ar": ("رئيس الوفد", "alternate", "مستشار", "observer"),
}


@pytest.fixture
def focal_point(transactional_db, settings, live_server):
    settings.SITE_URL = live_server.url
    conference = conference_open_for_registration(
        slug="ccm-2030",
        title_en="Meeting of States Parties to the Convention on Cluster Munitions",
        short_name_en="14MSP",
        reference_prefix="MSP14",
        convention="ccm",
    )
    SessionFactory(conference=conference, slug="opening", title_en="Opening")
    jordan = StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")
    return FocalPoint.objects.create(
        delegation=delegation_of(conference, jordan), name="Rania Haddad", email="f@mfa.jo"
    )


def assert_no_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def tab_to(page, locator, presses=300):
    """Move the focus to `locator` with the Tab key alone, as a keyboard user does."""
    handle = locator.element_handle()
    for _press in range(presses):
        # Its root: the document, or the shadow root of an element drawn in one.
        if page.evaluate("element => element.getRootNode().activeElement === element", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} is not reached with the Tab key")


def submit_with_keyboard(page, button):
    tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_a_focal_point_names_five_members_and_sends_credentials_with_the_keyboard(
    page,
    live_server,
    focal_point,
    language,
):
    head, alternate, adviser, observer = ROLE_WORDS[language]
    members = [
        f"Ms Rania Al-Abdallah, rania@example.org, {head}",
        f"Mr Omar Haddad; omar@example.org; {alternate}",
        f"Leila Nasser\tleila@example.org\t{adviser}",
        "Dr Sami Khoury, sami-at-example.org",
        f"Yusuf Saleh, yusuf@example.org, {observer}",
    ]
    page.goto(f"{live_server.url}/{language}/delegations/{focal_point.token}/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violation(page)

    pasted = page.locator("#id_list-members_list")
    tab_to(page, pasted)
    page.keyboard.insert_text("\n".join(members))
    submit_with_keyboard(page, page.locator("#submit-id-nominate_list"))
    # The wrong line is named; nothing is saved and the pasted text is kept.
    assert page.locator("#error-summary").get_by_text(re.compile("4")).count() == 1
    assert "sami-at-example.org" in page.locator("#id_list-members_list").input_value()
    assert Registration.objects.count() == 0
    assert_no_violation(page)

    tab_to(page, page.locator("#id_list-members_list"))
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("\n".join(members).replace("sami-at-", "sami@"))
    submit_with_keyboard(page, page.locator("#submit-id-nominate_list"))
    assert Registration.objects.count() == 5
    assert page.get_by_text("Al-Abdallah").count() >= 1
    assert_no_violation(page)

    tab_to(page, page.locator("#id_document-kind"))
    page.keyboard.press("End")  # credentials, the last kind
    tab_to(page, page.locator("#id_document-file"))
    # Reached by the keyboard; the file is then chosen in the system's dialog, outside the
    # page, which a headless browser does not open reliably: the file goes to the focused field.
    page.locator("#id_document-file:focus").set_input_files(
        {"name": "credentials.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("Cred")}
    )
    submit_with_keyboard(page, page.locator("#submit-id-upload"))
    assert DelegationDocument.objects.get().kind == DelegationDocument.Kind.CREDENTIALS
    assert_no_violation(page)

    rania = Registration.objects.get(delegate__email="rania@example.org")
    assert rania.role == Role.HEAD
    [email] = [email for email in mail.outbox if email.to == ["rania@example.org"]]
    link = re.search(r"https?://\S+/registrations/\S+/", email.body).group(0)
    page.goto(link)
    assert_no_violation(page)
    # The member accepts the invitation, with the privacy notice, then completes their details.
    page.goto(link + "invitation/")
    assert_no_violation(page)
    tab_to(page, page.locator("#id_privacy_accepted"))
    page.keyboard.press("Space")
    submit_with_keyboard(page, page.locator("button[value=accept]"))
    page.goto(link + "change/")
    assert_no_violation(page)
    tab_to(page, page.locator("#id_needs_captioning"))
    page.keyboard.press("Space")
    submit_with_keyboard(page, page.locator("form [type=submit]"))
    rania.refresh_from_db()
    assert rania.privacy_accepted_at is not None and rania.needs_captioning
    assert rania.status == Status.SUBMITTED
    assert_no_violation(page)
