"""Knowing someone's e-mail address gives nothing: no access to, and no change of, their data.

The attack these tests replay: register with an address that belongs to someone else, take the
registration's private page, change its address to one's own, then ask for the lost link.
"""

import re

import pytest
from django.core import mail

from registrations import figures
from registrations.models import Delegate, Registration, Status
from tests.factories import ConferenceFactory, RegistrationFactory
from tests.registrations.conftest import answers

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]

VICTIM = "rania.victim@example.org"
ATTACKER = "mallory@example.org"


def private_path(email):
    return re.search(r"http://testserver(/\w\w/registrations/[\w-]+/)", email.body)[1]


def confirm_path(email):
    return re.search(r"http://testserver(/\w\w/registrations/[\w-]+/email/[^/\s]+/)", email.body)[1]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what is sent once the data is saved, as a live site does."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def victim(conference, jordan):
    """Rania registered for an earlier conference, with details only she entered."""
    return RegistrationFactory(
        conference=ConferenceFactory(slug="4msp", reference_prefix="4MSP"),
        organization=jordan,
        status=Status.CONFIRMED,
        delegate__email=VICTIM,
        honorific="ms",
        given_name="Rania",
        family_name="Al-Khatib",
        phone="+962 6 555 0101",
        job_title="National focal point",
        language="ar",
        gender="woman",
        is_survivor=True,
        has_disability=True,
    )


def counts(conference):
    return {
        table.key: [(str(label), count) for label, count in table.rows]
        for table in figures.tables(conference, "all")
    }


def details(registration):
    registration.refresh_from_db()
    return {
        field: getattr(registration, field)
        for field in (
            "honorific",
            "given_name",
            "family_name",
            "phone",
            "job_title",
            "language",
            "gender",
            "is_survivor",
            "has_disability",
            "token",
        )
    } | {"email": registration.delegate.email}


def test_the_attack_fails_at_every_step_and_the_victims_data_is_unchanged(
    client, on_commit, conference, jordan, victim
):
    before = details(victim)
    register = f"/en/conferences/{conference.slug}/register/"

    # 1. Register with the victim's address and other details.
    response = on_commit(
        client.post,
        register,
        answers(
            jordan,
            email=VICTIM.upper(),
            given_name="Mallory",
            family_name="Intruder",
            phone="+1 202 555 0199",
            job_title="Nobody",
            gender="",
            is_survivor="False",
        ),
    )
    assert details(victim) == before
    # The submitter is not taken to the new registration's private page: its link went to the
    # victim's address.
    assert response.status_code == 302
    assert "/registrations/" not in response["Location"]
    made = Registration.objects.get(conference=conference)
    assert made.delegate == victim.delegate
    assert client.get(response["Location"]).content.decode().count(made.token) == 0
    assert [email.to for email in mail.outbox] == [[VICTIM]]

    # 2. Without the link, nothing opens the new registration, nor changes its address.
    for path in ("", "change/", "email/", "cancel/"):
        assert client.get(f"/en/registrations/not-the-token/{path}").status_code == 404

    # 3. The lost link goes to the victim's address, never to the attacker.
    on_commit(
        client.post,
        f"/en/conferences/{conference.slug}/register/lost-link/",
        {"email": VICTIM},
    )
    assert all(email.to == [VICTIM] for email in mail.outbox)
    on_commit(
        client.post,
        f"/en/conferences/{conference.slug}/register/lost-link/",
        {"email": ATTACKER},
    )
    assert all(ATTACKER not in email.to for email in mail.outbox)
    assert details(victim) == before
    assert not Delegate.objects.filter(email=ATTACKER).exists()


def test_the_owner_of_the_address_is_told_and_can_cancel_from_the_email(
    client, on_commit, conference, jordan, victim
):
    on_commit(
        client.post, f"/en/conferences/{conference.slug}/register/", answers(jordan, email=VICTIM)
    )
    [email] = mail.outbox
    assert email.to == [VICTIM]
    made = Registration.objects.get(conference=conference)
    cancel = re.search(r"http://testserver(/\w\w/registrations/[\w-]+/cancel/)", email.body)[1]
    assert "If you did not register" in email.body
    on_commit(client.post, cancel)
    made.refresh_from_db()
    assert made.status == Status.CANCELLED


