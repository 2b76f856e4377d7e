"""The table of Django's database cache that holds the rate limits' counts without CACHE_URL
(RATE_LIMITS_TABLE in va_conference/environment.py), made whatever the cache settings are
today, so that turning CACHE_URL off later finds it there."""

from django.core.management import call_command
from django.db import migrations

TABLE = "rate_limits_cache"


def create_table(apps, schema_editor):
    # Django's own command, given the table's name, makes it as its database cache reads it.
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0007_content_version_sequence"),
    ]

    operations = [migrations.RunPython(create_table, drop_table)]
