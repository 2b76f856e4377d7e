"""Two organizations merged whose delegations both asked for the floor in one session: one
request stays, the other is withdrawn and says so in its history; nothing else is lost."""

import pytest

from delegations.merging import fold_delegations
from floor import speakers
from floor.models import FloorRequest, Turn
from tests.factories import StateFactory

from .conftest import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def duplicate(db):
    return StateFactory(country="XN", name_en="Kingdom of Norway")


def turns(organization):
    return sorted(
        FloorRequest.objects.filter(delegation__organization=organization).values_list(
            "speaker", "turn"
        )
    )


def test_of_two_waiting_requests_the_kept_delegations_stays(
    speakers_list, organizations, duplicate
):
    norway = organizations["norway"]
    ask(speakers_list, norway, speaker="Kept")
    theirs = ask(speakers_list, duplicate, speaker="Duplicate")
    fold_delegations(norway, [duplicate])
    assert turns(norway) == [("Duplicate", Turn.WITHDREW), ("Kept", Turn.WAITING)]
    history = theirs.history.order_by("history_date").values_list("turn", flat=True)
    assert list(history) == [Turn.WAITING, Turn.WITHDREW]


def test_the_speaker_who_has_the_floor_keeps_it(speakers_list, organizations, duplicate):
    norway = organizations["norway"]
    ask(speakers_list, norway, speaker="Kept")
    speakers.give_the_floor(ask(speakers_list, duplicate, speaker="Duplicate"))
    fold_delegations(norway, [duplicate])
    assert turns(norway) == [("Duplicate", Turn.SPEAKING), ("Kept", Turn.WITHDREW)]


def test_requests_in_other_sessions_or_already_done_move_as_they_are(
    speakers_list, organizations, duplicate, conference
):
    from floor.models import SpeakersList
    from tests.factories import SessionFactory

    norway = organizations["norway"]
    other = SpeakersList.objects.create(session=SessionFactory(conference=conference, slug="x"))
    spoke = ask(speakers_list, duplicate, speaker="Spoke before")
    speakers.finish(spoke, Turn.SPOKE)
    ask(speakers_list, norway, speaker="Kept")
    ask(other, duplicate, speaker="Elsewhere")
    fold_delegations(norway, [duplicate])
    assert turns(norway) == [
        ("Elsewhere", Turn.WAITING),
        ("Kept", Turn.WAITING),
        ("Spoke before", Turn.SPOKE),
    ]
