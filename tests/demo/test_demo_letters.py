"""The demonstration workshop prints its letters on a letterhead, and a visa officer logs in."""

import pytest

from demo.loader import load_demo
from letters import documents, issuing
from letters.models import Letterhead
from registrations.models import Registration, Status, VisaRequest
from tests.factories import RegistrationFactory
from tests.letters.conftest import passport_details, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


def test_the_workshop_s_letters_name_its_signatory(demo):
    letterhead = Letterhead.objects.get(conference__slug="va-workshop-demo")
    registration = RegistrationFactory(conference=letterhead.conference, status=Status.CONFIRMED)
    VisaRequest.objects.create(registration=registration, **passport_details(letterhead.conference))

    [letter] = issuing.issue_visa_letters(Registration.objects.filter(pk=registration.pk)).letters

    assert demo["letterheads"] == 1
    assert "Demo Signatory" in pdf_text(documents.pdf(letter))
    assert load_demo()["letterheads"] == 1
