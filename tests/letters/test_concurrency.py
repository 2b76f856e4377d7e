"""Under pressure, on PostgreSQL: two organizers issuing the same letters at the same moment,
and a delegate pressing the certificate's button twice, make one letter each, numbered in
order without a gap or a duplicate."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from letters import issuing
from letters.models import Kind, Letter
from registrations.models import Registration, Status, VisaRequest
from tests.factories import RegistrationFactory, conference_open_for_registration

from .conftest import passport_details

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's (CI runs there)"
)


def together(*operations):
    """Run every operation at once, each in its own thread and connection; their errors."""
    barrier = threading.Barrier(len(operations))
    errors = []

    def run(operation):
        try:
            barrier.wait()
            operation()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(operation,)) for operation in operations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_bulk_issuings_at_once_give_one_letter_each_numbered_in_order(transactional_db):
    conference = conference_open_for_registration(reference_prefix="MSP14")
    for _number in range(20):
        registration = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
        VisaRequest.objects.create(registration=registration, **passport_details(conference))

    def issue():
        issuing.issue_visa_letters(Registration.objects.all(), None)

    assert together(issue, issue, issue) == []
    letters = Letter.objects.filter(kind=Kind.VISA)
    assert letters.count() == 20
    assert sorted(letters.values_list("serial", flat=True)) == list(range(1, 21))


def test_the_certificate_s_button_pressed_twice_at_once_makes_one(transactional_db, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0
    today = timezone.localdate()
    conference = conference_open_for_registration(
        start_date=today - datetime.timedelta(days=1), end_date=today
    )
    registration = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    registration.check_in(None, day=today)
    url = reverse("certificate", args=[registration.token])
    locations = []

    def press():
        locations.append(Client().post(url)["Location"])

    assert together(press, press, press, press) == []
    letter = Letter.objects.get()
    assert (
        locations == [reverse("letter_download", args=[registration.token, letter.reference])] * 4
    )
