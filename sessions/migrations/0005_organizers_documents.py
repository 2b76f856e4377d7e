"""Organizers publish the conferences' official documents."""

from django.db import migrations

from va_conference.migrations._roles import grant_to_organizers, organizer_permissions

MODELS = ("document", "documentfile")
ORGANIZER_PERMISSIONS = organizer_permissions("programme", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0002_groups"),
        ("programme", "0004_documents"),
    ]

    operations = [grant_to_organizers("programme", MODELS)]