def test_a_later_registration_changes_nothing_an_earlier_one_holds(
    client, on_commit, conference, jordan, victim
):
    earlier = victim.conference
    badge_before = (victim.given_name, victim.family_name, victim.job_title)
    figures_before = counts(earlier)

    on_commit(
        client.post,
        f"/en/conferences/{conference.slug}/register/",
        answers(jordan, email=VICTIM, given_name="R.", job_title="Minister", gender="female"),
    )

    victim.refresh_from_db()
    assert (victim.given_name, victim.family_name, victim.job_title) == badge_before
    assert counts(earlier) == figures_before
    # Each conference counts the answers given for it.
    new = Registration.objects.get(conference=conference)
    assert (new.given_name, new.job_title, new.gender) == ("R.", "Minister", "female")


def test_changing_the_address_needs_the_new_address_to_confirm(
    client, on_commit, conference, jordan
):
    first = RegistrationFactory(conference=conference, delegate__email=VICTIM)
    other = RegistrationFactory(delegate=first.delegate)
    page = f"/en/registrations/{first.token}/"

    response = on_commit(client.post, page + "email/", {"email": ATTACKER})
    assert response.status_code == 302
    [confirmation] = mail.outbox
    assert confirmation.to == [ATTACKER]
    # Nothing moves before the new address confirms, and the e-mail gives no private page.
    first.refresh_from_db()
    assert first.delegate.email == VICTIM
    assert first.token not in confirmation.body.replace(confirm_path(confirmation), "")

    confirm = confirm_path(confirmation)
    assert "Use this address" in client.get(confirm).content.decode()
    first.refresh_from_db()
    assert first.delegate.email == VICTIM  # a GET changes nothing (mail scanners follow links)

    response = on_commit(client.post, confirm, follow=True)
    first.refresh_from_db()
    assert first.delegate.email == ATTACKER
    # Only this registration moved; the old link is dead and the old address is told.
    other.refresh_from_db()
    assert other.delegate.email == VICTIM
    assert client.get(page).status_code == 404
    told_old, new_link = mail.outbox[1:]
    assert told_old.to == [VICTIM]
    assert first.token not in told_old.body
    assert new_link.to == [ATTACKER]
    assert private_path(new_link) == f"/en/registrations/{first.token}/"
    # The confirmation link works once.
    assert client.post(confirm).status_code == 404


def test_a_confirmation_link_altered_or_for_another_registration_is_refused(
    client, on_commit, conference
):
    first = RegistrationFactory(conference=conference, delegate__email=VICTIM)
    second = RegistrationFactory(conference=conference)
    on_commit(client.post, f"/en/registrations/{first.token}/email/", {"email": ATTACKER})
    key = confirm_path(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]

    altered = f"/en/registrations/{first.token}/email/{key[:-2]}xx/"
    assert client.post(altered).status_code == 400
    elsewhere = f"/en/registrations/{second.token}/email/{key}/"
    assert client.post(elsewhere).status_code == 400
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.delegate.email == VICTIM
    assert second.delegate.email != ATTACKER


def test_an_address_cannot_take_a_second_registration_of_the_same_conference(
    client, on_commit, conference
):
    first = RegistrationFactory(conference=conference, delegate__email=VICTIM)
    RegistrationFactory(conference=conference, delegate__email=ATTACKER)
    on_commit(client.post, f"/en/registrations/{first.token}/email/", {"email": ATTACKER})
    response = on_commit(client.post, confirm_path(mail.outbox[0]))
    assert response.status_code == 409
    assert "already has a registration for this conference" in response.content.decode()
    first.refresh_from_db()
    assert first.delegate.email == VICTIM


def test_the_new_address_form_refuses_the_current_one_and_keeps_what_was_typed(client, conference):
    registration = RegistrationFactory(conference=conference, delegate__email=VICTIM)
    response = client.post(
        f"/en/registrations/{registration.token}/email/", {"email": VICTIM.upper()}
    )
    assert response.status_code == 200
    assert "already the address of your registration" in response.content.decode()
    response = client.post(f"/en/registrations/{registration.token}/email/", {"email": "x@"})
    assert 'value="x@"' in response.content.decode()
    assert mail.outbox == []
