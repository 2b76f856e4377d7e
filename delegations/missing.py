"""What a delegation still lacks, in words for its focal point: their page shows it, and their
reminder before the deadline lists it (delegations/reminders.py)."""

from django.utils.translation import gettext as _

from registrations.models import NOT_ENDORSED, Role, Status

from .categories import STATE_CATEGORIES
from .models import Credentials


def missing(delegation, members):
    """The delegation's gaps among its `members` (its registrations, of any status): no head
    of delegation, members who have not accepted their invitation, and for a State, no
    credentials. Empty when it lacks nothing."""
    active = [member for member in members if member.is_active]
    lacking = []
    # A head waiting for the focal point's endorsement, or refused, heads nothing yet.
    if not any(
        member.role == Role.HEAD and member.endorsement not in NOT_ENDORSED for member in active
    ):
        lacking.append(_("No head of delegation."))
    invited = [member for member in members if member.status == Status.INVITED]
    if invited:
        lacking.append(
            _("%(names)s have not accepted their invitation yet.")
            % {"names": ", ".join(member.full_name for member in invited)}
        )
    if delegation.category in STATE_CATEGORIES and delegation.credentials == Credentials.NONE:
        lacking.append(_("No credentials received yet."))
    return lacking
