"""Migration registrations 0011 puts every registration in the delegation of its conference and
organization; where a delegation had several active heads, the first registered stays head and
the others become delegates, so that 0012 can make one head per delegation a rule of the
database. Run on SQLite and on PostgreSQL alike (DATABASE_URL)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import ConferenceFactory, OrganizationFactory, StateFactory

BEFORE = [("registrations", "0010_delegations_and_focal_point_emails")]
AFTER = [("registrations", "0012_every_registration_in_one_delegation")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def back_to_the_latest_migrations():
    # As the other tests expect.
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


class Registrations:
    """Registrations as they stood before delegations, made with the models of then."""

    def __init__(self, apps):
        self.Delegate = apps.get_model("registrations", "Delegate")
        self.Registration = apps.get_model("registrations", "Registration")
        self.made = 0
        self.start = timezone.now() - datetime.timedelta(days=90)

    def add(self, conference, organization, role="delegate", status="confirmed", days=0):
        """A registration made `days` after the first."""
        self.made += 1
        delegate = self.Delegate.objects.create(email=f"person{self.made}@example.org")
        registration = self.Registration.objects.create(
            delegate=delegate,
            conference_id=conference.pk,
            organization_id=organization.pk,
            given_name="Person",
            family_name=str(self.made),
            role=role,
            status=status,
            reference=f"MIG-{self.made}",
            token=f"token-{self.made}",
        )
        # auto_now_add stamps now: set when it was really made.
        created_at = self.start + datetime.timedelta(days=days)
        self.Registration.objects.filter(pk=registration.pk).update(created_at=created_at)
        return registration.pk


@pytest.mark.django_db(transaction=True)
def test_every_registration_joins_its_delegation_and_the_first_head_stays_head():
    # The core's tables do not change: its rows are made with today's models.
    oslo, amman = (
        ConferenceFactory(reference_prefix="OSL"),
        ConferenceFactory(reference_prefix="AMM"),
    )
    norway = StateFactory(country="NO", name_en="Norway")
    alliance = OrganizationFactory(name_en="International Disability Alliance", kind="dpo")
    apps = migrate(BEFORE)
    try:
        before = Registrations(apps)
        Delegation = apps.get_model("delegations", "Delegation")
        # A delegation recorded already (by a focal point named early) is the one joined.
        recorded = Delegation.objects.create(conference_id=amman.pk, organization_id=alliance.pk)
        # Made first, registered later: who was first counts by the time of registering.
        later_head = before.add(oslo, norway, role="head", days=10)
        first_head = before.add(oslo, norway, role="head", days=2)
        waitlisted_head = before.add(oslo, norway, role="head", status="waitlisted", days=20)
        cancelled_head = before.add(oslo, norway, role="head", status="cancelled", days=1)
        adviser = before.add(oslo, norway, role="adviser", days=3)
        norway_in_amman = before.add(amman, norway, role="head", days=5)
        alliance_in_oslo = before.add(oslo, alliance, role="head", days=4)
        alliance_in_amman = before.add(amman, alliance, days=6)

        apps = migrate(AFTER)
        Registration = apps.get_model("registrations", "Registration")
        Delegation = apps.get_model("delegations", "Delegation")

        role = dict(Registration.objects.values_list("pk", "role"))
        delegation = dict(Registration.objects.values_list("pk", "delegation_id"))
        assert Registration.objects.filter(delegation__isnull=True).count() == 0
        for pk, registration in Registration.objects.select_related("delegation").in_bulk().items():
            assert registration.delegation.conference_id == registration.conference_id, pk
            assert registration.delegation.organization_id == registration.organization_id, pk
        assert Delegation.objects.count() == 4
        norway_in_oslo = delegation[first_head]
        for pk in (later_head, waitlisted_head, cancelled_head, adviser):
            assert delegation[pk] == norway_in_oslo
        assert len({norway_in_oslo, delegation[norway_in_amman], delegation[alliance_in_oslo]}) == 3
        assert delegation[alliance_in_amman] == recorded.pk

        assert role[first_head] == "head"
        assert role[later_head] == role[waitlisted_head] == "delegate"
        # A cancelled registration holds no place in the delegation: it keeps its role.
        assert role[cancelled_head] == "head"
        assert role[adviser] == "adviser"
        # The only head of their delegations.
        assert role[norway_in_amman] == role[alliance_in_oslo] == "head"
    finally:
        back_to_the_latest_migrations()


@pytest.mark.django_db(transaction=True)
def test_two_heads_registered_at_the_same_moment_keep_the_first_recorded():
    oslo = ConferenceFactory(reference_prefix="OSL")
    norway = StateFactory(country="NO", name_en="Norway")
    apps = migrate(BEFORE)
    try:
        before = Registrations(apps)
        first = before.add(oslo, norway, role="head")
        second = before.add(oslo, norway, role="head")

        apps = migrate(AFTER)
        Registration = apps.get_model("registrations", "Registration")

        assert Registration.objects.get(pk=first).role == "head"
        assert Registration.objects.get(pk=second).role == "delegate"
    finally:
        back_to_the_latest_migrations()


@pytest.mark.django_db(transaction=True)
def test_a_database_without_registrations_migrates_with_no_delegation_made():
    apps = migrate(BEFORE)
    try:
        apps = migrate(AFTER)
        assert not apps.get_model("delegations", "Delegation").objects.exists()
    finally:
        back_to_the_latest_migrations()
