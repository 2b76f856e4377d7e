"""The staff groups are what va_conference/roles.py declares: after `migrate`, on a fresh
database or on one whose groups were changed in the admin, and after `manage.py set_up_roles`."""

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from va_conference import roles
from va_conference.roles import (
    INTERPRETERS,
    ORGANIZERS,
    ROLES,
    SPONSORSHIP_COMMITTEE,
    STATEMENT_EDITORS,
    VISA_OFFICERS,
)

ROOT = Path(__file__).resolve().parents[2]


def held(name):
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in Permission.objects.filter(group__name=name).select_related("content_type")
    }


def permission(key):
    app_label, codename = key.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def set_up_roles():
    output = io.StringIO()
    call_command("set_up_roles", stdout=output)
    return output.getvalue()


def test_the_declaration_gives_each_group_what_it_is_meant_to():
    def every_right(app_label, *models):
        return {
            f"{app_label}.{action}_{model}"
            for model in models
            for action in ("add", "change", "delete", "view")
        }

    assert ROLES[ORGANIZERS] == (
        every_right("va_conference", "conference", "organization", "update")
        | every_right(
            "programme",
            "room",
            "session",
            "document",
            "documentfile",
            "onlinemeeting",
            "interpretationchannel",
        )
        | every_right(
            "registrations",
            "delegate",
            "registration",
            "attendance",
            "attendancereport",
            "onlineattendance",
            "unmatchedrow",
            "message",
            "delivery",
            "question",
            "questionchoice",
            "followupform",
            "ownwords",
        )
        | every_right(
            "delegations",
            "delegation",
            "focalpoint",
            "delegationdocument",
            "delegationchange",
            "participantslist",
        )
        | every_right("floor", "speakerslist", "floorrequest")
        | every_right("letters", "letterhead")
        | {
            "programme.add_programmerelease",
            "programme.view_programmerelease",
            "floor.read_texts_sent_ahead",
            "registrations.view_figures",
            "registrations.view_answer",
        }
        # Letters without the passport details they state.
        | {
            "letters.add_letter",
            "letters.change_letter",
            "letters.view_letter",
            "registrations.view_visarequest",
        }
    )
    assert "registrations.view_passport_details" not in ROLES[ORGANIZERS]
    assert ROLES[VISA_OFFICERS] == {
        "registrations.view_passport_details",
        "registrations.view_visarequest",
        "registrations.change_visarequest",
        "registrations.view_registration",
        "letters.add_letter",
        "letters.change_letter",
        "letters.view_letter",
    }
    assert ROLES[INTERPRETERS] == {"floor.read_texts_sent_ahead"}
    assert ROLES[STATEMENT_EDITORS] == {
        "programme.add_statement",
        "programme.change_statement",
        "programme.view_statement",
        "programme.publish_statement",
    }
    assert ROLES[SPONSORSHIP_COMMITTEE] == every_right(
        "sponsorship", "budget", "fund", "fareestimate", "candidacy", "offer", "ticket"
    ) | {"registrations.view_registration"}
    # Sponsorship is the committee's: no other group holds any of it.
    for name, permissions in ROLES.items():
        if name != SPONSORSHIP_COMMITTEE:
            assert not {each for each in permissions if each.startswith("sponsorship.")}, name
    assert set(ROLES) == {
        "Organizers",
        "Statement editors",
        "Interpreters",
        "Visa officers",
        "Sponsorship committee",
    }


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


@pytest.mark.django_db
def test_the_command_adds_a_missing_permission_and_removes_an_undeclared_one():
    editors = Group.objects.get(name=STATEMENT_EDITORS)
    editors.permissions.add(permission("auth.change_user"))
    editors.permissions.remove(permission("programme.publish_statement"))

    output = set_up_roles()

    assert held(STATEMENT_EDITORS) == ROLES[STATEMENT_EDITORS]
    assert output == (
        "Organizers: unchanged\n"
        "Statement editors:\n"
        "  added programme.publish_statement\n"
        "  removed auth.change_user\n"
        "Interpreters: unchanged\n"
        "Visa officers: unchanged\n"
        "Sponsorship committee: unchanged\n"
    )


@pytest.mark.django_db
def test_the_command_makes_a_missing_group_and_the_permissions_it_needs():
    Group.objects.filter(name=ORGANIZERS).delete()
    permission("registrations.view_delivery").delete()

    output = set_up_roles()

    assert held(ORGANIZERS) == ROLES[ORGANIZERS]
    assert output.startswith("Organizers: created\n  added delegations.add_delegation\n")


@pytest.mark.django_db
def test_running_the_command_twice_changes_nothing():
    Group.objects.all().delete()
    set_up_roles()
    rows = list(Group.permissions.through.objects.order_by("pk").values_list())

    with CaptureQueriesContext(connection) as queries:
        output = set_up_roles()

    assert output == (
        "Organizers: unchanged\nStatement editors: unchanged\nInterpreters: unchanged\n"
        "Visa officers: unchanged\n"
        "Sponsorship committee: unchanged\n"
    )
    assert list(Group.permissions.through.objects.order_by("pk").values_list()) == rows
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []


@pytest.mark.django_db
def test_the_command_leaves_groups_it_does_not_declare_alone():
    press = Group.objects.create(name="Press office")
    press.permissions.add(permission("programme.view_statement"))

    set_up_roles()

    assert held("Press office") == {"programme.view_statement"}


@pytest.mark.django_db
def test_a_new_role_is_one_more_entry_in_the_declaration(monkeypatch):
    monkeypatch.setitem(ROLES, "Rapporteurs", frozenset({"programme.view_session"}))

    output = set_up_roles()

    assert held("Rapporteurs") == {"programme.view_session"}
    assert "Rapporteurs: created\n  added programme.view_session\n" in output


@pytest.mark.django_db
def test_a_declared_permission_that_does_not_exist_stops_the_command_before_any_change(
    monkeypatch,
):
    monkeypatch.setitem(ROLES, "Rapporteurs", frozenset({"programme.write_reports"}))
    Group.objects.get(name=STATEMENT_EDITORS).permissions.add(permission("auth.change_user"))

    with pytest.raises(CommandError, match=r"No such permission: programme\.write_reports"):
        set_up_roles()

    assert not Group.objects.filter(name="Rapporteurs").exists()
    assert "auth.change_user" in held(STATEMENT_EDITORS)
