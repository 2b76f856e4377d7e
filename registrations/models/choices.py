"""The choices a registration is made of: honorifics, roles, statuses and endorsements, and the
groups of statuses the rules count by."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Honorific(models.TextChoices):
    MR = "mr", _("Mr")
    MS = "ms", _("Ms")
    MX = "mx", _("Mx")
    DR = "dr", _("Dr")
    PROF = "prof", _("Prof.")
    HE = "he", _("H.E.")


class Role(models.TextChoices):
    # In the order a delegation's members are listed.
    HEAD = "head", _("Head of delegation")
    ALTERNATE = "alternate", _("Alternate")
    DELEGATE = "delegate", _("Delegate")
    ADVISER = "adviser", _("Adviser")
    VA_EXPERT = "va_expert", _("National victim-assistance expert")
    DISABILITY_EXPERT = "disability_expert", _("Disability-rights expert")
    OBSERVER = "observer", _("Observer")


class Status(models.TextChoices):
    # Named by a delegation's focal point, not accepted yet: it holds no place, blocks no
    # registration of the address and counts in no delegation until its addressee accepts.
    INVITED = "invited", _("Invited, not accepted yet")
    SUBMITTED = "submitted", _("Submitted")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Wait-listed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class Endorsement(models.TextChoices):
    """Whether the delegation's focal point stands behind a registration: one made by the
    delegate themselves for a State's delegation that has a focal point waits for them (or an
    organizer) before it can be confirmed."""

    NOT_NEEDED = "", _("Not needed")
    WAITING = "waiting", _("Waiting for the focal point")
    ENDORSED = "endorsed", _("Endorsed")
    REFUSED = "refused", _("Refused by the focal point")


# A registration in one of these waits for its focal point, or was refused by them: it
# speaks for its delegation in nothing, and no organizer confirms it as it is.
NOT_ENDORSED = [Endorsement.WAITING, Endorsement.REFUSED]

# A registration in one of these states holds (or waits for) a place.
ACTIVE_STATUSES = [Status.SUBMITTED, Status.CONFIRMED, Status.WAITLISTED]
# A registration in one of these states counts against the conference's capacity.
PLACE_STATUSES = [Status.SUBMITTED, Status.CONFIRMED]
