"""The tables of Django's database cache that hold the cached pages and the rest of the cache
without CACHE_URL (CACHE_TABLES in va_conference/environment.py), made whatever the cache
settings are today, as 0008 made the rate limits' table."""

from django.core.management import call_command
from django.db import migrations

TABLES = ["pages_cache", "default_cache"]


def create_tables(apps, schema_editor):
    for table in TABLES:
        call_command(
            "createcachetable", table, database=schema_editor.connection.alias, verbosity=0
        )


def drop_tables(apps, schema_editor):
    for table in TABLES:
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0009_staff_roles"),
    ]

    operations = [migrations.RunPython(create_tables, drop_tables)]
