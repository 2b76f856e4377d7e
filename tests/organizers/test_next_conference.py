"""Next year's meeting from this year's: a conference started from the demonstration's Oslo
meeting has its rooms, its sessions on the new dates (not public, without statements), their
lists of speakers' settings, the letterhead and the questions; and not one person,
registration, delegation, statement or document of Oslo."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from delegations.models import Delegation, FocalPoint
from floor.models import FloorRequest, SpeakersList
from letters.models import Letterhead
from registrations.models import Question, Registration
from sessions.models import Document, Session, Statement
from tests.conftest import staff_member
from tests.factories import ConferenceFactory, SessionFactory
from va_conference.models import Conference

NEW = {
    "title_en": "Fourth Meeting of States Parties",
    "short_name_en": "4MSP",
    "slug": "4msp-lusaka-2013",
    "reference_prefix": "LUS13",
    "start_date": "2013-09-10",
    "end_date": "2013-09-13",
    "city_en": "Lusaka",
}


@pytest.fixture
def oslo(settings, tmp_path, local_disk):
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", "--force", stdout=io.StringIO())
    return Conference.objects.get(slug="3msp-oslo-2012")


def next_url(conference):
    return reverse("organizers:next_conference", args=[conference.slug])


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_a_conference_started_from_oslo_copies_what_recurs_and_no_one(
    client, django_user_model, oslo
):
    SpeakersList.objects.update_or_create(
        session=oslo.sessions.get(slug="victim-assistance"), defaults={"minutes_per_speaker": 3}
    )
    before = {
        model: model.objects.count()
        for model in (Registration, Delegation, FocalPoint, Statement, Document, FloorRequest)
    }
    # The demonstration has a user named "organizer" of its own.
    client.force_login(staff_member(django_user_model, "lusaka", "Organizers"))
    assert 'value="2013-09-11"' in client.get(next_url(oslo)).content.decode()
    response = client.post(next_url(oslo), NEW)
    assert response.status_code == 302
    new = Conference.objects.get(slug="4msp-lusaka-2013")
    assert response["Location"] == reverse("organizers:dashboard", args=[new.slug])
    assert not new.is_published and new.host == oslo.host and new.time_zone == oslo.time_zone
    assert sorted(new.rooms.values_list("name_fr", flat=True)) == sorted(
        oslo.rooms.values_list("name_fr", flat=True)
    )
    old_sessions = {s.slug: s for s in oslo.sessions.all()}
    for session in new.sessions.select_related("room"):
        was = old_sessions[session.slug]
        # Oslo opened on 11 September 2012, Lusaka on 10 September 2013: 364 days later.
        assert session.date == was.date + datetime.timedelta(days=364)
        assert (session.title_ar, session.start_time) == (was.title_ar, was.start_time)
        assert not session.is_public and session.room.conference == new
        assert not session.statements.exists()
    assert new.sessions.count() == len(old_sessions)
    listed = SpeakersList.objects.get(session__conference=new, session__slug="victim-assistance")
    assert listed.minutes_per_speaker == 3 and not listed.requests.exists()
    assert Question.objects.filter(conference=new).count() == oslo.questions.count()
    if Letterhead.objects.filter(conference=oslo).exists():
        assert Letterhead.objects.get(conference=new).signatory_name
    # Not one person, registration, delegation, statement or document more, nor of Oslo's.
    assert {model: model.objects.count() for model in before} == before
    assert not Registration.objects.filter(conference=new).exists()
    assert not Delegation.objects.filter(conference=new).exists()
    assert not Document.objects.filter(conference=new).exists()


@pytest.mark.django_db
def test_the_new_dates_must_hold_the_sessions_and_the_slug_be_new(client, organizer):
    source = ConferenceFactory(
        start_date=datetime.date(2030, 9, 10), end_date=datetime.date(2030, 9, 12)
    )
    SessionFactory(conference=source, date=datetime.date(2030, 9, 12))
    client.force_login(organizer)
    short = {**NEW, "start_date": "2031-09-10", "end_date": "2031-09-11"}
    response = client.post(next_url(source), short)
    assert "last 3 days at least" in response.content.decode()
    assert 'value="Lusaka"' in response.content.decode()
    taken = {**NEW, "slug": source.slug, "start_date": "2031-09-10", "end_date": "2031-09-12"}
    response = client.post(next_url(source), taken)
    assert response.status_code == 200 and Conference.objects.count() == 1
    response = client.post(next_url(source), {**taken, "slug": "next-one"})
    assert response.status_code == 302
    assert Session.objects.get(conference__slug="next-one").date == datetime.date(2031, 9, 12)


@pytest.mark.django_db
def test_only_who_may_add_conferences_starts_one(client, django_user_model, statement_editor):
    source = ConferenceFactory()
    client.force_login(statement_editor)
    assert client.get(next_url(source)).status_code == 403
    assert client.post(next_url(source), NEW).status_code == 403
    committee = staff_member(django_user_model, "committee", "Sponsorship committee")
    client.force_login(committee)
    assert client.post(next_url(source), NEW).status_code == 403
    assert Conference.objects.count() == 1
