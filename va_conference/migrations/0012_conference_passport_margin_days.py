"""Each conference sets how long after it a visa letter's passport must stay valid.

SQLite adds the column by rebuilding the table: its triggers (programme 0002) are dropped for
the rebuild and made again after it, as in 0011.
"""

from importlib import import_module

from django.db import migrations, models

triggers = import_module("sessions.migrations.0002_session_within_conference_dates")
DROP = triggers.run({"sqlite": triggers.SQLITE_REVERSE, "postgresql": []})
CREATE = triggers.run({"sqlite": triggers.SQLITE, "postgresql": []})


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0011_delegations_deadline"),
        ("programme", "0002_session_within_conference_dates"),
    ]

    operations = [
        migrations.RunPython(DROP, CREATE),
        migrations.AddField(
            model_name="conference",
            name="passport_margin_days",
            field=models.PositiveSmallIntegerField(
                default=90,
                help_text="A delegate asking for a visa letter must hold a passport valid at least this many days after the conference ends (Schengen States ask for 90).",
                verbose_name="passport validity after the conference, in days",
            ),
        ),
        migrations.RunPython(CREATE, DROP),
    ]
