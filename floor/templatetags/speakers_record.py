"""The record of the floor on a session's page: who spoke, in order, with their statements.

A template tag, because the session's page belongs to the programme, which knows nothing of
lists of speakers (imports flow from the floor to the programme, never back).
"""

from django import template

from floor.models import FloorRequest, Turn

register = template.Library()


@register.inclusion_tag("floor/record.html", takes_context=True)
def speakers_record(context, session):
    """One query, whatever the number of speakers."""
    spoke = (
        FloorRequest.objects.filter(
            speakers_list__session=session, turn__in=[Turn.SPOKE, Turn.IN_WRITING]
        )
        .select_related("delegation__organization", "statement")
        .order_by("position", "requested_at", "pk")
    )
    return {"conference": context["conference"], "spoke": list(spoke)}
