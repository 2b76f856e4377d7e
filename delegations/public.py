"""The public page of the delegations registered at a conference: by category, in the order of
the meeting reports, with counts; organizations always, people only if they agreed to be listed
publicly.

A delegation counts as registered once it has a member taking part: an active registration
that is not waiting for (or refused by) the delegation's focal point, so that nobody makes a
State appear here by registering for it alone. Organizations a delegate proposed appear once an
organizer has verified them, as on every public page.
"""

import unicodedata
from collections import Counter

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from registrations.figures import WAYS, way_of
from registrations.models import ACTIVE_STATUSES, NOT_ENDORSED, Registration, Role
from va_conference.models import Conference, Participation
from va_conference.page_cache import cached_for_visitors

from .categories import ORDER, Category, category_of
from .models import Delegation

ROLE_ORDER = {role: number for number, role in enumerate(Role.values)}


def alphabetical(text):
    """A sort key that sets case and accents aside, as an index does: Égypte among the E."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def listed_first(member):
    # Head of delegation first, then in the order of the roles, then by family name.
    return ROLE_ORDER.get(member.role, len(ROLE_ORDER)), alphabetical(member.family_name)


def registered(conference):
    """[(category, [delegation, ...])] in the order of the meeting reports, each category's
    delegations alphabetically in the current language. Each delegation carries
    `participant_total` (its members taking part), `in_person_total` and `online_total` (of
    them, by way of taking part), `way` (in person only, online only or both) and `listed`
    (those named publicly: confirmed, and who agreed to be listed)."""
    taking_part = Q(members__status__in=ACTIVE_STATUSES) & ~Q(members__endorsement__in=NOT_ENDORSED)
    listed = (
        Registration.objects.confirmed_members()
        .filter(
            consents_to_public_listing=True,
            anonymised_at__isnull=True,
        )
        .only("delegation_id", "honorific", "given_name", "family_name", "role")
    )
    has_members = Registration.objects.filter(
        delegation=OuterRef("pk"), status__in=ACTIVE_STATUSES
    ).exclude(endorsement__in=NOT_ENDORSED)
    delegations = (
        Delegation.objects.filter(conference=conference, organization__is_verified=True)
        .filter(Exists(has_members))
        .select_related("organization")
        .annotate(
            participant_total=Count("members", filter=taking_part),
            in_person_total=Count(
                "members", filter=taking_part & Q(members__mode=Participation.IN_PERSON)
            ),
            online_total=Count(
                "members", filter=taking_part & Q(members__mode=Participation.ONLINE)
            ),
        )
        .prefetch_related(Prefetch("members", queryset=listed, to_attr="listed"))
    )
    by_category = {}
    for delegation in delegations:
        delegation.listed.sort(key=listed_first)
        totals = {
            Participation.IN_PERSON: delegation.in_person_total,
            Participation.ONLINE: delegation.online_total,
        }
        delegation.way = way_of({mode for mode, total in totals.items() if total})
        category = category_of(conference, delegation.organization)
        by_category.setdefault(category, []).append(delegation)
    return [
        (
            Category(category),
            sorted(members, key=lambda delegation: alphabetical(delegation.organization.name)),
        )
        for category, members in sorted(by_category.items(), key=lambda item: ORDER[item[0]])
    ]


def ways_of(delegations):
    """How many of `delegations` take part in person only, online only, both (WAYS' order)."""
    ways = Counter(delegation.way for delegation in delegations)
    return [ways[way] for way in WAYS]


@require_safe
@cached_for_visitors
def delegations_registered(request, slug):
    conference = get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)
    categories = [
        {
            "category": category,
            "delegations": delegations,
            "participant_total": sum(d.participant_total for d in delegations),
            "in_person_total": sum(d.in_person_total for d in delegations),
            "online_total": sum(d.online_total for d in delegations),
            "ways": ways_of(delegations),
        }
        for category, delegations in registered(conference)
    ]
    return render(
        request,
        "delegations/public.html",
        {
            "conference": conference,
            "categories": categories,
            "delegation_total": sum(len(group["delegations"]) for group in categories),
            "participant_total": sum(group["participant_total"] for group in categories),
            "in_person_total": sum(group["in_person_total"] for group in categories),
            "online_total": sum(group["online_total"] for group in categories),
            "ways": ways_of(d for group in categories for d in group["delegations"]),
            "both_ways": len(conference.participation_modes()) > 1,
            "way_labels": WAYS.values(),
            "preview": not conference.is_published,
        },
    )
