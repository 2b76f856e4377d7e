"""The programme on another website: a plain page served from another port embeds it with one
element and one script; it shows the programme as released, in the snippet's language (right to
left in Arabic), passes axe, is used with the keyboard, and leaves the host page's names and
styles as they were."""

import datetime
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sessions import releases
from tests.browser.test_dashboard import assert_no_violation
from tests.browser.test_focal_point_page import tab_to
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.shared_parts

HOST_PAGE = """<!doctype html>
<html lang="{language}" dir="{direction}">
<head><meta charset="utf-8"><title>Implementation Support Unit</title>
<style>a {{ color: rgb(0, 0, 0); }} h3 {{ font-size: 40px; }}</style></head>
<body><main><h1>Implementation Support Unit</h1>{snippet}</main></body>
</html>
"""


@pytest.fixture
def conference(transactional_db):
    start = datetime.date(2030, 9, 10)
    conference = ConferenceFactory(
        slug="oslo-2030", short_name_en="3MSP", start_date=start, end_date=start, is_published=True
    )
    hall = RoomFactory(conference=conference, name_en="Plenary hall", name_ar="القاعة العامة")
    SessionFactory(
        conference=conference, slug="opening", title_en="Opening", title_ar="الافتتاح", room=hall
    )
    return conference


@pytest.fixture
def another_website(tmp_path):
    """A plain static website on a port of its own: another origin than the app's."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def host(another_website, live_server, conference, language, direction, with_widget=True):
    folder, address = another_website
    snippet = (
        f'<div data-va-programme="{live_server.url}/{language}/conferences/{conference.slug}'
        f'/programme.json"><a href="{live_server.url}/{language}/conferences/'
        f'{conference.slug}/programme/">Programme</a></div>'
        f'<script src="{live_server.url}/static/js/programme-widget.js" async></script>'
        if with_widget
        else ""
    )
    name = f"{language}{'' if with_widget else '-plain'}.html"
    (folder / name).write_text(
        HOST_PAGE.format(language=language, direction=direction, snippet=snippet),
        encoding="utf-8",
    )
    return f"{address}/{name}"


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
)
def test_the_programme_is_embedded_in_another_website(
    page, live_server, conference, another_website, language, direction
):
    releases.release(conference, "Rev.1", by=None)
    conference.sessions.filter(slug="opening").update(start_time=datetime.time(9))
    releases.release(conference, "Rev.2", by=None)
    page.goto(host(another_website, live_server, conference, language, direction, False))
    plain_names = page.evaluate("Object.keys(window).length")
    page.goto(host(another_website, live_server, conference, language, direction))
    widget = page.locator(".va-programme")
    widget.wait_for()
    assert widget.get_attribute("dir") == direction
    assert "09:00" in widget.inner_text()
    title = "الافتتاح" if language == "ar" else "Opening"
    session_link = widget.get_by_role("link", name=title)
    assert session_link.is_visible()
    assert_no_violation(page)
    tab_to(page, session_link)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/{language}/conferences/oslo-2030/sessions/opening/")
    page.go_back()
    page.locator(".va-programme").wait_for()
    # The host page's names and styles are its own: none added, none changed.
    assert page.evaluate("Object.keys(window).length") == plain_names
    assert page.evaluate("document.styleSheets.length") == 1
    heading = page.locator(".va-programme h3")
    assert heading.evaluate("node => getComputedStyle(node).fontSize") != "40px"


def test_without_the_programme_the_link_stays(page, live_server, conference, another_website):
    conference.is_published = False
    conference.save()
    page.goto(host(another_website, live_server, conference, "en", "ltr"))
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.get_by_role("link", name="Programme").is_visible()
    assert page.locator(".va-programme").count() == 0
