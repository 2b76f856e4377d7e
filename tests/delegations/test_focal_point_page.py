"""A focal point's page: their delegation, what is missing, and what they may do there. Their
link reaches only their own delegation: another's members, documents and actions are not found,
and nothing of theirs changes."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.models import (
    Change,
    Credentials,
    DelegationChange,
    DelegationDocument,
    FocalPoint,
    delegation_of,
)
from registrations.models import Registration, Role, Status
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.delegations.focal_point_fixtures import page_of
from tests.factories import RegistrationFactory, StateFactory, odt_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def member(delegation, **fields):
    return RegistrationFactory(
        conference=delegation.conference, organization=delegation.organization, **fields
    )


def upload(client, focal_point, content, name="credentials.pdf", kind="credentials"):
    return client.post(
        page_of(focal_point) + "documents/",
        {"document-kind": kind, "document-file": SimpleUploadedFile(name, content)},
    )


def test_the_page_shows_the_members_and_what_is_missing_and_is_never_cached(client, focal_point):
    member(
        focal_point.delegation,
        given_name="Omar",
        family_name="Haddad",
        role=Role.ADVISER,
        status=Status.INVITED,
    )
    response = client.get(page_of(focal_point, "fr"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Omar" in content and "Jordanie" in content
    assert '<html lang="fr"' in content
    english = client.get(page_of(focal_point)).content.decode()
    assert "No head of delegation." in english
    assert "Omar Haddad have not accepted their invitation yet." in english
    assert "No credentials received yet." in english


def test_an_unknown_revoked_or_requested_link_opens_nothing(client, focal_point, delegation):
    assert client.get("/en/delegations/not-a-token/").status_code == 404
    requested = FocalPoint.objects.create(
        delegation=delegation, name="X", email="x@example.org", state=FocalPoint.State.REQUESTED
    )
    assert client.get(page_of(requested)).status_code == 404
    focal_point.state = FocalPoint.State.REVOKED
    focal_point.save()
    assert client.get(page_of(focal_point)).status_code == 404
    assert client.post(page_of(focal_point) + "members/list/", {}).status_code == 404


@pytest.mark.shared_parts
def test_a_link_reaches_only_its_own_delegation(client, focal_point, other_delegation):
    stranger = member(other_delegation, given_name="Kari", status=Status.SUBMITTED)
    document = DelegationDocument(
        delegation=other_delegation,
        kind=DelegationDocument.Kind.NOTE_VERBALE,
        file=ContentFile(pdf_bytes("Note of Norway"), name="n.pdf"),
    )
    document.save()
    page = page_of(focal_point)
    assert "Kari" not in client.get(page).content.decode()
    for action, data in [
        ("withdraw", {}),
        ("role", {"role": "head"}),
        ("endorse", {"decision": "refuse"}),
    ]:
        assert client.post(f"{page}members/{stranger.pk}/{action}/", data).status_code == 404
    assert client.get(f"{page}documents/{document.pk}/").status_code == 404
    stranger.refresh_from_db()
    assert (stranger.status, stranger.role) == (Status.SUBMITTED, Role.DELEGATE)
    assert DelegationChange.objects.count() == 0


def test_the_page_takes_the_same_queries_for_few_or_many_delegations_and_members(
    client, conference, focal_point
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page_of(focal_point)).status_code == 200
        return len(captured)

    member(focal_point.delegation)
    few = queries()
    for country in ["NO", "LA", "AF", "IQ", "AL"]:
        other = delegation_of(conference, StateFactory(country=country))
        FocalPoint.objects.create(delegation=other, name="F", email=f"f@{country}.example")
        member(other)
    for _number in range(10):
        member(focal_point.delegation)
    assert queries() == few <= 8


@pytest.mark.shared_parts
def test_the_focal_point_uploads_credentials_as_a_pdf_and_downloads_them(client, focal_point):
    response = upload(client, focal_point, pdf_bytes("Credentials of Jordan"))
    assert response.status_code == 302
    document = DelegationDocument.objects.get()
    assert (document.kind, document.uploaded_by_focal_point) == ("credentials", focal_point)
    download = client.get(page_of(focal_point) + f"documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "no-store" in download["Cache-Control"]


@pytest.mark.parametrize(
    "content, name, reason",
    [
        (odt_bytes("Credentials"), "credentials.pdf", "Send the document as a PDF."),
        (b"not a document", "credentials.pdf", "is not a PDF, DOCX or ODT"),
        (b"", "credentials.pdf", "file is empty"),
    ],
)
def test_a_refused_upload_leaves_no_file_behind(
    client, focal_point, local_disk, content, name, reason
):
    response = upload(client, focal_point, content, name=name)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert DelegationDocument.objects.count() == 0
    folder = local_disk / "delegations"
    assert not folder.exists() or not any(folder.iterdir())


def test_the_focal_point_withdraws_a_member_and_changes_roles(client, focal_point):
    delegation = focal_point.delegation
    head = member(delegation, role=Role.HEAD)
    adviser = member(delegation, role=Role.ADVISER)
    page = page_of(focal_point)

    response = client.post(f"{page}members/{adviser.pk}/role/", {"role": "head"}, follow=True)
    assert "already has a head" in response.content.decode()
    adviser.refresh_from_db()
    assert adviser.role == Role.ADVISER

    client.post(f"{page}members/{head.pk}/withdraw/")
    head.refresh_from_db()
    assert head.status == Status.CANCELLED
    client.post(f"{page}members/{adviser.pk}/role/", {"role": "head"})
    adviser.refresh_from_db()
    assert adviser.role == Role.HEAD
    changes = DelegationChange.objects.order_by("pk")
    assert [(c.kind, c.registration, c.made_by_focal_point) for c in changes] == [
        (Change.WITHDRAWN, head, focal_point),
        (Change.NEW_HEAD, adviser, focal_point),
    ]


def test_credentials_recorded_by_the_organizers_show_on_the_page(client, focal_point):
    delegation = focal_point.delegation
    delegation.credentials = Credentials.COPY
    delegation.credentials_received_on = "2030-09-01"
    delegation.credentials_signatory = "head"
    delegation.save()
    content = client.get(page_of(focal_point)).content.decode()
    assert "Copy received" in content
    assert "No credentials received yet." not in content
    assert Registration.objects.count() == 0
