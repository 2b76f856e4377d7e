"""The letters part of a delegate's private page: their visa letter request and its letter,
their certificate of attendance.

A template tag, because the private page belongs to the registrations, which know nothing of
letters (imports flow from letters to registrations, never back).
"""

from django import template

from letters import issuing
from letters.models import Kind
from registrations.models import VisaRequest

register = template.Library()


@register.inclusion_tag("letters/includes/private_page.html", takes_context=True)
def letters_of(context, registration):
    """Three queries: the request, the letters in force, whether the delegate was present."""
    letters = {
        letter.kind: letter
        for letter in registration.letters.in_force().select_related("conference")
    }
    conference = registration.conference
    after = issuing.certificates_open(conference)
    return {
        "registration": registration,
        "csrf_token": context.get("csrf_token"),
        "visa_request": VisaRequest.objects.filter(registration=registration)
        .only("pk", "created_at")
        .first(),
        "visa_letter": letters.get(Kind.VISA),
        "may_ask": issuing.may_ask_for_visa_letter(registration),
        "certificates_open": after,
        "certificate": letters.get(Kind.ATTENDANCE),
        "was_present": after
        and (registration.attendances.exists() or registration.online_attendances.exists()),
    }
