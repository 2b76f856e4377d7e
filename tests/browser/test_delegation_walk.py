"""A delegation from start to finish, with the keyboard alone, in each of the four languages:
an organizer names Jordan's focal point from the dashboard; the focal point pastes five
members and sends a copy of the credentials; a member accepts the invitation and completes
their details, as the others accept theirs; the organizer confirms the members, records the
original credentials and sets the List of Participants; days later the focal point withdraws
the head and names another, a delegate registered for another organization asks to move into
the delegation, its focal point endorses them and the organizer confirms them, and the
Addendum says so.
Both come out as PDFs whose text, read back, names the right people in the right order.
axe-core finds nothing to fix on any page on the way."""

import datetime
import re
import unicodedata

import pytest
from django.core import mail
from pypdf import PdfReader

from delegations import nominations
from delegations.models import Change, Credentials, DelegationChange, FocalPoint
from registrations.models import Registration, Role, Status
from tests.browser.test_focal_point_page import (
    ROLE_WORDS,
    assert_no_violation,
    submit_with_keyboard,
    tab_to,
)
from tests.factories import (
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
    conference_open_for_registration,
    pdf_bytes,
)

pytestmark = pytest.mark.shared_parts

PASSWORD = "a long password for the organizer"
LANGUAGES = ["en", "fr", "es", "ar"]


@pytest.fixture
def conference(transactional_db, settings, live_server, organizer):
    settings.SITE_URL = live_server.url
    organizer.set_password(PASSWORD)
    organizer.save()
    conference = conference_open_for_registration(
        slug="ccm-2030",
        title_en="Meeting of States Parties to the Convention on Cluster Munitions",
        short_name_en="14MSP",
        reference_prefix="MSP14",
        convention="ccm",
        time_zone="Asia/Amman",
    )
    StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_es="Jordania")
    return conference


def text_of(pdf_path):
    pages = PdfReader(pdf_path).pages
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in pages))


def in_order(text, *words):
    positions = [text.find(word) for word in words]
    return -1 not in positions and positions == sorted(positions)


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def choose(page, select, value):
    """Choose an option of `select` reached by the keyboard, as arrow keys would."""
    tab_to(page, select)
    select.select_option(value)


