"""Whom a registration speaks for is settled by the organizers and the focal points: a delegate
cannot hop into another delegation, nor make themselves its head, from their change page; they
ask to move, and wait again for the organizers and the new delegation's focal point."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from delegations.models import Change, DelegationChange, ParticipantsList
from delegations.participants_list import Edition, addendum_of
from registrations import workflow
from registrations.models import Delivery, EmailKind, Endorsement, Registration, Role, Status
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.delegations.focal_point_fixtures import page_of
from tests.factories import OrganizationFactory, RegistrationFactory
from tests.registrations.conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def survivors(db):
    return OrganizationFactory(name_en="Survivor Network", kind="survivors")


@pytest.fixture
def confirmed(conference, survivors):
    """A confirmed delegate of an organization without a focal point."""
    return RegistrationFactory(
        conference=conference,
        organization=survivors,
        status=Status.CONFIRMED,
        given_name="Amina",
        family_name="Haddad",
        delegate__email="amina.haddad@example.org",
    )


def change_page(registration, action="change/"):
    return f"/en/registrations/{registration.token}/{action}"


@pytest.mark.shared_parts
def test_a_confirmed_delegate_cannot_hop_into_another_states_delegation_as_its_head(
    client, confirmed, norway, other_focal_point
):
    posted = answers(norway, role="head", job_title="Minister", privacy_accepted=None)
    response = client.post(change_page(confirmed), posted)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your organization and role are settled" in page
    assert 'value="Minister"' in page  # the form keeps what was typed
    confirmed.refresh_from_db()
    assert (confirmed.organization.kind, confirmed.role) == ("survivors", Role.DELEGATE)
    assert confirmed.job_title != "Minister"
    assert not norway.registrations.exists()


@pytest.mark.shared_parts
def test_a_member_endorsed_by_one_focal_point_cannot_move_itself_to_another_state(
    client, conference, jordan, norway, focal_point, other_focal_point
):
    member = RegistrationFactory(
        conference=conference,
        organization=jordan,
        endorsement=Endorsement.ENDORSED,
        nominated_by=focal_point,
        privacy_accepted_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    response = client.post(change_page(member), answers(norway, privacy_accepted=None))

    assert "Your organization and role are settled" in response.content.decode()
    member.refresh_from_db()
    assert (member.organization, member.endorsement) == (jordan, Endorsement.ENDORSED)


def test_the_change_page_shows_the_organization_and_role_without_letting_them_change(
    client, confirmed
):
    page = client.get(change_page(confirmed)).content.decode()
    assert 'name="organization"' in page and "disabled" in page
    assert 'name="new_organization_name"' not in page
    assert change_page(confirmed, "move/") in page


@pytest.mark.shared_parts
def test_a_delegate_who_asks_to_move_waits_again_for_the_organizers_and_the_focal_point(
    client, confirmed, norway, other_focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_page(confirmed, "move/"), {"organization": norway.pk})
    assert response.status_code == 302

    confirmed.refresh_from_db()
    assert confirmed.organization == norway
    assert confirmed.delegation.organization == norway
    assert (confirmed.status, confirmed.endorsement) == (Status.SUBMITTED, Endorsement.WAITING)
    assert [email.to for email in mail.outbox] == [[other_focal_point.email]]
    assert "asks to join the delegation of Norway" in mail.outbox[0].subject
    assert "Amina Haddad" in mail.outbox[0].body
    changes = DelegationChange.objects.order_by("pk")
    assert [(change.kind, change.delegation.organization.kind) for change in changes] == [
        (Change.WITHDRAWN, "survivors"),
        (Change.ADDED, "state"),
    ]
    # Not a member of Norway's delegation before its focal point endorses it.
    assert not Registration.objects.confirmed_members().exists()
    with pytest.raises(workflow.NotEndorsed):
        workflow.change_status(confirmed, Status.CONFIRMED)
    assert "Endorse Amina Haddad" in client.get(page_of(other_focal_point)).content.decode()


@pytest.mark.shared_parts
def test_a_head_who_moves_joins_the_other_delegation_as_a_delegate(
    client, conference, jordan, norway, focal_point, other_focal_point
):
    head = RegistrationFactory(
        conference=conference,
        organization=jordan,
        role=Role.HEAD,
        status=Status.CONFIRMED,
        endorsement=Endorsement.ENDORSED,
    )
    client.post(change_page(head, "move/"), {"organization": norway.pk})

    head.refresh_from_db()
    assert (head.organization, head.role) == (norway, Role.DELEGATE)
    kinds = set(Delivery.objects.values_list("kind", "focal_point"))
    assert kinds == {
        (EmailKind.MEMBER_LEFT, focal_point.pk),
        (EmailKind.MEMBER_JOINED, other_focal_point.pk),
    }


@pytest.mark.shared_parts
def test_a_move_to_the_same_organization_is_refused_and_the_form_kept(client, confirmed):
    response = client.post(
        change_page(confirmed, "move/"), {"organization": confirmed.organization_id}
    )
    assert "already represents this organization" in response.content.decode()
    assert not DelegationChange.objects.exists()


def test_the_move_page_is_closed_once_registration_closes_and_hidden_from_other_tokens(
    client, confirmed, conference, norway
):
    assert client.get("/en/registrations/not-a-token/move/").status_code == 404
    conference.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    conference.registration_opens_at = timezone.now() - datetime.timedelta(days=1)
    conference.save()
    response = client.post(change_page(confirmed, "move/"), {"organization": norway.pk})
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.organization != norway


@pytest.mark.shared_parts
def test_the_move_is_approved_and_the_addendum_shows_it(
    client, conference, confirmed, norway, other_focal_point, delegations_organizer
):
    today = datetime.date.today()
    ParticipantsList.objects.create(
        conference=conference, symbol="CCM/MSP/2030/INF.1", date=today - datetime.timedelta(days=2)
    )
    addendum = ParticipantsList.objects.create(
        conference=conference,
        kind=ParticipantsList.Kind.ADDENDUM,
        symbol="CCM/MSP/2030/INF.1/Add.1",
        date=today + datetime.timedelta(days=1),
    )
    survivors = confirmed.organization
    client.post(change_page(confirmed, "move/"), {"organization": norway.pk})
    client.post(page_of(other_focal_point) + f"members/{confirmed.pk}/endorse/", {})
    client.force_login(delegations_organizer)
    client.post(
        reverse("admin:registrations_registration_changelist"),
        {"action": "confirm", "_selected_action": [confirmed.pk]},
    )
    confirmed.refresh_from_db()
    assert (confirmed.status, confirmed.endorsement) == (Status.CONFIRMED, Endorsement.ENDORSED)

    changed = {
        changed.name: ([r.pk for r in changed.added], [r.pk for r in changed.withdrawn])
        for group in addendum_of(addendum, "en", Edition.SECRETARIAT)
        for changed in group.delegations
    }
    assert changed == {
        "Norway": ([confirmed.pk], []),
        str(survivors.name): ([], [confirmed.pk]),
    }


def test_a_head_waiting_for_endorsement_cannot_take_the_floor(
    client, conference, norway, other_focal_point
):
    head = RegistrationFactory(
        conference=conference,
        organization=norway,
        role=Role.HEAD,
        status=Status.CONFIRMED,
        endorsement=Endorsement.WAITING,
    )
    assert client.get(f"/en/registrations/{head.token}/floor/").status_code == 404
    head.endorsement = Endorsement.ENDORSED
    head.save()
    assert client.get(f"/en/registrations/{head.token}/floor/").status_code == 200


def test_a_head_waiting_for_endorsement_heads_nothing_on_the_focal_points_page(
    client, conference, norway, other_focal_point
):
    RegistrationFactory(
        conference=conference, organization=norway, role=Role.HEAD, endorsement="waiting"
    )
    page = client.get(page_of(other_focal_point)).content.decode()
    assert "No head of delegation." in page
