"""A conference's own questions: every type read and checked on the server, the conditions by
organization kind, by role and by another answer, required only where a question applies,
forged answers refused or ignored, the answers kept and anonymised."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from registrations import personal_data, questions
from registrations.models import (
    Answer,
    Asked,
    Question,
    QuestionChoice,
    QuestionType,
    Registration,
    Role,
)
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    return ConferenceFactory()


def ask(conference, type=QuestionType.TEXT, **fields):
    return Question.objects.create(
        conference=conference, label_en=f"A {type} question", type=type, **fields
    )


def with_choices(question, *labels):
    for order, label in enumerate(labels):
        QuestionChoice.objects.create(question=question, label_en=label, order=order)
    return question


def answered(asked, data, kind="state", role=Role.DELEGATE, answers=None):
    form = questions.QuestionsForm(
        {questions.field_name(question): value for question, value in data.items()},
        questions=asked,
        kind=kind,
        role=role,
        answers=answers,
    )
    return form


@pytest.mark.parametrize(
    ("type", "fields", "posted", "kept"),
    [
        (QuestionType.TEXT, {}, "  Vegetarian  ", "Vegetarian"),
        (QuestionType.LONG_TEXT, {}, "Arriving late\nby train", "Arriving late\nby train"),
        (QuestionType.NUMBER, {"minimum": 0, "maximum": 10}, "3", "3"),
        (QuestionType.NUMBER, {"minimum": 0, "maximum": 10}, "2.50", "2.5"),
        (QuestionType.YES_NO, {}, "yes", "yes"),
        (QuestionType.DATE, {}, "2030-09-09", "2030-09-09"),
        (QuestionType.COUNTRY, {}, "JO", "JO"),
        (QuestionType.PHONE, {}, "+962 6 555 0100", "+962 6 555 0100"),
    ],
)
def test_each_type_keeps_a_right_answer_as_stored(conference, type, fields, posted, kept):
    question = ask(conference, type, **fields)
    form = answered([question], {question: posted})
    assert form.is_valid(), form.errors
    assert form.answers() == {question: kept}


@pytest.mark.parametrize(
    ("type", "fields", "posted"),
    [
        (QuestionType.TEXT, {}, "x" * 301),
        (QuestionType.LONG_TEXT, {}, "x" * 5001),
        (QuestionType.NUMBER, {"minimum": 0, "maximum": 10}, "11"),
        (QuestionType.NUMBER, {"minimum": 0, "maximum": 10}, "-1"),
        (QuestionType.NUMBER, {}, "three"),
        (QuestionType.YES_NO, {}, "maybe"),
        (QuestionType.DATE, {}, "2030-02-30"),
        (QuestionType.COUNTRY, {}, "XX"),
        (QuestionType.PHONE, {}, "call me"),
    ],
)
def test_each_type_refuses_a_wrong_answer_with_its_error(conference, type, fields, posted):
    question = ask(conference, type, **fields)
    form = answered([question], {question: posted})
    assert not form.is_valid()
    assert list(form.errors) == [questions.field_name(question)]


def test_choices_are_among_the_questions_own_and_stored_by_id(conference):
    one = with_choices(ask(conference, QuestionType.CHOICE), "Halal", "Vegetarian")
    several = with_choices(ask(conference, QuestionType.CHOICES), "Side event A", "Side event B")
    halal, _vegetarian = one.choices.all()
    event_a, event_b = several.choices.all()
    form = answered(
        [one, several], {one: str(halal.pk), several: [str(event_b.pk), str(event_a.pk)]}
    )
    assert form.is_valid(), form.errors
    assert form.answers() == {
        one: str(halal.pk),
        several: sorted([str(event_a.pk), str(event_b.pk)], key=int),
    }

    other = with_choices(ask(ConferenceFactory(), QuestionType.CHOICE), "Elsewhere")
    forged = answered([one], {one: str(other.choices.get().pk)})
    assert not forged.is_valid()
    assert questions.field_name(one) in forged.errors


def test_a_required_question_names_itself_when_unanswered(conference):
    question = ask(conference, required=True)
    form = answered([question], {question: ""})
    assert not form.is_valid()
    assert form.errors[questions.field_name(question)] == ["Answer this question."]


def test_a_question_for_some_kinds_or_roles_is_asked_of_them_only(conference):
    states_only = ask(conference, organization_kinds=["state"], required=True)
    heads_only = ask(conference, roles=[Role.HEAD], required=True)

    ngo_delegate = answered(
        [states_only, heads_only], {states_only: "forged", heads_only: "x"}, kind="ngo"
    )
    assert ngo_delegate.is_valid(), ngo_delegate.errors
    assert ngo_delegate.answers() == {}

    state_head = answered([states_only, heads_only], {}, kind="state", role=Role.HEAD)
    assert set(state_head.errors) == {
        questions.field_name(states_only),
        questions.field_name(heads_only),
    }


def test_a_question_depending_on_a_yes_is_asked_only_after_it(conference):
    needs = ask(conference, QuestionType.YES_NO, required=True)
    which = ask(conference, depends_on=needs, depends_on_values=["yes"], required=True)

    no = answered([needs, which], {needs: "no", which: "posted anyway"})
    assert no.is_valid(), no.errors
    assert no.answers() == {needs: "no"}

    yes_unanswered = answered([needs, which], {needs: "yes"})
    assert list(yes_unanswered.errors) == [questions.field_name(which)]

    yes = answered([needs, which], {needs: "yes", which: "International Sign"})
    assert yes.is_valid()
    assert yes.answers() == {needs: "yes", which: "International Sign"}


def test_a_question_depending_on_choices_follows_any_of_them(conference):
    events = with_choices(ask(conference, QuestionType.CHOICES), "Field visit", "Reception")
    visit, reception = events.choices.all()
    shoes = ask(conference, depends_on=events, depends_on_values=[str(visit.pk)])

    asked = answered([events, shoes], {events: [str(reception.pk), str(visit.pk)], shoes: "42"})
    assert asked.is_valid()
    assert shoes in asked.answers()
    not_asked = answered([events, shoes], {events: [str(reception.pk)], shoes: "42"})
    assert not_asked.is_valid()
    assert shoes not in not_asked.answers()


def test_the_form_starts_from_the_answers_given(conference):
    question = ask(conference)
    form = questions.QuestionsForm(questions=[question], answers={question.pk: "Halal"})
    assert form[questions.field_name(question)].value() == "Halal"


def test_saving_keeps_one_answer_each_and_drops_those_no_longer_given(conference):
    registration = RegistrationFactory(conference=conference)
    diet, arrival = ask(conference), ask(conference, QuestionType.DATE)
    seat = ask(conference, asked=Asked.ORGANIZERS)
    Answer.objects.create(registration=registration, question=seat, value="Row 3")

    questions.save_answers(registration, [diet, arrival], {diet: "Halal", arrival: "2030-09-09"})
    questions.save_answers(registration, [diet, arrival], {diet: "Vegetarian"})

    assert questions.answers_of(registration) == {diet.pk: "Vegetarian", seat.pk: "Row 3"}
    # Each change is in the answers' history, in order; the same answer again adds nothing.
    questions.save_answers(registration, [diet, arrival], {diet: "Vegetarian"})
    history = Answer.history.filter(registration_id=registration.pk).exclude(question=seat)
    assert [
        (change.question_id, change.history_type, change.value)
        for change in history.order_by("history_id")
    ] == [
        (diet.pk, "+", "Halal"),
        (arrival.pk, "+", "2030-09-09"),
        (arrival.pk, "-", "2030-09-09"),
        (diet.pk, "~", "Vegetarian"),
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(registration=registration, question=diet, value="Twice")


def test_only_current_questions_for_delegates_are_asked_in_one_query_each(conference):
    for order in range(30):
        with_choices(ask(conference, QuestionType.CHOICE, order=order), "A", "B", "C")
    ask(conference, asked=Asked.ORGANIZERS)
    ask(conference, asked=Asked.CHECK_IN)
    ask(conference, archived_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))

    with CaptureQueriesContext(connection) as queries:
        asked = list(questions.asked_of_delegates(conference))
        form = questions.QuestionsForm(questions=asked, kind="state", role=Role.DELEGATE)
        form.as_div()
    assert len(asked) == 30
    assert len(queries) == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"organization_kinds": ["planet"]}, "Choose among the kinds offered."),
        ({"roles": ["king"]}, "Choose among the roles offered."),
        ({"type": QuestionType.TEXT, "minimum": 1}, "Only a number has a minimum and a maximum."),
        ({"depends_on_values": ["yes"]}, "Choose the question whose answer this one depends on."),
    ],
)
def test_a_question_is_checked_before_it_is_saved(conference, fields, message):
    question = Question(conference=conference, label_en="Q", type=QuestionType.TEXT)
    for name, value in fields.items():
        setattr(question, name, value)
    with pytest.raises(ValidationError) as refused:
        question.full_clean()
    assert message in str(refused.value)


def test_a_dependency_is_one_level_on_a_yes_no_or_choice_of_the_same_conference(conference):
    text = ask(conference)
    needs = ask(conference, QuestionType.YES_NO)
    which = ask(conference, depends_on=needs, depends_on_values=["yes"])
    elsewhere = ask(ConferenceFactory(), QuestionType.YES_NO)

    def refused(parent, values):
        question = Question(
            conference=conference,
            label_en="Q",
            type=QuestionType.TEXT,
            depends_on=parent,
            depends_on_values=values,
        )
        with pytest.raises(ValidationError) as error:
            question.full_clean()
        return str(error.value)

    assert "one level only" in refused(which, ["x"])
    assert "Only a yes-or-no or a choice question" in refused(text, ["x"])
    assert "same conference" in refused(elsewhere, ["yes"])
    assert "among that question's answers" in refused(needs, ["perhaps"])
    Question(
        conference=conference,
        label_en="Q",
        type=QuestionType.TEXT,
        depends_on=needs,
        depends_on_values=["no"],
    ).full_clean()


def test_the_maximum_cannot_be_below_the_minimum_in_the_database(conference):
    with pytest.raises(IntegrityError), transaction.atomic():
        ask(conference, QuestionType.NUMBER, minimum=5, maximum=1)


def test_anonymising_deletes_the_answers_and_their_history(conference):
    registration = RegistrationFactory(conference=conference)
    diet = ask(conference)
    questions.save_answers(registration, [diet], {diet: "Halal"})
    questions.save_answers(registration, [diet], {diet: "Halal, no nuts"})
    assert Answer.history.count() == 2
    personal_data.anonymise(Registration.objects.filter(pk=registration.pk))
    assert not Answer.objects.exists()
    assert not Answer.history.exists()
