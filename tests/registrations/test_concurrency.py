"""Under pressure, on PostgreSQL: capacity holds when many delegates submit at the same moment.

Each submission runs in its own thread, with its own database connection, through the real
form view; the conference's row lock is what keeps the count right.
"""

import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from registrations.models import Delivery, Registration, Status
from tests.registrations.conftest import answers

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's (CI runs there)"
)


def post_together(posts):
    """Send every (address, data) POST at once, each from its own thread and connection;
    the status of each answer."""
    barrier = threading.Barrier(len(posts))
    statuses = []

    def send(url, data):
        try:
            client = Client()
            barrier.wait()
            statuses.append(client.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=post) for post in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def submit_together(conference, forms):
    """Post every registration form at once."""
    return post_together([(f"/en/conferences/{conference.slug}/register/", data) for data in forms])


@pytest.fixture
def conference(transactional_db, conference, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0
    return conference


def test_50_concurrent_submissions_for_10_places_give_10_within_capacity(conference, jordan):
    conference.capacity = 10
    conference.save()
    forms = [
        answers(jordan, email=f"delegate{n}@example.org", submission_key=str(uuid.uuid4()))
        for n in range(50)
    ]
    statuses = submit_together(conference, forms)

    assert statuses == [302] * 50
    registrations = Registration.objects.filter(conference=conference)
    assert registrations.count() == 50
    assert registrations.filter(status=Status.SUBMITTED).count() == 10
    assert registrations.filter(status=Status.WAITLISTED).count() == 40


def test_the_same_form_submitted_many_times_at_once_makes_one_registration(conference, jordan):
    data = answers(jordan, submission_key=str(uuid.uuid4()))
    statuses = submit_together(conference, [data] * 8)
    assert statuses == [302] * 8
    assert Registration.objects.filter(conference=conference).count() == 1


def test_one_email_registered_many_times_at_once_makes_one_registration(conference, jordan):
    forms = [answers(jordan, submission_key=str(uuid.uuid4())) for _n in range(8)]
    statuses = submit_together(conference, forms)
    # Every submitter is answered alike: whether the address was free tells nothing.
    assert statuses == [302] * 8
    assert Registration.objects.filter(conference=conference).count() == 1
    kinds = sorted(Delivery.objects.values_list("kind", flat=True))
    assert kinds == ["already_registered"] * 7 + ["submitted"]
