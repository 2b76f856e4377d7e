"""Delegates register in French and in Arabic, find the e-mail, change and cancel; axe-core
finds nothing to fix on the form, its errors, or the delegate's own page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from registrations.models import Registration, Status
from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
)

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def open_conference(transactional_db, settings, live_server):
    settings.SITE_URL = live_server.url
    conference = conference_open_for_registration(
        slug="amman-2030",
        title_en="Global Conference on Victim Assistance",
        title_fr="Conférence mondiale sur l'assistance aux victimes",
        title_ar="المؤتمر العالمي لمساعدة الضحايا",
        short_name_en="Amman 2030",
        reference_prefix="AMM30",
        time_zone="Asia/Amman",
    )
    SessionFactory(
        conference=conference,
        slug="challenges",
        title_en="Challenges of integrating victim assistance",
        title_fr="Les défis de l'intégration de l'assistance aux victimes",
        title_ar="تحديات دمج مساعدة الضحايا",
    )
    StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")
    OrganizationFactory(
        name_en="International Disability Alliance",
        name_fr="Alliance internationale des personnes handicapées",
        acronym="IDA",
        kind="dpo",
    )
    return conference


def assert_no_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def private_link(email):
    return re.search(r"https?://\S+/registrations/\S+/", email.body).group(0)


def test_a_delegate_registers_in_french_changes_and_cancels(page, live_server, open_conference):
    page.goto(f"{live_server.url}/fr/conferences/amman-2030/")
    page.get_by_role("link", name="S'inscrire à cette conférence").click()
    page.wait_for_url("**/fr/conferences/amman-2030/register/")
    assert_no_violation(page)

    # A first try with the name missing: the errors are announced and nothing is lost.
    page.get_by_label("Courriel").first.fill("amina.haddad@example.org")
    page.get_by_label("Fonction (facultatif)").fill("Directrice")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state()
    assert page.title().startswith("Erreur")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.get_by_label("Fonction (facultatif)").input_value() == "Directrice"
    assert_no_violation(page)

    page.get_by_label("Prénom").fill("Amina")
    page.get_by_label("Nom de famille").fill("Haddad")
    # The search box finds an organization by its name in any language or its acronym.
    page.get_by_label("Rechercher dans la liste des organisations").fill("IDA")
    assert page.locator("#id_organization").input_value() == str(
        OrganizationFactory._meta.model.objects.get(acronym="IDA").pk
    )
    page.get_by_label("Rôle").select_option(label="Chef de délégation")
    page.get_by_label("Sous-titrage en temps réel").check()
    page.get_by_label("J'ai lu l'avis de confidentialité", exact=False).check()
    page.get_by_role("button", name="S'inscrire").click()
    # The private link goes to the address, not to the browser.
    page.wait_for_url("**/fr/conferences/amman-2030/register/sent/")
    assert "amina.haddad@example.org" in page.content()
    assert_no_violation(page)

    registration = Registration.objects.get()
    assert registration.needs_captioning
    [email] = mail.outbox
    assert email.to == ["amina.haddad@example.org"]
    page.goto(private_link(email))
    assert registration.reference in page.get_by_role("heading", level=1).inner_text()
    assert_no_violation(page)
    page.get_by_role("link", name="Modifier mon inscription").click()
    page.get_by_label("Fonction (facultatif)").fill("Ministre")
    page.get_by_role("button", name="Enregistrer mes modifications").click()
    page.wait_for_url(f"**/fr/registrations/{registration.token}/")
    assert page.get_by_text("Ministre").is_visible()
    registration.refresh_from_db()
    assert registration.job_title == "Ministre"

    # A new address is asked for on a page of its own, and confirmed from the new address.
    page.goto(f"{live_server.url}/fr/registrations/{registration.token}/email/")
    assert_no_violation(page)
    page.locator("#id_email").fill("a.haddad@example.org")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"**/fr/registrations/{registration.token}/")
    confirm = re.search(r"https?://\S+/email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(confirm)
    assert_no_violation(page)
    page.locator("main form button[type=submit]").click()
    registration.refresh_from_db()
    page.wait_for_url(f"**/fr/registrations/{registration.token}/")
    assert registration.delegate.email == "a.haddad@example.org"

    page.get_by_role("link", name="Annuler mon inscription").click()
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    page.wait_for_url(f"**/fr/registrations/{registration.token}/")
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert_no_violation(page)


def test_a_delegate_registers_in_arabic_right_to_left(page, live_server, open_conference):
    page.goto(f"{live_server.url}/ar/conferences/amman-2030/register/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_violation(page)

    page.get_by_label("الاسم الأول").fill("رانيا")
    page.get_by_label("اسم العائلة").fill("العبدالله")
    page.get_by_label("البريد الإلكتروني").first.fill("rania@example.org")
    page.locator("#id_organization").select_option(label="الأردن")
    page.locator("#id_privacy_accepted").check()
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/ar/conferences/amman-2030/register/sent/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_violation(page)

    registration = Registration.objects.get()
    assert registration.family_name == "العبدالله"
    assert registration.language == "ar"
    [email] = mail.outbox
    assert registration.reference in email.subject
    page.goto(private_link(email))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "العبدالله" in page.content()
    assert registration.reference in page.get_by_role("heading", level=1).inner_text()
    assert_no_violation(page)
