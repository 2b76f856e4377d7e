"""Organizers check delegates in at the venue and write to them: attendances and messages."""

from django.db import migrations

from va_conference.migrations._roles import grant_to_organizers, organizer_permissions

MODELS = ("attendance", "message", "delivery")
ORGANIZER_PERMISSIONS = organizer_permissions("registrations", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("va_conference", "0002_groups"),
        ("registrations", "0006_messages"),
    ]

    operations = [grant_to_organizers("registrations", MODELS)]
