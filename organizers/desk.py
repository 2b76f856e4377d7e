"""What a conference's dashboard shows: where registration stands, what needs doing now, and
every tool of the conference (declared in organizers/tools.py), each only to staff who may use
it.

Every figure is counted by the database, a query for each, whatever the number of
registrations.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from delegations.models import FocalPoint
from letters import issuing
from registrations import follow_ups
from registrations.models import (
    PLACE_STATUSES,
    Delivery,
    Registration,
    Status,
    UnmatchedRow,
    VisaRequest,
)
from sessions.models import Statement
from va_conference.models import Organization, Participation

from . import tools
from .tools import admin_list


@dataclass
class Link:
    label: str
    url: str
    count: int | None = None


# The lines of the places of each way of taking part, where a conference offers both.
PLACES_LABELS = {
    Participation.IN_PERSON: (_("Places taken in person"), _("Waiting to take part in person")),
    Participation.ONLINE: (_("Places taken online"), _("Waiting to take part online")),
}


def standing(conference):
    """Registration's state, and for each way of taking part the conference offers, the places
    taken, free and waited for."""
    counts = Registration.objects.filter(conference=conference).aggregate(
        **{
            f"{counted}_{mode}": Count("pk", filter=Q(status__in=statuses, mode=mode))
            for mode in Participation
            for counted, statuses in (("taken", PLACE_STATUSES), ("waiting", [Status.WAITLISTED]))
        },
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
        holding_personal_data=Count("pk", filter=Q(anonymised_at=None)),
    )
    modes = conference.participation_modes()
    places = []
    for mode in modes:
        taken, capacity = counts[f"taken_{mode}"], conference.capacity_for(mode)
        labels = PLACES_LABELS[mode] if len(modes) > 1 else (_("Places taken"), None)
        places.append(
            {
                "label": labels[0],
                "waiting_label": labels[1],
                "taken": taken,
                "capacity": capacity,
                "free": None if capacity is None else max(capacity - taken, 0),
                "waiting": counts[f"waiting_{mode}"],
            }
        )
    waiting = sum(counts[f"waiting_{mode}"] for mode in Participation)
    return {
        "state": conference.registration_state(),
        "places": places,
        "waiting": waiting,
        **counts,
    }


def to_do(conference, user, standing):
    """What needs doing now, each a count linked to the list that shows them."""
    tasks = []
    if user.has_perm("registrations.view_registration"):
        tasks.append(
            Link(
                _("Registrations to review"),
                admin_list(
                    "registrations_registration",
                    conference__id__exact=conference.pk,
                    status__exact=Status.SUBMITTED,
                ),
                standing["submitted"],
            )
        )
    if user.has_perm("va_conference.view_organization"):
        tasks.append(
            Link(
                _("Organizations proposed by delegates, to verify"),
                admin_list("va_conference_organization", is_verified__exact=0),
                Organization.objects.filter(is_verified=False, registrations__conference=conference)
                .distinct()
                .count(),
            )
        )
    if user.has_perm("delegations.view_focalpoint"):
        tasks.append(
            Link(
                _("Requests to be a focal point, to approve"),
                admin_list(
                    "delegations_focalpoint",
                    delegation__conference__id__exact=conference.pk,
                    state__exact=FocalPoint.State.REQUESTED,
                ),
                FocalPoint.objects.filter(
                    delegation__conference=conference, state=FocalPoint.State.REQUESTED
                ).count(),
            )
        )
    if user.has_perm("registrations.view_visarequest"):
        tasks.append(
            Link(
                _("Visa letters to issue"),
                admin_list(
                    "registrations_visarequest",
                    registration__conference__id__exact=conference.pk,
                    registration__status__exact=Status.CONFIRMED,
                    letter="waiting",
                ),
                visa_letters_to_issue(conference),
            )
        )
    if user.has_perm("programme.view_statement"):
        tasks.append(
            Link(
                _("Statements uploaded but not published"),
                admin_list(
                    "programme_statement",
                    session__conference__id__exact=conference.pk,
                    is_published__exact=0,
                ),
                Statement.objects.filter(
                    session__conference=conference, is_published=False, sent_ahead=False
                ).count(),
            )
        )
    if user.has_perm("registrations.view_registration"):
        for form, count in follow_ups.not_answered(conference, standing["confirmed"]):
            tasks.append(
                Link(
                    _("Not answered yet: “%(form)s”, by %(deadline)s")
                    % {"form": form.title, "deadline": date_format(form.deadline)},
                    admin_list(
                        "registrations_registration",
                        conference__id__exact=conference.pk,
                        not_answered=form.pk,
                    ),
                    count,
                )
            )
    if conference.offers_online and user.has_perm("registrations.add_onlineattendance"):
        tasks.append(
            Link(
                _("Rows of online attendance reports to assign or ignore"),
                reverse("organizers:online_attendance", args=[conference.slug]),
                UnmatchedRow.objects.filter(
                    report__conference=conference, state=UnmatchedRow.State.WAITING
                ).count(),
            )
        )
    if user.has_perm("registrations.view_delivery"):
        tasks.append(
            Link(
                _("E-mails to delegates that failed"),
                admin_list(
                    "registrations_delivery",
                    registration__conference__id__exact=conference.pk,
                    state__exact=Delivery.State.FAILED,
                ),
                Delivery.objects.filter(
                    registration__conference=conference, state=Delivery.State.FAILED
                ).count(),
            )
        )
    return tasks


def visa_letters_to_issue(conference):
    """Confirmed delegates who asked for a visa letter and hold none in force."""
    return (
        VisaRequest.objects.filter(
            registration__conference=conference, registration__status=Status.CONFIRMED
        )
        .exclude(issuing.visa_letter_in_force())
        .count()
    )


def personal_data_overdue(conference, standing):
    """How many registrations still hold personal data past the retention period."""
    if conference.personal_data_kept_until < timezone.localdate():
        return standing["holding_personal_data"]
    return 0


def offered_tools(conference, user):
    """The conference's tools that `user` may use, under the dashboard's headings:
    [(heading, [Link])]."""
    groups = {group: [] for group in tools.GROUPS}
    for tool in tools.TOOLS:
        if tool is not tools.DASHBOARD and user.has_perm(tool.permission):
            groups[tool.group].append(Link(tool.label, tool.url(conference)))
    return [(tools.GROUPS[group], links) for group, links in groups.items() if links]
