"""The accessibility needs a registration states, each with the field that states it."""

from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AccessibilityNeed(NamedTuple):
    """A kind of accessibility need, the field that states it, and the rows that have it."""

    key: str
    field: str
    label: str
    condition: Q


# Yes-or-no needs are true; needs said in words (which sign language, others) are not empty.
ACCESSIBILITY_NEEDS = [
    AccessibilityNeed(
        "step_free", "needs_step_free_access", _("Step-free access"), Q(needs_step_free_access=True)
    ),
    AccessibilityNeed(
        "sign_language",
        "sign_language",
        _("Sign-language interpretation"),
        ~Q(sign_language=""),
    ),
    AccessibilityNeed(
        "captioning", "needs_captioning", _("Real-time captioning"), Q(needs_captioning=True)
    ),
    AccessibilityNeed(
        "documents",
        "needs_accessible_documents",
        _("Documents in accessible formats"),
        Q(needs_accessible_documents=True),
    ),
    AccessibilityNeed(
        "assistant",
        "has_personal_assistant",
        _("Accompanied by a personal assistant"),
        Q(has_personal_assistant=True),
    ),
    AccessibilityNeed(
        "other", "other_accessibility_needs", _("Other needs"), ~Q(other_accessibility_needs="")
    ),
]
