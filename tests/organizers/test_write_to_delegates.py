"""Organizers write to delegates from the conference's desk: those selected in the list, or all
of a kind, each in their language."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from registrations.models import Delivery, Message, Status
from tests.factories import ConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

TEXTS = {"subject_en": "Shuttle to the venue", "body_en": "A shuttle leaves at 8:00."}


@pytest.fixture
def delegates(conference):
    return {
        status: RegistrationFactory(conference=conference, status=status)
        for status in (Status.CONFIRMED, Status.SUBMITTED, Status.WAITLISTED, Status.CANCELLED)
    }


def write_url(conference):
    return reverse("organizers:write_to_delegates", args=[conference.slug])


def recipients():
    return {delivery.registration.status for delivery in Delivery.objects.all()}


def test_every_confirmed_delegate_is_written_to_from_the_dashboard(
    client, organizer, conference, delegates
):
    client.force_login(organizer)
    form = client.get(write_url(conference)).context["form"]
    assert [value for value, _label in form.fields["to"].choices] == ["confirmed", "under_way"]
    response = client.post(write_url(conference), {"to": "confirmed", **TEXTS}, follow=True)
    assert "The message is being sent to 1 delegate." in response.content.decode()
    assert recipients() == {Status.CONFIRMED}


def test_every_registration_under_way_leaves_out_the_cancelled(
    client, organizer, conference, delegates
):
    client.force_login(organizer)
    client.post(write_url(conference), {"to": "under_way", **TEXTS})
    assert recipients() == {Status.CONFIRMED, Status.SUBMITTED, Status.WAITLISTED}


def test_a_selection_in_the_list_is_written_to_and_then_forgotten(
    client, organizer, conference, delegates
):
    client.force_login(organizer)
    chosen = client.post(
        reverse("admin:registrations_registration_changelist"),
        {"action": "write_message", ACTION_CHECKBOX_NAME: [delegates[Status.SUBMITTED].pk]},
    )
    assert chosen["Location"] == write_url(conference)
    labels = dict(client.get(write_url(conference)).context["form"].fields["to"].choices)
    assert labels["selected"] == "The 1 registration selected"
    client.post(write_url(conference), {"to": "selected", **TEXTS})
    assert recipients() == {Status.SUBMITTED}
    form = client.get(write_url(conference)).context["form"]
    assert "selected" not in dict(form.fields["to"].choices)


def test_a_selection_of_another_conference_is_not_written_to_here(
    client, organizer, conference, delegates
):
    other = RegistrationFactory(conference=ConferenceFactory(), status=Status.CONFIRMED)
    client.force_login(organizer)
    client.post(
        reverse("admin:registrations_registration_changelist"),
        {"action": "write_message", ACTION_CHECKBOX_NAME: [other.pk]},
    )
    response = client.post(write_url(conference), {"to": "selected", **TEXTS})
    assert "to" in response.context["form"].errors
    assert not Message.objects.exists()


def test_a_message_without_its_english_text_is_refused_and_what_was_typed_kept(
    client, organizer, conference, delegates
):
    client.force_login(organizer)
    response = client.post(
        write_url(conference), {"to": "confirmed", "subject_fr": "Navette", "body_fr": "Départ"}
    )
    assert response.status_code == 200
    assert "subject_en" in response.context["form"].errors
    assert 'value="Navette"' in response.content.decode()
    assert not Message.objects.exists()


def test_a_statement_editor_writes_to_nobody(client, statement_editor, conference, delegates):
    client.force_login(statement_editor)
    assert client.get(write_url(conference)).status_code == 403
    assert client.post(write_url(conference), {"to": "confirmed", **TEXTS}).status_code == 403
    assert not Message.objects.exists()
