"""An index of statements newest first, the order in which the open data lists them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0009_narrow_rows"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["-published_at", "id"], name="statement_newest_first"),
        ),
    ]
