"""The registration form costs a fixed number of queries, however many organizations and
sessions there are to choose from, and however many questions of its own the conference asks."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.models import delegation_of
from registrations.models import Answer, Question, QuestionChoice, QuestionType, Registration
from registrations.questions import field_name
from tests.factories import OrganizationFactory, SessionFactory
from tests.registrations.conftest import answers

pytestmark = pytest.mark.django_db

FORM_BUDGET = 7
# The registration, its delegation and whether it has a focal point, sessions, history, the
# answers to the conference's questions, its e-mail to send: none per choice or question.
SUBMIT_BUDGET = 32


def queries_for(request):
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return response, len(captured)


def add_choices(conference, organizations, sessions, questions=0):
    for _organization in range(organizations):
        OrganizationFactory()
    for _session in range(sessions):
        SessionFactory(conference=conference)
    for order in range(questions):
        question = Question.objects.create(
            conference=conference, label_en=f"Question {order}", type=QuestionType.CHOICE
        )
        for label in ("A", "B", "C"):
            QuestionChoice.objects.create(question=question, label_en=label)


def answers_to_questions(conference):
    return {
        field_name(question): str(question.choices.first().pk)
        for question in conference.questions.all()
    }


def test_the_form_page_costs_the_same_for_few_or_many_choices(client, conference, jordan):
    url = f"/en/conferences/{conference.slug}/register/"
    add_choices(conference, organizations=0, sessions=0, questions=1)
    _response, few = queries_for(lambda: client.get(url))
    add_choices(conference, organizations=200, sessions=60, questions=29)
    response, many = queries_for(lambda: client.get(url))
    assert response.status_code == 200
    assert few == many <= FORM_BUDGET


@pytest.mark.shared_parts
def test_a_submission_costs_the_same_for_few_or_many_choices(client, conference, jordan):
    url = f"/en/conferences/{conference.slug}/register/"
    sessions = list(conference.sessions.values_list("pk", flat=True))
    # The first member of a delegation records it (a few queries, once per organization).
    delegation_of(conference, jordan)
    add_choices(conference, organizations=0, sessions=0, questions=1)

    def submit(number):
        data = answers(
            jordan,
            email=f"delegate{number}@example.org",
            sessions=sessions,
            submission_key=str(uuid.uuid4()),
            **answers_to_questions(conference),
        )
        return lambda: client.post(url, data)

    response, few = queries_for(submit(1))
    assert response.status_code == 302
    add_choices(conference, organizations=200, sessions=60, questions=29)
    response, many = queries_for(submit(2))
    assert response.status_code == 302
    assert Registration.objects.count() == 2
    assert Answer.objects.count() == 1 + 30
    assert few == many <= SUBMIT_BUDGET


def test_the_delegates_page_costs_the_same_with_many_sessions_chosen(client, conference, jordan):
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(conference=conference, organization=jordan)
    url = f"/en/registrations/{registration.token}/"
    _response, few = queries_for(lambda: client.get(url))
    registration.sessions.set([SessionFactory(conference=conference) for _n in range(30)])
    response, many = queries_for(lambda: client.get(url))
    assert response.status_code == 200
    assert few == many <= FORM_BUDGET
