"""The badges print as PDFs, in any script."""

import io
import unicodedata

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from pypdf import PdfReader

from registrations.models import Status
from tests.factories import OrganizationFactory, RegistrationFactory, StateFactory

pytestmark = pytest.mark.django_db


def text_of(pdf):
    pages = PdfReader(io.BytesIO(pdf)).pages
    # Shaped Arabic comes back as presentation forms: folded to plain letters to compare.
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in pages))


@pytest.fixture
def delegations(conference):
    conference.convention = "ccm"
    conference.save()
    jordan = StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", ccm_status="")
    norway = StateFactory(country="NO", name_en="Norway", name_fr="Norvège", ccm_status="party")
    alliance = OrganizationFactory(name_en="International Disability Alliance", kind="dpo")
    rows = [
        (norway, "delegate", "Ingrid", "Larsen", Status.CONFIRMED),
        (norway, "head", "Bjørn", "Halvorsen", Status.CONFIRMED),
        (jordan, "head", "رانيا", "العبدالله", Status.CONFIRMED),
        (alliance, "head", "Vladimir", "Кузнецов", Status.CONFIRMED),
        (alliance, "delegate", "Li", "王芳", Status.CONFIRMED),
        (jordan, "delegate", "Not", "Confirmed", Status.SUBMITTED),
    ]
    return [
        RegistrationFactory(
            conference=conference,
            organization=organization,
            role=role,
            status=status,
            given_name=given,
            family_name=family,
            job_title="Adviser" if role == "delegate" else "",
        )
        for organization, role, given, family, status in rows
    ]


@pytest.mark.parametrize("layout, pages", [("a6", 5), ("a4", 2)])
def test_badges_print_for_the_confirmed_delegates_with_their_reference(
    client, organizer, conference, delegations, layout, pages
):
    client.force_login(organizer)
    response = client.post(
        reverse("admin:registrations_registration_changelist"),
        {
            "action": f"print_badges_{layout}",
            ACTION_CHECKBOX_NAME: [r.pk for r in delegations],
            "index": 0,
        },
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == pages  # the submitted registration gets no badge
    text = text_of(response.content)
    for registration in delegations[:5]:
        assert registration.reference in text
    for name in ("Bjørn", "Кузнецов", "王芳"):
        assert name in text
    assert "Amman 2030" in text
