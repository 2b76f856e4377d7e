"""A self-registration for a State's delegation with a focal point waits for that focal point,
who endorses or refuses it; an organizer cannot confirm it until it is endorsed. Delegations
without a focal point register as before."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from delegations.models import Change, DelegationChange, FocalPoint
from registrations import workflow
from registrations.models import Endorsement, Registration, Status
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.delegations.focal_point_fixtures import page_of
from tests.factories import OrganizationFactory
from tests.registrations.conftest import answers

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]
CHANGELIST = reverse("admin:registrations_registration_changelist")


def register(client, conference, organization, **changes):
    client.post(f"/en/conferences/{conference.slug}/register/", answers(organization, **changes))
    return Registration.objects.get(
        delegate__email=changes.get("email", "amina.haddad@example.org")
    )


def test_a_self_registration_for_a_state_waits_for_its_focal_point(
    client, conference, jordan, focal_point
):
    registration = register(client, conference, jordan)
    assert registration.endorsement == Endorsement.WAITING
    page = client.get(page_of(focal_point)).content.decode()
    assert "Endorse Amina Haddad" in page
    with pytest.raises(workflow.NotEndorsed):
        workflow.change_status(registration, Status.CONFIRMED)

    client.post(
        page_of(focal_point) + f"members/{registration.pk}/endorse/", {"decision": "endorse"}
    )
    registration.refresh_from_db()
    assert registration.endorsement == Endorsement.ENDORSED
    assert workflow.change_status(registration, Status.CONFIRMED)


def test_a_refused_registration_is_declined_and_its_delegate_told(
    client, conference, jordan, focal_point, django_capture_on_commit_callbacks
):
    registration = register(client, conference, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            page_of(focal_point) + f"members/{registration.pk}/endorse/", {"decision": "refuse"}
        )
    registration.refresh_from_db()
    assert (registration.endorsement, registration.status) == (
        Endorsement.REFUSED,
        Status.DECLINED,
    )
    assert "was declined" in mail.outbox[-1].subject
    change = DelegationChange.objects.get()
    assert (change.kind, change.made_by_focal_point) == (Change.WITHDRAWN, focal_point)


@pytest.mark.parametrize("focal_point_state", [None, FocalPoint.State.REVOKED])
def test_a_state_without_an_active_focal_point_registers_as_before(
    client, conference, jordan, delegation, focal_point_state
):
    if focal_point_state:
        FocalPoint.objects.create(
            delegation=delegation, name="X", email="x@example.org", state=focal_point_state
        )
    registration = register(client, conference, jordan)
    assert registration.endorsement == Endorsement.NOT_NEEDED
    assert workflow.change_status(registration, Status.CONFIRMED)


def test_an_ngo_with_a_focal_point_needs_no_endorsement(client, conference):
    ngo = OrganizationFactory(name_en="Survivor Network")
    delegation = Registration.delegation.field.related_model.objects.create(
        conference=conference, organization=ngo
    )
    FocalPoint.objects.create(delegation=delegation, name="N", email="n@example.org")
    assert register(client, conference, ngo).endorsement == Endorsement.NOT_NEEDED


def test_an_organizer_confirms_a_waiting_registration_only_once_endorsed(
    client, conference, jordan, focal_point, delegations_organizer
):
    registration = register(client, conference, jordan)
    client.force_login(delegations_organizer)

    def act(action):
        return client.post(
            CHANGELIST,
            {"action": action, ACTION_CHECKBOX_NAME: [registration.pk], "index": 0},
            follow=True,
        ).content.decode()

    assert "wait for their delegation" in act("confirm")
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED
    assert "1 registration endorsed" in act("endorse")
    act("confirm")
    registration.refresh_from_db()
    assert (registration.endorsement, registration.status) == (
        Endorsement.ENDORSED,
        Status.CONFIRMED,
    )
