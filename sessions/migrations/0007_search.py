"""Full-text search of statement and document files on PostgreSQL (see sessions/search.py).

Each table gets a column the database generates from the text, in the configuration of the
row's language, and a GIN index on it. Other databases search without them.
"""

from django.db import migrations

TABLES = ["programme_statement", "programme_documentfile"]
VECTOR = """
    to_tsvector(
        CASE language
            WHEN 'en' THEN 'english'::regconfig
            WHEN 'fr' THEN 'french'::regconfig
            WHEN 'es' THEN 'spanish'::regconfig
            WHEN 'ru' THEN 'russian'::regconfig
            ELSE 'simple'::regconfig
        END,
        left(text, 250000)
    )
"""


def add_search_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector"
            f" GENERATED ALWAYS AS ({VECTOR}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)")


def remove_search_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0006_file_text"),
    ]

    operations = [migrations.RunPython(add_search_vectors, remove_search_vectors)]
