"""`manage.py set_up_roles`: make the staff groups what va_conference/roles.py declares."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from va_conference.roles import apply_roles


class Command(BaseCommand):
    help = (
        "Create or update the staff groups declared in va_conference/roles.py (Organizers, "
        "Statement editors) so that each holds exactly its declared permissions: missing "
        "permissions are created and added, undeclared ones removed. Groups not declared there "
        "are left alone. migrate does the same after every run; this applies a changed "
        "declaration, or undoes changes made to the groups in the admin, at once. Safe to run "
        "again: it then changes nothing."
    )

    def handle(self, *args, **options):
        try:
            changes = apply_roles()
        except ImproperlyConfigured as error:
            advice = "correct va_conference/roles.py or migrate first; nothing was changed"
            raise CommandError(f"{error} ({advice}).") from error
        for change in changes:
            self.stdout.write(describe(change))


def describe(change):
    if not change:
        return f"{change.group}: unchanged"
    lines = [f"{change.group}: created" if change.created else f"{change.group}:"]
    lines += [f"  added {key}" for key in change.added]
    lines += [f"  removed {key}" for key in change.removed]
    return "\n".join(lines)
