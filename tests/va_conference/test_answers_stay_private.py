"""No answer to a conference's own questions reaches a public page, the open data or the List
of Participants: they are the delegate's and the organizers'."""

import pytest

from registrations.models import Answer, Question, QuestionType, Status
from tests.factories import RegistrationFactory, StateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]

SECRET = "Answer-4Z9-private"


def test_no_public_page_shows_an_answer(client, public_site):
    conference = public_site.conference
    question = Question.objects.create(
        conference=conference, label_en="Dietary needs", type=QuestionType.TEXT
    )
    registration = RegistrationFactory(
        conference=conference,
        organization=StateFactory(country="JO"),
        status=Status.CONFIRMED,
        consents_to_public_listing=True,
    )
    Answer.objects.create(registration=registration, question=question, value=SECRET)
    pages = [*public_site.pages, f"/en/conferences/{conference.slug}/delegations/"]
    for path in pages:
        response = client.get(path)
        assert response.status_code in (200, 302, 503), path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET.encode() not in body, path
