"""Focal points whose delegation lacks its head, its credentials or members' details are
reminded once, from the conference's reminder days before its deadline up to the deadline."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from delegations import reminders
from delegations.missing import missing
from delegations.models import Credentials, FocalPoint, Signatory, delegation_of
from registrations.models import Delivery, EmailKind, Role, Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("worker_queue")]

DEADLINE = datetime.date(2030, 8, 1)
# Seven days before the deadline, the conference's reminder days by default.
FIRST_DAY = datetime.date(2030, 7, 25)


@pytest.fixture
def conference():
    return ConferenceFactory(delegations_deadline=DEADLINE)


def focal_point_of(delegation, **fields):
    return FocalPoint.objects.create(
        delegation=delegation,
        name="Rania Al-Abdallah",
        email=f"focal{delegation.pk}@example.org",
        **{"language": "ar", **fields},
    )


def complete_delegation(conference, organization):
    """A delegation that lacks nothing: a head with details, credentials received."""
    RegistrationFactory(
        conference=conference,
        organization=organization,
        role=Role.HEAD,
        status=Status.CONFIRMED,
        privacy_accepted_at=datetime.datetime(2030, 6, 1, tzinfo=datetime.UTC),
    )
    delegation = delegation_of(conference, organization)
    delegation.credentials = Credentials.ORIGINAL
    delegation.credentials_received_on = datetime.date(2030, 6, 2)
    delegation.credentials_signatory = Signatory.FOREIGN_MINISTER
    delegation.save()
    return delegation


def reminded():
    return set(
        Delivery.objects.filter(kind=EmailKind.FOCAL_POINT_REMINDER).values_list(
            "focal_point__email", flat=True
        )
    )


def test_a_delegation_without_a_head_is_reminded_once_from_the_first_day(conference):
    delegation = delegation_of(conference, StateFactory(country="JO"))
    focal_point = focal_point_of(delegation)

    assert reminders.send_reminders(FIRST_DAY - datetime.timedelta(days=1)) == 0
    assert reminders.send_reminders(FIRST_DAY) == 1
    assert reminders.send_reminders(FIRST_DAY) == 0
    assert reminders.send_reminders(DEADLINE) == 0

    delivery = Delivery.objects.get(kind=EmailKind.FOCAL_POINT_REMINDER)
    assert (delivery.focal_point, delivery.registration, delivery.state) == (
        focal_point,
        None,
        Delivery.State.PENDING,
    )


def test_what_each_delegation_lacks(conference):
    state = delegation_of(conference, StateFactory(country="NO"))
    ngo = delegation_of(conference, OrganizationFactory())
    RegistrationFactory(conference=conference, organization=ngo.organization, role=Role.HEAD)
    RegistrationFactory(
        conference=conference,
        organization=ngo.organization,
        status=Status.INVITED,
        given_name="Amina",
        family_name="Diallo",
    )

    assert missing(state, []) == ["No head of delegation.", "No credentials received yet."]
    # Only States present credentials; a member invited has not accepted yet.
    assert missing(ngo, list(ngo.members.all())) == [
        "Amina Diallo have not accepted their invitation yet."
    ]


def test_the_reminder_goes_to_the_focal_point_with_what_is_missing(
    conference, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    delegation = delegation_of(conference, StateFactory(country="MZ"))
    focal_point = focal_point_of(delegation, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_reminders(FIRST_DAY)

    [email] = mailoutbox
    assert email.to == [focal_point.email]
    assert "No head of delegation." in email.body
    assert "No credentials received yet." in email.body
    assert f"/en/delegations/{focal_point.token}/" in email.body
    assert Delivery.objects.get().state == Delivery.State.SENT


def test_a_complete_delegation_and_a_revoked_focal_point_are_not_reminded(conference):
    focal_point_of(complete_delegation(conference, StateFactory(country="LA")))
    revoked = delegation_of(conference, StateFactory(country="AF"))
    focal_point_of(revoked, state=FocalPoint.State.REVOKED)

    assert reminders.send_reminders(FIRST_DAY) == 0


def test_no_deadline_and_a_deadline_passed_remind_nobody():
    without = ConferenceFactory(delegations_deadline=None)
    focal_point_of(delegation_of(without, StateFactory(country="IQ")))
    passed = ConferenceFactory(delegations_deadline=datetime.date(2030, 1, 1))
    focal_point_of(delegation_of(passed, StateFactory(country="AL")))

    assert reminders.send_reminders(FIRST_DAY) == 0


def test_the_days_before_the_deadline_are_the_conferences_own():
    conference = ConferenceFactory(delegations_deadline=DEADLINE, reminder_days=30)
    focal_point_of(delegation_of(conference, StateFactory(country="BA")))

    assert reminders.send_reminders(DEADLINE - datetime.timedelta(days=30)) == 1


def test_the_command_queues_the_reminders_of_the_day(conference):
    focal_point = focal_point_of(delegation_of(conference, StateFactory(country="HR")))
    conference.delegations_deadline = timezone.localdate()
    conference.save()

    outputs = [io.StringIO(), io.StringIO()]
    for output in outputs:
        call_command("send_focal_point_reminders", stdout=output)

    assert [output.getvalue() for output in outputs] == [
        "Reminders queued: 1\n",
        "Reminders queued: 0\n",
    ]
    assert reminded() == {focal_point.email}


def test_finding_the_focal_points_costs_the_same_for_many_delegations(
    conference, django_assert_max_num_queries
):
    for _number in range(30):
        delegation = delegation_of(conference, OrganizationFactory())
        focal_point_of(delegation)
        RegistrationFactory(conference=conference, organization=delegation.organization)
    with django_assert_max_num_queries(4):
        assert len(reminders.focal_points_to_remind(FIRST_DAY)) == 30
