"""The Addendum to the List of Participants: what changed in the delegations after the List's
date, up to its own: members added, withdrawn, a new head of delegation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.models import Change, ParticipantsList
from delegations.participants_list import Edition, addendum_of
from registrations.models import Status
from tests.factories import OrganizationFactory

from .participants_rows import LIST_DATE, change, meeting, member, others, states

__all__ = ["meeting", "others", "states"]

pytestmark = pytest.mark.django_db

AFTER = LIST_DATE + datetime.timedelta(days=3)
ADDENDUM_DATE = LIST_DATE + datetime.timedelta(days=7)


@pytest.fixture
def first_addendum(meeting):
    ParticipantsList.objects.create(conference=meeting, symbol="CCM/MSP/2030/INF.1", date=LIST_DATE)
    return ParticipantsList.objects.create(
        conference=meeting,
        kind=ParticipantsList.Kind.ADDENDUM,
        symbol="CCM/MSP/2030/INF.1/Add.1",
        date=ADDENDUM_DATE,
    )


def summary(groups):
    return [
        (
            changed.name,
            [r.family_name for r in changed.added],
            [r.family_name for r in changed.withdrawn],
            changed.new_head.family_name if changed.new_head else None,
        )
        for group in groups
        for changed in group.delegations
    ]


def test_the_addendum_lists_members_added_withdrawn_and_a_new_head(
    meeting, states, others, first_addendum
):
    norway, egypt = states["NO"], states["EG"]
    added = member(meeting, norway, "Added")
    change(added, Change.ADDED, AFTER)
    withdrawn = member(meeting, egypt, "Withdrawn", status=Status.CANCELLED)
    change(withdrawn, Change.WITHDRAWN, AFTER)
    head = member(meeting, norway, "Head", role="head")
    change(head, Change.NEW_HEAD, AFTER)
    ngo = member(meeting, others["hi"], "Adviser")
    change(ngo, Change.ADDED, ADDENDUM_DATE)

    assert summary(addendum_of(first_addendum, "en", Edition.SECRETARIAT)) == [
        ("Egypt", [], ["Withdrawn"], None),
        ("Norway", ["Added"], [], "Head"),
        ("Humanity & Inclusion", ["Adviser"], [], None),
    ]


def test_changes_on_or_before_the_lists_date_or_after_the_addendums_are_not_in_it(
    meeting, states, first_addendum
):
    norway = states["NO"]
    # Late in the evening of the List's date, in the conference's time zone: still the List's.
    change(member(meeting, norway, "Before"), Change.ADDED, LIST_DATE, hour=23)
    change(member(meeting, norway, "After"), Change.ADDED, ADDENDUM_DATE + datetime.timedelta(1))
    change(member(meeting, norway, "Early"), Change.ADDED, LIST_DATE + datetime.timedelta(1), 0)
    assert summary(addendum_of(first_addendum, "en", Edition.SECRETARIAT)) == [
        ("Norway", ["Early"], [], None)
    ]


def test_a_member_added_then_withdrawn_in_the_period_is_in_neither(meeting, states, first_addendum):
    passing = member(meeting, states["NO"], "Passing", status=Status.CANCELLED)
    change(passing, Change.ADDED, AFTER)
    change(passing, Change.WITHDRAWN, AFTER + datetime.timedelta(1))
    assert addendum_of(first_addendum, "en", Edition.SECRETARIAT) == []


def test_a_member_added_but_not_confirmed_yet_waits_for_a_later_addendum(
    meeting, states, first_addendum
):
    change(member(meeting, states["NO"], "Pending", status=Status.SUBMITTED), Change.ADDED, AFTER)
    assert addendum_of(first_addendum, "en", Edition.SECRETARIAT) == []


def test_a_second_addendum_lists_the_changes_after_the_first(meeting, states, first_addendum):
    norway = states["NO"]
    change(member(meeting, norway, "First"), Change.ADDED, AFTER)
    later = ADDENDUM_DATE + datetime.timedelta(days=5)
    change(member(meeting, norway, "Second"), Change.ADDED, later)
    second = ParticipantsList.objects.create(
        conference=meeting,
        kind=ParticipantsList.Kind.ADDENDUM,
        symbol="CCM/MSP/2030/INF.1/Add.2",
        date=later,
    )
    assert summary(addendum_of(second, "en", Edition.SECRETARIAT)) == [
        ("Norway", ["Second"], [], None)
    ]


def test_the_public_addendum_counts_those_who_did_not_agree_to_be_listed(
    meeting, states, first_addendum
):
    norway = states["NO"]
    change(member(meeting, norway, "Quiet", consents_to_public_listing=False), Change.ADDED, AFTER)
    change(member(meeting, norway, "Named"), Change.ADDED, AFTER)
    head = member(meeting, norway, "Private", role="head", consents_to_public_listing=False)
    change(head, Change.NEW_HEAD, AFTER)
    gone = member(
        meeting, norway, "Gone", status=Status.CANCELLED, consents_to_public_listing=False
    )
    change(gone, Change.WITHDRAWN, AFTER)

    (changed,) = addendum_of(first_addendum, "en", Edition.PUBLIC)[0].delegations
    assert [r.family_name for r in changed.added] == ["Named"]
    assert (changed.unnamed_added, changed.unnamed_withdrawn) == (1, 1)
    assert (changed.new_head, changed.unnamed_new_head) == (None, True)
    (changed,) = addendum_of(first_addendum, "en", Edition.SECRETARIAT)[0].delegations
    assert [r.family_name for r in changed.added] == ["Named", "Quiet"]
    assert changed.new_head.family_name == "Private"


def test_an_addendum_without_a_list_before_it_is_empty(meeting, states):
    change(member(meeting, states["NO"], "Added"), Change.ADDED, AFTER)
    lonely = ParticipantsList.objects.create(
        conference=meeting, kind=ParticipantsList.Kind.ADDENDUM, symbol="X/Add.1", date=AFTER
    )
    assert addendum_of(lonely, "en", Edition.PUBLIC) == []


def queries_for(addendum):
    with CaptureQueriesContext(connection) as captured:
        addendum_of(addendum, "fr", Edition.PUBLIC)
    return len(captured)


def test_the_addendum_takes_the_same_queries_for_few_or_many_delegations(
    meeting, states, first_addendum
):
    change(member(meeting, states["NO"], "One"), Change.ADDED, AFTER)
    few = queries_for(first_addendum)
    for number in range(20):
        organization = OrganizationFactory()
        change(member(meeting, organization, f"Added {number}"), Change.ADDED, AFTER)
        gone = member(meeting, organization, f"Gone {number}", status=Status.CANCELLED)
        change(gone, Change.WITHDRAWN, AFTER)
    assert queries_for(first_addendum) == few == 2
