"""What a conference's dashboard shows: where registration stands, what needs doing now, and
every tool of the conference, each only to staff who may use it.

Every figure is counted by the database, a query for each, whatever the number of
registrations.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from delegations.models import FocalPoint
from letters import issuing
from registrations.models import PLACE_STATUSES, Delivery, Registration, Status, VisaRequest
from sessions.models import Statement
from va_conference import roles
from va_conference.models import Organization


@dataclass
class Link:
    label: str
    url: str
    count: int | None = None


def changelist(url_name, **filters):
    url = reverse(f"admin:{url_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def standing(conference):
    """Registration's state, and the places taken, free and waited for."""
    counts = Registration.objects.filter(conference=conference).aggregate(
        taken=Count("pk", filter=Q(status__in=PLACE_STATUSES)),
        waiting=Count("pk", filter=Q(status=Status.WAITLISTED)),
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
        holding_personal_data=Count("pk", filter=Q(anonymised_at=None)),
    )
    capacity = conference.capacity
    free = None if capacity is None else max(capacity - counts["taken"], 0)
    return {"state": conference.registration_state(), "capacity": capacity, "free": free, **counts}


def to_do(conference, user, standing):
    """What needs doing now, each a count linked to the list that shows them."""
    tasks = []
    if user.has_perm("registrations.view_registration"):
        tasks.append(
            Link(
                _("Registrations to review"),
                changelist(
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
                changelist("va_conference_organization", is_verified__exact=0),
                Organization.objects.filter(is_verified=False, registrations__conference=conference)
                .distinct()
                .count(),
            )
        )
    if user.has_perm("delegations.view_focalpoint"):
        tasks.append(
            Link(
                _("Requests to be a focal point, to approve"),
                changelist(
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
                changelist(
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
                changelist(
                    "programme_statement",
                    session__conference__id__exact=conference.pk,
                    is_published__exact=0,
                ),
                Statement.objects.filter(
                    session__conference=conference, is_published=False, sent_ahead=False
                ).count(),
            )
        )
    if user.has_perm("registrations.view_delivery"):
        tasks.append(
            Link(
                _("E-mails to delegates that failed"),
                changelist(
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


def letterhead_url(conference):
    letterhead = getattr(conference, "letterhead", None)
    if letterhead is None:
        return reverse("admin:letters_letterhead_add") + f"?conference={conference.pk}"
    return reverse("admin:letters_letterhead_change", args=[letterhead.pk])


def tools(conference, user):
    """Every tool of the conference that `user` may use."""
    slug = conference.slug
    offered = [
        (
            "registrations.view_registration",
            _("Registrations"),
            changelist("registrations_registration", conference__id__exact=conference.pk),
        ),
        (
            "delegations.view_delegation",
            _("Delegations and their credentials"),
            changelist("delegations_delegation", conference__id__exact=conference.pk),
        ),
        (
            "delegations.view_focalpoint",
            _("Focal points"),
            changelist("delegations_focalpoint", delegation__conference__id__exact=conference.pk),
        ),
        (
            "delegations.add_focalpoint",
            _("Name a focal point"),
            reverse("admin:delegations_focalpoint_add") + f"?conference={conference.pk}",
        ),
        (
            "registrations.add_attendance",
            _("Check-in"),
            reverse("organizers:check_in", args=[slug]),
        ),
        (
            roles.FIGURES,
            _("Figures"),
            reverse("organizers:figures", args=[slug]),
        ),
        (
            roles.PARTICIPANTS_LISTS,
            _("List of Participants"),
            reverse("organizers:participants_list", args=[slug]),
        ),
        (
            roles.CREDENTIALS_REPORT,
            _("Credentials report"),
            reverse("organizers:credentials_report", args=[slug]),
        ),
        (
            "registrations.add_message",
            _("Write to delegates"),
            reverse("organizers:write_to_delegates", args=[slug]),
        ),
        (
            "registrations.view_delivery",
            _("E-mails to delegates"),
            changelist("registrations_delivery", registration__conference__id__exact=conference.pk),
        ),
        (
            "registrations.view_message",
            _("Messages written to delegates"),
            changelist("registrations_message", conference__id__exact=conference.pk),
        ),
        (
            "floor.view_speakerslist",
            _("Lists of speakers"),
            reverse("organizers:speakers_sessions", args=[slug]),
        ),
        (
            "floor.read_texts_sent_ahead",
            _("Texts for the interpreters"),
            reverse("organizers:interpreters", args=[slug]),
        ),
        (
            "registrations.view_visarequest",
            _("Visa letter requests"),
            changelist(
                "registrations_visarequest", registration__conference__id__exact=conference.pk
            ),
        ),
        (
            "letters.view_letter",
            _("Letters and certificates issued"),
            changelist("letters_letter", conference__id__exact=conference.pk),
        ),
        (
            "letters.change_letterhead",
            _("Letterhead"),
            letterhead_url(conference),
        ),
        (
            "programme.view_session",
            _("Sessions"),
            changelist("programme_session", conference__id__exact=conference.pk),
        ),
        (
            "programme.add_session",
            _("Add a session"),
            reverse("admin:programme_session_add") + f"?conference={conference.pk}",
        ),
        (
            "programme.view_room",
            _("Rooms"),
            changelist("programme_room", conference__id__exact=conference.pk),
        ),
        (
            "programme.view_statement",
            _("Statements"),
            changelist("programme_statement", session__conference__id__exact=conference.pk),
        ),
        (
            "programme.add_statement",
            _("Upload a session's statements"),
            reverse("organizers:upload_statements", args=[slug]),
        ),
        (
            "programme.view_document",
            _("Official documents"),
            changelist("programme_document", conference__id__exact=conference.pk),
        ),
        (
            "va_conference.view_update",
            _("Updates"),
            changelist("va_conference_update", conference__id__exact=conference.pk),
        ),
        (
            "va_conference.change_conference",
            _("The conference's settings"),
            reverse("admin:va_conference_conference_change", args=[conference.pk]),
        ),
    ]
    return [Link(label, url) for permission, label, url in offered if user.has_perm(permission)]
