"""The text of each statement and document file, read once for the files already stored."""

from django.db import migrations, models

from sessions import extraction


def read_stored_texts(apps, schema_editor):
    for model_name in ("Statement", "DocumentFile"):
        for row in apps.get_model("programme", model_name).objects.filter(text=""):
            try:
                with row.file.open("rb") as stored:
                    row.text = extraction.extract(stored)
            except FileNotFoundError:
                continue
            row.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0005_organizers_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="documentfile",
            name="text",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Read from the file, for search.",
                verbose_name="text",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="text",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Read from the file, for search.",
                verbose_name="text",
            ),
        ),
        migrations.RunPython(read_stored_texts, migrations.RunPython.noop),
    ]
