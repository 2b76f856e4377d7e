"""The demonstration meetings have lists of speakers: Oslo's victim-assistance session records
who took the floor, and the workshop's thematic session takes requests and shows its room
display; loading again changes neither."""

import pytest

from demo.loader import load_demo
from floor.models import FloorRequest, SpeakersList, Turn

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


def test_oslo_records_who_took_the_floor_in_order(client, demo):
    page = client.get("/en/conferences/3msp-oslo-2012/sessions/victim-assistance/")
    record = page.content.decode().split("Who took the floor", 1)[1]
    assert record.index("Ingrid Ødegård") < record.index("Dragana Petrović")
    assert record.count("spoke in") == 5


def test_the_workshops_room_display_shows_its_speakers(client, demo):
    slug = "va-workshop-demo"
    speakers_list = SpeakersList.objects.get(session__conference__slug=slug)
    assert speakers_list.takes_requests(speakers_list.session.starts_at.replace(year=2000))
    data = client.get(
        f"/en/conferences/{slug}/sessions/victim-assistance-and-disability-inclusion/speakers.json"
    ).json()
    assert data["speaking"] is None
    assert data["coming"][0]["speaker"] == "H.E. Ms Rania Al-Abdallah"


def test_loading_again_changes_no_list(demo):
    before = list(FloorRequest.objects.order_by("pk").values_list("pk", "turn", "position"))
    assert demo["lists of speakers"] == 2
    load_demo()
    assert list(FloorRequest.objects.order_by("pk").values_list("pk", "turn", "position")) == before
    assert FloorRequest.objects.filter(turn=Turn.SPOKE).count() == 5
