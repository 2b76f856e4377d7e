"""Statement and document-file rows keep their long values (text, search vector) out of line.

PostgreSQL moves a row's long values to its TOAST table only once the row passes about 2 kB, so
a statement of a few hundred words stayed whole in the table, and a search that finds most
statements read most of the table to learn their sessions. With a target of 128 bytes every
text and vector of some length lives apart, and the table holds what lists and searches read.
The rows written before are moved as they are next written. Other databases have no such
setting.
"""

from django.db import migrations

TABLES = ["programme_statement", "programme_documentfile"]


def narrow_rows(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} SET (toast_tuple_target = 128)")


def widen_rows(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0008_search_titles"),
    ]

    operations = [migrations.RunPython(narrow_rows, widen_rows)]
