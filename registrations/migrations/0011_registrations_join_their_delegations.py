"""Every registration joins the delegation of the organization it represents at its conference,
made here for each such pair. A delegation holds at most one head: where earlier registrations
named several active heads for the same delegation, the first registered stays head and the
others become delegates."""

from django.db import migrations

ACTIVE_STATUSES = ["submitted", "confirmed", "waitlisted"]


def join_delegations(apps, schema_editor):
    Registration = apps.get_model("registrations", "Registration")
    Delegation = apps.get_model("delegations", "Delegation")
    pairs = Registration.objects.values_list("conference_id", "organization_id").distinct()
    for conference_id, organization_id in pairs:
        delegation, _created = Delegation.objects.get_or_create(
            conference_id=conference_id, organization_id=organization_id
        )
        members = Registration.objects.filter(
            conference_id=conference_id, organization_id=organization_id
        )
        members.update(delegation=delegation)
        heads = members.filter(role="head", status__in=ACTIVE_STATUSES).order_by("created_at", "pk")
        extra = list(heads.values_list("pk", flat=True)[1:])
        if extra:
            Registration.objects.filter(pk__in=extra).update(role="delegate")


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0010_delegations_and_focal_point_emails"),
    ]

    operations = [migrations.RunPython(join_delegations, migrations.RunPython.noop)]
