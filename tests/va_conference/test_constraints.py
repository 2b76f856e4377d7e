"""The database itself refuses what breaks the rules of the model, whatever the form says."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from registrations.models import Delegate, Status
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    OrganizationFactory,
    RegistrationFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
)
from va_conference.models import OrganizationKind, TreatyStatus

pytestmark = pytest.mark.django_db


def refused(create):
    """True when the database raises IntegrityError (the transaction stays usable)."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_conference_cannot_end_before_it_starts():
    assert refused(
        lambda: ConferenceFactory(
            start_date=datetime.date(2019, 9, 10), end_date=datetime.date(2019, 9, 9)
        )
    )
    assert not refused(
        lambda: ConferenceFactory(
            start_date=datetime.date(2019, 9, 10), end_date=datetime.date(2019, 9, 10)
        )
    )


def test_registration_must_close_after_it_opens():
    opens = datetime.datetime(2019, 6, 1, tzinfo=datetime.UTC)
    assert refused(
        lambda: ConferenceFactory(registration_opens_at=opens, registration_closes_at=opens)
    )


def test_capacity_is_at_least_one():
    assert refused(lambda: ConferenceFactory(capacity=0))


def test_a_country_has_one_state():
    StateFactory(country="NO")
    assert refused(lambda: OrganizationFactory(kind=OrganizationKind.STATE, country="NO"))
    # Organizations other than States may share a country.
    OrganizationFactory(country="NO")
    assert not refused(lambda: OrganizationFactory(country="NO"))


def test_a_state_needs_its_country():
    assert refused(lambda: OrganizationFactory(kind=OrganizationKind.STATE, country=""))


def test_only_states_have_a_treaty_status_or_obligations():
    assert refused(lambda: OrganizationFactory(kind=OrganizationKind.NGO, mbt_status="party"))
    assert refused(
        lambda: OrganizationFactory(kind=OrganizationKind.UN_AGENCY, has_va_obligations=True)
    )
    assert not refused(lambda: StateFactory(country="LA", mbt_status=TreatyStatus.NOT_PARTY))


def test_session_slugs_are_unique_within_a_conference():
    conference = ConferenceFactory()
    SessionFactory(conference=conference, slug="victim-assistance")
    assert refused(lambda: SessionFactory(conference=conference, slug="victim-assistance"))
    assert not refused(lambda: SessionFactory(slug="victim-assistance"))


def test_a_session_ends_after_it_starts():
    assert refused(
        lambda: SessionFactory(start_time=datetime.time(15, 0), end_time=datetime.time(15, 0))
    )


def test_a_session_falls_within_its_conference_dates():
    conference = ConferenceFactory(
        start_date=datetime.date(2012, 9, 11), end_date=datetime.date(2012, 9, 14)
    )
    assert refused(lambda: SessionFactory(conference=conference, date=datetime.date(2012, 9, 15)))
    assert refused(lambda: SessionFactory(conference=conference, date=datetime.date(2012, 9, 10)))
    session = SessionFactory(conference=conference, date=datetime.date(2012, 9, 12))

    def move_session():
        session.date = datetime.date(2012, 9, 20)
        session.save()

    assert refused(move_session)

    def shorten_conference():
        conference.end_date = datetime.date(2012, 9, 11)
        conference.save()

    assert refused(shorten_conference)

    def move_to_another_conference():
        session.date = datetime.date(2012, 9, 12)
        session.conference = ConferenceFactory()
        session.save()

    assert refused(move_to_another_conference)


@pytest.mark.shared_parts
def test_the_same_file_is_stored_once_per_session():
    statement = StatementFactory()
    assert refused(
        lambda: StatementFactory(
            session=statement.session, organization=statement.organization, file=statement.file
        )
    )


@pytest.mark.shared_parts
def test_a_statement_has_one_translation_per_language():
    original = StatementFactory(language="en")
    StatementFactory(
        session=original.session,
        organization=original.organization,
        original=original,
        language="fr",
    )
    assert refused(
        lambda: StatementFactory(
            session=original.session,
            organization=original.organization,
            original=original,
            language="fr",
        )
    )


def test_one_active_registration_per_email_per_conference():
    registration = RegistrationFactory()
    assert refused(
        lambda: RegistrationFactory(
            delegate=registration.delegate, conference=registration.conference
        )
    )
    # Once cancelled, the delegate may register again.
    registration.status = Status.CANCELLED
    registration.save()
    assert not refused(
        lambda: RegistrationFactory(
            delegate=registration.delegate, conference=registration.conference
        )
    )


def test_an_email_address_belongs_to_one_delegate_whatever_its_case():
    DelegateFactory(email="amina@example.org")
    assert refused(lambda: DelegateFactory(email="Amina@Example.ORG"))
    assert Delegate.objects.count() == 1


@pytest.mark.shared_parts
def test_an_organization_with_statements_cannot_be_deleted():
    statement = StatementFactory()
    with pytest.raises(ProtectedError):
        statement.organization.delete()


def test_an_organization_with_registrations_cannot_be_deleted():
    registration = RegistrationFactory()
    with pytest.raises(ProtectedError):
        registration.organization.delete()


def test_a_conference_with_registrations_cannot_be_deleted():
    registration = RegistrationFactory()
    with pytest.raises(ProtectedError):
        registration.conference.delete()


@pytest.mark.shared_parts
def test_a_session_with_statements_cannot_be_deleted():
    statement = StatementFactory()
    with pytest.raises(ProtectedError):
        statement.session.delete()


def test_deleting_a_delegate_deletes_their_registrations():
    registration = RegistrationFactory()
    registration.delegate.delete()
    assert not type(registration).objects.exists()


@pytest.mark.shared_parts
def test_replacing_a_statement_file_records_the_new_size_and_checksum():
    from django.core.files.base import ContentFile

    from sessions.models import Statement
    from tests.factories import pdf_bytes

    statement = Statement.objects.get(pk=StatementFactory().pk)
    old_checksum = statement.checksum
    statement.file.save("replacement.pdf", ContentFile(pdf_bytes("A longer replacement")))
    statement.refresh_from_db()
    assert statement.checksum != old_checksum
    assert statement.size == len(pdf_bytes("A longer replacement"))
