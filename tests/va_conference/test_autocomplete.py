"""The admin's autocomplete answers only the fields an admin offers, and never names people to
staff who may not see them."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from sessions.models import Statement
from tests.factories import RegistrationFactory, StatementFactory

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = reverse("admin:autocomplete")


@pytest.fixture
def people(django_user_model):
    """A staff account and a delegate, with names no answer may contain."""
    django_user_model.objects.create_superuser(
        username="ministry-admin-7731",
        email="ministry-admin@secret.example",
        first_name="Zeynep",
        last_name="Kaya-Secret",
        password="not-used",
    )
    registration = RegistrationFactory(
        given_name="Amina",
        family_name="Haddad-Secret",
        delegate__email="amina@secret.example",
    )
    return [
        "ministry-admin",
        "Kaya-Secret",
        "Haddad-Secret",
        "secret.example",
        registration.reference,
        *Group.objects.values_list("name", flat=True),
    ]


def every_relation():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation:
                yield model._meta, field


def search(client, opts, field_name, term=""):
    return client.get(
        AUTOCOMPLETE,
        {
            "app_label": opts.app_label,
            "model_name": opts.model_name,
            "field_name": field_name,
            "term": term,
        },
    )


def test_a_statement_editor_finds_no_one_through_any_field_of_any_model(
    client, statement_editor, people
):
    client.force_login(statement_editor)
    probed = 0
    for opts, field in every_relation():
        response = search(client, opts, field.name)
        probed += 1
        if response.status_code == 403:
            continue
        assert response.status_code in (200, 404), (opts.label, field.name)
        answer = response.content.decode()
        for name in people:
            assert name not in answer, (opts.label, field.name, name)
    assert probed > 50


def test_the_uploader_of_a_statement_is_not_a_way_to_list_staff(client, statement_editor, people):
    client.force_login(statement_editor)
    for field_name in ("uploaded_by", "replaced_by"):
        assert search(client, Statement._meta, field_name, "ministry").status_code == 403, (
            field_name
        )


def test_fields_pointing_at_people_refuse_a_statement_editor(client, statement_editor, people):
    client.force_login(statement_editor)
    personal = {"auth.user", "auth.group", "registrations.delegate", "registrations.registration"}
    pointing_at_people = [
        (opts, field)
        for opts, field in every_relation()
        if field.related_model and field.related_model._meta.label_lower in personal
    ]
    assert len(pointing_at_people) > 10
    for opts, field in pointing_at_people:
        assert search(client, opts, field.name).status_code == 403, (opts.label, field.name)


@pytest.mark.shared_parts
def test_a_statement_editor_still_picks_the_session_and_the_organization_of_a_statement(
    client, statement_editor
):
    statement = StatementFactory()
    client.force_login(statement_editor)
    for field_name, choice in (
        ("session", statement.session),
        ("organization", statement.organization),
    ):
        response = search(client, statement._meta, field_name)
        assert response.status_code == 200, field_name
        assert {"id": str(choice.pk), "text": str(choice)} in response.json()["results"]


def test_every_field_an_admin_offers_as_autocomplete_answers_a_superuser(admin_client):
    """A field offered only by an inline, or a Django upgrade that stops setting the view's
    source_field before checking permissions, would refuse everyone."""
    offered = []
    for model_admin in admin.site._registry.values():
        for inline in model_admin.inlines:
            offered += [(inline.model._meta, name) for name in inline.autocomplete_fields]
        offered += [(model_admin.model._meta, name) for name in model_admin.autocomplete_fields]
    assert len(offered) > 10
    for opts, field_name in offered:
        assert search(admin_client, opts, field_name).status_code == 200, (opts.label, field_name)
