"""A confirmed head of delegation asks for the floor from their registration's private page, as
the focal point does from theirs; nobody else reaches that page by a registration's link."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from floor.models import FloorRequest
from registrations.models import Delivery, EmailKind, Role, Status
from tests.factories import RegistrationFactory, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(conference, organizations):
    return RegistrationFactory(
        conference=conference,
        organization=organizations["laos"],
        role=Role.HEAD,
        status=Status.CONFIRMED,
        language="es",
        delegate__email="head@mfa.example.la",
    )


def floor_page(registration, language="es"):
    return f"/{language}/registrations/{registration.token}/floor/"


def answers(speakers_list, **changes):
    return {
        "floor-speakers_list": speakers_list.pk,
        "floor-speaker": "H.E. Mr Phommachanh",
        "floor-rank": "minister",
        "floor-language": "fr",
        "floor-publish_when_delivered": "on",
        "floor-text": SimpleUploadedFile("laos.pdf", pdf_bytes("Lao PDR statement")),
        **changes,
    }


@pytest.mark.shared_parts
def test_a_confirmed_head_asks_and_is_told_in_their_language(
    client, head, speakers_list, django_capture_on_commit_callbacks
):
    detail = client.get(f"/es/registrations/{head.token}/").content.decode()
    assert floor_page(head) in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(floor_page(head), answers(speakers_list))
    assert response.status_code == 302 and response["Location"] == floor_page(head)
    asked = FloorRequest.objects.select_related("statement").get()
    assert (asked.delegation, asked.requested_by_head) == (head.delegation, head)
    assert asked.requested_by_focal_point is None
    assert asked.statement.sent_ahead and not asked.statement.is_published
    [email] = mail.outbox
    assert email.to == ["head@mfa.example.la"]
    assert "palabra" in email.subject
    delivery = Delivery.objects.get()
    assert (delivery.kind, delivery.registration) == (EmailKind.HEAD_FLOOR_REQUESTED, head)


@pytest.mark.parametrize(
    "role, status",
    [
        (Role.DELEGATE, Status.CONFIRMED),
        (Role.HEAD, Status.SUBMITTED),
        (Role.HEAD, Status.WAITLISTED),
        (Role.HEAD, Status.CANCELLED),
    ],
)
def test_only_a_confirmed_head_reaches_the_page(client, head, speakers_list, role, status):
    head.role, head.status = role, status
    head.save()
    assert floor_page(head) not in client.get(f"/es/registrations/{head.token}/").content.decode()
    assert client.get(floor_page(head)).status_code == 404
    assert client.post(floor_page(head), answers(speakers_list)).status_code == 404
    assert client.get("/es/registrations/not-a-token/floor/").status_code == 404
    assert not FloorRequest.objects.exists()


def test_a_delegation_on_the_list_through_its_focal_point_is_not_added_twice(
    client, head, speakers_list, organizations
):
    from .conftest import ask

    ask(speakers_list, organizations["laos"], speaker="Named by the focal point")
    response = client.post(floor_page(head, "en"), answers(speakers_list))
    assert "Your delegation is already on this list." in response.content.decode()
    assert FloorRequest.objects.count() == 1
