"""The staff groups are what va_conference/roles.py declares after `migrate`, on a fresh
database or on one whose groups were changed in the admin."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from va_conference import roles
from va_conference.roles import ORGANIZERS, ROLES, STATEMENT_EDITORS

ROOT = Path(__file__).resolve().parents[2]


def held(name):
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in Permission.objects.filter(group__name=name).select_related("content_type")
    }


def permission(key):
    app_label, codename = key.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def test_the_declaration_gives_each_group_what_the_data_migrations_gave_it():
    def every_right(app_label, *models):
        return {
            f"{app_label}.{action}_{model}"
            for model in models
            for action in ("add", "change", "delete", "view")
        }

    assert ROLES[ORGANIZERS] == (
        every_right("va_conference", "conference", "organization", "update")
        | every_right("programme", "room", "session", "document", "documentfile")
        | every_right(
            "registrations", "delegate", "registration", "attendance", "message", "delivery"
        )
    )
    assert ROLES[STATEMENT_EDITORS] == {
        "programme.add_statement",
        "programme.change_statement",
        "programme.view_statement",
        "programme.publish_statement",
    }
    assert set(ROLES) == {"Organizers", "Statement editors"}


def test_migrate_on_a_fresh_database_gives_the_groups_as_declared(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    with sqlite3.connect(database) as fresh:
        groups = {name: set() for (name,) in fresh.execute("SELECT name FROM auth_group")}
        for name, key in fresh.execute(
            "SELECT g.name, t.app_label || '.' || p.codename FROM auth_group g"
            " JOIN auth_group_permissions gp ON gp.group_id = g.id"
            " JOIN auth_permission p ON p.id = gp.permission_id"
            " JOIN django_content_type t ON t.id = p.content_type_id"
        ):
            groups[name].add(key)
    assert groups == ROLES


@pytest.mark.django_db
def test_every_declared_permission_exists():
    roles.apply_roles()
    for name, declared in ROLES.items():
        assert held(name) == declared


@pytest.mark.django_db
def test_migrate_takes_back_a_permission_given_to_a_group_in_the_admin():
    editors = Group.objects.get(name=STATEMENT_EDITORS)
    editors.permissions.add(
        permission("auth.change_user"), permission("programme.delete_statement")
    )
    editors.permissions.remove(permission("programme.publish_statement"))

    call_command("migrate", verbosity=0)

    assert held(STATEMENT_EDITORS) == ROLES[STATEMENT_EDITORS]
