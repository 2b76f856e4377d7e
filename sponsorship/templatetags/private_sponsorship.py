"""The sponsorship part of a delegate's private page: the programme's offer to them.

A template tag, because the private page belongs to the registrations, which know nothing of
sponsorship (imports flow from sponsorship to registrations, never back).
"""

from django import template

from sponsorship.models import COMMITTING

register = template.Library()


@register.inclusion_tag("sponsorship/includes/private_page.html")
def sponsorship_offer_of(registration):
    """One query: the offer waiting for the delegate's answer, or the one they accepted, with
    its ticket."""
    offer = (
        registration.sponsorship_offers.filter(state__in=COMMITTING)
        .select_related("fund__conference__sponsorship_budget", "ticket")
        .first()
    )
    return {
        "registration": registration,
        "offer": offer,
        "ticket": getattr(offer, "ticket", None) if offer else None,
    }
