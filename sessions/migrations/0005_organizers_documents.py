"""Organizers publish the conferences' official documents."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ORGANIZERS = "Organizers"
ORGANIZER_PERMISSIONS = [
    ("programme", f"{action}_{model}")
    for model in ("document", "documentfile")
    for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("programme")
    # Permissions are normally created after all migrations ran; create them now.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=ORGANIZERS)
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in ORGANIZER_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name=ORGANIZERS).permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="programme",
            codename__in=[codename for _app, codename in ORGANIZER_PERMISSIONS],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0002_groups"),
        ("programme", "0004_documents"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
