"""Each conference names the convention it serves.

SQLite adds a column by rebuilding the table, which its triggers (programme 0002: a session
falls within its conference's dates) would not survive: they are dropped for the rebuild and
made again after it.
"""

from importlib import import_module

from django.db import migrations, models

triggers = import_module("sessions.migrations.0002_session_within_conference_dates")
DROP = triggers.run({"sqlite": triggers.SQLITE_REVERSE, "postgresql": []})
CREATE = triggers.run({"sqlite": triggers.SQLITE, "postgresql": []})


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0002_groups"),
        ("programme", "0002_session_within_conference_dates"),
    ]

    operations = [
        migrations.RunPython(DROP, CREATE),
        migrations.AddField(
            model_name="conference",
            name="convention",
            field=models.CharField(
                blank=True,
                choices=[
                    ("mbt", "Anti-Personnel Mine Ban Convention"),
                    ("ccm", "Convention on Cluster Munitions"),
                    ("ccw5", "CCW Protocol V on Explosive Remnants of War"),
                ],
                help_text="The treaty whose States Parties meet; empty for a meeting of several.",
                max_length=5,
                verbose_name="convention",
            ),
        ),
        migrations.RunPython(CREATE, DROP),
    ]
