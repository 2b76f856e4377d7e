"""Taking part in person or online: each way the conference offers has its own places and its
own waiting list; the form asks only where there is a choice."""

import uuid

import pytest
from django.db import IntegrityError, connection, transaction

from registrations import workflow
from registrations.models import Registration, Status
from tests.factories import RegistrationFactory
from va_conference.models import Participation

from .conftest import answers
from .test_concurrency import submit_together

pytestmark = pytest.mark.django_db

IN_PERSON, ONLINE = Participation.IN_PERSON, Participation.ONLINE


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0


@pytest.fixture
def hybrid(conference):
    """Both ways: two places in person, both taken, with Rania waiting for one; one place
    online, free."""
    conference.offers_online = True
    conference.capacity = 2
    conference.online_capacity = 1
    conference.save()
    RegistrationFactory(conference=conference, status=Status.CONFIRMED)
    RegistrationFactory(conference=conference, status=Status.SUBMITTED)
    RegistrationFactory(conference=conference, status=Status.WAITLISTED, given_name="Rania")
    return conference


def register(client, conference, organization, email, mode=None):
    data = answers(organization, email=email, submission_key=str(uuid.uuid4()))
    if mode is not None:
        data["mode"] = mode
    return client.post(f"/en/conferences/{conference.slug}/register/", data)


def registration_of(email):
    return Registration.objects.get(delegate__email=email)


def test_a_delegate_online_takes_an_online_place_while_the_room_is_full(client, hybrid, jordan):
    register(client, hybrid, jordan, "online@example.org", ONLINE)
    register(client, hybrid, jordan, "in.person@example.org", IN_PERSON)

    assert (
        registration_of("online@example.org").mode,
        registration_of("online@example.org").status,
    ) == (ONLINE, Status.SUBMITTED)
    assert registration_of("in.person@example.org").status == Status.WAITLISTED


def test_the_online_places_have_a_waiting_list_of_their_own(client, hybrid, jordan):
    register(client, hybrid, jordan, "first@example.org", ONLINE)
    register(client, hybrid, jordan, "second@example.org", ONLINE)

    assert registration_of("second@example.org").status == Status.WAITLISTED


def test_a_place_freed_online_goes_to_the_first_waiting_online(client, hybrid, jordan):
    register(client, hybrid, jordan, "first@example.org", ONLINE)
    register(client, hybrid, jordan, "second@example.org", ONLINE)

    workflow.cancel(registration_of("first@example.org"))

    assert registration_of("second@example.org").status == Status.SUBMITTED
    # Rania waits for a place in person, which nobody freed.
    assert Registration.objects.get(given_name="Rania").status == Status.WAITLISTED


def test_a_place_freed_in_person_goes_to_the_first_waiting_in_person(client, hybrid, jordan):
    register(client, hybrid, jordan, "first@example.org", ONLINE)
    register(client, hybrid, jordan, "second@example.org", ONLINE)

    workflow.cancel(hybrid.registrations.get(status=Status.CONFIRMED))

    assert Registration.objects.get(given_name="Rania").status == Status.SUBMITTED
    assert registration_of("second@example.org").status == Status.WAITLISTED


def test_without_online_capacity_the_online_places_have_no_limit(client, hybrid, jordan):
    hybrid.online_capacity = None
    hybrid.save()
    for number in range(3):
        register(client, hybrid, jordan, f"online{number}@example.org", ONLINE)

    online = Registration.objects.filter(mode=ONLINE)
    assert [each.status for each in online] == [Status.SUBMITTED] * 3


def test_an_organizer_cannot_confirm_beyond_the_places_of_the_mode(client, hybrid, jordan):
    register(client, hybrid, jordan, "first@example.org", ONLINE)
    register(client, hybrid, jordan, "second@example.org", ONLINE)

    with pytest.raises(workflow.NoPlaceLeft):
        workflow.change_status(registration_of("second@example.org"), Status.CONFIRMED)


def test_the_form_offers_both_ways_only_where_both_are_offered(client, conference, hybrid):
    form_path = f"/en/conferences/{conference.slug}/register/"
    page = client.get(form_path).content.decode()
    assert "How will you take part?" in page
    assert 'value="online"' in page

    conference.offers_online = False
    conference.save()
    assert "How will you take part?" not in client.get(form_path).content.decode()


def test_a_way_not_offered_is_refused_with_the_form_kept(client, conference, jordan):
    conference.offers_online = True
    conference.save()
    response = register(client, conference, jordan, "amina@example.org", "by_pigeon")

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert "amina@example.org" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_conference_online_only_registers_everyone_online(client, conference, jordan):
    conference.offers_in_person, conference.offers_online = False, True
    conference.save()

    register(client, conference, jordan, "amina@example.org", IN_PERSON)

    assert registration_of("amina@example.org").mode == ONLINE


def test_a_conference_offers_at_least_one_way(conference):
    conference.offers_in_person = conference.offers_online = False
    with pytest.raises(IntegrityError), transaction.atomic():
        conference.save()


def test_the_dashboard_shows_the_places_of_each_way(client, hybrid, jordan, organizer):
    register(client, hybrid, jordan, "first@example.org", ONLINE)
    client.force_login(organizer)

    page = client.get(f"/admin/conferences/{hybrid.slug}/").content.decode()

    assert "Places taken in person" in page and "2 of 2 (0 free)" in page
    assert "Places taken online" in page and "1 of 1 (0 free)" in page
    assert "Waiting to take part in person" in page


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's (CI runs there)"
)
def test_concurrent_submissions_fill_each_way_to_its_places(transactional_db, conference, jordan):
    conference.offers_online = True
    conference.capacity, conference.online_capacity = 4, 6
    conference.save()
    forms = [
        answers(
            jordan,
            email=f"delegate{n}@example.org",
            submission_key=str(uuid.uuid4()),
            mode=ONLINE if n % 2 else IN_PERSON,
        )
        for n in range(30)
    ]

    assert submit_together(conference, forms) == [302] * 30

    for mode, places in ((IN_PERSON, 4), (ONLINE, 6)):
        registrations = Registration.objects.filter(conference=conference, mode=mode)
        assert registrations.filter(status=Status.SUBMITTED).count() == places
        assert registrations.filter(status=Status.WAITLISTED).count() == 15 - places
