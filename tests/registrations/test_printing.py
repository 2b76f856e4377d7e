"""The participants list and the badges print as PDFs, in any script."""

import io
import unicodedata

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from pypdf import PdfReader

from registrations import printing
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


def test_the_participants_list_groups_delegations_as_meeting_reports_do(conference, delegations):
    groups = printing.participants(conference)
    assert [str(title) for title, _delegations in groups] == [
        "States Parties",
        "Signatories and observer States",
        "Organizations of persons with disabilities",
    ]
    norway = groups[0][1][0]
    assert [r.family_name for r in norway[1]] == ["Halvorsen", "Larsen"]  # head first


def test_the_participants_list_pdf_holds_every_confirmed_name_arabic_included(
    client, organizer, conference, delegations
):
    client.force_login(organizer)
    response = client.get(
        reverse("organizers:participants_list", args=[conference.slug]), {"language": "fr"}
    )
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    for name in ("Halvorsen", "Larsen", "Кузнецов", "王芳", "Norvège", "États parties"):
        assert name in text, name
    assert "العبدالله" in text or "العبدالله"[::-1] in text
    assert "Confirmed" not in text


def test_the_participants_list_prints_in_arabic_right_to_left(conference, delegations):
    text = text_of(printing.participants_pdf(conference, "ar"))
    assert "Halvorsen" in text
    assert "قائمة المشاركين" in text or "قائمة المشاركين"[::-1] in text


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


def test_a_statement_editor_prints_nothing(client, statement_editor, conference):
    client.force_login(statement_editor)
    url = reverse("organizers:participants_list", args=[conference.slug])
    assert client.get(url, {"language": "en"}).status_code == 403
