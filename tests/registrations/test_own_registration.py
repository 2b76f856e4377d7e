"""A delegate's own registration, reached by its private link: see, change, cancel, find again."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import Registration, Status
from tests.factories import OrganizationFactory, RegistrationFactory
from tests.registrations.conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(conference, jordan):
    return RegistrationFactory(
        conference=conference,
        organization=jordan,
        given_name="Amina",
        family_name="Haddad",
        delegate__email="amina.haddad@example.org",
        job_title="Adviser",
        language="fr",
    )


def page_of(registration, action="", language="en"):
    return f"/{language}/registrations/{registration.token}/{action}"


def test_the_private_link_shows_every_detail_and_the_status(client, registration):
    response = client.get(page_of(registration))
    page = response.content.decode()
    assert response.status_code == 200
    assert registration.reference in page
    assert "Haddad" in page
    assert "Adviser" in page
    assert "Submitted" in page
    assert 'content="noindex"' in page
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("tampered", ["x", "0" * 43, "{token}x", "{token_upper}"])
def test_a_tampered_token_finds_nothing(client, registration, tampered):
    token = tampered.format(token=registration.token, token_upper=registration.token.swapcase())
    assert client.get(f"/en/registrations/{token}/").status_code == 404
    assert client.post(f"/en/registrations/{token}/cancel/").status_code == 404


@pytest.mark.shared_parts
def test_the_delegate_changes_their_job_title(client, registration, jordan):
    form = client.get(page_of(registration, "change/")).content.decode()
    assert 'value="Adviser"' in form

    response = client.post(
        page_of(registration, "change/"),
        answers(jordan, job_title="Minister", privacy_accepted=None),
        follow=True,
    )
    assert "Your changes are saved." in response.content.decode()
    registration.refresh_from_db()
    assert registration.job_title == "Minister"
    # Every change is kept, with who made it and when.
    assert registration.history.count() == 2


def test_the_change_form_names_only_fields_it_has(client, registration, settings):
    # Crispy forms raises, rather than logs, a layout naming a missing field.
    settings.CRISPY_FAIL_SILENTLY = False
    response = client.get(page_of(registration, "change/"))
    assert response.status_code == 200
    assert 'name="submission_key"' not in response.content.decode()


@pytest.mark.shared_parts
def test_a_change_is_validated_like_the_registration(client, registration, jordan):
    response = client.post(
        page_of(registration, "change/"), answers(jordan, given_name="", job_title="Minister")
    )
    assert response.status_code == 200
    assert "given_name" in response.context["form"].errors
    assert 'value="Minister"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.job_title == "Adviser"


@pytest.mark.shared_parts
def test_the_change_form_does_not_change_the_email_address(client, registration, jordan):
    form = client.get(page_of(registration, "change/")).content.decode()
    assert 'name="email"' not in form
    client.post(page_of(registration, "change/"), answers(jordan, email="other@example.org"))
    registration.refresh_from_db()
    assert registration.delegate.email == "amina.haddad@example.org"


def test_cancelling_asks_for_confirmation_first(
    client, registration, django_capture_on_commit_callbacks
):
    confirmation = client.get(page_of(registration, "cancel/"))
    assert "Yes, cancel my registration" in confirmation.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_of(registration, "cancel/"), follow=True)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert "Your registration is cancelled." in response.content.decode()
    [email] = mail.outbox
    assert "annulée" in email.subject  # in the delegate's language
    # A cancelled registration can be neither changed nor cancelled again.
    page = response.content.decode()
    assert "Change my registration" not in page
    assert client.get(page_of(registration, "change/")).status_code == 302


def test_after_registration_closes_the_page_is_read_only(client, registration, jordan):
    conference = registration.conference
    conference.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    conference.registration_opens_at = timezone.now() - datetime.timedelta(days=10)
    conference.save()

    page = client.get(page_of(registration)).content.decode()
    assert "Change my registration" not in page
    assert "can no longer be changed online" in page
    response = client.post(page_of(registration, "change/"), answers(jordan, job_title="Minister"))
    assert response.status_code == 302
    response = client.post(page_of(registration, "cancel/"))
    registration.refresh_from_db()
    assert registration.job_title == "Adviser"
    assert registration.status == Status.SUBMITTED


@pytest.mark.shared_parts
def test_lost_link_answers_the_same_whether_or_not_the_address_is_registered(
    client, registration, django_capture_on_commit_callbacks
):
    url = f"/en/conferences/{registration.conference.slug}/register/lost-link/"
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "AMINA.haddad@example.org"})
        unknown = client.post(url, {"email": "nobody@example.org"})

    def main(response):
        page = response.content.decode()
        return page[page.index("<main") : page.index("</main>")]

    assert main(known) == main(unknown)
    assert "If this address is registered" in main(known)
    [email] = mail.outbox
    assert email.to == ["amina.haddad@example.org"]
    assert registration.token in email.body
    assert registration.token not in known.content.decode()


@pytest.mark.shared_parts
def test_lost_link_checks_the_address(client, registration):
    url = f"/en/conferences/{registration.conference.slug}/register/lost-link/"
    response = client.post(url, {"email": "not an address"})
    assert "email" in response.context["form"].errors
    assert mail.outbox == []


def test_a_registration_keeps_its_history(client, registration):
    registration.status = Status.CONFIRMED
    registration.save()
    assert [record.status for record in registration.history.order_by("history_date")] == [
        Status.SUBMITTED,
        Status.CONFIRMED,
    ]
    assert Registration.history.count() == 2


@pytest.mark.shared_parts
def test_a_delegate_whose_proposed_organization_awaits_review_can_still_change(
    client, registration, jordan
):
    proposed = OrganizationFactory(name_en="Survivors of Zarqa", is_verified=False)
    registration.organization = proposed
    registration.save()
    form = client.get(page_of(registration, "change/")).content.decode()
    assert "Survivors of Zarqa" in form
    response = client.post(
        page_of(registration, "change/"),
        answers(proposed, job_title="Coordinator", email="amina.haddad@example.org"),
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.organization == proposed


@pytest.mark.shared_parts
def test_once_checked_in_the_name_is_shown_but_not_changed(client, registration, jordan):
    registration.status = Status.CONFIRMED
    registration.save()
    registration.check_in(None)
    page = client.get(page_of(registration, "change/")).content.decode()
    assert "Your name is settled as checked in" in page

    response = client.post(
        page_of(registration, "change/"),
        answers(jordan, given_name="Someone", job_title="Minister", privacy_accepted=None),
    )
    assert "Your name is settled as checked in" in response.content.decode()
    # Without the name (a browser sends no disabled field) the rest is saved.
    posted = answers(jordan, job_title="Minister", privacy_accepted=None)
    for name in ("honorific", "given_name", "family_name", "organization", "role"):
        posted.pop(name, None)
    assert client.post(page_of(registration, "change/"), posted).status_code == 302
    registration.refresh_from_db()
    assert (registration.given_name, registration.job_title) == ("Amina", "Minister")
