"""The shared core: conferences and the organizations that take part in them."""

from ..choices import ChoiceLabels
from .conference import (
    Conference,
    ConferenceQuerySet,
    Convention,
    Participation,
    RegistrationState,
    validate_time_zone,
)
from .content_version import ContentVersion
from .organization import Organization, OrganizationKind, OrganizationQuerySet, TreatyStatus
from .update import Update, UpdateQuerySet

__all__ = [
    "ChoiceLabels",
    "Conference",
    "ConferenceQuerySet",
    "ContentVersion",
    "Convention",
    "Organization",
    "OrganizationKind",
    "OrganizationQuerySet",
    "Participation",
    "RegistrationState",
    "TreatyStatus",
    "Update",
    "UpdateQuerySet",
    "validate_time_zone",
]
