"""A visitor reads the public pages in each language; axe-core finds nothing to fix on any."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile

from registrations.models import Status
from sessions.models import Document, DocumentFile
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    pdf_bytes,
)
from va_conference.models import Update

pytestmark = pytest.mark.shared_parts

LANGUAGES = ["en", "fr", "es", "ar"]


@pytest.fixture
def amman(transactional_db):
    conference = ConferenceFactory(
        slug="amman-2019",
        title_en="Global Conference on Victim Assistance and the Rights of Persons with "
        "Disabilities",
        title_fr="Conférence mondiale sur l'assistance aux victimes et les droits des personnes "
        "handicapées",
        title_es="Conferencia Mundial sobre Asistencia a las Víctimas y los Derechos de las "
        "Personas con Discapacidad",
        title_ar="المؤتمر العالمي لمساعدة الضحايا وحقوق الأشخاص ذوي الإعاقة",
        short_name_en="Amman 2019",
        city_en="Amman",
        city_ar="عمّان",
        country="JO",
        description_en="Promoting partnerships.",
        start_date=datetime.date(2019, 9, 10),
        end_date=datetime.date(2019, 9, 12),
        time_zone="Asia/Amman",
        host=StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie"),
    )
    room = RoomFactory(conference=conference, name_en="Main hall", name_fr="Salle principale")
    session = SessionFactory(
        conference=conference,
        slug="challenges",
        title_en="Challenges of integrating victim assistance",
        title_fr="Les défis de l'intégration de l'assistance aux victimes",
        title_es="Los desafíos de la integración de la asistencia a las víctimas",
        title_ar="تحديات دمج مساعدة الضحايا",
        kind="thematic",
        room=room,
        chairs="Jordan",
        agenda_item_en="2. Challenges",
    )
    SessionFactory(conference=conference, slug="opening", title_en="Opening", room=room)
    StatementFactory(session=session, organization=conference.host)
    concept_note = Document.objects.create(
        conference=conference,
        title_en="Concept note",
        title_fr="Note conceptuelle",
        kind="concept_note",
        date=datetime.date(2019, 6, 1),
        is_published=True,
    )
    DocumentFile.objects.create(
        document=concept_note, language="fr", file=ContentFile(pdf_bytes("Note"), name="n.pdf")
    )
    Update.objects.create(
        conference=conference,
        title_en="Welcome to Amman",
        title_ar="مرحبًا بكم في عمّان",
        body_en="The **registration desk** opens at 8:00.",
        is_published=True,
    )
    RegistrationFactory(
        conference=conference,
        organization=OrganizationFactory(name_en="International Disability Alliance", kind="dpo"),
        status=Status.CONFIRMED,
        consents_to_public_listing=True,
    )
    return conference


def public_paths(language):
    return [
        f"/{language}/",
        f"/{language}/conferences/amman-2019/",
        f"/{language}/conferences/amman-2019/programme/",
        f"/{language}/conferences/amman-2019/sessions/challenges/",
        f"/{language}/conferences/amman-2019/participants/",
        f"/{language}/conferences/amman-2019/statements/",
        f"/{language}/conferences/amman-2019/documents/",
        f"/{language}/conferences/amman-2019/updates/",
        f"/{language}/conferences/amman-2019/states/",
        f"/{language}/statements/",
        f"/{language}/statements/?q=statement+note",
        f"/{language}/statements/?q=statement&year_from=1900",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_on_any_public_page(page, live_server, amman, language):
    axe = Axe()
    for path in public_paths(language):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        results = axe.run(page)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"


def test_the_programme_in_french_shows_french_titles(page, live_server, amman):
    page.goto(live_server.url + "/fr/conferences/amman-2019/programme/")
    assert page.title().startswith("Programme de travail") or "Programme" in page.title()
    heading = page.get_by_role(
        "link", name="Les défis de l'intégration de l'assistance aux victimes"
    )
    assert heading.is_visible()


def test_the_programme_in_arabic_reads_right_to_left(page, live_server, amman):
    page.goto(live_server.url + "/ar/conferences/amman-2019/programme/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.get_by_role("link", name="تحديات دمج مساعدة الضحايا").is_visible()


def test_the_language_switcher_lands_on_the_same_session(page, live_server, amman):
    page.goto(live_server.url + "/en/conferences/amman-2019/sessions/challenges/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/conferences/amman-2019/sessions/challenges/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Les défis de l'intégration de l'assistance aux victimes"
    )
    page.get_by_role("link", name="العربية", exact=True).click()
    page.wait_for_url("**/ar/conferences/amman-2019/sessions/challenges/")
    assert page.get_by_role("heading", level=1).inner_text() == "تحديات دمج مساعدة الضحايا"


def test_the_skip_link_moves_focus_to_the_main_content(page, live_server, amman):
    page.goto(live_server.url + "/en/conferences/amman-2019/programme/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
