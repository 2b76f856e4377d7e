"""A conference's figures match what the database holds."""

import csv
import io

import pytest
from django.urls import reverse

from registrations.models import Registration, Status
from tests.factories import OrganizationFactory, RegistrationFactory, StateFactory

pytestmark = pytest.mark.django_db


def figures_of(conference):
    return reverse("organizers:figures", args=[conference.slug])


@pytest.fixture
def registrations(conference):
    jordan, norway = StateFactory(country="JO"), StateFactory(country="NO")
    network = OrganizationFactory(kind="survivors", country="CO")
    made = []
    for organization, status, role, gender, survivor, captioning in (
        (jordan, Status.CONFIRMED, "head", "Woman", True, True),
        (jordan, Status.SUBMITTED, "delegate", " woman ", None, False),
        (norway, Status.CONFIRMED, "head", "man", False, True),
        (network, Status.WAITLISTED, "observer", "", True, False),
        (network, Status.CANCELLED, "observer", "non-binary", True, True),
    ):
        made.append(
            RegistrationFactory(
                conference=conference,
                organization=organization,
                status=status,
                role=role,
                gender=gender,
                is_survivor=survivor,
                needs_captioning=captioning,
                sponsorship_requested=organization == network,
            )
        )
    return made


def shown(client, conference, **query):
    response = client.get(figures_of(conference), query)
    assert response.status_code == 200
    return {table.key: dict(table.rows) for table in response.context["tables"]}


def test_the_figures_match_the_database(client, organizer, conference, registrations):
    client.force_login(organizer)
    figures = shown(client, conference)
    active = Registration.objects.filter(
        conference=conference, status__in=["submitted", "confirmed", "waitlisted"]
    )
    assert sum(figures["status"].values()) == Registration.objects.count() == 5
    assert figures["status"]["Cancelled"] == 1
    assert figures["kind"] == {"State": 3, "Survivor network": 1}
    assert figures["region"] == {"Asia": 2, "Europe": 1, "Americas": 1}
    assert figures["role"] == {"Head of delegation": 2, "Delegate": 1, "Observer": 1}
    assert figures["gender"] == {"Woman": 2, "Man": 1, "Not said": 1}
    assert figures["survivor"]["Yes"] == active.filter(is_survivor=True).count() == 2
    assert figures["survivor"]["Not said"] == 1
    assert figures["sponsorship"] == {"Yes": 1, "No": 3}
    assert figures["needs"]["Real-time captioning"] == active.filter(needs_captioning=True).count()


def test_confirmed_only(client, organizer, conference, registrations):
    client.force_login(organizer)
    figures = shown(client, conference, scope="confirmed")
    assert figures["role"] == {"Head of delegation": 2}


def test_each_table_downloads_as_csv(client, organizer, conference, registrations):
    client.force_login(organizer)
    response = client.get(figures_of(conference), {"csv": "role"})
    rows = list(csv.reader(io.StringIO(response.content.decode().removeprefix("\ufeff"))))
    assert rows[0] == ["By role", "number"]
    assert ["Head of delegation", "2"] in rows
    assert rows[-1] == ["total", "4"]


def test_a_statement_editor_sees_no_figures(client, statement_editor, conference):
    client.force_login(statement_editor)
    assert client.get(figures_of(conference)).status_code == 403


def test_an_unknown_scope_counts_those_under_way(client, organizer, conference, registrations):
    client.force_login(organizer)
    assert shown(client, conference, scope="everything\x00") == shown(client, conference)
