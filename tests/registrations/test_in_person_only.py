"""Badges, visa letters and check-in are for delegates who take part in person: a delegate
online gets neither badge nor visa letter, cannot ask for one, and is not checked in."""

import datetime
import uuid

import pytest
from django.utils import timezone

from letters import issuing
from registrations.models import Registration, Status, VisaRequest
from registrations.printing import badges_pdf
from tests.factories import ConferenceFactory, RegistrationFactory
from tests.letters.conftest import passport_details, pdf_text
from tests.letters.test_visa_request import visa_answers
from va_conference.models import Participation

from .conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def hybrid(conference):
    conference.offers_online = True
    conference.save()
    return conference


def test_badges_are_printed_for_delegates_in_person_only(hybrid):
    RegistrationFactory(conference=hybrid, status=Status.CONFIRMED, family_name="Roomwise")
    RegistrationFactory(
        conference=hybrid,
        status=Status.CONFIRMED,
        family_name="Farwise",
        mode=Participation.ONLINE,
    )

    text = pdf_text(badges_pdf(Registration.objects.all(), "a6", "en"))

    assert "ROOMWISE" in text.upper()
    assert "FARWISE" not in text.upper()


def test_a_delegate_online_is_issued_no_visa_letter(hybrid):
    online = RegistrationFactory(
        conference=hybrid, status=Status.CONFIRMED, mode=Participation.ONLINE
    )
    VisaRequest.objects.create(registration=online, **passport_details(hybrid))

    issued = issuing.issue_visa_letters(Registration.objects.filter(pk=online.pk))

    assert issued.letters == []
    assert issued.skipped == {issuing.TAKES_PART_ONLINE: 1}
    assert not issuing.may_ask_for_visa_letter(online)


def test_a_delegate_asking_online_for_a_visa_letter_is_told_on_the_form(
    client, hybrid, jordan, settings
):
    settings.PUBLIC_FORM_RATE_LIMIT = 0
    data = answers(jordan, submission_key=str(uuid.uuid4()), mode=Participation.ONLINE)
    data.update(visa_answers(hybrid))

    response = client.post(f"/en/conferences/{hybrid.slug}/register/", data)

    assert response.status_code == 200
    assert "A visa letter is for delegates who take part in person" in response.content.decode()
    assert not Registration.objects.exists()

    data["mode"] = Participation.IN_PERSON
    response = client.post(f"/en/conferences/{hybrid.slug}/register/", data)
    assert response.status_code == 302
    assert Registration.objects.get().visa_request


def test_a_delegate_online_is_not_checked_in_at_the_venue(client, organizer):
    today = timezone.localdate()
    conference = ConferenceFactory(
        start_date=today,
        end_date=today + datetime.timedelta(days=1),
        offers_online=True,
    )
    online = RegistrationFactory(
        conference=conference,
        status=Status.CONFIRMED,
        given_name="Farah",
        mode=Participation.ONLINE,
    )
    client.force_login(organizer)
    path = f"/admin/conferences/{conference.slug}/check-in/"

    page = client.get(path, {"q": "Farah"}).content.decode()
    assert "Takes part online" in page
    assert "Check Farah" not in page

    response = client.post(path, {"registration": online.pk}, follow=True)
    assert f"{online.reference} takes part online" in response.content.decode()
    assert not online.attendances.exists()
