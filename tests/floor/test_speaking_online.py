"""A speaker may take the floor from afar: the request says so, the organizer's list and the
room display show it, and the order of speakers does not change for it."""

import pytest

from floor.models import FloorRequest

from .conftest import ask
from .test_asking import answers, floor_page, focal_point  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

LIST = "/admin/conferences/14msp/speakers/victim-assistance/"
DISPLAY = "/{language}/conferences/14msp/sessions/victim-assistance/speakers/"
DATA = "/{language}/conferences/14msp/sessions/victim-assistance/speakers.json"


@pytest.fixture
def shown(speakers_list, organizations):
    speakers_list.is_displayed_publicly = True
    speakers_list.save()
    ask(speakers_list, organizations["norway"], language="fr", speaks_online=True)
    ask(speakers_list, organizations["finland"], language="en")
    return speakers_list


def test_a_focal_point_asks_to_speak_online(client, focal_point, speakers_list):  # noqa: F811
    client.post(
        floor_page(focal_point),
        answers(speakers_list, **{"floor-speaks_online": "on", "floor-text": ""}),
    )

    assert FloorRequest.objects.get().speaks_online
    assert "Anglais, en ligne" in client.get(floor_page(focal_point)).content.decode()


def test_the_room_display_says_who_speaks_online(client, shown):
    page = client.get(DISPLAY.format(language="fr")).content.decode()
    assert "(Français, en ligne)" in page
    assert "(Anglais)" in page

    data = client.get(DATA.format(language="ar")).json()
    assert data["coming"][0]["speaks_online"] is True
    spoken = data["coming"][0]["language_and_place"]
    assert "الفرنسية" in spoken and spoken.endswith("عبر الإنترنت")
    assert data["coming"][1]["speaks_online"] is False


def test_the_organizers_list_says_who_speaks_online_and_adds_one_from_afar(
    client, organizer, shown, organizations
):
    client.force_login(organizer)
    assert "French, online" in client.get(LIST).content.decode()

    client.post(
        LIST + "from-the-floor/",
        {
            "organization": organizations["icrc"].pk,
            "speaker": "Ms Dupont",
            "rank": "other",
            "language": "fr",
            "speaks_online": "on",
        },
    )

    added = FloorRequest.objects.get(speaker="Ms Dupont")
    assert (added.speaks_online, added.from_the_floor, added.position) == (True, True, 3)


def test_speaking_online_changes_nothing_in_the_order(shown):
    from floor import speakers

    speakers.apply_order(shown)

    order = list(shown.requests.values_list("delegation__organization__name_en", flat=True))
    assert order == ["Norway", "Finland"]
