"""A delegate's turns on the lists of speakers, on their agenda: those of their delegation.

A template tag, because the agenda belongs to the registrations, which know nothing of lists
of speakers (imports flow from the floor to the registrations, never back).
"""

from django import template

from floor.models import FloorRequest

register = template.Library()


@register.inclusion_tag("floor/own_turns.html")
def turns_of(registration):
    """One query, whatever the number of turns."""
    turns = (
        FloorRequest.objects.filter(
            delegation_id=registration.delegation_id,
            speakers_list__session__conference_id=registration.conference_id,
        )
        .select_related("speakers_list__session")
        .order_by(
            "speakers_list__session__date",
            "speakers_list__session__start_time",
            "position",
            "pk",
        )
    )
    return {"turns": list(turns), "conference": registration.conference}
