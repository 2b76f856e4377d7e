"""The List of Participants: delegations by category as meeting reports list them, each by name
in the list's language, heads of delegation first; the public edition names only those who
agreed to it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.participants_list import Edition, participants, sort_key
from registrations.models import Status
from tests.factories import OrganizationFactory, StateFactory

from .participants_rows import meeting, member, others, states

__all__ = ["meeting", "others", "states"]

pytestmark = pytest.mark.django_db


def names(groups):
    return [[listed.name for listed in group.delegations] for group in groups]


@pytest.fixture
def listed(meeting, states, others):
    for code in ("NO", "EG", "DE", "ES", "JO", "LA", "FI"):
        member(meeting, states[code], f"Delegate of {code}")
    for key in ("ida", "hi", "icrc", "unmas"):
        member(meeting, others[key], f"Member of {key}")
    return meeting


def test_categories_come_in_the_order_of_the_meeting_reports(listed):
    groups = participants(listed, "en", Edition.SECRETARIAT)
    assert [group.category for group in groups] == [
        "state_party",
        "signatory",
        "observer_state",
        "un",
        "red_cross",
        "ngo",
        "dpo",
    ]
    assert [str(group.title) for group in groups][:2] == ["States Parties", "Signatory States"]


def test_states_parties_are_in_alphabetical_order_of_the_lists_language(listed):
    assert names(participants(listed, "en", Edition.SECRETARIAT))[0] == [
        "Egypt",
        "Germany",
        "Jordan",
        "Norway",
        "Spain",
    ]
    # Égypte sorts with the E's, without its accent.
    assert names(participants(listed, "fr", Edition.SECRETARIAT))[0] == [
        "Allemagne",
        "Égypte",
        "Espagne",
        "Jordanie",
        "Norvège",
    ]


def test_arabic_names_sort_as_the_united_nations_arabic_lists_do(listed):
    # Without the article al- (الأردن among the alifs), an alif with hamza as the bare alif.
    assert names(participants(listed, "ar", Edition.SECRETARIAT))[0] == [
        "الأردن",
        "إسبانيا",
        "ألمانيا",
        "مصر",
        "النرويج",
    ]


def test_a_name_missing_in_the_lists_language_is_the_english_one(listed):
    un = participants(listed, "fr", Edition.SECRETARIAT)[3]
    assert [listed.name for listed in un.delegations] == ["Service de la lutte antimines"]
    red_cross = participants(listed, "fr", Edition.SECRETARIAT)[4]
    assert [listed.name for listed in red_cross.delegations] == [
        "International Committee of the Red Cross"
    ]


def test_organizations_of_the_same_name_come_in_the_order_they_were_recorded(meeting):
    first = OrganizationFactory(name_en="Mine Action Network", kind="ngo")
    second = OrganizationFactory(name_en="Mine Action Network", kind="ngo")
    member(meeting, second, "Second")
    member(meeting, first, "First")
    ngos = participants(meeting, "en", Edition.SECRETARIAT)[0]
    assert [listed.delegation.organization for listed in ngos.delegations] == [first, second]


def test_the_head_of_delegation_comes_first_then_each_role_in_order(meeting, states):
    norway = states["NO"]
    member(meeting, norway, "Andersen", role="adviser")
    member(meeting, norway, "Berg", role="delegate")
    member(meeting, norway, "Aas", role="delegate")
    member(meeting, norway, "Halvorsen", role="head", honorific="he", job_title="Ambassador")
    member(meeting, norway, "Dahl", role="alternate")
    delegation = participants(meeting, "en", Edition.SECRETARIAT)[0].delegations[0]
    assert [r.family_name for r in delegation.members] == [
        "Halvorsen",
        "Dahl",
        "Aas",
        "Berg",
        "Andersen",
    ]
    head = delegation.members[0]
    assert (head.get_honorific_display(), head.job_title) == ("H.E.", "Ambassador")


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.WAITLISTED, Status.DECLINED, Status.CANCELLED]
)
def test_only_confirmed_members_are_listed(meeting, states, status):
    norway = states["NO"]
    member(meeting, norway, "Confirmed")
    member(meeting, norway, "Other", status=status, endorsement="endorsed")
    member(meeting, states["EG"], "Alone", status=status)
    groups = participants(meeting, "en", Edition.SECRETARIAT)
    assert names(groups) == [["Norway"]]
    assert [r.family_name for r in groups[0].delegations[0].members] == ["Confirmed"]
    assert groups[0].delegations[0].unnamed == 0


def test_the_public_edition_names_only_members_who_agreed_and_counts_the_others(meeting, states):
    norway, egypt = states["NO"], states["EG"]
    member(meeting, norway, "Listed")
    member(meeting, norway, "Private", role="head", consents_to_public_listing=False)
    member(meeting, norway, "Quiet", consents_to_public_listing=False)
    member(meeting, egypt, "Hidden", consents_to_public_listing=False)

    public = participants(meeting, "en", Edition.PUBLIC)[0].delegations
    assert [(d.name, [r.family_name for r in d.members], d.unnamed) for d in public] == [
        ("Egypt", [], 1),
        ("Norway", ["Listed"], 2),
    ]
    secretariat = participants(meeting, "en", Edition.SECRETARIAT)[0].delegations
    assert [(d.name, [r.family_name for r in d.members], d.unnamed) for d in secretariat] == [
        ("Egypt", ["Hidden"], 0),
        ("Norway", ["Private", "Listed", "Quiet"], 0),
    ]


def test_an_anonymised_member_is_counted_never_named(meeting, states):
    registration = member(meeting, states["NO"], "Gone")
    registration.anonymised_at = registration.created_at
    registration.save()
    delegation = participants(meeting, "en", Edition.SECRETARIAT)[0].delegations[0]
    assert (delegation.members, delegation.unnamed) == ([], 1)


def test_the_sort_key_ignores_case_accents_and_arabic_marks():
    assert sort_key("Égypte") == sort_key("egypte")
    assert sort_key("أَحمد") == sort_key("احمد")
    assert sort_key("الأردن") == sort_key("أردن")


def queries_to_list(conference):
    with CaptureQueriesContext(connection) as captured:
        for language in ("en", "ar"):
            participants(conference, language, Edition.PUBLIC)
    return len(captured)


def test_the_list_takes_the_same_queries_for_few_or_many_delegations(meeting):
    member(meeting, StateFactory(country="NO"), "First")
    few = queries_to_list(meeting)
    for number in range(30):
        organization = OrganizationFactory(kind=["ngo", "un", "dpo"][number % 3])
        for role in ("head", "delegate", "adviser"):
            member(meeting, organization, f"Member {number} {role}", role=role)
    assert queries_to_list(meeting) == few == 2
