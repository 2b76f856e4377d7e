"""The changes to a delegation's members, each recorded with its time: the Addendum to the List
of Participants lists those made after the list's date."""

from registrations.models import Role

from .models import Change, DelegationChange


def record(registration, kind, by_focal_point=None, by=None):
    """Record that `registration` was added, withdrawn, made head or given another role."""
    return DelegationChange.objects.create(
        delegation_id=registration.delegation_id,
        registration=registration,
        kind=kind,
        role=registration.role,
        made_by_focal_point=by_focal_point,
        made_by=by,
    )


def record_role(registration, previous_role, by_focal_point=None, by=None):
    """A member's new role: a new head of delegation is a change of its own."""
    if registration.role == previous_role:
        return None
    kind = Change.NEW_HEAD if registration.role == Role.HEAD else Change.ROLE
    return record(registration, kind, by_focal_point=by_focal_point, by=by)
