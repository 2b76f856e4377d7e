"""On PostgreSQL, the changes to drafts are counted in a sequence of their own, as the other
changes are (0007, va_conference/page_cache.py)."""

from django.db import migrations

SEQUENCE = "va_conference_draft_version"


def add_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE {SEQUENCE}")


def remove_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE {SEQUENCE}")


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0012_conference_passport_margin_days"),
    ]

    operations = [migrations.RunPython(add_sequence, remove_sequence)]
