"""The titles and symbol of each document as one search vector, on PostgreSQL.

A search reads it rather than making the vectors of every document's titles anew; each title
in the configuration of its language (see sessions/search.py). Other databases search without it.
"""

from django.db import migrations

VECTOR = """
    to_tsvector('english'::regconfig, coalesce(title_en, ''))
    || to_tsvector('french'::regconfig, coalesce(title_fr, ''))
    || to_tsvector('spanish'::regconfig, coalesce(title_es, ''))
    || to_tsvector('simple'::regconfig, coalesce(title_ar, ''))
    || to_tsvector('simple'::regconfig, symbol)
"""


def add_titles_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE programme_document ADD COLUMN search_vector tsvector"
            f" GENERATED ALWAYS AS ({VECTOR}) STORED"
        )


def remove_titles_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE programme_document DROP COLUMN search_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0007_search"),
    ]

    operations = [migrations.RunPython(add_titles_vector, remove_titles_vector)]
