"""The conference's own questions on the registration form pass axe in each language, right to
left in Arabic, with every type shown; an error names the question and leads to it."""

import pytest

from registrations.models import Question, QuestionChoice, QuestionType
from tests.browser.test_registration import assert_no_violation, open_conference  # noqa: F401

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
