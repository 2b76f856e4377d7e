"""Issuing visa letters: to whom, numbered how, stating what, e-mailed when."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from letters import documents, issuing
from letters.models import Kind, Letter
from registrations import workflow
from registrations.models import Registration, Status, VisaRequest
from tests.factories import RegistrationFactory

from .conftest import PASSPORT_NUMBER, passport_details, pdf_text, qr_codes


def issue(*registrations, by=None):
    return issuing.issue_visa_letters(
        Registration.objects.filter(pk__in=[r.pk for r in registrations]), by
    )


def test_a_confirmed_delegate_gets_a_numbered_letter_in_their_language(
    asking, organizer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issued = issue(asking, by=organizer)

    [letter] = issued.letters
    letter.refresh_from_db()
    assert letter.number == "MSP14/VL/0001"
    assert letter.issued_by == organizer
    assert letter.language == "fr"
    assert letter.name == "RANIA AL-ABDALLAH"
    assert len(letter.reference) == 19
    [email] = mail.outbox
    assert email.to == [asking.delegate.email]
    assert asking.deliveries.get().kind == "visa_letter_ready"
    assert f"/fr/registrations/{asking.token}/" in email.body


def test_the_pdf_states_the_passport_number_exactly_and_its_qr_code_the_verification_page(
    asking,
):
    [letter] = issue(asking).letters

    content = documents.pdf(letter)

    text = pdf_text(content)
    assert PASSPORT_NUMBER in text
    assert "Lettre d'invitation" in text
    assert letter.reference in text
    assert qr_codes(content) == [documents.verification_url(letter)]
    assert "/fr/documents/" in documents.verification_url(letter)


def test_numbers_follow_each_other_and_skip_who_may_not_have_one(asking, conference, jordan):
    second = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    VisaRequest.objects.create(registration=second, **passport_details(conference))
    waiting = RegistrationFactory(conference=conference, status=Status.SUBMITTED)
    VisaRequest.objects.create(registration=waiting, **passport_details(conference))
    never_asked = RegistrationFactory(conference=conference, status=Status.CONFIRMED)

    issued = issue(asking, second, waiting, never_asked)

    assert sorted(letter.number for letter in issued.letters) == [
        "MSP14/VL/0001",
        "MSP14/VL/0002",
    ]
    assert issued.skipped == {issuing.NOT_CONFIRMED: 1, issuing.NO_VISA_REQUEST: 1}
    again = issue(asking, second)
    assert again.letters == []
    assert again.skipped == {issuing.ALREADY_ISSUED: 2}
    assert Letter.objects.count() == 2


def test_a_withdrawn_letter_may_be_followed_by_a_new_one_with_the_next_number(asking):
    [first] = issue(asking).letters
    assert issuing.withdraw(Letter.objects.filter(pk=first.pk), None) == 1

    [second] = issue(asking).letters

    assert second.number == "MSP14/VL/0002"
    assert second.reference != first.reference


def test_the_database_keeps_one_letter_of_a_kind_in_force(asking):
    [letter] = issue(asking).letters
    duplicate = Letter(
        conference=letter.conference,
        registration=asking,
        kind=Kind.VISA,
        serial=99,
        language="fr",
        first_day=letter.first_day,
        last_day=letter.last_day,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_the_letter_says_the_programme_pays_once_its_offer_is_accepted(asking):
    from sponsorship import offers
    from sponsorship.models import Fund

    fund = Fund.objects.create(conference=asking.conference, donor="Norway", amount=9000)
    made = offers.make_offer(asking, fund, "full", 2000, datetime.date(2030, 8, 1), None)
    asking.refresh_from_db()
    assert not asking.is_sponsored  # an offer waiting for an answer pays nothing yet
    offers.answer(made, accepted=True)
    asking.refresh_from_db()
    [letter] = issue(asking).letters

    text = " ".join(pdf_text(documents.pdf(letter)).split())

    assert "programme de parrainage" in text


def test_organizers_cannot_tick_the_sponsorship_by_hand(asking, client, organizer):
    client.force_login(organizer)
    url = reverse("admin:registrations_registration_change", args=[asking.pk])
    page = client.get(url).content.decode()
    assert 'name="is_sponsored"' not in page


def test_a_letter_states_what_was_true_when_issued(asking):
    [letter] = issue(asking).letters
    asking.visa_request.passport_number = "Z9999999"
    asking.visa_request.save()

    text = pdf_text(documents.pdf(letter))

    assert PASSPORT_NUMBER in text
    assert "Z9999999" not in text


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_letter_is_written_in_each_language(asking, language):
    asking.language = language
    asking.save()
    [letter] = issue(asking).letters

    text = pdf_text(documents.pdf(letter))

    assert PASSPORT_NUMBER in text
    assert f"/{language}/documents/{letter.reference}/" in documents.verification_url(letter)


@pytest.mark.shared_parts
@pytest.mark.parametrize("status", [Status.DECLINED, Status.CANCELLED, Status.WAITLISTED])
def test_a_registration_no_longer_confirmed_has_its_visa_letter_withdrawn(asking, status, client):
    [letter] = issue(asking).letters

    workflow.change_status(asking, status)

    letter.refresh_from_db()
    assert letter.is_withdrawn
    assert letter.withdrawn_by is None
    verification = client.get(reverse("letter_verification", args=[letter.reference]))
    assert "Withdrawn" in verification.content.decode()


def test_a_certificate_stays_whatever_becomes_of_the_registration(asking):
    letter = Letter.objects.create(
        conference=asking.conference,
        registration=asking,
        kind=Kind.ATTENDANCE,
        serial=1,
        language="en",
        first_day=asking.conference.start_date,
        last_day=asking.conference.start_date,
    )

    workflow.cancel(asking)

    letter.refresh_from_db()
    assert not letter.is_withdrawn
