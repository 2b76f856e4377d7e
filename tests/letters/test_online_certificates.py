"""A certificate of attendance states the days a delegate took part online, from the online
platform's attendance reports, beside the days they were checked in at the venue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from letters import documents, issuing
from registrations import attendance_reports
from registrations.models import Registration, Status
from tests.factories import RegistrationFactory
from va_conference.models import Participation

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(conference):
    """Held last week, over three days."""
    today = timezone.localdate(timezone=conference.tzinfo)
    conference.start_date = today - datetime.timedelta(days=9)
    conference.end_date = today - datetime.timedelta(days=7)
    conference.offers_online = True
    conference.registration_opens_at = timezone.now() - datetime.timedelta(days=90)
    conference.registration_closes_at = timezone.now() - datetime.timedelta(days=20)
    conference.save()
    return conference


def delegate(conference, jordan, mode, email, language="en"):
    return RegistrationFactory(
        conference=conference,
        organization=jordan,
        status=Status.CONFIRMED,
        mode=mode,
        language=language,
        delegate__email=email,
        given_name="Rania",
        family_name="Al-Abdallah",
    )


def report_of(conference, *rows):
    """A report with a row (e-mail, day number from 0) from 10:00 to 12:00."""
    lines = ["Name,Email,Join Time,Leave Time"]
    for email, number in rows:
        day = conference.start_date + datetime.timedelta(days=number)
        lines.append(f"Someone,{email},{day} 10:00,{day} 12:00")
    attendance_reports.import_report(conference, "report.csv", "\n".join(lines).encode())


def test_a_delegate_online_has_a_certificate_stating_online_attendance(ended, jordan, client):
    online = delegate(ended, jordan, Participation.ONLINE, "online@example.org")
    page = client.get(reverse("registration_detail", args=[online.token])).content.decode()
    assert "the online platform's reports record no attendance of yours" in page

    report_of(ended, ("online@example.org", 0), ("online@example.org", 2))
    page = client.get(reverse("registration_detail", args=[online.token])).content.decode()
    assert reverse("certificate", args=[online.token]) in page
    download = client.get(client.post(reverse("certificate", args=[online.token]))["Location"])

    text = " ".join(pdf_text(download.content).split())
    first, last = (documents.official_date(day) for day in (ended.start_date, ended.end_date))
    assert f"{first} (online), {last} (online)" in text
    assert "attended the conference online on the 2 days stated above" in text
    assert "as recorded by the online meeting platform" in text


def test_days_at_the_venue_and_online_are_told_apart(ended, jordan):
    registration = delegate(ended, jordan, Participation.IN_PERSON, "both@example.org")
    registration.check_in(None, day=ended.start_date)
    # Seen online on the first day too, then only online on the second.
    report_of(ended, ("both@example.org", 0), ("both@example.org", 1))

    [certificate] = issuing.issue_certificates(Registration.objects.all()).letters

    second = ended.start_date + datetime.timedelta(days=1)
    assert certificate.days == [ended.start_date.isoformat(), second.isoformat()]
    assert certificate.particulars["online_days"] == [second.isoformat()]
    text = " ".join(pdf_text(documents.pdf(certificate)).split())
    assert f"{documents.official_date(ended.start_date)}, " in text
    assert f"{documents.official_date(second)} (online)" in text
    assert "in person as recorded at the registration desk, and online" in text


def test_the_certificate_in_arabic_states_online_attendance(ended, jordan):
    delegate(ended, jordan, Participation.ONLINE, "arabic@example.org", language="ar")
    report_of(ended, ("arabic@example.org", 1))
    [certificate] = issuing.issue_certificates(Registration.objects.all()).letters
    text = pdf_text(documents.pdf(certificate))
    assert "عبر الإنترنت" in text
