"""Organizers name focal points, send, renew and revoke their links, approve requests, record
credentials and read the documents delegations sent, in the admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from delegations.models import Credentials, Delegation, DelegationDocument, FocalPoint
from registrations.models import Delivery, EmailKind
from tests.delegations.focal_point_fixtures import *  # noqa: F403 - the fixtures
from tests.delegations.focal_point_fixtures import links_in, page_of, staff_with
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db

FOCAL_POINTS = reverse("admin:delegations_focalpoint_changelist")


@pytest.fixture
def organizer_client(client, delegations_organizer):
    client.force_login(delegations_organizer)
    return client


def act(client, action, objects):
    return client.post(
        FOCAL_POINTS,
        {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], "index": 0},
        follow=True,
    )


def name_focal_point(client, conference, organization, email, language="fr"):
    return client.post(
        reverse("admin:delegations_focalpoint_add"),
        {
            "conference": conference.pk,
            "organization": organization.pk,
            "name": "Leila Nasser",
            "email": email,
            "language": language,
            "job_title": "",
        },
        follow=True,
    )


def test_an_organizer_names_a_focal_point_who_gets_the_link_in_their_language(
    organizer_client, delegation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = name_focal_point(
            organizer_client, delegation.conference, delegation.organization, "leila@mfa.example.jo"
        )
    assert "leila@mfa.example.jo" in response.content.decode()
    focal_point = FocalPoint.objects.get()
    assert focal_point.delegation == delegation
    assert focal_point.is_active
    assert focal_point.link_sent_at is not None
    [email] = mail.outbox
    assert email.to == ["leila@mfa.example.jo"]
    assert "Jordanie" in email.subject  # in French, as chosen
    assert links_in() == [f"http://testserver/fr/delegations/{focal_point.token}/"]
    delivery = Delivery.objects.get()
    assert (delivery.kind, delivery.focal_point, delivery.registration) == (
        EmailKind.FOCAL_POINT_LINK,
        focal_point,
        None,
    )
    assert (delivery.state, delivery.language) == (Delivery.State.SENT, "fr")


def test_a_focal_point_named_before_anyone_registered_records_the_delegation(
    organizer_client, conference, norway, django_capture_on_commit_callbacks
):
    assert not Delegation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        name_focal_point(organizer_client, conference, norway, "focal@mfa.example.no", "en")
    focal_point = FocalPoint.objects.select_related("delegation").get()
    assert (focal_point.delegation.conference, focal_point.delegation.organization) == (
        conference,
        norway,
    )
    assert [email.to for email in mail.outbox] == [["focal@mfa.example.no"]]


def test_an_address_already_focal_point_of_the_delegation_is_refused_with_what_was_typed(
    organizer_client, focal_point, django_capture_on_commit_callbacks
):
    delegation = focal_point.delegation
    with django_capture_on_commit_callbacks(execute=True):
        response = name_focal_point(
            organizer_client, delegation.conference, delegation.organization, "FOCAL@mfa.example.jo"
        )
    page = response.content.decode()
    assert "This address is already a focal point of the delegation." in page
    assert 'value="FOCAL@mfa.example.jo"' in page
    assert FocalPoint.objects.count() == 1
    assert mail.outbox == []


def test_a_focal_point_needs_the_right_to_add_focal_points(
    client, django_user_model, conference, norway
):
    viewer = staff_with(django_user_model, "viewer", ["delegations.view_focalpoint"])
    client.force_login(viewer)
    response = name_focal_point(client, conference, norway, "focal@mfa.example.no")
    assert response.status_code == 403
    assert not FocalPoint.objects.exists() and not Delegation.objects.exists()


def test_a_renewed_link_replaces_the_old_one_which_opens_nothing(
    organizer_client, client, focal_point, django_capture_on_commit_callbacks
):
    old = page_of(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        act(organizer_client, "renew_link", [focal_point])
    focal_point.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(page_of(focal_point)).status_code == 200
    assert links_in() == [f"http://testserver{page_of(focal_point)}"]


def test_a_revoked_focal_point_s_link_opens_nothing_and_is_not_sent_again(
    organizer_client, client, focal_point, django_capture_on_commit_callbacks
):
    act(organizer_client, "revoke", [focal_point])
    focal_point.refresh_from_db()
    assert focal_point.state == FocalPoint.State.REVOKED
    assert client.get(page_of(focal_point)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = act(organizer_client, "send_link", [focal_point])
    assert "left as it was" in response.content.decode()
    assert mail.outbox == []


def test_approving_a_request_activates_the_focal_point_and_sends_the_link(
    organizer_client, delegation, delegations_organizer, django_capture_on_commit_callbacks
):
    requested = FocalPoint.objects.create(
        delegation=delegation,
        name="Omar Said",
        email="omar@mfa.example.jo",
        state=FocalPoint.State.REQUESTED,
        request_note="Our mission names Mr Said.",
    )
    assert organizer_client.get(page_of(requested)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        act(organizer_client, "approve", [requested])
    requested.refresh_from_db()
    assert requested.state == FocalPoint.State.ACTIVE
    assert requested.named_by == delegations_organizer
    assert [email.to for email in mail.outbox] == [["omar@mfa.example.jo"]]


def test_the_link_actions_need_the_change_permission(
    client, django_user_model, focal_point, django_capture_on_commit_callbacks
):
    viewer = staff_with(django_user_model, "viewer", ["delegations.view_focalpoint"])
    client.force_login(viewer)
    token = focal_point.token
    with django_capture_on_commit_callbacks(execute=True):
        for action in ("send_link", "renew_link", "revoke", "approve"):
            act(client, action, [focal_point])
    focal_point.refresh_from_db()
    assert (focal_point.token, focal_point.state) == (token, FocalPoint.State.ACTIVE)
    assert mail.outbox == []


def test_organizers_record_and_correct_credentials(organizer_client, delegation):
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    page = organizer_client.get(url)
    assert "States Parties" in page.content.decode()  # its category
    form = {
        "credentials": Credentials.ORIGINAL,
        "credentials_received_on": "2030-09-01",
        "credentials_signatory": "foreign_minister",
        "credentials_document": "",
        "notes": "",
    }
    for prefix in ("focal_points", "documents", "changes"):
        form.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = organizer_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    delegation.refresh_from_db()
    assert delegation.credentials == Credentials.ORIGINAL
    # Received credentials without a date are refused, by the form and the database.
    form.update(credentials_received_on="")
    assert organizer_client.post(url, form).status_code == 200
    assert Delegation.objects.get().credentials_received_on is not None


def test_the_delegations_list_shows_each_category(organizer_client, delegation, other_delegation):
    response = organizer_client.get(reverse("admin:delegations_delegation_changelist"))
    content = response.content.decode()
    assert "Jordan" in content and "Norway" in content and "States Parties" in content


@pytest.mark.shared_parts
def test_organizers_download_a_delegation_s_document_and_nobody_else_does(
    organizer_client, client, django_user_model, delegation
):
    document = DelegationDocument(
        delegation=delegation,
        kind=DelegationDocument.Kind.CREDENTIALS,
        file=ContentFile(pdf_bytes("Credentials of Jordan"), name="c.pdf"),
    )
    document.save()
    url = reverse("organizers:delegation_document", args=[delegation.conference.slug, document.pk])
    change_page = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    page = organizer_client.get(change_page)
    assert url in page.content.decode()
    response = organizer_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]

    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(staff_with(django_user_model, "someone", []))
    assert client.get(url).status_code == 403


def test_the_list_of_e_mails_shows_those_to_focal_points(
    organizer_client, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(organizer_client, "send_link", [focal_point])
    delivery = Delivery.objects.get()
    listing = organizer_client.get(reverse("admin:registrations_delivery_changelist"))
    assert focal_point.email in listing.content.decode()
    page = organizer_client.get(reverse("admin:registrations_delivery_change", args=[delivery.pk]))
    assert page.status_code == 200 and "Rania Haddad" in page.content.decode()
