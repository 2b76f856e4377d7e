"""Personal data is forgotten after the retention period, and handed over when asked for."""

import datetime
import json

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.db.models import Count

from registrations.models import Delegate, Delivery, Registration, Status
from tests.factories import ConferenceFactory, DelegateFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_conference(settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 12
    conference = ConferenceFactory(
        start_date=datetime.date(2019, 9, 10), end_date=datetime.date(2019, 9, 12)
    )
    RegistrationFactory(
        conference=conference,
        status=Status.CONFIRMED,
        role="head",
        delegate=DelegateFactory(email="amina@example.org"),
        given_name="Amina",
        family_name="Haddad",
        phone="+962 6 123 4567",
        gender="woman",
        is_survivor=True,
        needs_captioning=True,
        other_accessibility_needs="A quiet room near the exit",
        sponsorship_requested=True,
        sponsorship_justification="My organisation cannot pay",
    )
    RegistrationFactory(conference=conference, status=Status.CANCELLED, gender="man")
    return conference


def figures(conference):
    registrations = Registration.objects.filter(conference=conference)
    return {
        "status": dict(registrations.values_list("status").annotate(n=Count("pk"))),
        "role": dict(registrations.values_list("role").annotate(n=Count("pk"))),
        "gender": dict(registrations.values_list("gender").annotate(n=Count("pk"))),
        "survivors": registrations.filter(is_survivor=True).count(),
        "captioning": registrations.filter(needs_captioning=True).count(),
        "sponsorship": registrations.filter(sponsorship_requested=True).count(),
        "organizations": set(registrations.values_list("organization", flat=True)),
    }


def test_anonymising_keeps_the_figures_and_no_personal_data(old_conference, capsys):
    recent = RegistrationFactory(delegate__email="someone@example.org")
    head = Registration.objects.get(conference=old_conference, role="head")
    Delivery.objects.create(
        registration=head,
        kind="email_changed",
        to="amina.old@example.org",
        error="550 <amina.old@example.org>: Recipient address rejected",
        state="failed",
    )
    before = figures(old_conference)

    call_command("anonymise_personal_data")

    assert figures(old_conference) == before
    assert "2 anonymised" in capsys.readouterr().out
    for registration in Registration.objects.filter(conference=old_conference):
        assert registration.anonymised_at is not None
        assert registration.other_accessibility_needs == ""
        assert registration.sponsorship_justification == ""
        assert registration.delegate.email.endswith("@anonymised.invalid")
    assert not Registration.objects.filter(family_name="Haddad").exists()
    assert not Registration.history.filter(family_name="Haddad").exists()
    assert not Registration.objects.filter(phone="+962 6 123 4567").exists()
    assert not Delegate.objects.filter(email="amina@example.org").exists()
    assert not Delegate.history.filter(email="amina@example.org").exists()
    [delivery] = Delivery.objects.filter(registration__conference=old_conference)
    assert (delivery.kind, delivery.state, delivery.to, delivery.error) == (
        "email_changed",
        "failed",
        "",
        "",
    )
    assert not Registration.history.filter(other_accessibility_needs__contains="quiet").exists()
    # Newer conferences are left alone.
    recent.refresh_from_db()
    assert recent.anonymised_at is None
    assert recent.delegate.email == "someone@example.org"


def test_a_private_link_stops_working_once_anonymised(client, old_conference):
    registration = Registration.objects.get(conference=old_conference, role="head")
    assert client.get(f"/en/registrations/{registration.token}/").status_code == 200
    call_command("anonymise_personal_data")
    assert client.get(f"/en/registrations/{registration.token}/").status_code == 404


def test_a_delegate_of_a_newer_conference_stays_for_it(old_conference):
    person = Delegate.objects.get(email="amina@example.org")
    newer = RegistrationFactory(delegate=person)
    call_command("anonymise_personal_data")
    person.refresh_from_db()
    assert list(person.registrations.all()) == [newer]


def test_a_dry_run_changes_nothing(old_conference, capsys):
    call_command("anonymise_personal_data", "--dry-run")
    assert "2 would be anonymised" in capsys.readouterr().out
    assert Registration.objects.filter(family_name="Haddad").exists()


def test_the_admin_says_which_conferences_hold_data_past_retention(admin_client, old_conference):
    page = admin_client.get("/admin/va_conference/conference/").content.decode()
    assert "kept past" in page
    call_command("anonymise_personal_data")
    page = admin_client.get("/admin/va_conference/conference/").content.decode()
    assert "kept past" not in page


def test_an_organizer_exports_everything_about_a_delegate(client, organizer, old_conference):
    person = Delegate.objects.get(email="amina@example.org")
    client.force_login(organizer)
    response = client.post(
        "/admin/registrations/delegate/",
        {"action": "export_personal_data", ACTION_CHECKBOX_NAME: [person.pk], "index": 0},
    )
    [data] = json.loads(response.content)
    assert data["delegate"]["email"] == "amina@example.org"
    [registration] = data["registrations"]
    assert registration["phone"] == "+962 6 123 4567"
    assert registration["other_accessibility_needs"] == "A quiet room near the exit"
    assert registration["reference"]
    assert data["history"]


def test_a_statement_editor_cannot_export_personal_data(client, statement_editor):
    client.force_login(statement_editor)
    assert client.get("/admin/registrations/delegate/").status_code == 403
