"""The participation category of a delegation: what its organization is, and for a State, where
it stands in the conference's convention. Categories come in the order of the meeting reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from va_conference.models import OrganizationKind, TreatyStatus


class Category(models.TextChoices):
    # In the order delegations are listed in the meeting reports.
    STATE_PARTY = "state_party", _("States Parties")
    SIGNATORY = "signatory", _("Signatory States")
    OBSERVER_STATE = "observer_state", _("Observer States")
    # A meeting of no one convention (a global conference): every State alike.
    STATE = "state", _("States")
    UN = "un", _("United Nations")
    INTERNATIONAL = "international", _("Other international organizations")
    RED_CROSS = "red_cross", _("International Red Cross and Red Crescent Movement")
    NGO = "ngo", _("Non-governmental organizations")
    DISABILITY = "dpo", _("Organizations of persons with disabilities")
    SURVIVORS = "survivors", _("Survivor networks")
    ACADEMIA = "academia", _("Academia")
    OTHER = "other", _("Other participants")


ORDER = {category: number for number, category in enumerate(Category.values)}
STATE_CATEGORIES = {
    Category.STATE_PARTY,
    Category.SIGNATORY,
    Category.OBSERVER_STATE,
    Category.STATE,
}

BY_KIND = {
    OrganizationKind.UN_AGENCY: Category.UN,
    OrganizationKind.INTERNATIONAL: Category.INTERNATIONAL,
    OrganizationKind.RED_CROSS: Category.RED_CROSS,
    OrganizationKind.NGO: Category.NGO,
    OrganizationKind.DISABILITY: Category.DISABILITY,
    OrganizationKind.SURVIVORS: Category.SURVIVORS,
    OrganizationKind.ACADEMIA: Category.ACADEMIA,
    OrganizationKind.OTHER: Category.OTHER,
}
BY_TREATY_STATUS = {
    TreatyStatus.PARTY: Category.STATE_PARTY,
    TreatyStatus.SIGNATORY: Category.SIGNATORY,
    TreatyStatus.NOT_PARTY: Category.OBSERVER_STATE,
    # A State whose status nobody recorded takes part as an observer until it is.
    "": Category.OBSERVER_STATE,
}


def category_of(conference, organization):
    """The category `organization` takes part in at `conference`."""
    if organization.kind != OrganizationKind.STATE:
        return BY_KIND[organization.kind]
    if not conference.convention:
        return Category.STATE
    return BY_TREATY_STATUS[conference.treaty_status_of(organization)]
