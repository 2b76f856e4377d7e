"""A delegate asks, from their private page, to take part another way: in person rather than
online waits for a place in the room; the place they leave goes to the first one waiting."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from registrations.models import Registration, Status
from tests.factories import RegistrationFactory
from va_conference.models import Participation

from .test_concurrency import post_together

pytestmark = pytest.mark.django_db

IN_PERSON, ONLINE = Participation.IN_PERSON, Participation.ONLINE


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0


@pytest.fixture
def hybrid(conference):
    """One place in the room, two online."""
    conference.offers_online = True
    conference.capacity, conference.online_capacity = 1, 2
    conference.save()
    return conference


def delegate(conference, mode, status=Status.CONFIRMED, **fields):
    return RegistrationFactory(conference=conference, mode=mode, status=status, **fields)


def ask(client, registration, mode, language="en"):
    return client.post(
        f"/{language}/registrations/{registration.token}/mode/", {"mode": mode}, follow=True
    )


def test_a_delegate_in_the_room_moves_online_and_the_first_waiting_gets_the_room(
    client, hybrid, django_capture_on_commit_callbacks
):
    moving = delegate(hybrid, IN_PERSON)
    waiting = delegate(hybrid, IN_PERSON, Status.WAITLISTED, given_name="Rania")

    with django_capture_on_commit_callbacks(execute=True):
        page = ask(client, moving, ONLINE).content.decode()

    assert "You now take part online, and your registration stays confirmed." in page
    moving.refresh_from_db()
    assert (moving.mode, moving.status) == (ONLINE, Status.CONFIRMED)
    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED
    assert [email.to for email in mail.outbox] == [[waiting.delegate.email]]


def test_moving_to_a_full_room_waits_for_a_place_there(
    client, hybrid, django_capture_on_commit_callbacks
):
    delegate(hybrid, IN_PERSON)  # the room's one place
    moving = delegate(hybrid, ONLINE, language="fr")
    delegate(hybrid, ONLINE)
    waiting_online = delegate(hybrid, ONLINE, Status.WAITLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        page = ask(client, moving, IN_PERSON, language="fr").content.decode()

    assert "attente pour une place dans la salle" in page
    moving.refresh_from_db()
    assert (moving.mode, moving.status) == (IN_PERSON, Status.WAITLISTED)
    waiting_online.refresh_from_db()
    assert waiting_online.status == Status.SUBMITTED  # the place online it left
    subjects = sorted(email.subject for email in mail.outbox)
    assert len(subjects) == 2
    assert any("attente" in subject for subject in subjects)


def test_moving_to_a_free_place_in_the_room_waits_for_the_organizers_again(client, hybrid):
    moving = delegate(hybrid, ONLINE)

    page = ask(client, moving, IN_PERSON).content.decode()

    assert "You hold a place in the room." in page
    moving.refresh_from_db()
    assert (moving.mode, moving.status) == (IN_PERSON, Status.SUBMITTED)
    assert "How you take part</dt>\n    <dd>In person" in page


def test_a_delegate_waiting_for_the_room_takes_a_free_place_online(client, hybrid):
    delegate(hybrid, IN_PERSON)
    waiting = delegate(hybrid, IN_PERSON, Status.WAITLISTED)

    ask(client, waiting, ONLINE)

    waiting.refresh_from_db()
    assert (waiting.mode, waiting.status) == (ONLINE, Status.SUBMITTED)


def test_the_private_page_offers_the_other_way_only_while_there_is_a_choice(
    client, hybrid, settings
):
    registration = delegate(hybrid, ONLINE)
    page = client.get(f"/en/registrations/{registration.token}/").content.decode()
    assert "Ask to take part in person instead" in page

    hybrid.offers_in_person = False
    hybrid.save()
    page = client.get(f"/en/registrations/{registration.token}/").content.decode()
    assert "instead" not in page
    refused = client.get(f"/en/registrations/{registration.token}/mode/", follow=True)
    assert "can no longer be changed here" in refused.content.decode()


def test_nothing_changes_once_registration_is_closed(client, hybrid):
    registration = delegate(hybrid, ONLINE)
    hybrid.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    hybrid.save()

    page = ask(client, registration, IN_PERSON).content.decode()

    assert "can no longer be changed here" in page
    registration.refresh_from_db()
    assert registration.mode == ONLINE


@pytest.mark.parametrize("posted", [ONLINE, "somewhere", ""])
def test_a_way_that_cannot_be_chosen_is_refused_and_nothing_changes(client, hybrid, posted):
    registration = delegate(hybrid, ONLINE)
    page = client.post(f"/en/registrations/{registration.token}/mode/", {"mode": posted})
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()
    registration.refresh_from_db()
    assert (registration.mode, registration.status) == (ONLINE, Status.CONFIRMED)


def test_sending_the_form_twice_changes_it_once(client, hybrid):
    registration = delegate(hybrid, ONLINE)
    ask(client, registration, IN_PERSON)
    again = client.post(f"/en/registrations/{registration.token}/mode/", {"mode": IN_PERSON})
    assert again.status_code == 200
    registration.refresh_from_db()
    assert (registration.mode, registration.status) == (IN_PERSON, Status.SUBMITTED)
    assert registration.history.filter(mode=IN_PERSON).count() == 1


def test_another_token_reaches_nothing(client, hybrid):
    assert client.get("/en/registrations/not-a-token-at-all-000000/mode/").status_code == 404


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's (CI runs there)"
)
def test_concurrent_moves_to_the_room_fill_its_places_exactly(transactional_db, hybrid):
    hybrid.capacity, hybrid.online_capacity = 2, None
    hybrid.save()
    moving = [delegate(hybrid, ONLINE) for _n in range(8)]

    statuses = post_together(
        [(f"/en/registrations/{r.token}/mode/", {"mode": IN_PERSON}) for r in moving]
    )

    assert statuses == [302] * 8
    in_the_room = Registration.objects.filter(conference=hybrid, mode=IN_PERSON)
    assert in_the_room.count() == 8
    assert in_the_room.filter(status=Status.SUBMITTED).count() == 2
    assert in_the_room.filter(status=Status.WAITLISTED).count() == 6
