"""Where a conference offers both ways of taking part, the form asks which, in four languages,
axe-clean and by keyboard; a delegate registers online in Arabic."""

import pytest

from registrations.models import Registration
from va_conference.models import Participation

from .test_focal_point_page import tab_to
from .test_registration import assert_no_violation, open_conference  # noqa: F401 (a fixture)

pytestmark = pytest.mark.shared_parts

QUESTION = {
    "en": ("How will you take part?", "In person", "Online"),
    "fr": ("Comment participerez-vous\u00a0?", "En présentiel", "En ligne"),
    "es": ("¿Cómo participará?", "Presencial", "En línea"),
    "ar": ("كيف ستشارك؟", "حضوريًا", "عبر الإنترنت"),
}


@pytest.fixture
def hybrid(open_conference):  # noqa: F811 (the fixture imported above)
    open_conference.offers_online = True
    open_conference.save()
    return open_conference


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_form_asks_how_the_delegate_takes_part(page, live_server, hybrid, language):
    page.goto(f"{live_server.url}/{language}/conferences/amman-2030/register/")
    question, in_person, online = QUESTION[language]

    assert page.get_by_role("group", name=question).is_visible()
    assert page.get_by_label(in_person, exact=True).is_checked()
    # The radio buttons of one group: Tab reaches the checked one, an arrow moves the choice.
    tab_to(page, page.get_by_label(in_person, exact=True))
    page.keyboard.press("ArrowDown")
    assert page.get_by_label(online, exact=True).is_checked()
    assert_no_violation(page)


def test_a_delegate_registers_online_in_arabic(page, live_server, hybrid):
    page.goto(f"{live_server.url}/ar/conferences/amman-2030/register/")
    _question, in_person, online = QUESTION["ar"]
    page.get_by_label("الاسم الأول").fill("رانيا")
    page.get_by_label("اسم العائلة").fill("العبدالله")
    page.get_by_label("البريد الإلكتروني").first.fill("rania@example.org")
    page.locator("#id_organization").select_option(label="الأردن")
    tab_to(page, page.get_by_label(in_person, exact=True))
    page.keyboard.press("ArrowDown")
    assert page.get_by_label(online, exact=True).is_checked()
    page.locator("#id_privacy_accepted").check()
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/ar/conferences/amman-2030/register/sent/")

    assert Registration.objects.get().mode == Participation.ONLINE
