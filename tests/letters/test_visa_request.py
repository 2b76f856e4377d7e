"""Asking for a visa letter: on the registration form, or later on the private page."""

import datetime

import pytest
from django.urls import reverse

from letters import issuing
from letters.models import Letter
from registrations.models import Registration, Status, VisaRequest
from tests.registrations.conftest import answers

from .conftest import PASSPORT_NUMBER, passport_details


def visa_answers(conference, **changes):
    """The visa questions as the browser posts them, ticked."""
    details = passport_details(conference, **changes)
    posted = {
        f"visa-{name}": value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in details.items()
    }
    return {"visa-needs_letter": "on", **posted}


def register(client, conference, organization, **visa_changes):
    return client.post(
        reverse("register", args=[conference.slug]),
        {**answers(organization), **visa_answers(conference, **visa_changes)},
    )


@pytest.mark.shared_parts
def test_registering_with_a_visa_letter_request_records_it(client, conference, jordan):
    response = register(client, conference, jordan)

    assert response.status_code == 302
    visa = VisaRequest.objects.get()
    assert visa.registration == Registration.objects.get()
    assert visa.passport_number == PASSPORT_NUMBER
    assert visa.nationality == "JO"


@pytest.mark.shared_parts
def test_the_details_under_an_unticked_box_are_neither_kept_nor_refused(client, conference, jordan):
    data = {**answers(jordan), **visa_answers(conference, passport_number="bad number")}
    del data["visa-needs_letter"]

    response = client.post(reverse("register", args=[conference.slug]), data)

    assert response.status_code == 302
    assert Registration.objects.count() == 1
    assert not VisaRequest.objects.exists()


@pytest.mark.shared_parts
def test_a_passport_expiring_too_soon_is_refused_and_every_answer_kept(client, conference, jordan):
    too_soon = conference.end_date + datetime.timedelta(days=30)

    response = register(client, conference, jordan, passport_expires_on=too_soon)

    assert response.status_code == 200
    assert not Registration.objects.exists()
    page = response.content.decode()
    assert "days after the conference ends" in page
    assert f'value="{PASSPORT_NUMBER}"' in page
    assert 'value="Haddad"' in page
    assert 'href="#id_visa-passport_expires_on"' in page


@pytest.mark.shared_parts
def test_the_margin_is_the_organizers_to_set(client, conference, jordan):
    conference.passport_margin_days = 10
    conference.save()

    response = register(
        client,
        conference,
        jordan,
        passport_expires_on=conference.end_date + datetime.timedelta(days=30),
    )

    assert response.status_code == 302


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("passport_number", "P 123 456", "without spaces"),
        ("passport_number", "", "needed for the letter"),
        ("passport_issued_on", datetime.date(2099, 1, 1), "in the future"),
        ("birth_date", datetime.date(1850, 1, 1), "Check the date of birth"),
        ("consulate", "", "needed for the letter"),
    ],
)
def test_each_detail_is_checked_where_it_was_typed(
    client, conference, jordan, field, value, message
):
    response = register(client, conference, jordan, **{field: value})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'href="#id_visa-{field}"' in response.content.decode()
    assert not VisaRequest.objects.exists()


@pytest.mark.shared_parts
def test_a_form_sent_twice_makes_one_request(client, conference, jordan):
    data = {**answers(jordan, submission_key="6f1c8e0e-8d0a-4b8e-9d44-3f6c8c2a1b10")}
    data.update(visa_answers(conference))
    client.post(reverse("register", args=[conference.slug]), data)
    client.post(reverse("register", args=[conference.slug]), data)

    assert Registration.objects.count() == 1
    assert VisaRequest.objects.count() == 1


@pytest.mark.shared_parts
def test_the_private_page_asks_later_and_corrects_until_the_letter_is_issued(
    client, conference, jordan
):
    register(client, conference, jordan, passport_number="")
    client.post(
        reverse("register", args=[conference.slug]),
        {**answers(jordan)},
    )
    registration = Registration.objects.get()
    page = client.get(reverse("registration_detail", args=[registration.token]))
    assert reverse("visa_request", args=[registration.token]) in page.content.decode()

    url = reverse("visa_request", args=[registration.token])
    details = visa_answers(conference)
    del details["visa-needs_letter"]
    assert client.post(url, details).status_code == 302
    details["visa-passport_number"] = "X1234567"
    assert client.post(url, details).status_code == 302
    assert VisaRequest.objects.get().passport_number == "X1234567"

    registration.status = Status.CONFIRMED
    registration.save()
    [letter] = issuing.issue_visa_letters(Registration.objects.all(), None).letters
    details["visa-passport_number"] = "Y7654321"
    response = client.post(url, details)
    assert letter.number in response.content.decode()
    assert VisaRequest.objects.get().passport_number == "X1234567"


@pytest.mark.shared_parts
def test_a_delegate_who_no_longer_needs_a_letter_deletes_their_details(client, conference, jordan):
    register(client, conference, jordan)
    registration = Registration.objects.get()

    response = client.post(reverse("visa_request_withdraw", args=[registration.token]))

    assert response.status_code == 302
    assert not VisaRequest.objects.exists()


@pytest.mark.shared_parts
def test_another_token_opens_nothing(client, conference, jordan):
    register(client, conference, jordan)

    assert client.get(reverse("visa_request", args=["not-a-token"])).status_code == 404
    assert client.post(reverse("visa_request_withdraw", args=["x"])).status_code == 404
    assert VisaRequest.objects.count() == 1


@pytest.mark.shared_parts
def test_the_visa_page_is_never_cached_nor_shows_the_details(client, conference, jordan):
    register(client, conference, jordan)
    registration = Registration.objects.get()

    response = client.get(reverse("visa_request", args=[registration.token]))

    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert PASSPORT_NUMBER not in page
    assert "ends in 21" in page
    for detail in ("RANIA AL-ABDALLAH", "Irbid", "Embassy of Switzerland", "1984-05-17"):
        assert detail not in page


def test_deleting_the_request_deletes_what_withdrawn_letters_stated(client, asking):
    [letter] = issuing.issue_visa_letters(Registration.objects.all(), None).letters
    issuing.withdraw(Letter.objects.all(), None)

    client.post(reverse("visa_request_withdraw", args=[asking.token]))

    letter.refresh_from_db()
    assert not VisaRequest.objects.exists()
    assert letter.particulars == {}
    assert letter.name == ""


def test_no_deleting_while_a_letter_is_in_force(client, asking):
    issuing.issue_visa_letters(Registration.objects.all(), None)

    client.post(reverse("visa_request_withdraw", args=[asking.token]))

    assert VisaRequest.objects.exists()
    assert Letter.objects.get().particulars["passport_number"] == PASSPORT_NUMBER
