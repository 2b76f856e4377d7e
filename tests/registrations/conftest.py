"""An open conference to register for, with a few sessions and organizations to choose."""

import pytest

from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
)


@pytest.fixture
def conference(db):
    conference = conference_open_for_registration(
        slug="amman-2030",
        title_en="Global Conference on Victim Assistance",
        title_fr="Conférence mondiale sur l'assistance aux victimes",
        short_name_en="Amman 2030",
        reference_prefix="AMM30",
        time_zone="Asia/Amman",
    )
    SessionFactory(conference=conference, slug="opening", title_en="Opening")
    SessionFactory(
        conference=conference,
        slug="challenges",
        title_en="Challenges of integrating victim assistance",
        title_fr="Les défis de l'intégration de l'assistance aux victimes",
    )
    return conference


@pytest.fixture
def jordan(db):
    return StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


@pytest.fixture
def disability_alliance(db):
    return OrganizationFactory(
        name_en="International Disability Alliance", acronym="IDA", kind="dpo"
    )


def answers(chosen, **changes):
    """What a delegate types into the form, as the browser posts it."""
    data = {
        "honorific": "ms",
        "given_name": "Amina",
        "family_name": "Haddad",
        "email": "amina.haddad@example.org",
        "phone": "+962 6 123 4567",
        "job_title": "Director, victim assistance",
        "language": "en",
        "organization": str(chosen.pk) if chosen else "",
        "role": "head",
        "consents_to_public_listing": "on",
        "privacy_accepted": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
