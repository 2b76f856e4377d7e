"""A revision of the programme from end to end, keyboard only where people act, with axe on
every page: an organizer moves a session and adds one, sees both among the pending changes with
a room clash, fixes it and releases Rev.1; a delegate who marked the moved session is told by
e-mail and sees the new time in their agenda; the public changelog and its feed show it; and
the programme embedded in a page of another website shows the new time."""

import datetime
import re

import pytest
from django.core import mail

from registrations import agenda
from registrations.models import Status
from sessions import releases
from tests.browser.test_dashboard import PASSWORD, assert_no_violation, sign_in
from tests.browser.test_focal_point_page import submit_with_keyboard, tab_to
from tests.browser.test_programme_widget import another_website, host  # noqa: F401
from tests.factories import ConferenceFactory, RegistrationFactory, RoomFactory, SessionFactory

pytestmark = [pytest.mark.shared_parts, pytest.mark.slow]

START = datetime.date(2030, 9, 10)


@pytest.fixture
def conference(transactional_db, settings, live_server, organizer):
    settings.SITE_URL = live_server.url
    organizer.set_password(PASSWORD)
    organizer.save()
    conference = ConferenceFactory(
        slug="oslo-2030",
        short_name_en="3MSP",
        start_date=START,
        end_date=START,
        time_zone="Europe/Oslo",
        is_published=True,
    )
    hall = RoomFactory(conference=conference, name_en="Plenary hall")
    annex = RoomFactory(conference=conference, name_en="Annex")
    SessionFactory(conference=conference, slug="opening", title_en="Opening", room=hall)
    SessionFactory(
        conference=conference,
        slug="panel",
        title_en="Survivors' panel",
        room=annex,
        start_time=datetime.time(15),
        end_time=datetime.time(17),
    )
    releases.release(conference, "Original", by=None)
    return conference


def choose_room(page, label):
    """The room, in the admin's autocomplete, with the keyboard."""
    box = page.locator("#id_room + .select2 .select2-selection")
    tab_to(page, box)
    page.keyboard.press("Enter")
    # Select2 opens its search box, then moves the focus there: keys typed before are lost.
    page.wait_for_function(
        "document.activeElement?.classList.contains('select2-search__field') ?? false"
    )
    page.keyboard.type(label)
    # Once the search has narrowed the choices to the one room.
    page.wait_for_function(
        "label => [...document.querySelectorAll('.select2-results__option')]"
        ".map(option => option.textContent).join('|') === label",
        arg=label,
    )
    page.keyboard.press("Enter")


def change_session(page, live_server, session, room=None, **fields):
    page.goto(f"{live_server.url}/admin/programme/session/{session.pk}/change/")
    for name, value in fields.items():
        page.locator(f"#id_{name}").fill(value)
    if room:
        choose_room(page, room)
    submit_with_keyboard(page, page.locator("input[name=_save]"))
    assert page.locator(".messagelist .success").count() == 1


def test_a_revision_from_the_organizer_to_the_delegate_and_another_website(
    browser,
    live_server,
    conference,
    another_website,  # noqa: F811
):
    panel = conference.sessions.get(slug="panel")
    delegate = RegistrationFactory(conference=conference, status=Status.CONFIRMED, language="en")
    agenda.mark(agenda.agenda_of(delegate), panel.pk, on=True)

    desk = browser.new_context(locale="en")
    page = desk.new_page()
    sign_in(page, live_server, "/admin/")
    # The panel moves to the morning, into the plenary hall, where the opening already is.
    change_session(
        page, live_server, panel, start_time="11:00", end_time="12:30", room="Plenary hall"
    )
    # A session is added.
    page.goto(f"{live_server.url}/admin/programme/session/add/?conference={conference.pk}")
    page.locator("#id_title_en").fill("Side event on inclusion")
    page.locator("#id_slug").fill("side-event")
    page.locator("#id_date").fill(START.isoformat())
    page.locator("#id_start_time").fill("18:00")
    page.locator("#id_end_time").fill("19:00")
    choose_room(page, "Annex")
    submit_with_keyboard(page, page.locator("input[name=_save]"))
    assert conference.sessions.filter(title_en="Side event on inclusion").exists()

    release = f"/admin/conferences/{conference.slug}/programme/release/"
    page.goto(f"{live_server.url}{release}")
    pending = page.locator("#pending-changes").inner_text()
    assert "Moved in time" in pending and "Moved to another room" in pending
    assert "Added" in pending and "Side event on inclusion" in pending
    assert (
        "Plenary hall is used by two sessions at once."
        in page.locator("#release-warnings").inner_text()
    )
    assert_no_violation(page)
    # Fixed: the panel goes back to the annex, at its new time.
    change_session(page, live_server, panel, room="Annex")
    page.goto(f"{live_server.url}{release}")
    assert page.locator("#release-warnings").count() == 0
    name = page.locator("#id_name")
    tab_to(page, name)
    page.keyboard.press("Control+A")
    page.keyboard.type("Rev.1")
    tab_to(page, page.locator("#id_note_en"))
    page.keyboard.type("The survivors' panel moves to the morning.")
    submit_with_keyboard(page, page.locator(".submit-row input.default"))
    assert (
        "1 person whose sessions changed is told by e-mail."
        in page.locator(".messagelist").inner_text()
    )
    assert_no_violation(page)
    desk.close()

    # The delegate who marked the panel is told, and sees its new time in the agenda.
    [email] = [email for email in mail.outbox if email.to == [delegate.delegate.email]]
    assert "Rev.1" in email.subject and "11:00" in email.body and "Europe/Oslo" in email.body
    link = re.search(r"https?://\S+/registrations/\S+/", email.body).group(0)
    own = browser.new_context(locale="en")
    mine = own.new_page()
    mine.goto(link)
    tab_to(mine, mine.locator(f"a[href$='/registrations/{delegate.token}/agenda/']"))
    with mine.expect_navigation():
        mine.keyboard.press("Enter")
    assert "11:00\u201312:30" in mine.locator("#agenda-marked").inner_text()
    assert_no_violation(mine)

    # The public changelog and its feed.
    mine.goto(f"{live_server.url}/en/conferences/{conference.slug}/programme/changes/")
    changes = mine.locator("main").inner_text()
    assert "Rev.1" in changes and "The survivors' panel moves to the morning." in changes
    assert_no_violation(mine)
    feed = mine.request.get(
        f"{live_server.url}/en/conferences/{conference.slug}/programme/changes.atom"
    )
    assert "Rev.1" in feed.text() and "Side event on inclusion" in feed.text()
    own.close()

    # The programme embedded in a page of another website shows the new time.
    visitor = browser.new_context(locale="en")
    elsewhere = visitor.new_page()
    elsewhere.goto(host(another_website, live_server, conference, "en", "ltr"))
    widget = elsewhere.locator(".va-programme")
    widget.wait_for()
    assert "11:00\u201312:30" in widget.inner_text()
    assert "Side event on inclusion" in widget.inner_text()
    assert_no_violation(elsewhere)
    visitor.close()