def download(page, button):
    tab_to(page, button)
    with page.expect_download() as downloaded:
        page.keyboard.press("Enter")
    return text_of(downloaded.value.path())


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_delegation_from_its_focal_point_to_the_addendum_with_the_keyboard(
    browser, live_server, conference, language
):
    organizer = browser.new_context(locale=language).new_page()
    focal = browser.new_context(locale=language).new_page()
    base = f"/admin/conferences/{conference.slug}/"

    # The organizer names the focal point from the conference's dashboard.
    organizer.goto(f"{live_server.url}/admin/login/?next={base}")
    organizer.locator("#id_username").fill("organizer")
    organizer.locator("#id_password").fill(PASSWORD)
    organizer.locator("#id_password").press("Enter")
    organizer.wait_for_url(f"**{base}")
    assert_no_violation(organizer)
    name_link = organizer.locator(
        f"a[href='/admin/delegations/focalpoint/add/?conference={conference.pk}']"
    )
    with organizer.expect_navigation():
        press(organizer, name_link)
    assert_no_violation(organizer)
    jordan = organizer.locator("#id_organization option", has_text="Jordan").get_attribute("value")
    choose(organizer, organizer.locator("#id_organization"), jordan)
    tab_to(organizer, organizer.locator("#id_name"))
    organizer.keyboard.type("Rania Haddad")
    tab_to(organizer, organizer.locator("#id_email"))
    organizer.keyboard.type("focal@mfa.example.jo")
    choose(organizer, organizer.locator("#id_language"), language)
    submit_with_keyboard(organizer, organizer.locator("input[name=_save]"))
    focal_point = FocalPoint.objects.select_related("delegation").get()
    delegation = focal_point.delegation
    [email] = mail.outbox
    assert email.to == ["focal@mfa.example.jo"]
    link = re.search(r"https?://\S+/delegations/\S+/", email.body).group(0)
    assert link == f"{live_server.url}/{language}/delegations/{focal_point.token}/"

    # The focal point pastes five members and sends a copy of the credentials.
    head, alternate, adviser, observer = ROLE_WORDS[language]
    focal.goto(link)
    assert_no_violation(focal)
    tab_to(focal, focal.locator("#id_list-members_list"))
    focal.keyboard.insert_text(
        "\n".join(
            [
                f"Ms Rania Al-Abdallah, rania@example.org, {head}",
                f"Mr Omar Haddad; omar@example.org; {alternate}",
                f"Leila Nasser\tleila@example.org\t{adviser}",
                "Dr Sami Khoury, sami@example.org",
                f"Yusuf Saleh, yusuf@example.org, {observer}",
            ]
        )
    )
    submit_with_keyboard(focal, focal.locator("#submit-id-nominate_list"))
    assert delegation.members.count() == 5
    assert_no_violation(focal)
    choose(focal, focal.locator("#id_document-kind"), "credentials")
    tab_to(focal, focal.locator("#id_document-file"))
    # The file is chosen in the system's dialog, outside the page: it goes to the focused field.
    focal.locator("#id_document-file:focus").set_input_files(
        {"name": "credentials.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("Cred")}
    )
    submit_with_keyboard(focal, focal.locator("#submit-id-upload"))
    credentials_document = delegation.documents.get()

    # A member accepts the invitation e-mailed to them, then completes their details; the
    # others accept theirs.
    assert set(delegation.members.values_list("status", flat=True)) == {Status.INVITED}
    [member_email] = [email for email in mail.outbox if email.to == ["leila@example.org"]]
    member_link = re.search(r"https?://\S+/registrations/\S+/", member_email.body).group(0)
    focal.goto(member_link + "invitation/")
    assert_no_violation(focal)
    press(focal, focal.locator("#id_privacy_accepted"), "Space")
    submit_with_keyboard(focal, focal.locator("button[value=accept]"))
    focal.goto(member_link + "change/")
    assert_no_violation(focal)
    press(focal, focal.locator("#id_needs_captioning"), "Space")
    press(focal, focal.locator("#id_consents_to_public_listing"), "Space")
    submit_with_keyboard(focal, focal.locator("form [type=submit]"))
    leila = Registration.objects.get(delegate__email="leila@example.org")
    assert leila.privacy_accepted_at is not None and leila.needs_captioning
    assert leila.consents_to_public_listing
    for member in delegation.members.filter(status=Status.INVITED):
        nominations.accept(member)

    # The organizer confirms the five members.
    organizer.goto(
        f"{live_server.url}/admin/registrations/registration/?conference__id__exact={conference.pk}"
    )
    press(organizer, organizer.locator("#action-toggle"), "Space")
    choose(organizer, organizer.locator("select[name=action]"), "confirm")
    submit_with_keyboard(organizer, organizer.locator("button[name=index]"))
    assert set(delegation.members.values_list("status", flat=True)) == {Status.CONFIRMED}

    # The original of the credentials arrives: the organizer records it.
    organizer.goto(f"{live_server.url}/admin/delegations/delegation/{delegation.pk}/change/")
    assert_no_violation(organizer)
    choose(organizer, organizer.locator("#id_credentials"), Credentials.ORIGINAL)
    tab_to(organizer, organizer.locator("#id_credentials_received_on"))
    organizer.keyboard.type(conference.start_date.strftime("%Y-%m-%d"))
    choose(organizer, organizer.locator("#id_credentials_signatory"), "foreign_minister")
    choose(organizer, organizer.locator("#id_credentials_document"), str(credentials_document.pk))
    submit_with_keyboard(organizer, organizer.locator("input[name=_save]"))
    delegation.refresh_from_db()
    assert (delegation.credentials, delegation.credentials_document) == (
        Credentials.ORIGINAL,
        credentials_document,
    )

    # Ten days pass: the List is dated five days ago, after every member was named.
    today = datetime.datetime.now(conference.tzinfo).date()
    for change in DelegationChange.objects.all():
        change.made_at -= datetime.timedelta(days=10)
        change.save()
    tools = f"{live_server.url}{base}participants-list/"
    organizer.goto(tools)
    assert_no_violation(organizer)
    tab_to(organizer, organizer.locator("#id_list-symbol"))
    organizer.keyboard.type("CCM/MSP/2030/INF.1")
    organizer.locator("#id_list-date").fill((today - datetime.timedelta(days=5)).isoformat())
    submit_with_keyboard(organizer, organizer.locator("#id_list-symbol"))
    choose(organizer, organizer.locator("#id_language"), language)
    choose(organizer, organizer.locator("#id_edition"), "secretariat")
    listed = download(organizer, organizer.locator("#download-heading + form [type=submit]"))
    assert "CCM/MSP/2030/INF.1" in listed
    # Heads first, then by role: the alternate, a delegate, the adviser, the observer.
    assert in_order(listed, "Al-Abdallah", "Haddad", "Khoury", "Nasser", "Saleh")
    # The public edition names only the member who agreed to it.
    choose(organizer, organizer.locator("#id_edition"), "public")
    public = download(organizer, organizer.locator("#download-heading + form [type=submit]"))
    assert "Nasser" in public
    assert not {"Al-Abdallah", "Haddad", "Khoury", "Saleh"} & set(re.findall(r"[\w-]+", public))

    # The focal point withdraws the head and makes the alternate head of delegation.
    rania = delegation.members.get(delegate__email="rania@example.org")
    omar = delegation.members.get(delegate__email="omar@example.org")
    focal.goto(link)
    submit_with_keyboard(
        focal, focal.locator(f"form[action$='/members/{rania.pk}/withdraw/'] button")
    )
    choose(focal, focal.locator(f"#role-{omar.pk}"), Role.HEAD)
    submit_with_keyboard(focal, focal.locator(f"form[action$='/members/{omar.pk}/role/'] button"))
    assert_no_violation(focal)
    recent = DelegationChange.objects.filter(made_at__date__gt=today - datetime.timedelta(5))
    assert list(recent.values_list("kind", flat=True)) == [Change.WITHDRAWN, Change.NEW_HEAD]

    # A delegate confirmed for a survivors' network registered for the wrong organization: they
    # ask to move into Jordan's delegation; its focal point endorses them, the organizer confirms.
    moving = RegistrationFactory(
        conference=conference,
        organization=OrganizationFactory(name_en="Survivor Network", kind="survivors"),
        status=Status.CONFIRMED,
        given_name="Hadi",
        family_name="Zureikat",
        language=language,
    )
    delegate = browser.new_context(locale=language).new_page()
    delegate.goto(f"{live_server.url}/{language}/registrations/{moving.token}/move/")
    assert_no_violation(delegate)
    choose(delegate, delegate.locator("#id_organization"), str(delegation.organization_id))
    submit_with_keyboard(delegate, delegate.locator("form [type=submit]"))
    moving.refresh_from_db()
    assert (moving.delegation, moving.status) == (delegation, Status.SUBMITTED)
    focal.goto(link)
    submit_with_keyboard(
        focal, focal.locator(f"form[action$='/members/{moving.pk}/endorse/'] button[value=endorse]")
    )
    organizer.goto(
        f"{live_server.url}/admin/registrations/registration/?conference__id__exact={conference.pk}"
        "&status__exact=submitted"
    )
    assert "Zureikat" in organizer.locator("#result_list").inner_text()
    press(organizer, organizer.locator("#action-toggle"), "Space")
    choose(organizer, organizer.locator("select[name=action]"), "confirm")
    submit_with_keyboard(organizer, organizer.locator("button[name=index]"))
    moving.refresh_from_db()
    assert moving.is_confirmed_member

    # The Addendum, dated today, lists the withdrawal and the new head, and no one else.
    organizer.goto(tools)
    tab_to(organizer, organizer.locator("#id_addendum-symbol"))
    organizer.keyboard.type("CCM/MSP/2030/INF.1/Add.1")
    organizer.locator("#id_addendum-date").fill(today.isoformat())
    submit_with_keyboard(organizer, organizer.locator("#id_addendum-symbol"))
    assert_no_violation(organizer)
    addendum = organizer.locator("#id_document option", has_text="Add.1").get_attribute("value")
    choose(organizer, organizer.locator("#id_document"), addendum)
    choose(organizer, organizer.locator("#id_language"), language)
    choose(organizer, organizer.locator("#id_edition"), "secretariat")
    changes = download(organizer, organizer.locator("#download-heading + form [type=submit]"))
    assert "CCM/MSP/2030/INF.1/Add.1" in changes
    assert "Al-Abdallah" in changes and "Haddad" in changes and "Zureikat" in changes
    assert not {"Nasser", "Khoury", "Saleh"} & set(re.findall(r"\w+", changes))
