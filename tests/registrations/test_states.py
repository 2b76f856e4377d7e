"""The States' treaty picture at a conference: obligations, treaty status, participation."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registrations.models import Status
from tests.factories import (
    ConferenceFactory,
    RegistrationFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.fixture
def oslo():
    conference = ConferenceFactory(slug="3msp", convention="ccm")
    laos = StateFactory(country="LA", name_en="Lao PDR", ccm_status="party", mbt_status="not_party")
    StateFactory(country="LB", name_en="Lebanon", ccm_status="party", crpd_status="signatory")
    StateFactory(country="IQ", name_en="Iraq", ccm_status="not_party")  # obligations, not party
    norway = StateFactory(
        country="NO", name_en="Norway", ccm_status="party", has_va_obligations=False
    )
    StateFactory(country="CH", name_en="Switzerland", has_va_obligations=False)  # absent
    RegistrationFactory(conference=conference, organization=laos, status=Status.CONFIRMED)
    RegistrationFactory(conference=conference, organization=norway, status=Status.CANCELLED)
    StatementFactory(session=SessionFactory(conference=conference), organization=norway)
    return conference


def rows(page, table):
    section = page.split(f'id="{table}"')[1].split("</table>")[0]
    return [
        cell.split("</span>")[0].rsplit(">", 1)[-1]
        for cell in section.split('<th scope="row">')[1:]
    ]


def test_states_parties_with_obligations_and_the_others_that_took_part(client, oslo):
    page = client.get("/en/conferences/3msp/states/").content.decode()
    assert rows(page, "obligations") == ["Lao PDR", "Lebanon"]
    assert rows(page, "others") == ["Norway"]  # spoke; Iraq and Switzerland did not take part
    assert 'aria-sort="ascending"' in page
    assert "<caption>" in page


def test_the_table_sorts_and_filters(client, oslo):
    page = client.get("/en/conferences/3msp/states/", {"sort": "state", "order": "desc"})
    assert rows(page.content.decode(), "obligations") == ["Lebanon", "Lao PDR"]
    page = client.get("/en/conferences/3msp/states/", {"sort": "delegation"}).content.decode()
    assert rows(page, "obligations") == ["Lao PDR", "Lebanon"]
    table = page.split('id="obligations"')[1]
    assert 'aria-sort="ascending"' in table.split("Delegation registered")[0].rsplit("<th", 1)[1]
    page = client.get("/en/conferences/3msp/states/", {"crpd": "signatory"}).content.decode()
    assert rows(page, "obligations") == ["Lebanon"]
    page = client.get("/en/conferences/3msp/states/", {"delegation": "yes"}).content.decode()
    assert rows(page, "obligations") == ["Lao PDR"]


def test_a_global_conference_lists_every_state_with_obligations(client, oslo):
    ConferenceFactory(slug="global")
    page = client.get("/en/conferences/global/states/").content.decode()
    assert rows(page, "obligations") == ["Iraq", "Lao PDR", "Lebanon"]


def test_the_table_downloads_as_csv(client, oslo):
    response = client.get("/fr/conferences/3msp/states/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(response.content.decode().removeprefix("\ufeff"))))
    assert table[0][1] == "État"
    assert [row[1] for row in table[1:]] == ["Lao PDR", "Lebanon", "Norway"]
    assert table[1][-2:] == ["oui", "non"]


def test_the_page_costs_the_same_for_few_or_many_states(client, oslo):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/conferences/3msp/states/").status_code == 200
        return len(captured)

    few = queries()
    for code in ("AF", "AL", "BA", "HR", "MZ", "CO", "JO", "SD", "SY", "TJ"):
        StateFactory(country=code, ccm_status="party")
    assert queries() == few <= 10


def test_a_state_a_delegate_proposed_is_listed_only_once_an_organizer_verified_it(client, oslo):
    proposed = StateFactory(
        country="TV",
        name_en='=HYPERLINK("http://x","y")',
        is_verified=False,
        mbt_status="",
        ccm_status="",
        crpd_status="",
        has_va_obligations=False,
    )
    RegistrationFactory(conference=oslo, organization=proposed, status=Status.SUBMITTED)
    StatementFactory(session=SessionFactory(conference=oslo), organization=proposed)

    page = client.get("/en/conferences/3msp/states/").content.decode()
    assert rows(page, "others") == ["Norway"]
    assert "HYPERLINK" not in page
    download = client.get("/en/conferences/3msp/states/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(download.content.decode().removeprefix("\ufeff"))))
    assert [row[1] for row in table[1:]] == ["Lao PDR", "Lebanon", "Norway"]

    proposed.is_verified = True
    proposed.save()
    page = client.get("/en/conferences/3msp/states/").content.decode()
    assert "HYPERLINK" in rows(page, "others")[0]
