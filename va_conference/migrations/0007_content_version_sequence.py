"""On PostgreSQL, the count of changes that kept pages follow is a sequence: it moves without
a transaction to commit to disk after each change (va_conference/page_cache.py)."""

from django.db import migrations

SEQUENCE = "va_conference_content_version"


def add_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE {SEQUENCE}")


def remove_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE {SEQUENCE}")


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0006_content_version"),
    ]

    operations = [migrations.RunPython(add_sequence, remove_sequence)]
