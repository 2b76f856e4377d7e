"""A focal point asks for the floor, with the text of the statement for the interpreters: the
request is acknowledged by e-mail in their language, the text stays a draft until delivered,
then it is published unless the delegation asked otherwise."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from delegations.models import FocalPoint, delegation_of
from floor import speakers
from floor.models import FloorRequest, SpeakersList, Turn
from registrations.models import Delivery, EmailKind
from sessions.models import Statement
from tests.factories import SessionFactory, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_point(conference, organizations):
    return FocalPoint.objects.create(
        delegation=delegation_of(conference, organizations["norway"]),
        name="Kari Nordmann",
        email="focal@mfa.example.no",
        language="fr",
    )


def floor_page(focal_point):
    return f"/fr/delegations/{focal_point.token}/floor/"


def answers(speakers_list, **changes):
    return {
        "floor-speakers_list": speakers_list.pk,
        "floor-speaker": "H.E. Ms Ingrid Berg",
        "floor-rank": "minister",
        "floor-language": "en",
        "floor-publish_when_delivered": "on",
        "floor-text": SimpleUploadedFile(
            "statement.pdf", pdf_bytes("Norway on victim assistance"), "application/pdf"
        ),
        **changes,
    }


@pytest.mark.shared_parts
def test_the_focal_point_asks_with_a_text_and_is_told_in_french(
    client, focal_point, speakers_list, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(floor_page(focal_point), answers(speakers_list), follow=True)
    assert "Victim assistance" in response.content.decode()
    asked = FloorRequest.objects.select_related("statement").get()
    assert (asked.speaker, asked.rank, asked.language) == ("H.E. Ms Ingrid Berg", "minister", "en")
    assert asked.requested_by_focal_point == focal_point
    assert asked.statement.session == speakers_list.session
    assert asked.statement.organization == focal_point.delegation.organization
    assert not asked.statement.is_published
    [email] = mail.outbox
    assert email.to == ["focal@mfa.example.no"]
    assert "demande" in email.subject.lower() or "parole" in email.subject.lower()
    assert Delivery.objects.get().kind == EmailKind.FLOOR_REQUESTED


def test_a_request_without_a_text_is_taken_too(client, focal_point, speakers_list):
    client.post(floor_page(focal_point), answers(speakers_list, **{"floor-text": ""}))
    assert FloorRequest.objects.get().statement is None
    assert not Statement.objects.exists()


def test_a_text_that_is_not_a_document_is_refused_and_leaves_nothing(
    client, focal_point, speakers_list, local_disk
):
    bad = SimpleUploadedFile("statement.pdf", b"MZ\x90\x00 not a document", "application/pdf")
    response = client.post(floor_page(focal_point), answers(speakers_list, **{"floor-text": bad}))
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert 'value="H.E. Ms Ingrid Berg"' in page
    assert not FloorRequest.objects.exists() and not Statement.objects.exists()
    assert not any(path.is_file() for path in local_disk.rglob("*"))


@pytest.mark.shared_parts
def test_a_delegation_on_the_list_already_is_told_and_nothing_is_stored(
    client, focal_point, speakers_list, local_disk
):
    client.post(floor_page(focal_point), answers(speakers_list))
    response = client.post(
        floor_page(focal_point),
        answers(speakers_list, **{"floor-text": SimpleUploadedFile("other.pdf", pdf_bytes("B"))}),
    )
    assert "error-summary" in response.content.decode()
    assert FloorRequest.objects.count() == 1 and Statement.objects.count() == 1
    assert len([path for path in local_disk.rglob("*") if path.is_file()]) == 1


def test_lists_closed_or_past_their_time_are_not_offered(
    client, focal_point, speakers_list, conference
):
    speakers_list.requests_close_at = timezone.now() - datetime.timedelta(minutes=1)
    speakers_list.save()
    closed = type(speakers_list).objects.create(
        session=SessionFactory(conference=conference, slug="closed"), is_open=False
    )
    page = client.get(floor_page(focal_point)).content.decode()
    assert "No session takes requests for the floor now." in page or "Aucune séance" in page
    for shut in (speakers_list, closed):
        client.post(floor_page(focal_point), answers(shut))
    assert not FloorRequest.objects.exists()


def test_only_an_active_focal_points_link_opens_the_page(
    client, focal_point, speakers_list, organizations, conference
):
    assert client.get(floor_page(focal_point)).status_code == 200
    focal_point.state = FocalPoint.State.REVOKED
    focal_point.save()
    assert client.get(floor_page(focal_point)).status_code == 404
    assert client.post(floor_page(focal_point), answers(speakers_list)).status_code == 404
    assert client.get("/fr/delegations/not-a-token/floor/").status_code == 404
    assert not FloorRequest.objects.exists()


def test_a_focal_point_sees_only_its_own_delegations_requests(
    client, focal_point, speakers_list, organizations, conference
):
    from tests.floor.conftest import ask

    ask(speakers_list, organizations["laos"], speaker="Laos's secret speaker")
    page = client.get(floor_page(focal_point)).content.decode()
    assert "Laos&#x27;s secret speaker" not in page and "Laos's secret speaker" not in page


@pytest.mark.shared_parts
def test_the_text_is_published_once_spoken_and_appears_on_the_session_and_in_search(
    client, focal_point, speakers_list
):
    client.post(floor_page(focal_point), answers(speakers_list))
    asked = FloorRequest.objects.get()
    session_page = "/en/conferences/14msp/sessions/victim-assistance/"
    assert "Norway" not in client.get(session_page).content.decode()
    speakers.give_the_floor(asked)
    speakers.finish(asked, Turn.SPOKE)
    statement = Statement.objects.get()
    assert statement.is_published and statement.published_at is not None
    assert "Norway" in client.get(session_page).content.decode()
    search = client.get("/en/statements/", {"q": "victim assistance"}).content.decode()
    assert "Norway" in search


@pytest.mark.shared_parts
def test_the_session_page_records_who_took_the_floor_in_order(
    client, focal_point, speakers_list, organizations
):
    from tests.floor.conftest import ask

    client.post(floor_page(focal_point), answers(speakers_list))
    norway = FloorRequest.objects.get()
    laos = ask(speakers_list, organizations["laos"], speaker="Mr Phommachanh")
    hi = ask(speakers_list, organizations["hi"], speaker="Ms Withdrawn")
    session_page = "/en/conferences/14msp/sessions/victim-assistance/"
    assert "Who took the floor" not in client.get(session_page).content.decode()
    speakers.give_the_floor(norway)
    speakers.give_the_floor(laos)
    speakers.finish(laos, Turn.IN_WRITING)
    speakers.finish(hi, Turn.WITHDREW)
    page = client.get(session_page).content.decode()
    record = page[page.index("Who took the floor") :]
    assert record.index("H.E. Ms Ingrid Berg") < record.index("Mr Phommachanh")
    assert "delivered in writing only" in record and "Ms Withdrawn" not in record
    statement = Statement.objects.get()
    assert f"/statements/{statement.pk}/file/" in record


@pytest.mark.shared_parts
@pytest.mark.parametrize(
    "publish, turn, published",
    [
        (True, Turn.IN_WRITING, True),
        (False, Turn.SPOKE, False),
        (True, Turn.WITHDREW, False),
    ],
)
def test_what_is_published_depends_on_the_turn_and_the_delegations_wish(
    client, focal_point, speakers_list, publish, turn, published
):
    data = answers(speakers_list)
    if not publish:
        del data["floor-publish_when_delivered"]
    client.post(floor_page(focal_point), data)
    speakers.finish(FloorRequest.objects.get(), turn)
    assert Statement.objects.get().is_published is published


def test_the_page_costs_the_same_for_few_or_many_requests(
    client, focal_point, speakers_list, conference
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.post(floor_page(focal_point), answers(speakers_list, **{"floor-text": ""}))
    with CaptureQueriesContext(connection) as few:
        client.get(floor_page(focal_point))
    for number in range(10):
        other = SpeakersList.objects.create(
            session=SessionFactory(conference=conference, slug=f"session-{number}")
        )
        speakers.ask(other, FloorRequest(speaker="Ms Berg", language="en"), focal_point)
    with CaptureQueriesContext(connection) as many:
        page = client.get(floor_page(focal_point)).content.decode()
    assert page.count("Ms Berg") == 10
    assert len(few) == len(many)


@pytest.mark.shared_parts
def test_a_text_identical_to_another_delegations_confidential_text_says_nothing_of_it(
    client, focal_point, speakers_list, conference, organizations
):
    other = FocalPoint.objects.create(
        delegation=delegation_of(conference, organizations["laos"]),
        name="Khamla",
        email="focal@mfa.example.la",
    )
    client.post(floor_page(other), answers(speakers_list))
    response = client.post(floor_page(focal_point), answers(speakers_list))
    assert "already been uploaded" not in response.content.decode()
    assert response.status_code == 302
    assert FloorRequest.objects.count() == 2
