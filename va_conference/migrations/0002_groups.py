"""The two staff groups of the time, with exactly their permissions.

- Organizers: all conference, session, organization and registration admin.
- Statement editors: add, change and publish statements; nothing else.

History now: the roles are declared in va_conference/roles.py and applied by migration
0009_staff_roles and after every `migrate`, so this migration's operation does nothing.
"""

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


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0001_initial"),
        ("programme", "0001_initial"),
        ("registrations", "0001_initial"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
