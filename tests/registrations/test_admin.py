"""Organizers decide on registrations in the admin, and tidy the organizations delegates propose."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from registrations.models import Registration, Status
from sessions.models import Statement
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    OrganizationFactory,
    RegistrationFactory,
    StatementFactory,
)
from va_conference.models import Organization

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:registrations_registration_changelist")


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


def act(client, url, action, objects, **extra):
    return client.post(
        url,
        {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], "index": 0, **extra},
        follow=True,
    )


def test_an_organizer_confirms_in_bulk_and_each_delegate_is_told_in_their_language(
    organizer_client, conference, django_capture_on_commit_callbacks
):
    english = RegistrationFactory(conference=conference, language="en")
    spanish = RegistrationFactory(conference=conference, language="es")
    with django_capture_on_commit_callbacks(execute=True):
        response = act(organizer_client, CHANGELIST, "confirm", [english, spanish])

    assert "2 registrations are now" in response.content.decode()
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CONFIRMED}
    subjects = {email.to[0]: email.subject for email in mail.outbox}
    assert "is confirmed" in subjects[english.delegate.email]
    assert "confirmada" in subjects[spanish.delegate.email]


@pytest.mark.parametrize("action, status", [("wait_list", "waitlisted"), ("decline", "declined")])
def test_an_organizer_wait_lists_or_declines(organizer_client, conference, action, status):
    registration = RegistrationFactory(conference=conference)
    act(organizer_client, CHANGELIST, action, [registration])
    registration.refresh_from_db()
    assert registration.status == status


def test_confirming_beyond_capacity_is_refused_with_a_message(organizer_client, conference):
    conference.capacity = 1
    conference.save()
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    waiting = RegistrationFactory(conference=conference, status=Status.WAITLISTED)
    response = act(organizer_client, CHANGELIST, "confirm", [waiting])
    assert f"No place is left for {waiting.reference}" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


def test_a_status_changed_in_the_form_goes_through_the_workflow(
    organizer_client, organizer, conference, django_capture_on_commit_callbacks
):
    conference.capacity = 1
    conference.save()
    confirmed = RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    waiting = RegistrationFactory(
        conference=conference, status=Status.WAITLISTED, delegate=DelegateFactory()
    )
    url = reverse("admin:registrations_registration_change", args=[confirmed.pk])
    data = {
        "conference": conference.pk,
        "delegate": confirmed.delegate.pk,
        "given_name": confirmed.given_name,
        "family_name": confirmed.family_name,
        "language": "en",
        "organization": confirmed.organization.pk,
        "role": "delegate",
        "status": "declined",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(url, data, follow=True)
    assert response.status_code == 200
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.status == Status.DECLINED
    assert waiting.status == Status.SUBMITTED  # the freed place went to the waiting list
    assert {email.to[0] for email in mail.outbox} == {
        confirmed.delegate.email,
        waiting.delegate.email,
    }
    # Who changed it, and when, is kept and shown.
    latest = confirmed.history.latest()
    assert latest.history_user == organizer
    history = organizer_client.get(
        reverse("admin:registrations_registration_history", args=[confirmed.pk])
    )
    assert "organizer" in history.content.decode()


def test_the_form_gives_no_place_beyond_capacity_and_saves_the_rest(organizer_client, conference):
    conference.capacity = 1
    conference.save()
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    waiting = RegistrationFactory(conference=conference, status=Status.WAITLISTED)
    url = reverse("admin:registrations_registration_change", args=[waiting.pk])
    response = organizer_client.post(
        url,
        {
            "conference": conference.pk,
            "delegate": waiting.delegate.pk,
            "given_name": waiting.given_name,
            "family_name": waiting.family_name,
            "job_title": "Adviser",
            "language": "en",
            "organization": waiting.organization.pk,
            "role": "delegate",
            "status": "confirmed",
        },
        follow=True,
    )
    assert f"No place is left for {waiting.reference}" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED
    assert waiting.job_title == "Adviser"


def test_a_registration_added_beyond_capacity_is_wait_listed_and_its_delegate_told(
    organizer_client, conference, django_capture_on_commit_callbacks
):
    from registrations.models import Delegate, Registration

    conference.capacity = 1
    conference.save()
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    delegate = Delegate.objects.create(email="late@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            reverse("admin:registrations_registration_add"),
            {
                "conference": conference.pk,
                "delegate": delegate.pk,
                "given_name": "Omar",
                "family_name": "Late",
                "language": "en",
                "organization": RegistrationFactory._meta.model.objects.first().organization.pk,
                "role": "delegate",
                "mode": "in_person",
                "status": "confirmed",
            },
            follow=True,
        )
    assert "is on the waiting list" in response.content.decode()
    added = Registration.objects.get(delegate=delegate)
    assert added.status == Status.WAITLISTED
    assert [email.to for email in mail.outbox] == [["late@example.org"]]


@pytest.mark.shared_parts
def test_organizers_filter_proposed_organizations_and_merge_a_duplicate(organizer_client):
    kept = OrganizationFactory(name_en="Handicap International", acronym="HI")
    duplicate = OrganizationFactory(name_en="Handicap Intl", is_verified=False)
    registration = RegistrationFactory(organization=duplicate)
    statement = StatementFactory(organization=duplicate)
    conference = ConferenceFactory(host=duplicate)
    conference.organizers.add(duplicate, kept)
    changelist = reverse("admin:va_conference_organization_changelist")

    proposed = organizer_client.get(changelist, {"is_verified__exact": "0"}).content.decode()
    assert "Handicap Intl" in proposed
    assert "Handicap International" not in proposed

    confirmation = act(organizer_client, changelist, "merge", [kept, duplicate])
    assert "Choose the organization to keep" in confirmation.content.decode()
    response = organizer_client.post(
        changelist,
        {"action": "merge", ACTION_CHECKBOX_NAME: [kept.pk, duplicate.pk], "keep": kept.pk},
        follow=True,
    )
    assert "1 organization merged into Handicap International" in response.content.decode()
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    registration.refresh_from_db()
    assert registration.organization == kept
    assert Statement.objects.get(pk=statement.pk).organization == kept
    conference.refresh_from_db()
    assert conference.host == kept
    assert list(conference.organizers.all()) == [kept]


def test_registrations_are_found_by_reference_name_email_and_organization(
    organizer_client, conference
):
    registration = RegistrationFactory(
        conference=conference,
        family_name="Haddad",
        organization=OrganizationFactory(name_en="Survivor Network", name_fr="Réseau"),
    )
    other = RegistrationFactory(conference=conference)
    for query in (registration.reference, "Haddad", registration.delegate.email, "Réseau"):
        page = organizer_client.get(CHANGELIST, {"q": query}).content.decode()
        assert registration.reference in page, query
        assert other.reference not in page, query


def test_markup_typed_by_a_delegate_is_escaped_in_the_admin(organizer_client, conference):
    registration = RegistrationFactory(
        conference=conference, family_name="<script>alert(1)</script>"
    )
    for url in (
        CHANGELIST,
        reverse("admin:registrations_registration_change", args=[registration.pk]),
    ):
        assert "<script>alert(1)</script>" not in organizer_client.get(url).content.decode()
