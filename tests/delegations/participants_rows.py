"""A meeting of States Parties to the Convention on Cluster Munitions with delegations of every
kind, for the tests of the List of Participants, its Addendum and the credentials report."""

import datetime

import pytest

from delegations.models import DelegationChange
from registrations.models import Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)

LIST_DATE = datetime.date(2030, 9, 1)


def member(conference, organization, family, role="delegate", **fields):
    """A confirmed member who agreed to be listed, unless `fields` say otherwise."""
    defaults = {
        "status": Status.CONFIRMED,
        "consents_to_public_listing": True,
        "given_name": "Amina",
        "honorific": "ms",
    }
    return RegistrationFactory(
        conference=conference,
        organization=organization,
        family_name=family,
        role=role,
        **{**defaults, **fields},
    )


def change(registration, kind, day, hour=12):
    """A change to the registration's delegation, made at noon (the conference's time) on
    `day`."""
    conference = registration.conference
    return DelegationChange.objects.create(
        delegation=registration.delegation,
        registration=registration,
        kind=kind,
        made_at=datetime.datetime.combine(day, datetime.time(hour), tzinfo=conference.tzinfo),
    )


@pytest.fixture
def meeting(db):
    return ConferenceFactory(
        slug="3msp",
        title_en="Third Meeting of States Parties",
        short_name_en="3MSP",
        convention="ccm",
        city_en="Oslo",
        time_zone="Europe/Oslo",
    )


@pytest.fixture
def states(db):
    """States Parties, with their names in French and Arabic; Laos a signatory, Finland not
    a party."""

    def state(country, english, french, arabic, status="party"):
        return StateFactory(
            country=country,
            name_en=english,
            name_fr=french,
            name_ar=arabic,
            ccm_status=status,
        )

    return {
        "NO": state("NO", "Norway", "Norvège", "النرويج"),
        "EG": state("EG", "Egypt", "Égypte", "مصر"),
        "DE": state("DE", "Germany", "Allemagne", "ألمانيا"),
        "ES": state("ES", "Spain", "Espagne", "إسبانيا"),
        "JO": state("JO", "Jordan", "Jordanie", "الأردن"),
        "LA": state("LA", "Lao People's Democratic Republic", "Laos", "لاو", "signatory"),
        "FI": state("FI", "Finland", "Finlande", "فنلندا", "not_party"),
    }


@pytest.fixture
def others(db):
    return {
        "unmas": OrganizationFactory(
            name_en="United Nations Mine Action Service",
            name_fr="Service de la lutte antimines",
            kind="un",
        ),
        "icrc": OrganizationFactory(
            name_en="International Committee of the Red Cross", kind="red_cross"
        ),
        "hi": OrganizationFactory(name_en="Humanity & Inclusion", kind="ngo"),
        "ida": OrganizationFactory(name_en="International Disability Alliance", kind="dpo"),
    }
