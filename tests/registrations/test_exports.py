"""Organizers export the registrations a filter shows, as CSV and XLSX, safe to open."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from registrations.models import Status
from tests.factories import OrganizationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrations(conference):
    return [
        RegistrationFactory(
            conference=conference,
            status=Status.CONFIRMED,
            given_name='=HYPERLINK("http://evil.example")',
            family_name="Haddad",
            phone="+962 6 123 4567",
            organization=OrganizationFactory(name_en="Survivor Network", name_fr="Réseau"),
            needs_captioning=True,
        ),
        RegistrationFactory(
            conference=conference, status=Status.CONFIRMED, family_name="العبدالله"
        ),
        RegistrationFactory(conference=conference, status=Status.WAITLISTED, family_name="Hidden"),
    ]


def export(client, file_format, **filters):
    url = reverse("admin:registrations_registration_export", args=[file_format])
    return client.get(url, filters, HTTP_ACCEPT_LANGUAGE="fr")


def test_a_csv_export_holds_exactly_the_filtered_rows_with_formulas_neutralised(
    client, organizer, registrations
):
    client.force_login(organizer)
    response = export(client, "csv", status__exact="confirmed")
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    header, *rows = table
    assert header[:3] == ["référence", "conférence", "statut"]
    assert sorted(row[5] for row in rows) == ["Haddad", "العبدالله"]
    haddad = next(row for row in rows if row[5] == "Haddad")
    assert haddad[4] == "'" + '=HYPERLINK("http://evil.example")'
    assert haddad[7] == "'+962 6 123 4567"
    assert "Réseau" in haddad  # the organization in the organizer's language
    assert "Sous-titrage en temps réel" in haddad[13]


def test_an_xlsx_export_follows_the_search_and_holds_text_only(client, organizer, registrations):
    client.force_login(organizer)
    response = export(client, "xlsx", q="Haddad")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    _header, *rows = list(workbook.active.values)
    assert len(rows) == 1
    assert rows[0][5] == "Haddad"
    cell = workbook.active.cell(row=2, column=5)
    assert cell.data_type == "s"
    assert cell.value.startswith("'=")


def test_the_changelist_offers_the_exports_of_what_it_shows(client, organizer, registrations):
    client.force_login(organizer)
    page = client.get(
        reverse("admin:registrations_registration_changelist"), {"status__exact": "confirmed"}
    ).content.decode()
    assert (
        reverse("admin:registrations_registration_export", args=["csv"])
        + ("?status__exact=confirmed")
        in page
    )


def test_a_statement_editor_cannot_export(client, statement_editor, registrations):
    client.force_login(statement_editor)
    assert export(client, "csv").status_code == 403
