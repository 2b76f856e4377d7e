"""Every spreadsheet the site writes is safe to open: a name that would start a formula, such as
=HYPERLINK(...), is written as text, read back from the CSV or XLSX as a person's program would."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from registrations.models import Status
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    StateFactory,
)
from va_conference.spreadsheets import neutralised

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'


def csv_table(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8").removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    "text",
    [
        FORMULA,
        "+1+1",
        "-1+1",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        " =1+1",
        "\u00a0=1+1",
        "\uff1dHYPERLINK(1)",
        "\uff0b1",
        "\uff0d1",
        "\uff20SUM(1)",
    ],
)
def test_text_that_would_start_a_formula_is_prefixed_with_an_apostrophe(text):
    assert neutralised(text) == "'" + text


def test_numbers_stay_numbers_and_other_text_is_left_as_it_is():
    assert neutralised(-3) == -3
    assert neutralised(2.5) == 2.5
    assert neutralised("Survivor Network - Jordan") == "Survivor Network - Jordan"
    assert neutralised("") == neutralised(None) == ""


@pytest.fixture
def hyperlinked(conference):
    """A confirmed delegate whose organization and name would each start a formula."""
    return RegistrationFactory(
        conference=conference,
        status=Status.CONFIRMED,
        organization=OrganizationFactory(name_en=FORMULA),
        family_name=FORMULA,
        gender=FORMULA,
    )


def test_the_registrations_csv_writes_formulas_as_text(client, organizer, hyperlinked):
    client.force_login(organizer)
    url = reverse("admin:registrations_registration_export", args=["csv"])
    header, row = csv_table(b"".join(client.get(url).streaming_content))
    assert row[header.index("family name")] == "'" + FORMULA
    assert row[header.index("organization")] == "'" + FORMULA
    assert FORMULA not in row


def test_the_registrations_xlsx_writes_formulas_as_text(client, organizer, hyperlinked):
    client.force_login(organizer)
    url = reverse("admin:registrations_registration_export", args=["xlsx"])
    content = b"".join(client.get(url).streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header, row = (list(cells) for cells in sheet.values)
    assert row[header.index("family name")] == "'" + FORMULA
    assert row[header.index("organization")] == "'" + FORMULA
    # Every cell is text: none is a formula ("f").
    assert {cell.data_type for cell in sheet[2]} <= {"s", "inlineStr"}


def test_the_figures_csv_writes_a_typed_gender_as_text_and_counts_as_numbers(
    client, organizer, conference, hyperlinked
):
    client.force_login(organizer)
    url = reverse("organizers:figures", args=[conference.slug])
    response = client.get(url, {"csv": "gender"})
    rows = csv_table(response.content)
    # Answers are grouped whatever their capitals.
    assert ["'" + FORMULA.casefold(), "1"] in rows
    assert rows[-1] == ["total", "1"]


def test_the_states_csv_writes_a_state_name_as_text(client):
    conference = ConferenceFactory(slug="3msp", convention="ccm")
    StateFactory(country="LA", name_en=FORMULA, ccm_status="party")
    response = client.get("/en/conferences/3msp/states/", {"format": "csv"})
    rows = csv_table(response.content)
    assert rows[1][1] == "'" + FORMULA
    assert conference.slug in response["Content-Disposition"]
