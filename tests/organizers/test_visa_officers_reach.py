"""A visa officer, who views registrations to issue visa letters, opens neither the secretariat's
List of Participants, nor the figures, nor the credentials report: only the roles that need them
do (va_conference/roles.py)."""

import pytest

from tests.conftest import staff_member

pytestmark = pytest.mark.django_db

TOOLS = ["participants-list/", "figures/", "credentials/"]


@pytest.fixture
def visa_officer(db, django_user_model):
    return staff_member(django_user_model, "visa-officer", "Visa officers")


def test_a_visa_officer_opens_none_of_the_lists_of_every_delegate(client, conference, visa_officer):
    client.force_login(visa_officer)
    base = f"/admin/conferences/{conference.slug}/"
    dashboard = client.get(base).content.decode()
    for tool in TOOLS:
        assert client.get(base + tool).status_code == 403, tool
        assert base + tool not in dashboard
    download = client.get(base + "participants-list/", {"edition": "secretariat", "language": "en"})
    assert download.status_code == 403


def test_an_organizer_opens_each_of_them(client, conference, organizer):
    client.force_login(organizer)
    base = f"/admin/conferences/{conference.slug}/"
    dashboard = client.get(base).content.decode()
    for tool in TOOLS:
        assert client.get(base + tool).status_code == 200, tool
        assert base + tool in dashboard
