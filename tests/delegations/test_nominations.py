"""A focal point names their delegation's members, one at a time or from a pasted list; each
member is e-mailed their own link, accepts the invitation through it and then completes their
details. Until accepted, an invitation holds no place and blocks nobody's own registration."""

import datetime
import re
import uuid

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from delegations import nominations
from delegations.models import Change, DelegationChange
from registrations import workflow
from registrations.models import ACTIVE_STATUSES, Endorsement, Registration, Role, Status
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.delegations.focal_point_fixtures import page_of
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

FIVE = """Ms Rania Al-Abdallah, rania@example.org, head
Mr Omar Haddad; omar@example.org; Alternate
Leila\tNasser\tleila@example.org\tconseiller
Dr Sami Khoury, sami@example.org, asesor

Yusuf Saleh, yusuf@example.org
"""


def paste(client, focal_point, text, key=None, language="en"):
    return client.post(
        page_of(focal_point, language) + "members/list/",
        {"list-members_list": text, "list-submission_key": str(key or uuid.uuid4())},
    )


def accept(client, registration, **posted):
    return client.post(
        f"/en/registrations/{registration.token}/invitation/",
        {"decision": "accept", "privacy_accepted": "on", **posted},
    )


def test_five_members_pasted_are_invited_endorsed_and_each_sent_their_link(
    client, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = paste(client, focal_point, FIVE)
    assert response.status_code == 302
    members = Registration.objects.order_by("pk")
    assert [(m.honorific, m.given_name, m.family_name, m.role) for m in members] == [
        ("ms", "Rania", "Al-Abdallah", Role.HEAD),
        ("mr", "Omar", "Haddad", Role.ALTERNATE),
        ("", "Leila", "Nasser", Role.ADVISER),
        ("dr", "Sami", "Khoury", Role.ADVISER),
        ("", "Yusuf", "Saleh", Role.DELEGATE),
    ]
    for member in members:
        assert member.delegation == focal_point.delegation
        assert (member.endorsement, member.nominated_by) == (Endorsement.ENDORSED, focal_point)
        assert member.status == Status.INVITED
        assert member.privacy_accepted_at is None  # their invitation is still to accept
    assert {email.to[0] for email in mail.outbox} == {m.delegate.email for m in members}
    rania = members[0]
    [email] = [email for email in mail.outbox if email.to == ["rania@example.org"]]
    assert f"/en/registrations/{rania.token}/" in email.body
    assert "head of delegation" in email.body.lower()
    # Nobody joins the delegation before accepting.
    assert not DelegationChange.objects.exists()
    for member in members:
        accept(client, member)
    kinds = DelegationChange.objects.values_list("kind", flat=True)
    assert sorted(kinds) == sorted([Change.ADDED] * 5 + [Change.NEW_HEAD])
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.SUBMITTED}


def test_one_wrong_line_saves_nothing_and_says_which_lines_are_wrong(client, focal_point):
    text = FIVE.replace("omar@example.org", "omar-at-example.org").replace("asesor", "pilot")
    response = paste(client, focal_point, text)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Line 2:" in content and "Line 4:" in content and "Line 1:" not in content
    assert "“pilot” is not a role" in content
    assert "Dr Sami Khoury, sami@example.org, pilot" in content  # the pasted text is kept
    assert Registration.objects.count() == 0


