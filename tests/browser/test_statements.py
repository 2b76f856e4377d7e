"""An editor uploads a session's statements and publishes them; a visitor downloads one."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from sessions.models import Statement
from tests.factories import ConferenceFactory, SessionFactory, StateFactory, pdf_bytes

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def oslo(transactional_db):
    conference = ConferenceFactory(
        slug="3msp-oslo-2012",
        short_name_en="3MSP",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
        time_zone="Europe/Oslo",
    )
    SessionFactory(
        conference=conference,
        slug="victim-assistance",
        title_en="Victim assistance",
        title_fr="Assistance aux victimes",
    )
    StateFactory(country="NO", name_en="Norway", name_fr="Norvège")
    StateFactory(country="LA", name_en="Lao PDR", name_fr="RDP lao")
    return conference


def assert_no_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def test_an_editor_uploads_three_files_and_a_visitor_downloads_one(
    browser, page, live_server, oslo, statement_editor
):
    statement_editor.set_password("a long password for the editor")
    statement_editor.save()
    norway_pdf = pdf_bytes("Statement of Norway on victim assistance")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/programme/statement/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long password for the editor")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Upload a session's statements").click()
    page.get_by_role("link", name="Victim assistance").click()
    page.wait_for_url("**/sessions/victim-assistance/upload/")
    assert_no_violation(page)

    page.get_by_label("Choose several files at once").set_input_files(
        [
            {"name": "norway.pdf", "mimeType": "application/pdf", "buffer": norway_pdf},
            {
                "name": "lao.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf_bytes("Statement of the Lao PDR"),
            },
            {
                "name": "disguised.pdf",
                "mimeType": "application/pdf",
                "buffer": b"<!doctype html><html><body>Not a statement</body></html>",
            },
        ]
    )
    delegations = page.get_by_label("Delegation")
    delegations.nth(0).select_option(label="Norway")
    delegations.nth(1).select_option(label="Lao PDR")
    delegations.nth(2).select_option(label="Norway")
    page.locator("select[name='form-2-language']").select_option(label="French")
    page.get_by_role("button", name="Upload", exact=True).click()
    page.wait_for_load_state()

    outcome = page.locator("#outcome")
    assert "2 files saved" in outcome.inner_text()
    assert "1 file refused" in outcome.inner_text()
    assert "disguised.pdf: This file is not a PDF, DOCX or ODT document." in outcome.inner_text()
    assert_no_violation(page)

    page.get_by_role("button", name="Publish the 2 saved statements").click()
    page.wait_for_load_state()
    assert page.get_by_text("2 statements published.").is_visible()
    assert Statement.objects.filter(is_published=True).count() == 2

    visitor = browser.new_context(accept_downloads=True).new_page()
    visitor.goto(f"{live_server.url}/fr/conferences/3msp-oslo-2012/sessions/victim-assistance/")
    assert_no_violation(visitor)
    with visitor.expect_download() as download_info:
        visitor.locator("li", has_text="Norvège").get_by_role("link").click()
    download = download_info.value
    assert download.suggested_filename == "3MSP-victim-assistance-Norway-EN.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == norway_pdf
    visitor.context.close()
