"""The staff groups become what va_conference/roles.py declares, from here on in the history.

The earlier data migrations made the groups step by step; this one brings them to the
declaration, so that a fresh database has them as declared, and `post_migrate` keeps them in
step after every `migrate` (see `roles.keep_roles_in_step`). It depends on the latest migration
of each app whose permissions the roles name.
"""

from django.db import migrations

from va_conference import roles


def apply_roles(apps, schema_editor):
    # Today's declaration, given the models as they stand here: a permission of a model that a
    # later migration adds is left out, and given by post_migrate once that model exists.
    roles.apply_roles(apps, schema_editor.connection.alias, only_existing=True)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0008_rate_limits_cache"),
        ("programme", "0010_statements_newest_first"),
        ("registrations", "0009_status_emails_are_deliveries"),
    ]

    # Going back leaves the groups as they are: the earlier migrations undo their own steps.
    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
