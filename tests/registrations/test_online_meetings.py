"""The sessions' online meetings: their address, passcode and interpretation channels are shown
to the confirmed delegates taking part online, on their private page and in their agenda, as
they are now, and e-mailed to them by one action; nobody else reads them."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.core.management import call_command

from registrations import agenda
from registrations.models import Delivery, EmailKind, Status
from sessions.models import InterpretationChannel, OnlineMeeting
from tests.factories import RegistrationFactory, SessionFactory
from va_conference.models import Participation

pytestmark = pytest.mark.django_db

ADDRESS = "https://meet.example.org/j/8150-ADDRESS-4471"
NEW_ADDRESS = "https://meet.example.org/j/2266-MOVED-9034"
PASSCODE = "PASS-5521"
CHANNEL_AR = "CH-ARABIC-7"
CHANNEL_FR = "CH-FRENCH-3"
SECRETS = (ADDRESS, NEW_ADDRESS, "8150-ADDRESS", PASSCODE, CHANNEL_AR, CHANNEL_FR)


def held_online(session, address=ADDRESS):
    meeting = OnlineMeeting.objects.create(session=session, address=address, passcode=PASSCODE)
    InterpretationChannel.objects.create(meeting=meeting, language="ar", channel=CHANNEL_AR)
    InterpretationChannel.objects.create(meeting=meeting, language="fr", channel=CHANNEL_FR)
    return meeting


@pytest.fixture
def meeting(conference):
    conference.offers_online = True
    conference.save()
    return held_online(conference.sessions.get(slug="opening"))


def delegate(
    conference, mode=Participation.ONLINE, status=Status.CONFIRMED, language="ar", **fields
):
    return RegistrationFactory(
        conference=conference, mode=mode, status=status, language=language, **fields
    )


def private_page(client, registration):
    return client.get(f"/en/registrations/{registration.token}/").content.decode()


def agenda_page(client, registration):
    return client.get(f"/en/registrations/{registration.token}/agenda/").content.decode()


def test_a_confirmed_delegate_online_sees_how_to_join_on_their_page_and_agenda(client, meeting):
    registration = delegate(meeting.session.conference, language="ar")

    for page in (private_page(client, registration), agenda_page(client, registration)):
        assert f'href="{ADDRESS}"' in page
        assert PASSCODE in page
        assert f"Interpretation into your language: channel {CHANNEL_AR}" in page
        assert "Join “Opening” online" in page
    # The other session is not held online.
    assert "Join “Challenges" not in private_page(client, registration)


def test_the_page_shows_the_address_as_it_is_now(client, meeting):
    registration = delegate(meeting.session.conference)
    assert ADDRESS in private_page(client, registration)

    meeting.address = NEW_ADDRESS
    meeting.save()

    page = private_page(client, registration)
    assert NEW_ADDRESS in page and ADDRESS not in page


def test_a_confirmed_delegate_online_without_links_yet_is_told_so(client, conference):
    conference.offers_online = True
    conference.save()
    page = private_page(client, delegate(conference))
    assert "have not given the links to the online sessions yet" in page


@pytest.mark.parametrize(
    "mode, status",
    [
        (Participation.IN_PERSON, Status.CONFIRMED),
        (Participation.ONLINE, Status.SUBMITTED),
        (Participation.ONLINE, Status.WAITLISTED),
        (Participation.ONLINE, Status.DECLINED),
        (Participation.ONLINE, Status.CANCELLED),
    ],
)
def test_no_other_delegate_of_the_conference_sees_it(client, meeting, mode, status):
    registration = delegate(meeting.session.conference, mode=mode, status=status)
    for page in (private_page(client, registration), agenda_page(client, registration)):
        assert not [secret for secret in SECRETS if secret in page]
        assert "Joining online" not in page


def test_a_session_the_public_does_not_read_hands_out_no_link(client, meeting):
    conference = meeting.session.conference
    hidden = SessionFactory(conference=conference, slug="closed", is_public=False)
    held_online(hidden, address="https://meet.example.org/j/closed-door")
    page = private_page(client, delegate(conference))
    assert "closed-door" not in page
    assert ADDRESS in page


def test_an_address_must_be_a_web_address(client, organizer, conference):
    session = conference.sessions.get(slug="opening")
    client.force_login(organizer)
    page = client.post(
        "/admin/programme/onlinemeeting/add/",
        {
            "session": session.pk,
            "address": "javascript:alert(1)",
            "passcode": PASSCODE,
            "channels-TOTAL_FORMS": 0,
            "channels-INITIAL_FORMS": 0,
        },
    )
    assert page.status_code == 200
    assert "Enter a valid URL." in page.content.decode()
    assert PASSCODE in page.content.decode()  # what was typed is kept
    assert not OnlineMeeting.objects.exists()


def test_a_language_has_one_channel(client, organizer, meeting):
    client.force_login(organizer)
    page = client.post(
        f"/admin/programme/onlinemeeting/{meeting.pk}/change/",
        {
            "session": meeting.session.pk,
            "address": ADDRESS,
            "passcode": "",
            "channels-TOTAL_FORMS": 2,
            "channels-INITIAL_FORMS": 0,
            "channels-0-language": "es",
            "channels-0-channel": "4",
            "channels-1-language": "es",
            "channels-1-channel": "5",
        },
    )
    assert page.status_code == 200
    assert "Please correct the duplicate data for language" in page.content.decode()
    assert not meeting.channels.filter(language="es").exists()


def email_to_delegates(client, meetings, commit):
    with commit(execute=True):
        return client.post(
            "/admin/programme/onlinemeeting/",
            {
                "action": "email_to_delegates",
                ACTION_CHECKBOX_NAME: [meeting.pk for meeting in meetings],
                "index": 0,
            },
            follow=True,
        )


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


# Committed for real: the worker runs as in production, with its own transactions.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("worker_queue")
def test_organizers_email_it_to_the_confirmed_delegates_online_as_it_is_when_sent(
    client, organizer, meeting, django_capture_on_commit_callbacks
):
    conference = meeting.session.conference
    joining = delegate(conference, language="fr")
    for mode, status in [
        (Participation.IN_PERSON, Status.CONFIRMED),
        (Participation.ONLINE, Status.SUBMITTED),
        (Participation.ONLINE, Status.CANCELLED),
    ]:
        delegate(conference, mode=mode, status=status)
    client.force_login(organizer)

    page = email_to_delegates(client, [meeting], django_capture_on_commit_callbacks)

    assert "1 e-mail is queued: the worker sends it in the background." in page.content.decode()
    assert Delivery.objects.filter(kind=EmailKind.ONLINE_MEETING).count() == 1
    # Changed at the last minute, before the worker sends the e-mail.
    meeting.address = NEW_ADDRESS
    meeting.save()
    run_worker()

    [email] = mail.outbox
    assert email.to == [joining.delegate.email]
    assert email.subject.startswith(f"{conference.short_name}\u00a0: comment participer en ligne")
    assert NEW_ADDRESS in email.body and ADDRESS not in email.body
    assert PASSCODE in email.body
    assert CHANNEL_FR in email.body and CHANNEL_AR not in email.body.split("Interprétation")[0]


def test_without_a_delegate_online_nothing_is_sent(
    client, organizer, meeting, django_capture_on_commit_callbacks
):
    delegate(meeting.session.conference, mode=Participation.IN_PERSON)
    client.force_login(organizer)
    page = email_to_delegates(client, [meeting], django_capture_on_commit_callbacks)
    assert "No delegate of the conference is confirmed to take part online" in (
        page.content.decode()
    )
    assert not mail.outbox


@pytest.mark.django_db(transaction=True)
def test_a_delegate_no_longer_online_when_it_is_sent_gets_no_address(
    client, organizer, meeting, worker_queue, django_capture_on_commit_callbacks
):
    registration = delegate(meeting.session.conference, language="en")
    client.force_login(organizer)
    email_to_delegates(client, [meeting], django_capture_on_commit_callbacks)
    registration.mode = Participation.IN_PERSON
    registration.save()
    run_worker()

    [email] = mail.outbox
    assert not [secret for secret in SECRETS if secret in email.body]


def test_a_statement_editor_cannot_read_or_send_it(
    client, statement_editor, meeting, django_capture_on_commit_callbacks
):
    delegate(meeting.session.conference)
    client.force_login(statement_editor)
    assert client.get("/admin/programme/onlinemeeting/").status_code == 403
    email_to_delegates(client, [meeting], django_capture_on_commit_callbacks)
    assert not Delivery.objects.exists()


def test_the_session_s_admin_page_leads_to_its_online_meeting(client, organizer, conference):
    session = conference.sessions.get(slug="opening")
    client.force_login(organizer)
    change = f"/admin/programme/session/{session.pk}/change/"

    page = client.get(change).content.decode()
    add = f"/admin/programme/onlinemeeting/add/?session={session.pk}"
    assert f'href="{add}"' in page.replace("&amp;", "&")
    assert f'value="{session.pk}" selected' in client.get(add).content.decode()

    meeting = held_online(session)
    page = client.get(change).content.decode()
    assert f'href="/admin/programme/onlinemeeting/{meeting.pk}/change/">{ADDRESS}</a>' in page


@pytest.mark.parametrize("mode", [Participation.ONLINE, Participation.IN_PERSON])
def test_the_agenda_s_calendar_tells_how_to_join_only_those_who_may(client, meeting, mode):
    registration = delegate(
        meeting.session.conference, mode=mode, language="fr", sessions=[meeting.session]
    )
    token = agenda.agenda_of(registration).calendar_token

    ics = client.get(f"/fr/agendas/{token}.ics").content.decode()
    unfolded = ics.replace("\r\n ", "")

    assert "SUMMARY:Opening" in unfolded
    if mode == Participation.ONLINE:
        assert f"CONFERENCE;VALUE=URI:{ADDRESS}" in unfolded
        assert PASSCODE in unfolded and CHANNEL_FR in unfolded
    else:
        assert not [secret for secret in SECRETS if secret in unfolded]
