"""Someone asks, on the conference's site, to be their organization's focal point: the request
waits for an organizer, nothing is sent before, and the answer never says what was there."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from delegations.models import Delegation, FocalPoint
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.delegations.focal_point_fixtures import page_of
from tests.factories import ConferenceFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def ask_page(conference, language="en"):
    return f"/{language}/conferences/{conference.slug}/delegations/focal-point/"


def answers(acting_for, **changes):
    return {
        "organization": acting_for.pk,
        "name": "Omar Said",
        "email": "omar@mfa.example.jo",
        "job_title": "First Secretary",
        "request_note": "Named by note verbale 12/2030 of the Permanent Mission, 3 March.",
        "website": "",
        **changes,
    }


@pytest.mark.shared_parts
def test_a_request_waits_for_an_organizer_and_sends_nothing(
    client, conference, jordan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_page(conference, "fr"), answers(jordan), follow=True)
    assert response.redirect_chain[-1][0].endswith("/delegations/focal-point/asked/")
    assert "Votre demande est envoyée" in response.content.decode()
    asked = FocalPoint.objects.select_related("delegation").get()
    assert asked.state == FocalPoint.State.REQUESTED
    assert (asked.delegation.conference, asked.delegation.organization) == (conference, jordan)
    assert (asked.name, asked.email, asked.language) == ("Omar Said", "omar@mfa.example.jo", "fr")
    assert asked.request_note.startswith("Named by note verbale")
    assert mail.outbox == []
    # The link the request holds opens nothing before an organizer approves it.
    assert client.get(page_of(asked)).status_code == 404


@pytest.mark.shared_parts
def test_the_same_request_sent_twice_is_recorded_once(client, conference, jordan):
    first = client.post(ask_page(conference), answers(jordan))
    second = client.post(ask_page(conference), answers(jordan, email="OMAR@mfa.example.jo"))
    assert first["Location"] == second["Location"]
    assert FocalPoint.objects.count() == 1


@pytest.mark.shared_parts
def test_an_address_already_focal_point_gets_the_same_answer_and_changes_nothing(
    client, focal_point
):
    delegation = focal_point.delegation
    response = client.post(
        ask_page(delegation.conference),
        answers(delegation.organization, email=focal_point.email, name="Someone Else"),
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/delegations/focal-point/asked/")
    assert FocalPoint.objects.get() == focal_point
    focal_point.refresh_from_db()
    assert (focal_point.name, focal_point.state) == ("Rania Haddad", FocalPoint.State.ACTIVE)


@pytest.mark.shared_parts
def test_a_request_without_how_the_organization_names_you_keeps_what_was_typed(
    client, conference, jordan
):
    response = client.post(ask_page(conference), answers(jordan, request_note=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert 'href="#id_request_note"' in page
    assert 'value="omar@mfa.example.jo"' in page and "First Secretary" in page
    assert not FocalPoint.objects.exists() and not Delegation.objects.exists()


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "changes",
    [
        {"website": "http://spam.example"},
        {"email": "not-an-address"},
        {"organization": "999999"},
        {"organization": "x"},
        {"request_note": "x" * 2001},
    ],
)
def test_bad_answers_record_nothing(client, conference, jordan, changes):
    response = client.post(ask_page(conference), answers(jordan, **changes))
    assert response.status_code == 200
    assert "There is a problem with your answers" in response.content.decode()
    assert not FocalPoint.objects.exists()


@pytest.mark.shared_parts
def test_an_organization_nobody_verified_cannot_be_asked_for(client, conference):
    proposed = OrganizationFactory(is_verified=False, name_en="Unverified Network")
    page = client.get(ask_page(conference)).content.decode()
    assert "Unverified Network" not in page
    client.post(ask_page(conference), answers(proposed))
    assert not FocalPoint.objects.exists()


def test_the_form_lists_the_organizations_in_the_pages_language(client, conference, jordan):
    page = client.get(ask_page(conference, "ar")).content.decode()
    assert 'dir="rtl"' in page
    assert "الأردن" in page


def test_requests_wait_for_registration_to_open_and_stop_when_it_closes(client, db, jordan):
    now = timezone.now()
    for opens, closes in ((1, 10), (-10, -1)):
        conference = ConferenceFactory(
            registration_opens_at=now + datetime.timedelta(days=opens),
            registration_closes_at=now + datetime.timedelta(days=closes),
            start_date=now.date() + datetime.timedelta(days=20),
            end_date=now.date() + datetime.timedelta(days=21),
        )
        assert "form" not in client.get(ask_page(conference)).context
        client.post(ask_page(conference), answers(jordan))
    assert not FocalPoint.objects.exists()


def test_an_unpublished_conference_takes_no_request(client, conference, jordan):
    conference.is_published = False
    conference.save()
    assert client.get(ask_page(conference)).status_code == 404
    assert client.post(ask_page(conference), answers(jordan)).status_code == 404


@pytest.mark.shared_parts
def test_too_many_requests_from_one_address_are_answered_429(client, settings, conference, jordan):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for number in range(2):
        client.post(ask_page(conference), answers(jordan, email=f"a{number}@example.org"))
    response = client.post(ask_page(conference), answers(jordan, email="late@example.org"))
    assert response.status_code == 429
    assert FocalPoint.objects.count() == 2


def test_the_pages_are_never_kept_in_a_cache(client, conference, jordan):
    for response in (
        client.get(ask_page(conference)),
        client.get(f"/en/conferences/{conference.slug}/delegations/focal-point/asked/"),
    ):
        assert "no-store" in response["Cache-Control"]


def test_the_overview_and_the_registration_form_lead_to_it(client, conference):
    for path in (
        f"/en/conferences/{conference.slug}/",
        f"/en/conferences/{conference.slug}/register/",
    ):
        assert ask_page(conference) in client.get(path).content.decode()
