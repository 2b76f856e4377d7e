"""A release that moves or removes sessions is told, once, to those it concerns: the delegates
registered for them, the heads of delegation on their lists of speakers, and the focal points
of their delegations; each in their language, with the new times at the venue. Nobody else."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from delegations.models import FocalPoint, delegation_of
from floor import programme_changes
from floor.models import FloorRequest, SpeakersList, Turn
from registrations.models import Agenda, Delivery, EmailKind, Status
from sessions import releases
from tests.conftest import staff_member
from tests.factories import (
    ConferenceFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

START = datetime.date(2030, 9, 10)


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        start_date=START,
        end_date=START + datetime.timedelta(days=1),
        time_zone="Asia/Amman",
        is_published=True,
    )
    hall = RoomFactory(conference=conference, name_en="Hall", name_fr="Grande salle")
    SessionFactory(
        conference=conference, slug="opening", title_en="Opening", title_fr="Ouverture", room=hall
    )
    SessionFactory(
        conference=conference,
        slug="later",
        title_en="Later",
        room=hall,
        start_time=datetime.time(15),
        end_time=datetime.time(17),
    )
    releases.release(conference, "Original", by=None)
    return conference


def registered(conference, name, slugs, status=Status.CONFIRMED, **fields):
    given, family = name.split()
    registration = RegistrationFactory(
        conference=conference, given_name=given, family_name=family, status=status, **fields
    )
    registration.sessions.set(conference.sessions.filter(slug__in=slugs))
    return registration


def focal_point(conference, organization, email, state=FocalPoint.State.ACTIVE):
    return FocalPoint.objects.create(
        delegation=delegation_of(conference, organization),
        name=email.split("@")[0],
        email=email,
        language="fr",
        state=state,
    )


@pytest.fixture
def people(conference):
    jordan = StateFactory(country="JO")
    norway = StateFactory(country="NO")
    laos = StateFactory(country="LA")
    amina = registered(conference, "Amina Haddad", ["opening"], organization=jordan, language="fr")
    registered(conference, "Lucía Gómez", ["later"])  # her session does not change
    follower = registered(conference, "Omar Zoubi", [], organization=jordan)
    Agenda.objects.create(registration=follower).sessions.set(
        conference.sessions.filter(slug="opening")
    )
    registered(conference, "Gone Away", ["opening"], status=Status.CANCELLED)
    head = registered(conference, "Ingrid Berg", [], organization=norway, role="head")
    opening = conference.sessions.get(slug="opening")
    FloorRequest.objects.create(
        speakers_list=SpeakersList.objects.create(session=opening),
        delegation=delegation_of(conference, norway),
        speaker="H.E. Ms Ingrid Berg",
        requested_by_head=head,
    )
    return {
        "amina": amina,
        "follower": follower,
        "head": head,
        "jordan_focal": focal_point(conference, jordan, "focal@jordan.example"),
        "norway_focal": focal_point(conference, norway, "focal@norway.example"),
        "revoked": focal_point(
            conference, jordan, "old@jordan.example", state=FocalPoint.State.REVOKED
        ),
        "laos_focal": focal_point(conference, laos, "focal@laos.example"),
    }


def told():
    return sorted(
        (delivery.kind, delivery.address)
        for delivery in Delivery.objects.select_related("registration__delegate", "focal_point")
    )


def test_a_moved_session_is_told_to_whom_it_concerns_and_nobody_else(
    conference, people, django_capture_on_commit_callbacks
):
    conference.sessions.filter(slug="opening").update(
        start_time=datetime.time(9), end_time=datetime.time(12)
    )
    conference.sessions.filter(slug="later").update(title_en="Later, retitled")
    revised = releases.release(conference, "Rev.1", by=None)
    with django_capture_on_commit_callbacks(execute=True):
        assert programme_changes.tell(revised) == 5
    assert told() == sorted(
        [
            (EmailKind.PROGRAMME_CHANGED, people["amina"].delegate.email),
            (EmailKind.PROGRAMME_CHANGED, people["follower"].delegate.email),
            (EmailKind.PROGRAMME_CHANGED, people["head"].delegate.email),
            (EmailKind.FOCAL_POINT_PROGRAMME_CHANGED, "focal@jordan.example"),
            (EmailKind.FOCAL_POINT_PROGRAMME_CHANGED, "focal@norway.example"),
        ]
    )
    # In her language, with the new times at the venue, and not the retitled session.
    [email] = [email for email in mail.outbox if email.to == [people["amina"].delegate.email]]
    assert "Rev.1" in email.subject
    assert "Déplacée dans le temps" in email.body and "«\u00a0Ouverture\u00a0»" in email.body
    assert "09:00" in email.body and "Asia/Amman" in email.body
    assert "Later" not in email.body
    # Told once: telling the same release again sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert programme_changes.tell(revised) == 0
    assert Delivery.objects.count() == 5 and len(mail.outbox) == 5


def test_a_cancelled_session_is_told_and_a_new_title_alone_is_not(conference, people):
    conference.sessions.filter(slug="opening").update(title_en="Opening of the meeting")
    assert programme_changes.tell(releases.release(conference, "Rev.1", by=None)) == 0
    # Cancelled: no longer public, its registrations and list of speakers kept.
    conference.sessions.filter(slug="opening").update(is_public=False)
    assert programme_changes.tell(releases.release(conference, "Rev.2", by=None)) == 5
    assert {delivery.address for delivery in Delivery.objects.all()} == {
        people["amina"].delegate.email,
        people["follower"].delegate.email,
        people["head"].delegate.email,
        "focal@jordan.example",
        "focal@norway.example",
    }


def test_the_first_release_tells_nobody(people, conference):
    later = ConferenceFactory(start_date=START, end_date=START)
    SessionFactory(conference=later)
    assert programme_changes.tell(releases.release(later, "Original", by=None)) == 0
    assert not Delivery.objects.exists()


def test_releasing_from_the_desk_tells_them(client, django_user_model, conference, people):
    organizer = staff_member(django_user_model, "desk", "Organizers")
    client.force_login(organizer)
    conference.sessions.filter(slug="opening").update(start_time=datetime.time(9))
    url = reverse("organizers:programme_release", args=[conference.slug])
    response = client.post(url, {"name": "Rev.1"}, follow=True)
    assert "5 people whose sessions changed are told by e-mail." in response.content.decode()
    assert Delivery.objects.filter(release__name="Rev.1").count() == 5
    assert FloorRequest.objects.get().turn == Turn.WAITING
