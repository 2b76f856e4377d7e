"""Whether a delegation's focal point stands behind a registration.

A delegate who registers themselves for a State's delegation that has an active focal point
waits for that focal point (or an organizer) to endorse them before an organizer can confirm
them; a refused registration is declined. Delegations without a focal point register as before.
Which delegations wait is the Delegation's `waits_for_focal_point()`.
"""

from django.db import transaction

from registrations import workflow
from registrations.models import Endorsement, Status


def is_waiting(registration):
    return registration.is_active and registration.endorsement == Endorsement.WAITING


@transaction.atomic
def refuse(registration, by_focal_point):
    """The focal point does not know this delegate: the registration is declined, and its
    delegate told with the declined e-mail."""
    registration.endorsement = Endorsement.REFUSED
    registration.save(update_fields=["endorsement", "updated_at"])
    workflow.change_status(registration, Status.DECLINED, by_focal_point=by_focal_point)