def test_a_second_head_is_refused_in_the_list_and_where_the_delegation_has_one(client, focal_point):
    twice = "A One, one@example.org, head\nB Two, two@example.org, head"
    assert "Only one member can be head" in paste(client, focal_point, twice).content.decode()
    RegistrationFactory(
        conference=focal_point.delegation.conference,
        organization=focal_point.delegation.organization,
        role=Role.HEAD,
    )
    response = paste(client, focal_point, "C Three, three@example.org, chef de délégation")
    assert "already has a head of delegation" in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_database_refuses_two_heads_of_one_delegation(delegation):
    RegistrationFactory(
        conference=delegation.conference, organization=delegation.organization, role=Role.HEAD
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(
            conference=delegation.conference, organization=delegation.organization, role=Role.HEAD
        )


def test_the_same_list_sent_twice_makes_no_duplicates(client, focal_point):
    key = uuid.uuid4()
    paste(client, focal_point, FIVE, key=key)
    paste(client, focal_point, FIVE, key=key)
    assert Registration.objects.count() == 5


def test_an_address_registered_elsewhere_is_invited_without_saying_so_and_stays_free(
    client, focal_point, other_delegation
):
    own = RegistrationFactory(
        conference=focal_point.delegation.conference,
        organization=other_delegation.organization,
        delegate__email="Yusuf@Example.org",
    )
    response = paste(client, focal_point, FIVE)
    assert response.status_code == 302
    yusuf = Registration.objects.get(status=Status.INVITED, delegate=own.delegate)
    # Accepting would take them out of their own delegation: refused, their own untouched.
    response = accept(client, yusuf)
    assert response.status_code == 302
    assert "already has a registration" in client.get(response.url).content.decode()
    yusuf.refresh_from_db()
    own.refresh_from_db()
    assert (yusuf.status, own.status) == (Status.INVITED, Status.SUBMITTED)
    assert not focal_point.delegation.members.filter(status__in=ACTIVE_STATUSES).exists()


def test_an_invitation_neither_blocks_the_addressees_own_registration_nor_counts(
    client, focal_point, conference, other_delegation
):
    client.post(
        page_of(focal_point) + "members/",
        {
            "member-given_name": "Hala",
            "member-family_name": "Mansour",
            "member-email": "hala@example.org",
            "member-role": "head",
        },
    )
    invited = Registration.objects.get()
    assert not Registration.objects.confirmed_members().exists()
    own = workflow.register(
        conference,
        RegistrationFactory.build(organization=other_delegation.organization),
        "hala@example.org",
    )
    assert own.status == Status.SUBMITTED and own.delegation == other_delegation
    invited.refresh_from_db()
    assert invited.status == Status.INVITED


def test_the_addressee_declines_and_nothing_more_is_recorded(client, focal_point):
    paste(client, focal_point, "A B, ab@example.org")
    invited = Registration.objects.get()
    client.post(f"/en/registrations/{invited.token}/invitation/", {"decision": "decline"})
    invited.refresh_from_db()
    assert invited.status == Status.CANCELLED
    assert not DelegationChange.objects.exists()


def test_nominations_while_registration_is_closed_are_refused(client, focal_point):
    conference = focal_point.delegation.conference
    conference.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    conference.save()
    response = paste(client, focal_point, FIVE)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Registration is closed: members can no longer be added." in page
    assert Registration.objects.count() == 0


def test_members_beyond_the_capacity_are_wait_listed(client, focal_point):
    conference = focal_point.delegation.conference
    conference.capacity = 3
    conference.save()
    paste(client, focal_point, FIVE)
    for member in Registration.objects.order_by("pk"):
        accept(client, member)
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [Status.SUBMITTED] * 3 + [Status.WAITLISTED] * 2


def test_one_member_at_a_time(client, focal_point, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            page_of(focal_point) + "members/",
            {
                "member-given_name": "Hala",
                "member-family_name": "Mansour",
                "member-email": "hala@example.org",
                "member-role": "adviser",
                "member-submission_key": str(uuid.uuid4()),
            },
        )
    member = Registration.objects.get()
    assert (member.full_name, member.role, member.language) == ("Hala Mansour", "adviser", "en")
    assert [email.to for email in mail.outbox] == [["hala@example.org"]]


@pytest.mark.parametrize(
    "line, role",
    [
        ("A B, a@example.org, head of delegation", Role.HEAD),
        ("A B, a@example.org, Jefe de delegación", Role.HEAD),
        ("A B, a@example.org, رئيس الوفد", Role.HEAD),
        ("رانيا العبدالله، a@example.org، رئيس الوفد", Role.HEAD),
        ("رانيا العبدالله؛ a@example.org؛ مستشار", Role.ADVISER),
        ("A B; a@example.org; délégué", Role.DELEGATE),
        ("A B\ta@example.org\tva_expert", Role.VA_EXPERT),
        ("A B, a@example.org, OBSERVER", Role.OBSERVER),
    ],
)
def test_roles_are_read_in_the_four_languages_or_as_codes(line, role):
    [(_number, member)] = nominations.parse(line)
    assert member.role == role


@pytest.mark.shared_parts
def test_a_nominated_member_accepts_then_completes_their_details_through_their_link(
    client, focal_point
):
    paste(client, focal_point, FIVE)
    rania = Registration.objects.get(delegate__email="rania@example.org")
    assert client.get(f"/en/registrations/{rania.token}/change/").status_code == 302
    page = client.get(f"/en/registrations/{rania.token}/invitation/").content.decode()
    assert "Privacy notice" in page and "Head of delegation" in page
    response = client.post(f"/en/registrations/{rania.token}/invitation/", {"decision": "accept"})
    assert "Please accept the privacy notice" in response.content.decode()
    assert accept(client, rania).status_code == 302
    url = f"/en/registrations/{rania.token}/change/"
    answers = {
        "honorific": "ms",
        "given_name": "Rania",
        "family_name": "Al-Abdallah",
        "language": "en",
        "needs_captioning": "on",
    }
    response = client.post(url, answers)
    assert response.status_code == 302
    rania.refresh_from_db()
    assert rania.privacy_accepted_at is not None and rania.needs_captioning
    assert rania.status == Status.SUBMITTED
    page = client.get(page_of(focal_point)).content.decode()
    assert re.search(r"Rania Al-Abdallah.*?Completed", page, re.S)


def test_one_member_already_in_the_delegation_is_told_without_a_line_number(client, focal_point):
    RegistrationFactory(
        conference=focal_point.delegation.conference,
        organization=focal_point.delegation.organization,
        delegate__email="h@example.org",
    )
    response = client.post(
        page_of(focal_point) + "members/",
        {
            "member-given_name": "Hala",
            "member-family_name": "Mansour",
            "member-email": "h@example.org",
            "member-role": "adviser",
        },
    )
    content = response.content.decode()
    assert "This address is already a member of the delegation, or invited to it." in content
    assert "Line 1" not in content
    assert 'value="Mansour"' in content


def test_pasted_names_lose_bidi_overrides(client, focal_point):
    paste(client, focal_point, "Rania \u202eAl-Abdallah, rania@example.org")
    assert Registration.objects.get().family_name == "Al-Abdallah"
