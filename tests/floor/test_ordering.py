"""The rules of order of a list of speakers, ties broken the same way every time."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from floor import speakers
from floor.models import FloorRequest, Order, Rank, Turn

from .conftest import ask

pytestmark = pytest.mark.django_db


def names(speakers_list):
    return [
        request.delegation.organization.name_en for request in speakers.requests_of(speakers_list)
    ]


def asked_in_order(speakers_list, organizations, *keys, **ranks):
    for key in keys:
        ask(speakers_list, organizations[key], rank=ranks.get(key, Rank.OTHER))


def test_in_order_of_request_speakers_come_as_they_asked(speakers_list, organizations):
    speakers_list.order = Order.REQUEST
    speakers_list.save()
    asked_in_order(speakers_list, organizations, "hi", "norway", "undp", "angola")
    speakers.apply_order(speakers_list)
    assert names(speakers_list) == ["Humanity & Inclusion", "Norway", "UNDP", "Angola"]


def test_protocol_puts_states_parties_then_other_states_then_organizations_then_civil_society(
    speakers_list, organizations
):
    asked_in_order(
        speakers_list,
        organizations,
        "survivors",
        "icrc",
        "finland",
        "hi",
        "undp",
        "laos",
        "angola",
        "norway",
    )
    speakers.apply_order(speakers_list)
    assert names(speakers_list) == [
        "Lao PDR",
        "Norway",
        "Finland",
        "Angola",
        "ICRC",
        "UNDP",
        "Survivor Network",
        "Humanity & Inclusion",
    ]


def test_heads_of_state_and_ministers_speak_first_within_their_group(speakers_list, organizations):
    asked_in_order(
        speakers_list,
        organizations,
        "norway",
        "laos",
        "finland",
        "angola",
        laos=Rank.MINISTER,
        angola=Rank.HEAD_OF_STATE_OR_GOVERNMENT,
    )
    speakers.apply_order(speakers_list)
    # A minister of a State Party before its other speakers; a head of State of a signatory
    # still after every State Party.
    assert names(speakers_list) == ["Lao PDR", "Norway", "Angola", "Finland"]


def test_requests_made_at_the_same_moment_come_by_their_number(speakers_list, organizations):
    asked_in_order(speakers_list, organizations, "norway", "laos")
    FloorRequest.objects.update(requested_at=timezone.now() - datetime.timedelta(hours=1))
    for _round in range(2):
        speakers.apply_order(speakers_list)
        assert names(speakers_list) == ["Norway", "Lao PDR"]


def test_a_meeting_of_no_convention_takes_every_state_first(
    speakers_list, organizations, conference
):
    conference.convention = ""
    conference.save()
    asked_in_order(speakers_list, organizations, "hi", "finland", "undp", "angola")
    speakers.apply_order(speakers_list)
    assert names(speakers_list) == ["Finland", "Angola", "UNDP", "Humanity & Inclusion"]


def test_speakers_done_keep_their_place_and_only_waiting_ones_are_ordered(
    speakers_list, organizations
):
    hi = ask(speakers_list, organizations["hi"])
    ask(speakers_list, organizations["norway"])
    speakers.give_the_floor(hi)
    speakers.apply_order(speakers_list)
    assert names(speakers_list) == ["Humanity & Inclusion", "Norway"]


def test_moving_a_speaker_up_and_down_keeps_positions_one_to_n(speakers_list, organizations):
    asked_in_order(speakers_list, organizations, "norway", "laos", "finland")
    finland = FloorRequest.objects.get(delegation__organization=organizations["finland"])
    speakers.move(finland, -1)
    assert names(speakers_list) == ["Norway", "Finland", "Lao PDR"]
    speakers.move(finland, -1)
    speakers.move(finland, -1)  # already first: stays
    assert names(speakers_list) == ["Finland", "Norway", "Lao PDR"]
    speakers.move(finland, 1)
    assert names(speakers_list) == ["Norway", "Finland", "Lao PDR"]
    assert sorted(FloorRequest.objects.values_list("position", flat=True)) == [1, 2, 3]


def test_a_speaker_who_spoke_cannot_be_moved_or_called_again(speakers_list, organizations):
    norway = ask(speakers_list, organizations["norway"])
    speakers.give_the_floor(norway)
    speakers.finish(norway, Turn.SPOKE)
    with pytest.raises(speakers.NotWaiting):
        speakers.move(norway, 1)
    with pytest.raises(speakers.NotWaiting):
        speakers.give_the_floor(norway)
    with pytest.raises(speakers.NotWaiting):
        speakers.finish(norway, Turn.WITHDREW)


def test_giving_the_floor_ends_the_previous_speakers_turn(speakers_list, organizations):
    norway = ask(speakers_list, organizations["norway"])
    laos = ask(speakers_list, organizations["laos"])
    speakers.give_the_floor(norway)
    speakers.give_the_floor(laos)
    norway.refresh_from_db()
    assert (norway.turn, FloorRequest.objects.get(pk=laos.pk).turn) == (Turn.SPOKE, Turn.SPEAKING)


def test_the_database_refuses_two_speakers_at_once_and_a_delegation_twice(
    speakers_list, organizations
):
    norway = ask(speakers_list, organizations["norway"])
    laos = ask(speakers_list, organizations["laos"])
    FloorRequest.objects.filter(pk=norway.pk).update(turn=Turn.SPEAKING)
    with pytest.raises(IntegrityError), transaction.atomic():
        FloorRequest.objects.filter(pk=laos.pk).update(turn=Turn.SPEAKING)
    with pytest.raises(IntegrityError), transaction.atomic():
        ask(speakers_list, organizations["laos"])
    # Once withdrawn, the delegation may ask again; once spoken too, for a right of reply.
    speakers.finish(laos, Turn.WITHDREW)
    again = ask(speakers_list, organizations["laos"])
    speakers.finish(again, Turn.SPOKE)
    ask(speakers_list, organizations["laos"])


def test_the_room_display_shows_who_speaks_the_next_three_and_how_many_more(
    speakers_list, organizations
):
    asked_in_order(
        speakers_list, organizations, "norway", "laos", "finland", "angola", "icrc", "undp"
    )
    first = FloorRequest.objects.get(delegation__organization=organizations["norway"])
    speakers.give_the_floor(first)
    speaking, coming, more = speakers.display(speakers_list)
    assert speaking == first
    assert [r.delegation.organization.name_en for r in coming] == ["Lao PDR", "Finland", "Angola"]
    assert more == 2


def test_every_change_to_a_request_is_kept_in_its_history(speakers_list, organizations):
    norway = ask(speakers_list, organizations["norway"])
    speakers.give_the_floor(norway)
    speakers.finish(norway, Turn.SPOKE)
    turns = list(norway.history.order_by("history_date").values_list("turn", flat=True))
    assert turns == [Turn.WAITING, Turn.SPEAKING, Turn.SPOKE]
