"""Each conference sets the deadline of its delegations and when their focal points are
reminded of it.

SQLite adds these columns by rebuilding the table: its triggers (programme 0002) are dropped for
the rebuild and made again after it, as in 0003.
"""

from importlib import import_module

from django.db import migrations, models

triggers = import_module("sessions.migrations.0002_session_within_conference_dates")
DROP = triggers.run({"sqlite": triggers.SQLITE_REVERSE, "postgresql": []})
CREATE = triggers.run({"sqlite": triggers.SQLITE, "postgresql": []})


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0010_page_and_default_caches"),
        ("programme", "0002_session_within_conference_dates"),
    ]

    operations = [
        migrations.RunPython(DROP, CREATE),
        migrations.AddField(
            model_name="conference",
            name="delegations_deadline",
            field=models.DateField(
                blank=True,
                help_text="By when focal points should have named their delegation and sent credentials.",
                null=True,
                verbose_name="deadline for delegations",
            ),
        ),
        migrations.AddField(
            model_name="conference",
            name="reminder_days",
            field=models.PositiveSmallIntegerField(
                default=7,
                help_text="Focal points whose delegation lacks a head, credentials or members' details are reminded once, this many days before the deadline.",
                verbose_name="reminder, days before the deadline",
            ),
        ),
        migrations.RunPython(CREATE, DROP),
    ]
