"""The organizers' lists of speakers: opened for a session, put in order, moved, added to from
the floor, each speaker given the floor and marked done; only by staff allowed to."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from floor.models import FloorRequest, SpeakersList, Turn
from tests.factories import OrganizationFactory, SessionFactory, conference_open_for_registration
from tests.floor.conftest import *  # noqa: F403 - the fixtures
from tests.floor.conftest import ask

pytestmark = pytest.mark.django_db

BASE = "/admin/conferences/14msp/speakers/"
LIST = BASE + "victim-assistance/"


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


@pytest.fixture
def waiting(speakers_list, organizations):
    return [ask(speakers_list, organizations[key]) for key in ("hi", "finland", "norway")]


def order_on_page(client):
    page = client.get(LIST).content.decode()
    names = ["Humanity &amp; Inclusion", "Finland", "Norway"]
    return sorted(names, key=lambda name: page.index(f"<bdi>{name}</bdi>"))


def test_an_organizer_opens_a_list_for_a_session(organizer_client, session):
    page = organizer_client.get(BASE).content.decode()
    assert "Open a list of speakers for Victim assistance" in page
    response = organizer_client.post(LIST + "open/")
    assert response.status_code == 302 and response["Location"] == LIST
    assert SpeakersList.objects.get().session == session
    organizer_client.post(LIST + "open/")  # again: the same list
    assert SpeakersList.objects.count() == 1


def test_the_waiting_speakers_are_put_in_protocol_order(organizer_client, waiting):
    assert order_on_page(organizer_client) == ["Humanity &amp; Inclusion", "Finland", "Norway"]
    organizer_client.post(LIST + "order/")
    assert order_on_page(organizer_client) == ["Norway", "Finland", "Humanity &amp; Inclusion"]


def test_a_speaker_moves_up_and_comes_back_to_its_row(organizer_client, waiting):
    _hi, finland, _norway = waiting
    response = organizer_client.post(f"{LIST}{finland.pk}/move/", {"offset": "-1"})
    assert response["Location"] == f"{LIST}#request-{finland.pk}"
    assert order_on_page(organizer_client) == ["Finland", "Humanity &amp; Inclusion", "Norway"]


def test_the_chair_gives_the_floor_and_each_turn_is_recorded(organizer_client, waiting):
    hi, finland, norway = waiting
    organizer_client.post(f"{LIST}{hi.pk}/turn/", {"turn": "speaking"})
    organizer_client.post(f"{LIST}{finland.pk}/turn/", {"turn": "speaking"})
    organizer_client.post(f"{LIST}{norway.pk}/turn/", {"turn": "in_writing"})
    turns = dict(FloorRequest.objects.values_list("pk", "turn"))
    assert turns == {hi.pk: Turn.SPOKE, finland.pk: Turn.SPEAKING, norway.pk: Turn.IN_WRITING}
    response = organizer_client.post(f"{LIST}{norway.pk}/turn/", {"turn": "withdrew"}, follow=True)
    assert "This speaker&#x27;s turn is over already." in response.content.decode()
    assert FloorRequest.objects.get(pk=norway.pk).turn == Turn.IN_WRITING


def test_a_delegation_asking_from_the_floor_is_added_last(
    organizer_client, waiting, organizations, organizer
):
    response = organizer_client.post(
        LIST + "from-the-floor/",
        {
            "organization": organizations["icrc"].pk,
            "speaker": "Ms Dupont",
            "rank": "other",
            "language": "fr",
        },
    )
    added = FloorRequest.objects.get(speaker="Ms Dupont")
    assert response["Location"] == f"{LIST}#request-{added.pk}"
    assert (added.position, added.from_the_floor, added.requested_by) == (4, True, organizer)


def test_a_delegation_already_on_the_list_is_refused_with_what_was_typed(
    organizer_client, waiting, organizations
):
    response = organizer_client.post(
        LIST + "from-the-floor/",
        {
            "organization": organizations["norway"].pk,
            "speaker": "Mr Again",
            "rank": "other",
            "language": "en",
        },
    )
    page = response.content.decode()
    assert "This delegation is already on the list of speakers." in page
    assert 'value="Mr Again"' in page
    assert FloorRequest.objects.count() == 3


def test_the_settings_are_checked_and_saved(organizer_client, speakers_list):
    response = organizer_client.post(
        LIST + "settings/",
        {"order": "request", "minutes_per_speaker": "0", "is_displayed_publicly": "on"},
    )
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()
    organizer_client.post(
        LIST + "settings/",
        {"order": "request", "minutes_per_speaker": "3", "is_displayed_publicly": "on"},
    )
    speakers_list.refresh_from_db()
    assert (speakers_list.order, speakers_list.minutes_per_speaker) == ("request", 3)
    assert speakers_list.is_displayed_publicly and not speakers_list.is_open


@pytest.mark.parametrize(
    "path, data",
    [
        ("{list}{pk}/move/", {"offset": "5"}),
        ("{list}{pk}/move/", {"offset": "x"}),
        ("{list}{pk}/turn/", {"turn": "waiting"}),
        ("{list}{pk}/turn/", {"turn": "<script>"}),
        ("{list}999999/turn/", {"turn": "spoke"}),
        ("{base}nope/order/", {}),
    ],
)
def test_bad_requests_find_nothing_and_change_nothing(organizer_client, waiting, path, data):
    before = list(FloorRequest.objects.values_list("pk", "turn", "position"))
    url = path.format(list=LIST, base=BASE, pk=waiting[0].pk)
    assert organizer_client.post(url, data).status_code == 404
    assert list(FloorRequest.objects.values_list("pk", "turn", "position")) == before


def test_a_request_of_another_session_is_not_found_through_this_one(
    organizer_client, waiting, conference, organizations
):
    other = SpeakersList.objects.create(session=SessionFactory(conference=conference, slug="other"))
    theirs = ask(other, organizations["laos"])
    assert organizer_client.post(f"{LIST}{theirs.pk}/turn/", {"turn": "spoke"}).status_code == 404
    other_conference = conference_open_for_registration(slug="other-meeting")
    SessionFactory(conference=other_conference, slug="victim-assistance")
    url = "/admin/conferences/other-meeting/speakers/victim-assistance/"
    assert organizer_client.get(url).status_code == 404
    assert FloorRequest.objects.get(pk=theirs.pk).turn == Turn.WAITING


def test_staff_without_the_rights_see_nothing_and_change_nothing(client, statement_editor, waiting):
    client.force_login(statement_editor)
    for url in (BASE, LIST):
        assert client.get(url).status_code == 403
    for url, data in (
        (LIST + "order/", {}),
        (f"{LIST}{waiting[0].pk}/turn/", {"turn": "speaking"}),
        (LIST + "open/", {}),
    ):
        assert client.post(url, data).status_code == 403
    assert set(FloorRequest.objects.values_list("turn", flat=True)) == {Turn.WAITING}


def test_a_visitor_is_sent_to_sign_in(client, waiting):
    response = client.get(LIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_list_page_costs_the_same_for_few_or_many_speakers(organizer_client, speakers_list):
    ask(speakers_list, OrganizationFactory())
    organizer_client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        organizer_client.get(LIST)
    for _n in range(25):
        ask(speakers_list, OrganizationFactory())
    with CaptureQueriesContext(connection) as many:
        organizer_client.get(LIST)
    assert len(few) == len(many)


def test_the_dashboard_leads_to_the_lists(organizer_client, session):
    page = organizer_client.get("/admin/conferences/14msp/").content.decode()
    assert 'href="/admin/conferences/14msp/speakers/"' in page
