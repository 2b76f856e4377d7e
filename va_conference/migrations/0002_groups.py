"""The two staff groups of DESIGN.md, Roles, with exactly their permissions.

- Organizers: all conference, session, organization and registration admin.
- Statement editors: add, change and publish statements; nothing else.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ORGANIZERS = "Organizers"
STATEMENT_EDITORS = "Statement editors"

ORGANIZER_MODELS = [
    ("va_conference", "conference"),
    ("va_conference", "organization"),
    ("programme", "room"),
    ("programme", "session"),
    ("registrations", "delegate"),
    ("registrations", "registration"),
]
STATEMENT_EDITOR_PERMISSIONS = [
    ("programme", "add_statement"),
    ("programme", "change_statement"),
    ("programme", "view_statement"),
    ("programme", "publish_statement"),
]


def permission_keys():
    organizers = [
        (app_label, f"{action}_{model}")
        for app_label, model in ORGANIZER_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    return {ORGANIZERS: organizers, STATEMENT_EDITORS: STATEMENT_EDITOR_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, keys in permission_keys().items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in keys
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[ORGANIZERS, STATEMENT_EDITORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0001_initial"),
        ("programme", "0001_initial"),
        ("registrations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
