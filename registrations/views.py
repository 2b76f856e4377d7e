"""Public pages about the people taking part."""

from django.shortcuts import get_object_or_404, render

from va_conference.models import Conference, Organization

from .models import Status


def participants(request, slug):
    """Delegations with at least one confirmed delegate who agreed to be listed."""
    conference = get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)
    delegations = Organization.objects.filter(
        registrations__conference=conference,
        registrations__status=Status.CONFIRMED,
        registrations__consents_to_public_listing=True,
    ).distinct()
    delegations = sorted(delegations, key=lambda organization: organization.name.casefold())
    return render(
        request,
        "registrations/participants.html",
        {
            "conference": conference,
            "delegations": delegations,
            "preview": not conference.is_published,
        },
    )
