"""The registrations app's admin, one module for each of its jobs."""

from . import attendance, delegate, emails, online_meetings, questions, registration

__all__ = ["attendance", "delegate", "emails", "online_meetings", "questions", "registration"]
