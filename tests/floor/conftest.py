"""A session of a Meeting of States Parties to the Convention on Cluster Munitions, its list of
speakers, and delegations of each protocol group."""

import pytest

from delegations.models import delegation_of
from floor.models import FloorRequest, SpeakersList
from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
)
from va_conference.models import OrganizationKind, TreatyStatus


@pytest.fixture
def conference(db):
    return conference_open_for_registration(
        slug="14msp", short_name_en="14MSP", convention="ccm", reference_prefix="MSP14"
    )


@pytest.fixture
def session(conference):
    return SessionFactory(
        conference=conference, slug="victim-assistance", title_en="Victim assistance"
    )


@pytest.fixture
def speakers_list(session):
    return SpeakersList.objects.create(session=session)


@pytest.fixture
def organizations(db):
    return {
        "norway": StateFactory(country="NO", name_en="Norway", name_fr="Norvège"),
        "laos": StateFactory(country="LA", name_en="Lao PDR", name_ar="لاو"),
        "finland": StateFactory(country="FI", name_en="Finland", ccm_status=TreatyStatus.NOT_PARTY),
        "angola": StateFactory(country="AO", name_en="Angola", ccm_status=TreatyStatus.SIGNATORY),
        "icrc": OrganizationFactory(name_en="ICRC", kind=OrganizationKind.RED_CROSS),
        "undp": OrganizationFactory(name_en="UNDP", kind=OrganizationKind.UN_AGENCY),
        "hi": OrganizationFactory(name_en="Humanity & Inclusion", kind=OrganizationKind.NGO),
        "survivors": OrganizationFactory(
            name_en="Survivor Network", kind=OrganizationKind.SURVIVORS
        ),
    }


def ask(speakers_list, organization, speaker=None, **fields):
    """A request of `organization`'s delegation, last on the list."""
    from floor import speakers

    request = FloorRequest(
        delegation=delegation_of(speakers_list.session.conference, organization),
        speaker=speaker or f"Speaker of {organization.name_en}",
        **fields,
    )
    return speakers.add(speakers_list, request)
