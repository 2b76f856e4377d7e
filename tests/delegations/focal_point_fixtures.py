"""What the tests of the focal point's side share: an open conference of the Convention on
Cluster Munitions, two States' delegations each with a focal point, and staff allowed to manage
delegations. Test modules import the fixtures they use from here."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from delegations.models import FocalPoint, delegation_of
from tests.factories import StateFactory, conference_open_for_registration

# The fixtures, for `from tests.delegations.focal_point_fixtures import *`.
__all__ = [
    "conference",
    "delegation",
    "delegations_organizer",
    "focal_point",
    "jordan",
    "norway",
    "other_delegation",
    "other_focal_point",
]


@pytest.fixture
def conference(db):
    return conference_open_for_registration(
        slug="ccm-2030",
        title_en="Meeting of States Parties to the Convention on Cluster Munitions",
        title_fr="Assemblée des États parties à la Convention sur les armes à sous-munitions",
        short_name_en="14MSP",
        reference_prefix="MSP14",
        convention="ccm",
    )


@pytest.fixture
def jordan(db):
    return StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


@pytest.fixture
def norway(db):
    return StateFactory(country="NO", name_en="Norway", name_fr="Norvège")


@pytest.fixture
def delegation(conference, jordan):
    return delegation_of(conference, jordan)


@pytest.fixture
def other_delegation(conference, norway):
    return delegation_of(conference, norway)


@pytest.fixture
def focal_point(delegation):
    return FocalPoint.objects.create(
        delegation=delegation, name="Rania Haddad", email="focal@mfa.example.jo", language="en"
    )


@pytest.fixture
def other_focal_point(other_delegation):
    return FocalPoint.objects.create(
        delegation=other_delegation, name="Kari Nordmann", email="focal@mfa.example.no"
    )


def page_of(focal_point, language="en"):
    return f"/{language}/delegations/{focal_point.token}/"


DELEGATION_RIGHTS = ["delegation", "focalpoint", "delegationdocument", "delegationchange"]


def staff_with(django_user_model, username, codenames):
    """A staff member holding exactly the permissions named "app_label.codename"."""
    user = django_user_model.objects.create_user(username=username, password="x", is_staff=True)
    for name in codenames:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def delegations_organizer(db, django_user_model):
    """An organizer who may do everything with delegations and registrations."""
    rights = [
        f"{app}.{action}_{model}"
        for app, models in (
            ("delegations", DELEGATION_RIGHTS),
            ("registrations", ["registration", "delivery"]),
        )
        for model in models
        for action in ("add", "change", "delete", "view")
    ]
    return staff_with(django_user_model, "delegations-organizer", rights)


def links_in(outbox=None):
    """The focal point's page links in the e-mails sent."""
    return [
        match.group(0)
        for email in (outbox if outbox is not None else mail.outbox)
        for match in re.finditer(r"https?://\S+/delegations/\S+/", email.body)
    ]
