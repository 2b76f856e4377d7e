"""Two organizations merged that both took part in a conference end with one delegation there:
the duplicate's members, focal points, documents and changes move to the kept one, with the
better credentials and one head of delegation."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.base import ContentFile
from django.urls import reverse

from delegations.merging import fold_delegations
from delegations.models import (
    Change,
    Credentials,
    Delegation,
    DelegationChange,
    DelegationDocument,
    FocalPoint,
    Signatory,
    delegation_of,
)
from registrations.models import Registration, Role, Status
from tests.factories import ConferenceFactory, OrganizationFactory, RegistrationFactory, pdf_bytes
from va_conference.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept():
    return OrganizationFactory(name_en="Handicap International", acronym="HI")


@pytest.fixture
def duplicate():
    return OrganizationFactory(name_en="Handicap Intl", acronym="", is_verified=False)


@pytest.fixture
def oslo():
    return ConferenceFactory(slug="3msp-oslo")


def merge_in_the_admin(client, organizer, kept, *duplicates):
    client.force_login(organizer)
    pks = [kept.pk, *(duplicate.pk for duplicate in duplicates)]
    return client.post(
        reverse("admin:va_conference_organization_changelist"),
        {"action": "merge", ACTION_CHECKBOX_NAME: pks, "keep": kept.pk},
        follow=True,
    )


def member(conference, organization, **fields):
    return RegistrationFactory(
        conference=conference, organization=organization, status=Status.CONFIRMED, **fields
    )


def document(delegation, text="Credentials"):
    return DelegationDocument.objects.create(
        delegation=delegation,
        kind=DelegationDocument.Kind.CREDENTIALS,
        file=ContentFile(pdf_bytes(text), name="credentials.pdf"),
    )


def test_the_admins_merge_leaves_one_delegation_with_every_member(
    client, organizer, kept, duplicate, oslo
):
    ours, theirs = member(oslo, kept), member(oslo, duplicate)
    amman = ConferenceFactory(slug="amman")
    only_theirs = member(amman, duplicate)

    response = merge_in_the_admin(client, organizer, kept, duplicate)

    assert "1 organization merged into Handicap International" in response.content.decode()
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    delegation = Delegation.objects.get(conference=oslo)
    assert delegation.organization == kept
    assert set(delegation.members.all()) == {ours, theirs}
    # The duplicate's delegation to a conference the kept one did not attend becomes its own.
    assert Delegation.objects.get(conference=amman).organization == kept
    for registration in Registration.objects.all():
        assert registration.organization == kept
        assert registration.is_in_its_delegation()
    assert only_theirs in Registration.objects.filter(delegation__conference=amman)


def test_of_two_heads_the_first_registered_stays_and_the_change_is_recorded(
    client, organizer, kept, duplicate, oslo
):
    later = member(oslo, kept, role=Role.HEAD, family_name="Later")
    first = member(oslo, duplicate, role=Role.HEAD, family_name="First")
    Registration.objects.filter(pk=first.pk).update(
        created_at=later.created_at - datetime.timedelta(days=3)
    )

    merge_in_the_admin(client, organizer, kept, duplicate)

    first.refresh_from_db()
    later.refresh_from_db()
    assert (first.role, later.role) == (Role.HEAD, Role.DELEGATE)
    change = DelegationChange.objects.get(registration=later)
    assert (change.kind, change.role, change.made_by) == (Change.ROLE, Role.DELEGATE, organizer)
    assert change.delegation == first.delegation


@pytest.mark.shared_parts
def test_the_original_credentials_win_over_a_copy_with_their_date_and_document(
    kept, duplicate, oslo
):
    ours, theirs = delegation_of(oslo, kept), delegation_of(oslo, duplicate)
    Delegation.objects.filter(pk=ours.pk).update(
        credentials=Credentials.COPY,
        credentials_received_on=datetime.date(2012, 9, 1),
        credentials_signatory=Signatory.OTHER,
    )
    original = document(theirs, "Original")
    Delegation.objects.filter(pk=theirs.pk).update(
        credentials=Credentials.ORIGINAL,
        credentials_received_on=datetime.date(2012, 9, 10),
        credentials_signatory=Signatory.FOREIGN_MINISTER,
        credentials_document=original,
    )

    fold_delegations(kept, [duplicate])
    kept.merge([duplicate])

    ours.refresh_from_db()
    assert ours.credentials == Credentials.ORIGINAL
    assert ours.credentials_received_on == datetime.date(2012, 9, 10)
    assert ours.credentials_signatory == Signatory.FOREIGN_MINISTER
    assert ours.credentials_document == original
    assert list(ours.documents.all()) == [original]
    assert not Delegation.objects.filter(pk=theirs.pk).exists()


def test_credentials_alike_are_the_kept_delegations(kept, duplicate, oslo):
    ours, theirs = delegation_of(oslo, kept), delegation_of(oslo, duplicate)
    for delegation, day in [(ours, 1), (theirs, 5)]:
        Delegation.objects.filter(pk=delegation.pk).update(
            credentials=Credentials.COPY,
            credentials_received_on=datetime.date(2012, 9, day),
            credentials_signatory=Signatory.OTHER,
        )
    Delegation.objects.filter(pk=theirs.pk).update(notes="Original promised for Monday.")

    fold_delegations(kept, [duplicate])

    ours.refresh_from_db()
    assert ours.credentials_received_on == datetime.date(2012, 9, 1)
    assert ours.notes == "Original promised for Monday."


def test_focal_points_move_and_an_address_named_twice_keeps_the_kept_link(kept, duplicate, oslo):
    ours, theirs = delegation_of(oslo, kept), delegation_of(oslo, duplicate)
    our_link = FocalPoint.objects.create(delegation=ours, name="Kari", email="kari@example.org")
    their_link = FocalPoint.objects.create(delegation=theirs, name="Kari", email="KARI@example.org")
    another = FocalPoint.objects.create(delegation=theirs, name="Ola", email="ola@example.org")

    fold_delegations(kept, [duplicate])

    for focal_point in (our_link, their_link, another):
        focal_point.refresh_from_db()
        assert focal_point.delegation == ours
    assert our_link.state == another.state == FocalPoint.State.ACTIVE
    assert their_link.state == FocalPoint.State.REVOKED
    assert their_link.revoked_at is not None


@pytest.mark.shared_parts
def test_documents_and_changes_move_with_their_delegation(kept, duplicate, oslo):
    theirs = delegation_of(oslo, duplicate)
    delegation_of(oslo, kept)
    note_verbale = document(theirs, "Note verbale")
    added = member(oslo, duplicate)
    change = DelegationChange.objects.create(
        delegation=theirs, registration=added, kind=Change.ADDED
    )

    assert fold_delegations(kept, [duplicate]) == 1

    ours = Delegation.objects.get(conference=oslo, organization=kept)
    assert list(ours.documents.all()) == [note_verbale]
    assert list(ours.changes.all()) == [change]


def test_two_duplicates_at_a_conference_the_kept_one_missed_fold_into_one(kept, oslo):
    first = OrganizationFactory(name_en="HI France")
    second = OrganizationFactory(name_en="HI Belgium")
    members = [member(oslo, first, role=Role.HEAD), member(oslo, second, role=Role.HEAD)]

    fold_delegations(kept, [first, second])
    kept.merge([first, second])

    delegation = Delegation.objects.get(conference=oslo)
    assert delegation.organization == kept
    assert set(delegation.members.all()) == set(members)
    assert delegation.members.filter(role=Role.HEAD).count() == 1


def test_a_merge_that_fails_folds_nothing(client, organizer, kept, duplicate, oslo, monkeypatch):
    ours, theirs = member(oslo, kept), member(oslo, duplicate)

    def refuse(organization, duplicates):
        raise RuntimeError("the merge failed")

    monkeypatch.setattr(Organization, "merge", refuse)
    with pytest.raises(RuntimeError):
        merge_in_the_admin(client, organizer, kept, duplicate)

    assert Delegation.objects.filter(conference=oslo).count() == 2
    theirs.refresh_from_db()
    assert theirs.delegation.organization == duplicate
    assert ours.delegation != theirs.delegation


def test_a_merge_without_shared_conferences_folds_nothing(kept, duplicate, oslo):
    member(oslo, kept)
    member(ConferenceFactory(), duplicate)

    assert fold_delegations(kept, [duplicate]) == 0
    assert Delegation.objects.count() == 2
