"""The credentials report: States Parties with formal credentials, with copies or notes verbales
only, and with none; on the dashboard, as PDF and as CSV, for organizers only."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from delegations.credentials_report import report, report_csv
from delegations.models import DelegationDocument, delegation_of
from registrations.models import Status
from tests.factories import ConferenceFactory, StateFactory, pdf_bytes

from .participants_rows import meeting, member, others, states

__all__ = ["meeting", "others", "states"]

pytestmark = pytest.mark.django_db

RECEIVED = datetime.date(2030, 9, 2)


def credentials(delegation, kind, signatory="foreign_minister"):
    delegation.credentials = kind
    delegation.credentials_received_on = RECEIVED
    delegation.credentials_signatory = signatory
    delegation.save()


def note_verbale(delegation):
    return DelegationDocument.objects.create(
        delegation=delegation,
        kind=DelegationDocument.Kind.NOTE_VERBALE,
        file=ContentFile(pdf_bytes("Note verbale"), name="note.pdf"),
    )


@pytest.fixture
def taking_part(meeting, states, others):
    """Norway and Egypt with originals (Egypt's from an ambassador), Germany a copy, Spain a
    note verbale only, Jordan nothing; Laos (a signatory) and an NGO are not in the report."""
    for code in ("NO", "EG", "DE", "ES", "JO", "LA"):
        member(meeting, states[code], f"Delegate of {code}")
    member(meeting, others["hi"], "NGO member")
    credentials(delegation_of(meeting, states["NO"]), "original", "head")
    credentials(delegation_of(meeting, states["EG"]), "original", "other")
    credentials(delegation_of(meeting, states["DE"]), "copy")
    note_verbale(delegation_of(meeting, states["ES"]))
    credentials(delegation_of(meeting, states["LA"]), "original")
    return meeting


def summary(conference, language="en"):
    return {
        str(group.title): [row.name for row in group.rows] for group in report(conference, language)
    }


@pytest.mark.shared_parts
def test_states_parties_are_reported_by_the_credentials_they_submitted(taking_part):
    assert summary(taking_part) == {
        "Formal credentials": ["Norway"],
        "Copies or notes verbales only": ["Egypt", "Germany", "Spain"],
        "No credentials": ["Jordan"],
    }


@pytest.mark.shared_parts
def test_the_report_names_states_in_the_language_asked_for(taking_part):
    assert summary(taking_part, "fr")["Copies or notes verbales only"] == [
        "Allemagne",
        "Égypte",
        "Espagne",
    ]


def test_a_state_whose_members_all_cancelled_and_sent_nothing_is_not_reported(meeting, states):
    member(meeting, states["FI"], "Gone", status=Status.CANCELLED)
    member(meeting, states["NO"], "Gone too", status=Status.CANCELLED)
    credentials(delegation_of(meeting, states["NO"]), "copy")
    finland = states["FI"]
    finland.ccm_status = "party"
    finland.save()
    assert summary(meeting) == {
        "Formal credentials": [],
        "Copies or notes verbales only": ["Norway"],
        "No credentials": [],
    }


def test_a_global_conference_reports_every_state(db, states):
    conference = ConferenceFactory(convention="")
    member(conference, states["LA"], "Delegate")
    assert summary(conference)["No credentials"] == ["Lao People's Democratic Republic"]


@pytest.mark.shared_parts
def test_the_csv_has_one_row_per_state_and_neutralised_cells(taking_part):
    hostile = StateFactory(country="XK", name_en='=HYPERLINK("http://evil")', ccm_status="party")
    member(taking_part, hostile, "Someone")
    rows = list(csv.reader(io.StringIO(report_csv(taking_part, "en"))))
    assert rows[0] == [
        "Standing",
        "State",
        "Credentials",
        "Received on",
        "Issued by",
        "Note verbale received",
    ]
    assert [
        "Formal credentials",
        "Norway",
        "Original received",
        "2030-09-02",
        "Head of State or Government",
        "no",
    ] in rows
    assert ["Copies or notes verbales only", "Spain", "None received", "", "", "yes"] in rows
    assert any(row[1] == '\'=HYPERLINK("http://evil")' for row in rows)
    assert len(rows) == 1 + 6


@pytest.mark.shared_parts
def test_the_report_takes_the_same_queries_for_few_or_many_delegations(taking_part):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            report(taking_part, "en")
        return len(captured)

    few = queries()
    for number in range(20):
        state = StateFactory(country=f"Q{chr(65 + number)}", ccm_status="party")
        member(taking_part, state, f"Delegate {number}")
        note_verbale(delegation_of(taking_part, state))
    assert queries() == few == 1


@pytest.mark.shared_parts
def test_the_dashboard_shows_the_counts_and_names(client, organizer, taking_part):
    client.force_login(organizer)
    page = client.get(reverse("organizers:dashboard", args=[taking_part.slug])).content.decode()
    assert "Formal credentials: 1" in page
    assert "Copies or notes verbales only: 3" in page
    assert "Egypt, Germany, Spain" in page


@pytest.mark.shared_parts
def test_the_report_downloads_as_pdf_and_csv(client, organizer, taking_part):
    client.force_login(organizer)
    url = reverse("organizers:credentials_report", args=[taking_part.slug])
    pdf = client.get(url, {"language": "fr", "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Norvège" in text and "Jordanie" in text
    spreadsheet = client.get(url, {"language": "en", "format": "csv"})
    assert spreadsheet["Content-Type"].startswith("text/csv")
    assert "credentials-3msp-en.csv" in spreadsheet["Content-Disposition"]
    assert "Norway" in spreadsheet.content.decode()
    page = client.get(url)
    assert "Jordan" in page.content.decode()


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "parameters", [{"language": "xx", "format": "pdf"}, {"format": "xlsx", "language": "en"}]
)
def test_bad_parameters_find_nothing(client, organizer, taking_part, parameters):
    client.force_login(organizer)
    url = reverse("organizers:credentials_report", args=[taking_part.slug])
    assert client.get(url, parameters).status_code == 404


@pytest.mark.shared_parts
def test_a_statement_editor_or_a_visitor_gets_nothing(client, statement_editor, taking_part):
    url = reverse("organizers:credentials_report", args=[taking_part.slug])
    response = client.get(url, {"language": "en", "format": "csv"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(statement_editor)
    assert client.get(url, {"language": "en", "format": "csv"}).status_code == 403
    assert client.get(url).status_code == 403


@pytest.mark.shared_parts
def test_the_dashboard_takes_the_same_queries_for_few_or_many_delegations(
    client, organizer, taking_part
):
    url = reverse("organizers:dashboard", args=[taking_part.slug])
    client.force_login(organizer)
    client.get(url)  # the session and permissions, read once
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(20):
        state = StateFactory(country=f"Q{chr(65 + number)}", ccm_status="party")
        member(taking_part, state, f"Delegate {number}")
        credentials(delegation_of(taking_part, state), "copy")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "Copies or notes verbales only: 23" in page
    assert len(many) == len(few)
