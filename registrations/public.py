"""The public pages about who takes part in a conference: the organizations listed, and the
States' treaty picture."""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from va_conference.models import Conference, Organization, TreatyStatus
from va_conference.page_cache import cached_for_visitors

from . import treaties
from .models import Status


@require_safe
@cached_for_visitors
def participants(request, slug):
    """Delegations with at least one confirmed delegate who agreed to be listed.

    An organization a delegate proposed appears once an organizer has verified its name.
    """
    conference = get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)
    delegations = (
        Organization.objects.verified()
        .filter(
            registrations__conference=conference,
            registrations__status=Status.CONFIRMED,
            registrations__consents_to_public_listing=True,
        )
        .distinct()
    )
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


STATE_FILTERS = {
    "crpd": ("crpd_status", {status for status, _label in TreatyStatus.choices}),
    "delegation": ("registered", {"yes", "no"}),
    "statement": ("spoke", {"yes", "no"}),
}


# The query parameters the States page reads, each with the values it knows.
STATES_QUERY = {
    "sort": set(treaties.COLUMNS),
    "order": {"asc", "desc"},
    "format": {"csv"},
    **{name: allowed for name, (_field, allowed) in STATE_FILTERS.items()},
}


@require_safe
@cached_for_visitors(query=STATES_QUERY)
def states(request, slug):
    """The States' treaty picture at a conference: sortable, filterable, downloadable."""
    conference = get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)
    sort = request.GET.get("sort", "state")
    if sort not in treaties.COLUMNS:
        sort = "state"
    descending = request.GET.get("order") == "desc"
    filters, chosen = {}, {}
    for name, (field, allowed) in STATE_FILTERS.items():
        value = request.GET.get(name, "")
        if value in allowed:
            chosen[name] = value
            filters[field] = {"yes": True, "no": False}.get(value, value)
    obligations, others = treaties.picture(conference, sort, descending, filters)
    if request.GET.get("format") == "csv":
        return treaties.csv_download(conference, obligations, others)
    return render(
        request,
        "registrations/states.html",
        {
            "conference": conference,
            "obligations": obligations,
            "others": others,
            "columns": [
                (key, heading, sort == key, descending)
                for key, (heading, _attribute) in treaties.COLUMNS.items()
            ],
            "chosen": chosen,
            "statuses": TreatyStatus.choices,
            "filter_query": urlencode(chosen),
            "sort": sort,
            "order": "desc" if descending else "asc",
            "sort_query": urlencode({"sort": sort, "order": "desc" if descending else "asc"}),
            "preview": not conference.is_published,
        },
    )
