"""The people side: delegates and their registrations to conferences.

- choices.py: the honorifics, roles, statuses and endorsements a registration is made of;
- people.py: delegates and registrations;
- accessibility.py: the accessibility needs a registration states;
- attendance.py: the days each delegate was checked in, or seen online;
- emails.py: the organizers' messages and every e-mail to a delegate;
- visa.py: a delegate's request for a visa letter, with their passport details;
- questions.py: a conference's own questions and the answers to them;
- agenda.py: a delegate's own agenda and its calendar's private address.

Everything is imported here, so that `from registrations.models import Registration` reads
the same wherever a model lives (and the migrations find registrations.models.new_token).
"""

from .accessibility import ACCESSIBILITY_NEEDS, AccessibilityNeed
from .agenda import Agenda
from .attendance import Attendance, AttendanceReport, OnlineAttendance, UnmatchedRow
from .choices import (
    ACTIVE_STATUSES,
    NOT_ENDORSED,
    PLACE_STATUSES,
    Endorsement,
    Honorific,
    Role,
    Status,
)
from .emails import WITH_OWN_WORDS, Delivery, EmailKind, Message, OwnWords
from .people import (
    HEAD_TAKEN,
    REFERENCE_ALPHABET,
    Delegate,
    Registration,
    head_taken,
    new_token,
)
from .questions import (
    Answer,
    Asked,
    FollowUpForm,
    FollowUpReply,
    Question,
    QuestionChoice,
    QuestionType,
)
from .visa import PASSPORT_FIELDS, VisaRequest

__all__ = [
    "ACCESSIBILITY_NEEDS",
    "ACTIVE_STATUSES",
    "HEAD_TAKEN",
    "NOT_ENDORSED",
    "PASSPORT_FIELDS",
    "PLACE_STATUSES",
    "REFERENCE_ALPHABET",
    "WITH_OWN_WORDS",
    "AccessibilityNeed",
    "Agenda",
    "Answer",
    "Asked",
    "Attendance",
    "AttendanceReport",
    "Delegate",
    "Delivery",
    "EmailKind",
    "Endorsement",
    "FollowUpForm",
    "FollowUpReply",
    "Honorific",
    "Message",
    "OnlineAttendance",
    "OwnWords",
    "Question",
    "QuestionChoice",
    "QuestionType",
    "Registration",
    "Role",
    "Status",
    "UnmatchedRow",
    "VisaRequest",
    "head_taken",
    "new_token",
]
