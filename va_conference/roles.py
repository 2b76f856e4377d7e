"""The staff roles: each group and exactly the permissions it holds.

They are declared here, once, and applied by `apply_roles()`: the va_conference migration
`staff_roles`, a receiver of `post_migrate` after every `migrate`, and `manage.py
set_up_roles`. A role changed here reaches every database with its next `migrate`; a change made
to these groups in the admin is undone by it. Groups not declared here are left alone.

Permissions are named as `user.has_perm()` takes them, "app_label.codename": the core names those
of the apps above it without importing them.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction

ORGANIZERS = "Organizers"
STATEMENT_EDITORS = "Statement editors"
INTERPRETERS = "Interpreters"
VISA_OFFICERS = "Visa officers"
SPONSORSHIP_COMMITTEE = "Sponsorship committee"

# The organizers' tools that name or count every delegate, and the permission each needs: only
# the roles that hold it open them (a visa officer, who views registrations, does not).
FIGURES = "registrations.view_figures"
PARTICIPANTS_LISTS = "delegations.view_participantslist"
CREDENTIALS_REPORT = "delegations.view_delegation"


def every_right_on(*models):
    """Add, change, delete and view each of `models`, named "app_label.model"."""
    return frozenset(
        f"{app_label}.{action}_{model}"
        for app_label, model in (name.split(".") for name in models)
        for action in ("add", "change", "delete", "view")
    )


ROLES = {
    # All conference, session, organization, delegation and registration admin.
    ORGANIZERS: every_right_on(
        "va_conference.conference",
        "va_conference.organization",
        "va_conference.update",
        "programme.room",
        "programme.session",
        "programme.document",
        "programme.documentfile",
        "programme.onlinemeeting",
        "programme.interpretationchannel",
        "registrations.delegate",
        "registrations.registration",
        "registrations.attendance",
        "registrations.attendancereport",
        "registrations.onlineattendance",
        "registrations.unmatchedrow",
        "registrations.message",
        "registrations.delivery",
        "registrations.question",
        "registrations.questionchoice",
        "registrations.followupform",
        "registrations.ownwords",
        "delegations.delegation",
        "delegations.focalpoint",
        "delegations.delegationdocument",
        "delegations.delegationchange",
        "delegations.participantslist",
        "floor.speakerslist",
        "floor.floorrequest",
        "letters.letterhead",
    )
    | {
        FIGURES,
        # A release of the programme is history: made and read, never changed.
        "programme.add_programmerelease",
        "programme.view_programmerelease",
        "floor.read_texts_sent_ahead",
        # The answers to the conference's questions, given on the delegates' forms.
        "registrations.view_answer",
        # Issue and withdraw letters, see who asked for a visa letter; not their passports.
        "letters.add_letter",
        "letters.change_letter",
        "letters.view_letter",
        "registrations.view_visarequest",
    },
    # Add, change and publish statements; nothing else.
    STATEMENT_EDITORS: frozenset(
        {
            "programme.add_statement",
            "programme.change_statement",
            "programme.view_statement",
            "programme.publish_statement",
        }
    ),
    # Read the texts sent ahead for the sessions still to come; nothing else.
    INTERPRETERS: frozenset({"floor.read_texts_sent_ahead"}),
    # See and correct delegates' passport details, and issue their visa letters.
    VISA_OFFICERS: frozenset(
        {
            "registrations.view_passport_details",
            "registrations.view_visarequest",
            "registrations.change_visarequest",
            "registrations.view_registration",
            "letters.add_letter",
            "letters.change_letter",
            "letters.view_letter",
        }
    ),
    # The sponsorship programme: its funds, rates, candidates, offers, costs and report. Other
    # staff see of it only whether a delegate asked for travel support.
    SPONSORSHIP_COMMITTEE: every_right_on(
        "sponsorship.budget",
        "sponsorship.fund",
        "sponsorship.fareestimate",
        "sponsorship.candidacy",
        "sponsorship.offer",
        "sponsorship.ticket",
    )
    | {"registrations.view_registration"},
}


@dataclass(frozen=True)
class Change:
    """What applying the roles did to one group."""

    group: str
    created: bool
    added: tuple
    removed: tuple

    def __bool__(self):
        return self.created or bool(self.added or self.removed)


def apply_roles(apps=global_apps, using=DEFAULT_DB_ALIAS, *, roles=ROLES, only_existing=False):
    """Create each group of `roles` that is missing and give it exactly its permissions, adding
    the missing ones and removing the others; return a `Change` for each group.

    A declared permission that does not exist is an error, and nothing is changed, unless
    `only_existing`: then it is left out, as a migration must, since a model that a later
    migration adds has no permission yet. `apps` are the models of a migration's state, or
    today's.
    """
    with transaction.atomic(using=using):
        create_every_permission(apps, using)
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        keys = {
            pk: f"{app_label}.{codename}"
            for pk, app_label, codename in Permission.objects.using(using).values_list(
                "pk", "content_type__app_label", "codename"
            )
        }
        pks = {key: pk for pk, key in keys.items()}
        unknown = sorted(set().union(*roles.values()) - pks.keys())
        if unknown and not only_existing:
            raise ImproperlyConfigured(f"No such permission: {', '.join(unknown)}")

        changes = []
        for name, declared in roles.items():
            group, created = Group.objects.using(using).get_or_create(name=name)
            held = {keys[pk] for pk in group.permissions.values_list("pk", flat=True)}
            wanted = declared & pks.keys()
            added, removed = sorted(wanted - held), sorted(held - wanted)
            group.permissions.add(*(pks[key] for key in added))
            group.permissions.remove(*(pks[key] for key in removed))
            changes.append(Change(name, created, tuple(added), tuple(removed)))
    return changes


def create_every_permission(apps, using):
    # Django creates an app's permissions in post_migrate, once that app's turn comes; a
    # migration, and a receiver that runs before the later apps' turn, create them first.
    # Today's app configs say which apps have models; `apps` gives the models as they stand.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)


def keep_roles_in_step(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Apply the roles after every `migrate` (and `flush`), once the models are as the
    migrations left them.

    Why post_migrate as well as a migration: a migration runs once per database, so a role
    changed here later would reach new databases (whose migration reads today's declaration)
    but not the existing ones, unless every change came with a migration of its own. Run after
    each `migrate`, every database follows the declaration, as Django's own permissions follow
    the models. Permissions of models the migrations have not made yet (a `migrate` to an
    earlier target) are left out rather than stopping `migrate`; the tests check that every
    declared permission exists.
    """
    apply_roles(apps, using, only_existing=True)
