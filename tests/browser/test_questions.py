"""The conference's own questions on the registration form pass axe in each language, right to
left in Arabic, with every type shown; an error names the question and leads to it."""

import datetime

import pytest

from registrations.models import FollowUpForm, Question, QuestionChoice, QuestionType, Status
from tests.browser.test_registration import assert_no_violation, open_conference  # noqa: F401
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.shared_parts


@pytest.fixture
def questions(open_conference):  # noqa: F811
    """One question of each type, the one on sign language required and followed by another."""
    asked = {}
    for order, kind in enumerate(QuestionType):
        asked[kind] = Question.objects.create(
            conference=open_conference,
            label_en=f"{kind.label} question",
            label_fr=f"Question ({kind.value})",
            label_es=f"Pregunta ({kind.value})",
            label_ar=f"سؤال ({kind.value})",
            type=kind,
            order=order,
            required=kind == QuestionType.YES_NO,
        )
    for kind in (QuestionType.CHOICE, QuestionType.CHOICES):
        for label in ("A", "B"):
            QuestionChoice.objects.create(question=asked[kind], label_en=label)
    asked["which"] = Question.objects.create(
        conference=open_conference,
        label_en="Which sign language do you use?",
        type=QuestionType.TEXT,
        order=99,
        depends_on=asked[QuestionType.YES_NO],
        depends_on_values=["yes"],
    )
    return asked


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_questions_pass_axe_in_each_language(page, live_server, questions, language):
    page.goto(f"{live_server.url}/{language}/conferences/amman-2030/register/")
    assert page.locator("input[name^=question_]").count() > 0
    assert_no_violation(page)


def test_an_unanswered_question_is_named_and_reached_from_the_summary(page, live_server, questions):
    page.goto(f"{live_server.url}/en/conferences/amman-2030/register/")
    page.locator("input[type=submit]").click()
    summary = page.locator("#error-summary")
    link = summary.get_by_role("link", name="Yes or no question: Answer this question.")
    assert link.count() == 1
    assert_no_violation(page)
    link.focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused == f"id_question_{questions[QuestionType.YES_NO].pk}_0"


def test_a_question_appears_on_yes_and_is_announced(page, live_server, questions):
    page.goto(f"{live_server.url}/en/conferences/amman-2030/register/")
    which = page.locator(f"#id_question_{questions['which'].pk}")
    assert not which.is_visible()
    yes_no = questions[QuestionType.YES_NO]
    yes = page.locator(f"#id_question_{yes_no.pk}_0")
    yes.focus()
    page.keyboard.press("Space")
    assert which.is_visible()
    announced = page.locator(".registration-form [aria-live=polite]")
    assert announced.inner_text() == "Question added below: Which sign language do you use?"
    assert page.evaluate("document.activeElement.id") == f"id_question_{yes_no.pk}_0"
    assert_no_violation(page)

    page.keyboard.press("ArrowDown")  # to "No", in the same group of radio buttons
    assert not which.is_visible()
    assert announced.inner_text() == "Question removed: Which sign language do you use?"


@pytest.fixture
def travel(open_conference):  # noqa: F811
    """An open follow-up form with a required date, and a confirmed delegate it asks."""
    form = FollowUpForm.objects.create(
        conference=open_conference,
        title_en="Travel and arrival",
        title_fr="Voyage et arrivée",
        title_es="Viaje y llegada",
        title_ar="السفر والوصول",
        deadline=datetime.date(2030, 9, 1),
        is_open=True,
    )
    Question.objects.create(
        conference=open_conference,
        follow_up=form,
        label_en="Arrival date",
        label_fr="Date d'arrivée",
        label_es="Fecha de llegada",
        label_ar="تاريخ الوصول",
        type=QuestionType.DATE,
        required=True,
    )
    Question.objects.create(
        conference=open_conference,
        follow_up=form,
        label_en="Flight number",
        label_fr="Numéro de vol",
        label_es="Número de vuelo",
        label_ar="رقم الرحلة",
        type=QuestionType.TEXT,
    )
    return RegistrationFactory(conference=open_conference, status=Status.CONFIRMED)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_a_follow_up_form_is_answered_with_the_keyboard(page, live_server, travel, language):
    titles = {
        "en": "Travel and arrival",
        "fr": "Voyage et arrivée",
        "es": "Viaje y llegada",
        "ar": "السفر والوصول",
    }
    page.goto(f"{live_server.url}/{language}/registrations/{travel.token}/")
    assert_no_violation(page)
    link = page.get_by_role("link", name=titles[language])
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == titles[language]
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violation(page)
    # Sent without the required date: the summary names it, the flight typed is kept.
    page.locator("input[type=text]").fill("RJ 112")
    page.locator("input[type=text]").press("Enter")
    page.wait_for_selector("#error-summary")
    assert page.locator("input[type=text]").input_value() == "RJ 112"
    assert_no_violation(page)
    page.locator("input[type=date]").fill("2030-09-14")
    with page.expect_navigation():
        page.locator("input[type=text]").press("Enter")
    assert page.url.endswith(f"/registrations/{travel.token}/")
    assert_no_violation(page)
    assert travel.answers.count() == 2
