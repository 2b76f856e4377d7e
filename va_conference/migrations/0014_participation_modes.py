"""Conferences offer taking part in person, online, or both, each with its own places.

SQLite adds the columns by rebuilding the table: its triggers (programme 0002) are dropped for
the rebuild and made again after it, as in 0011.
"""

from importlib import import_module

from django.db import migrations, models

triggers = import_module("sessions.migrations.0002_session_within_conference_dates")
DROP = triggers.run({"sqlite": triggers.SQLITE_REVERSE, "postgresql": []})
CREATE = triggers.run({"sqlite": triggers.SQLITE, "postgresql": []})


class Migration(migrations.Migration):
    dependencies = [
        ("va_conference", "0013_draft_version_sequence"),
        ("programme", "0002_session_within_conference_dates"),
    ]

    operations = [
        migrations.RunPython(DROP, CREATE),
        migrations.AddField(
            model_name="conference",
            name="offers_in_person",
            field=models.BooleanField(
                default=True,
                help_text="At the venue, in the room.",
                verbose_name="delegates take part in person",
            ),
        ),
        migrations.AddField(
            model_name="conference",
            name="offers_online",
            field=models.BooleanField(
                default=False,
                help_text="From afar, through the meeting platform.",
                verbose_name="delegates take part online",
            ),
        ),
        migrations.AddField(
            model_name="conference",
            name="online_capacity",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Places for delegates online. Leave empty for no limit; beyond it, delegates are wait-listed.",
                null=True,
                verbose_name="online capacity",
            ),
        ),
        migrations.AlterField(
            model_name="conference",
            name="capacity",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Places for delegates in person. Leave empty for no limit; beyond it, delegates are wait-listed.",
                null=True,
                verbose_name="capacity",
            ),
        ),
        migrations.AddConstraint(
            model_name="conference",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("online_capacity__isnull", True), ("online_capacity__gte", 1), _connector="OR"
                ),
                name="conference_online_capacity_positive",
                violation_error_message="The online capacity must be at least 1, or empty.",
            ),
        ),
        migrations.AddConstraint(
            model_name="conference",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("offers_in_person", True), ("offers_online", True), _connector="OR"
                ),
                name="conference_offers_a_mode",
                violation_error_message="Delegates must be able to take part in person, online, or both.",
            ),
        ),
        migrations.RunPython(CREATE, DROP),
    ]
