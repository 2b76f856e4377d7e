"""The people side: delegates and their registrations to conferences.

- people.py: delegates, registrations, and their roles, statuses and accessibility needs;
- attendance.py: the days each delegate was checked in;
- emails.py: the organizers' messages and every e-mail to a delegate.

Everything is imported here, so that `from registrations.models import Registration` reads
the same wherever a model lives (and the migrations find registrations.models.new_token).
"""

from .attendance import Attendance
from .emails import Delivery, EmailKind, Message
from .people import (
    ACCESSIBILITY_NEEDS,
    ACTIVE_STATUSES,
    PLACE_STATUSES,
    REFERENCE_ALPHABET,
    AccessibilityNeed,
    Delegate,
    Honorific,
    Registration,
    Role,
    Status,
    new_token,
)

__all__ = [
    "ACCESSIBILITY_NEEDS",
    "ACTIVE_STATUSES",
    "PLACE_STATUSES",
    "REFERENCE_ALPHABET",
    "AccessibilityNeed",
    "Attendance",
    "Delegate",
    "Delivery",
    "EmailKind",
    "Honorific",
    "Message",
    "Registration",
    "Role",
    "Status",
    "new_token",
]
