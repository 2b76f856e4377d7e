"""The count of changes that public pages kept in the cache are filed under, as its one row."""

from django.db import migrations, models

ONLY = 1


def add_the_row(apps, schema_editor):
    apps.get_model("va_conference", "ContentVersion").objects.create(pk=ONLY, number=1)


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0005_organizers_updates"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(add_the_row, migrations.RunPython.noop),
    ]
