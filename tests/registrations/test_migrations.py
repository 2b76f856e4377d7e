"""The move of a person's details from the delegate to each registration loses nothing."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import ConferenceFactory, OrganizationFactory

BEFORE = [("registrations", "0007_organizers_check_in_and_messages")]
AFTER = [("registrations", "0008_registration_holds_the_person_details")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_each_registration_takes_its_delegates_details_and_the_history_its_details_then():
    # The core's tables do not change: its rows are made with today's models.
    organization = OrganizationFactory(kind="dpo")
    conferences = [ConferenceFactory(reference_prefix=prefix) for prefix in ("AMM", "GVA")]
    apps = migrate(BEFORE)
    try:
        Delegate = apps.get_model("registrations", "Delegate")
        HistoricalDelegate = apps.get_model("registrations", "HistoricalDelegate")
        Registration = apps.get_model("registrations", "Registration")
        HistoricalRegistration = apps.get_model("registrations", "HistoricalRegistration")

        delegate = Delegate.objects.create(
            email="rana@example.org",
            given_name="Rana",
            family_name="Al-Khatib",
            phone="+962 6 555 0101",
            job_title="Focal point",
            gender="woman",
            is_survivor=True,
            has_disability=False,
            language="ar",
            honorific="ms",
        )
        then = timezone.now() - datetime.timedelta(days=30)
        HistoricalDelegate.objects.create(
            id=delegate.pk,
            email=delegate.email,
            given_name="Rana",
            family_name="Khatib",
            job_title="Adviser",
            language="en",
            created_at=then,
            updated_at=then,
            history_date=then,
            history_type="+",
        )
        registrations = [
            Registration.objects.create(
                delegate=delegate,
                conference_id=conference.pk,
                organization_id=organization.pk,
                reference=f"{conference.reference_prefix}-{n}",
                token=f"token-{n}",
            )
            for n, conference in enumerate(conferences)
        ]
        HistoricalRegistration.objects.create(
            id=registrations[0].pk,
            delegate_id=delegate.pk,
            conference_id=conferences[0].pk,
            organization_id=organization.pk,
            reference=registrations[0].reference,
            token="token-0",
            role="delegate",
            status="submitted",
            created_at=then,
            updated_at=then,
            history_date=then + datetime.timedelta(minutes=1),
            history_type="+",
        )

        apps = migrate(AFTER)
        Registration = apps.get_model("registrations", "Registration")
        HistoricalRegistration = apps.get_model("registrations", "HistoricalRegistration")
        Delegate = apps.get_model("registrations", "Delegate")

        for registration in Registration.objects.all():
            assert registration.delegate.email == "rana@example.org"
            assert (
                registration.honorific,
                registration.given_name,
                registration.family_name,
                registration.phone,
                registration.job_title,
                registration.gender,
                registration.is_survivor,
                registration.has_disability,
                registration.language,
            ) == (
                "ms",
                "Rana",
                "Al-Khatib",
                "+962 6 555 0101",
                "Focal point",
                "woman",
                True,
                False,
                "ar",
            )
        [version] = HistoricalRegistration.objects.all()
        assert (version.family_name, version.job_title, version.language) == (
            "Khatib",
            "Adviser",
            "en",
        )
        assert Delegate.objects.count() == 1
    finally:
        # Back to the latest migration of every app, as the other tests expect.
        executor = MigrationExecutor(connection)
        migrate(executor.loader.graph.leaf_nodes())
