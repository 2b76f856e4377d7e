"""What the data migrations that widen the Organizers' permissions share.

Migrations import it by path; it holds no model, so it does not change with the models. The
roles are declared in va_conference/roles.py now: this serves those earlier migrations only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ORGANIZERS = "Organizers"
ACTIONS = ("add", "change", "delete", "view")


def organizer_permissions(app_label, models):
    return [(app_label, f"{action}_{model}") for model in models for action in ACTIONS]


def grant_to_organizers(app_label, models):
    """A RunPython operation giving Organizers all rights on `models` of `app_label`."""
    keys = organizer_permissions(app_label, models)

    def grant(apps, schema_editor):
        app_config = apps.get_app_config(app_label)
        # Permissions are normally created after all migrations ran; create them now.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        Permission = apps.get_model("auth", "Permission")
        group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=ORGANIZERS)
        group.permissions.add(
            *(
                Permission.objects.get(content_type__app_label=label, codename=codename)
                for label, codename in keys
            )
        )

    def revoke(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        apps.get_model("auth", "Group").objects.get(name=ORGANIZERS).permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[codename for _label, codename in keys],
            )
        )

    return migrations.RunPython(grant, revoke)
