"""The rules of order of a list of speakers.

In order of request, speakers come as they asked. In protocol order they come by group: States
Parties (every State, at a meeting of no one convention), then signatory and observer States,
then the United Nations, other international organizations and the ICRC and IFRC, then civil
society; within a group heads of State or Government first, then ministers, then the others, each
in order of request. Ties are broken by the request's number, so that the same requests always
come in the same order.
"""

from delegations.categories import Category, category_of

from .models import Order, Rank

PROTOCOL_GROUPS = {
    Category.STATE_PARTY: 0,
    Category.STATE: 0,
    Category.SIGNATORY: 1,
    Category.OBSERVER_STATE: 1,
    Category.UN: 2,
    Category.INTERNATIONAL: 2,
    Category.RED_CROSS: 2,
}
CIVIL_SOCIETY = 3
RANKS = {Rank.HEAD_OF_STATE_OR_GOVERNMENT: 0, Rank.MINISTER: 1, Rank.OTHER: 2}


def protocol_group(conference, organization):
    return PROTOCOL_GROUPS.get(category_of(conference, organization), CIVIL_SOCIETY)


def request_key(request):
    return (request.requested_at, request.pk)


def protocol_key(conference):
    def key(request):
        return (
            protocol_group(conference, request.delegation.organization),
            RANKS.get(request.rank, len(RANKS)),
            *request_key(request),
        )

    return key


def in_order(requests, rule, conference):
    """`requests` (with their delegations' organizations) sorted by `rule`."""
    key = protocol_key(conference) if rule == Order.PROTOCOL else request_key
    return sorted(requests, key=key)
