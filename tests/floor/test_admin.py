"""Organizers find lists of speakers and requests in the admin, and read each request's
history; nobody changes a request there."""

import pytest

from floor import speakers
from floor.models import FloorRequest

from .conftest import ask

pytestmark = pytest.mark.django_db


def test_an_organizer_reads_a_requests_history(client, organizer, speakers_list, organizations):
    norway = ask(speakers_list, organizations["norway"], speaker="Ms Berg")
    speakers.give_the_floor(norway)
    client.force_login(organizer)
    lists = client.get("/admin/floor/speakerslist/").content.decode()
    assert "/admin/conferences/14msp/speakers/victim-assistance/" in lists
    requests = client.get("/admin/floor/floorrequest/").content.decode()
    assert "Ms Berg" in requests
    history = client.get(f"/admin/floor/floorrequest/{norway.pk}/history/")
    assert history.status_code == 200
    assert client.get(f"/admin/floor/floorrequest/{norway.pk}/change/").status_code == 200
    response = client.post(
        f"/admin/floor/floorrequest/{norway.pk}/change/", {"turn": "withdrew", "speaker": "X"}
    )
    assert response.status_code == 403
    assert FloorRequest.objects.get(pk=norway.pk).speaker == "Ms Berg"


def test_staff_without_the_rights_see_neither(client, statement_editor, speakers_list):
    client.force_login(statement_editor)
    assert client.get("/admin/floor/speakerslist/").status_code == 403
    assert client.get("/admin/floor/floorrequest/").status_code == 403
