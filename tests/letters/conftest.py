"""A conference with a confirmed delegate who asked for a visa letter, and ways to read a
letter's PDF back: its text, and what its QR code says."""

import datetime
import io

import pypdf
import pytest
import zxingcpp
from PIL import Image

from registrations.models import Status, VisaRequest
from tests.conftest import staff_member
from tests.factories import RegistrationFactory, StateFactory, conference_open_for_registration

PASSPORT_NUMBER = "P4X7Q9221"


@pytest.fixture
def conference(db):
    return conference_open_for_registration(
        slug="14msp",
        title_en="Fourteenth Meeting of States Parties",
        title_fr="Quatorzième Assemblée des États parties",
        short_name_en="14MSP",
        reference_prefix="MSP14",
        city_en="Geneva",
        venue_en="Palais des Nations",
    )


@pytest.fixture
def jordan(db):
    return StateFactory(country="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


def passport_details(conference, **changes):
    details = {
        "name_in_passport": "RANIA AL-ABDALLAH",
        "nationality": "JO",
        "passport_number": PASSPORT_NUMBER,
        "passport_issued_on": datetime.date(2024, 3, 1),
        "passport_expires_on": conference.end_date + datetime.timedelta(days=400),
        "birth_date": datetime.date(1984, 5, 17),
        "birth_place": "Irbid",
        "consulate": "Embassy of Switzerland in Amman",
    }
    details.update(changes)
    return details


@pytest.fixture
def asking(conference, jordan):
    """A confirmed delegate who asked for a visa letter."""
    registration = RegistrationFactory(
        conference=conference,
        organization=jordan,
        given_name="Rania",
        family_name="Al-Abdallah",
        honorific="ms",
        role="head",
        status=Status.CONFIRMED,
        language="fr",
    )
    VisaRequest.objects.create(registration=registration, **passport_details(conference))
    return registration


@pytest.fixture
def visa_officer(db, django_user_model):
    return staff_member(django_user_model, "visa-officer", "Visa officers")


def pdf_text(content):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def qr_codes(content):
    """What every QR code drawn in the PDF says."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        for image in page.images:
            picture = Image.open(io.BytesIO(image.data)).convert("L")
            found += [result.text for result in zxingcpp.read_barcodes(picture)]
    return found
