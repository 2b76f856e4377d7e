"""At the venue, staff find a delegate by scanned reference or name and mark them arrived."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from registrations.models import Attendance, Status
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference_today():
    today = timezone.localdate()
    return ConferenceFactory(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )


@pytest.fixture
def check_in(conference_today):
    return reverse("organizers:check_in", args=[conference_today.slug])


@pytest.fixture
def delegates(conference_today):
    return {
        name: RegistrationFactory(
            conference=conference_today,
            status=status,
            given_name=name,
            family_name="Haddad",
        )
        for name, status in (
            ("Amina", Status.CONFIRMED),
            ("Omar", Status.CONFIRMED),
            ("Rania", Status.WAITLISTED),
        )
    }


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


def test_a_scanned_reference_finds_the_delegate_and_marks_them_arrived(
    organizer_client, organizer, conference_today, delegates, check_in
):
    amina = delegates["Amina"]
    page = organizer_client.get(check_in, {"q": amina.reference.lower()}).content.decode()
    assert page.index("Amina Haddad") < page.index("Check Amina Haddad in")
    response = organizer_client.post(check_in, {"registration": amina.pk}, follow=True)
    assert f"Amina Haddad ({amina.reference}) is checked in." in response.content.decode()
    [attendance] = Attendance.objects.all()
    assert attendance.registration == amina
    assert attendance.day == timezone.localdate(timezone=conference_today.tzinfo)
    assert attendance.checked_in_by == organizer

    # Twice is once.
    organizer_client.post(check_in, {"registration": amina.pk})
    assert Attendance.objects.count() == 1


def test_a_name_finds_every_delegate_who_bears_it(organizer_client, delegates, check_in):
    page = organizer_client.get(check_in, {"q": "haddad"}).content.decode()
    assert "3 registrations found" in page


def test_only_confirmed_delegates_are_checked_in(
    organizer_client, conference_today, delegates, check_in
):
    rania = delegates["Rania"]
    response = organizer_client.post(check_in, {"registration": rania.pk}, follow=True)
    assert "is not confirmed" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_admin_shows_who_is_present_per_day(
    organizer_client, conference_today, delegates, check_in
):
    for name in ("Amina", "Omar"):
        delegates[name].check_in(by=None)
    page = organizer_client.get(check_in).content.decode()
    assert "Present per day" in page
    assert "<td>2</td>" in page
    listing = organizer_client.get(
        reverse("admin:registrations_attendance_changelist"),
        {"registration__conference__id__exact": conference_today.pk},
    ).content.decode()
    assert "Amina Haddad" in listing and "Omar Haddad" in listing


def test_a_statement_editor_cannot_check_anyone_in(client, statement_editor, delegates, check_in):
    client.force_login(statement_editor)
    assert client.get(check_in).status_code == 403


def test_a_registration_of_another_conference_is_not_checked_in(
    organizer_client, delegates, check_in
):
    elsewhere = RegistrationFactory(status=Status.CONFIRMED)
    response = organizer_client.post(check_in, {"registration": elsewhere.pk})
    assert response.status_code == 404
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("value", ["", "x", "-1", "9" * 30, "1\x00"])
def test_a_bad_registration_number_is_not_found(organizer_client, delegates, check_in, value):
    assert organizer_client.post(check_in, {"registration": value}).status_code == 404
