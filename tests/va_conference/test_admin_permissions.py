"""Staff who may only view see no action that changes data, and a forged request changes
nothing: every admin action and every admin tool that writes asks for the right permission."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from registrations.models import Attendance, Delivery, Message, Registration, Status
from tests.factories import ConferenceFactory, OrganizationFactory, RegistrationFactory
from va_conference.models import Organization

pytestmark = pytest.mark.django_db

OUR_APPS = ("va_conference", "programme", "registrations")

# The actions that change data, per changelist.
CHANGING_ACTIONS = {
    "/admin/registrations/registration/": ["confirm", "wait_list", "decline", "write_message"],
    "/admin/registrations/message/": ["send_failed_again"],
    "/admin/va_conference/organization/": ["mark_verified", "merge"],
    "/admin/programme/statement/": ["publish", "unpublish"],
}


@pytest.fixture
def viewer(django_user_model):
    """A staff member who may view everything of ours and change nothing."""
    user = django_user_model.objects.create_user(username="viewer", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=OUR_APPS, codename__startswith="view_"
        )
    )
    return user


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def conference_today():
    today = timezone.localdate()
    return ConferenceFactory(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )


def offered_actions(client, changelist):
    page = client.get(changelist)
    assert page.status_code == 200, changelist
    action_form = page.context["action_form"]  # None when no action is offered at all
    if action_form is None:
        return set()
    return {value for value, _label in action_form.fields["action"].choices if value}


def test_staff_who_may_only_view_are_offered_no_action_that_changes_data(viewer_client):
    RegistrationFactory()
    for changelist, actions in CHANGING_ACTIONS.items():
        offered = offered_actions(viewer_client, changelist)
        assert not offered & {*actions, "delete_selected"}, changelist


def test_an_organizer_is_offered_every_action_of_their_lists(client, organizer):
    client.force_login(organizer)
    for changelist, actions in CHANGING_ACTIONS.items():
        if changelist == "/admin/programme/statement/":
            continue  # publishing is the statement editors' work
        assert set(actions) <= offered_actions(client, changelist), changelist


def post_action(client, changelist, action, pks, **data):
    return client.post(
        changelist, {"action": action, ACTION_CHECKBOX_NAME: pks, "index": 0, **data}
    )


def test_forged_registration_actions_from_a_viewer_change_no_registration(viewer_client):
    registrations = [RegistrationFactory(status=Status.SUBMITTED) for _ in range(2)]
    pks = [r.pk for r in registrations]
    for action in ("confirm", "wait_list", "decline"):
        post_action(viewer_client, "/admin/registrations/registration/", action, pks)
    post_action(
        viewer_client,
        "/admin/registrations/registration/",
        "write_message",
        pks,
        write="1",
        subject_en="Forged",
        body_en="Forged",
    )
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.SUBMITTED}
    assert not Message.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_forged_send_again_from_a_viewer_queues_no_e_mail(viewer_client):
    registration = RegistrationFactory(status=Status.CONFIRMED)
    message = Message.objects.create(
        conference=registration.conference, subject_en="Shuttle", body_en="At 8:00."
    )
    Delivery.objects.create(message=message, registration=registration, state="failed")
    post_action(viewer_client, "/admin/registrations/message/", "send_failed_again", [message.pk])
    assert not DBTaskResult.objects.exists()
    assert Delivery.objects.get().state == "failed"


def test_forged_organization_actions_from_a_viewer_neither_verify_nor_merge(viewer_client):
    kept, duplicate = (OrganizationFactory(is_verified=False) for _ in range(2))
    registration = RegistrationFactory(organization=duplicate)
    pks = [kept.pk, duplicate.pk]
    post_action(viewer_client, "/admin/va_conference/organization/", "mark_verified", pks)
    post_action(viewer_client, "/admin/va_conference/organization/", "merge", pks, keep=kept.pk)
    assert Organization.objects.filter(pk__in=pks, is_verified=False).count() == 2
    registration.refresh_from_db()
    assert registration.organization == duplicate


def test_merging_needs_the_right_to_delete_organizations_too(client, django_user_model):
    changer = django_user_model.objects.create_user(username="changer", is_staff=True)
    changer.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="va_conference",
            codename__in=["view_organization", "change_organization"],
        )
    )
    client.force_login(changer)
    kept, duplicate = OrganizationFactory(), OrganizationFactory()
    assert "merge" not in offered_actions(client, "/admin/va_conference/organization/")
    post_action(
        client,
        "/admin/va_conference/organization/",
        "merge",
        [kept.pk, duplicate.pk],
        keep=kept.pk,
    )
    assert Organization.objects.filter(pk=duplicate.pk).exists()


def test_a_viewer_cannot_check_a_delegate_in(viewer_client, conference_today):
    registration = RegistrationFactory(conference=conference_today, status=Status.CONFIRMED)
    response = viewer_client.post(
        reverse("organizers:check_in", args=[conference_today.slug]),
        {"registration": registration.pk},
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_a_viewer_cannot_upload_statements(viewer_client):
    chooser = reverse("organizers:choose") + "?tool=upload_statements"
    assert viewer_client.get(chooser).status_code == 403
    assert viewer_client.get(reverse("admin:programme_statement_add")).status_code == 403
