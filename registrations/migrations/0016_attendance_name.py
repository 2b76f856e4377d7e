from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat


def name_earlier_check_ins(apps, schema_editor):
    """The check-ins recorded before names were kept with them: the name the registration holds."""
    Attendance = apps.get_model("registrations", "Attendance")
    Registration = apps.get_model("registrations", "Registration")
    for registration in (
        Registration.objects.filter(attendances__isnull=False)
        .distinct()
        .annotate(whole=Concat("given_name", Value(" "), "family_name"))
    ):
        Attendance.objects.filter(registration=registration, name="").update(
            name=registration.whole
        )


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0015_focal_points_told_of_moves"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="name",
            field=models.CharField(
                blank=True,
                help_text="The name checked at the desk: a certificate of attendance states it.",
                max_length=310,
                verbose_name="name as checked in",
            ),
        ),
        migrations.RunPython(name_earlier_check_ins, migrations.RunPython.noop),
    ]
