"""Certificates of attendance: only for the days a delegate was checked in, from the
conference's last day on; downloaded by the delegate, issued in bulk by organizers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from letters import documents, issuing
from letters.models import Kind, Letter
from registrations.models import Registration, Status
from tests.factories import RegistrationFactory

from .conftest import pdf_text, qr_codes


@pytest.fixture
def ended(conference):
    """The conference held last week, Monday to Wednesday."""
    today = timezone.localdate(timezone=conference.tzinfo)
    conference.start_date = today - datetime.timedelta(days=9)
    conference.end_date = today - datetime.timedelta(days=7)
    conference.registration_opens_at = timezone.now() - datetime.timedelta(days=90)
    conference.registration_closes_at = timezone.now() - datetime.timedelta(days=20)
    conference.save()
    return conference


def present(registration, *days):
    for day in days:
        registration.check_in(None, day=day)


@pytest.fixture
def attended(ended, jordan):
    registration = RegistrationFactory(
        conference=ended,
        organization=jordan,
        status=Status.CONFIRMED,
        given_name="Rania",
        family_name="Al-Abdallah",
        language="en",
    )
    present(registration, ended.start_date, ended.end_date)
    return registration


def test_a_certificate_states_only_the_days_checked_in(attended, ended):
    [certificate] = issuing.issue_certificates(Registration.objects.all()).letters

    assert certificate.days == [ended.start_date.isoformat(), ended.end_date.isoformat()]
    text = pdf_text(documents.pdf(certificate))
    assert "Certificate of attendance" in text
    assert documents.official_date(ended.start_date) in text
    middle = ended.start_date + datetime.timedelta(days=1)
    assert documents.official_date(middle) not in text
    assert qr_codes(documents.pdf(certificate)) == [documents.verification_url(certificate)]


def test_a_delegate_never_checked_in_has_none(attended, ended, client):
    absent = RegistrationFactory(conference=ended, status=Status.CONFIRMED)

    issued = issuing.issue_certificates(Registration.objects.all(), None)

    assert [letter.registration for letter in issued.letters] == [attended]
    assert issued.skipped == {issuing.NEVER_CHECKED_IN: 1}
    page = client.get(reverse("registration_detail", args=[absent.token])).content.decode()
    assert "never checked in" in page
    response = client.post(reverse("certificate", args=[absent.token]))
    assert response.status_code == 302
    assert not Letter.objects.filter(registration=absent).exists()


def test_no_certificate_before_the_conference_s_last_day(conference, jordan):
    registration = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    present(registration, conference.start_date)

    issued = issuing.issue_certificates(Registration.objects.all())

    assert issued.letters == []
    assert issued.skipped == {issuing.TOO_EARLY: 1}


def test_the_delegate_downloads_theirs_from_the_private_page_once_issued_once(attended, client):
    detail = client.get(reverse("registration_detail", args=[attended.token])).content.decode()
    assert reverse("certificate", args=[attended.token]) in detail

    first = client.post(reverse("certificate", args=[attended.token]))
    second = client.post(reverse("certificate", args=[attended.token]))

    letter = Letter.objects.get()
    assert letter.kind == Kind.ATTENDANCE
    assert letter.issued_by is None
    assert first["Location"] == second["Location"]
    download = client.get(first["Location"])
    assert download["Content-Type"] == "application/pdf"
    assert "no-store" in download["Cache-Control"]
    assert "Rania Al-Abdallah" in pdf_text(download.content)


def test_a_download_needs_the_letter_s_own_registration(attended, ended, client):
    other = RegistrationFactory(conference=ended, status=Status.CONFIRMED)
    [letter] = issuing.issue_certificates(Registration.objects.filter(pk=attended.pk)).letters

    assert (
        client.get(reverse("letter_download", args=[other.token, letter.reference])).status_code
        == 404
    )
    assert client.get(reverse("letter_download", args=["x", letter.reference])).status_code == 404
    issuing.withdraw(Letter.objects.all(), None)
    assert (
        client.get(reverse("letter_download", args=[attended.token, letter.reference])).status_code
        == 404
    )


def test_the_certificate_asks_for_a_post(attended, client):
    assert client.get(reverse("certificate", args=[attended.token])).status_code == 405
    assert not Letter.objects.exists()


def test_a_day_recorded_outside_the_conference_is_not_certified(attended, ended):
    present(attended, ended.start_date - datetime.timedelta(days=30))

    [certificate] = issuing.issue_certificates(Registration.objects.all()).letters

    assert certificate.days == [ended.start_date.isoformat(), ended.end_date.isoformat()]


@pytest.mark.shared_parts
def test_a_certificate_names_the_person_as_checked_in_not_as_renamed_after(attended, ended, client):
    # Renamed during the conference, after the check-in (the change page refuses it now,
    # tests/registrations/test_own_registration.py): the certificate states the name checked
    # at the desk.
    Registration.objects.filter(pk=attended.pk).update(given_name="Someone", family_name="Else")

    [certificate] = issuing.issue_certificates(Registration.objects.all()).letters

    assert certificate.name == "Rania Al-Abdallah"
    page = client.get(reverse("letter_verification", args=[certificate.reference])).content
    assert "Rania Al-Abdallah" in page.decode() and "As checked in" in page.decode()
