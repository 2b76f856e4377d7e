"""Organizers post the conferences' updates."""

from django.db import migrations

from va_conference.migrations._roles import grant_to_organizers, organizer_permissions

MODELS = ("update",)
ORGANIZER_PERMISSIONS = organizer_permissions("va_conference", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0004_updates"),
    ]

    operations = [grant_to_organizers("va_conference", MODELS)]
