"""What the older data migrations that widened the Organizers' permissions share.

Those migrations are history now: the staff roles are declared in va_conference/roles.py and
applied by migration 0009_staff_roles and after every `migrate`, so their operation does
nothing. Migrations import this module by path; it holds no model.
"""

from django.db import migrations

ORGANIZERS = "Organizers"
ACTIONS = ("add", "change", "delete", "view")


def organizer_permissions(app_label, models):
    return [(app_label, f"{action}_{model}") for model in models for action in ACTIONS]


def grant_to_organizers(app_label, models):
    """Once a RunPython giving Organizers all rights on `models`; now va_conference/roles.py
    declares them."""
    return migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)
