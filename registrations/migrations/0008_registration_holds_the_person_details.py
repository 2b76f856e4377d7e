"""A person's details move from the delegate (one per e-mail address) to each registration.

Each registration takes the details its delegate holds now, which is what its badge and the
participants list show today. Each earlier version of a registration in the history takes the
details its delegate had at that moment, so the history keeps what the delegate's history held.
"""

from django.db import migrations, models

PERSON_FIELDS = {
    "honorific": models.CharField(
        blank=True,
        choices=[
            ("mr", "Mr"),
            ("ms", "Ms"),
            ("mx", "Mx"),
            ("dr", "Dr"),
            ("prof", "Prof."),
            ("he", "H.E."),
        ],
        max_length=8,
        verbose_name="honorific",
    ),
    "given_name": models.CharField(default="", max_length=150, verbose_name="given name"),
    "family_name": models.CharField(default="", max_length=150, verbose_name="family name"),
    "phone": models.CharField(
        blank=True,
        help_text="International format, e.g. +47 22 24 36 00",
        max_length=40,
        verbose_name="phone",
    ),
    "job_title": models.CharField(blank=True, max_length=200, verbose_name="job title"),
    "language": models.CharField(
        choices=[("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ar", "Arabic")],
        default="en",
        help_text="E-mails are written to the delegate in this language.",
        max_length=5,
        verbose_name="preferred language",
    ),
    "gender": models.CharField(
        blank=True, help_text="Optional, in your own words.", max_length=80, verbose_name="gender"
    ),
    "is_survivor": models.BooleanField(
        blank=True,
        help_text="Optional: a survivor of landmines, cluster munitions or other explosive remnants of war.",
        null=True,
        verbose_name="survivor",
    ),
    "has_disability": models.BooleanField(
        blank=True, help_text="Optional.", null=True, verbose_name="person with disability"
    ),
}


def details(source):
    return {name: getattr(source, name) for name in PERSON_FIELDS}


def copy_details(apps, schema_editor):
    Delegate = apps.get_model("registrations", "Delegate")
    HistoricalDelegate = apps.get_model("registrations", "HistoricalDelegate")
    Registration = apps.get_model("registrations", "Registration")
    HistoricalRegistration = apps.get_model("registrations", "HistoricalRegistration")

    current = {delegate.pk: details(delegate) for delegate in Delegate.objects.iterator()}
    for registration in Registration.objects.iterator():
        Registration.objects.filter(pk=registration.pk).update(**current[registration.delegate_id])

    versions = {}
    for version in HistoricalDelegate.objects.order_by("history_date").iterator():
        versions.setdefault(version.id, []).append((version.history_date, details(version)))
    for record in HistoricalRegistration.objects.iterator():
        # The delegate as it was when this version was recorded; else as it is now.
        as_then = current.get(record.delegate_id)
        for date, values in versions.get(record.delegate_id, []):
            if date > record.history_date:
                break
            as_then = values
        if as_then is not None:
            HistoricalRegistration.objects.filter(pk=record.pk).update(**as_then)


def copy_details_back(apps, schema_editor):
    Delegate = apps.get_model("registrations", "Delegate")
    Registration = apps.get_model("registrations", "Registration")
    # A delegate takes the details of their newest registration.
    for registration in Registration.objects.order_by("created_at").iterator():
        Delegate.objects.filter(pk=registration.delegate_id).update(**details(registration))


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0007_organizers_check_in_and_messages"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name=name, field=field.clone())
            for model in ("registration", "historicalregistration")
            for name, field in PERSON_FIELDS.items()
        ),
        migrations.RunPython(copy_details, copy_details_back),
        *(
            migrations.AlterField(
                model_name=model,
                name=name,
                field=models.CharField(max_length=150, verbose_name=name.replace("_", " ")),
            )
            for model in ("registration", "historicalregistration")
            for name in ("given_name", "family_name")
        ),
        *(
            migrations.RemoveField(model_name=model, name=name)
            for model in ("delegate", "historicaldelegate")
            for name in PERSON_FIELDS
        ),
        migrations.AlterModelOptions(
            name="delegate",
            options={
                "ordering": ["email"],
                "verbose_name": "delegate",
                "verbose_name_plural": "delegates",
            },
        ),
    ]
