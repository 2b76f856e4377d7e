"""Public pages of the conferences themselves, and the health check."""

import itertools
import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import Conference, Update
from .page_cache import cached_for_visitors, end_of_today

logger = logging.getLogger(__name__)


@require_safe
@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database is unreachable.")
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@cached_for_visitors(until=end_of_today)
def conference_list(request):
    """Upcoming conferences first, soonest first; then the archive, by year."""
    today = timezone.localdate()
    conferences = list(Conference.objects.published().order_by("start_date"))
    upcoming = [conference for conference in conferences if conference.end_date >= today]
    past = [conference for conference in reversed(conferences) if conference.end_date < today]
    archive = [
        (year, list(group))
        for year, group in itertools.groupby(
            past, key=lambda conference: conference.start_date.year
        )
    ]
    return render(request, "conferences/list.html", {"upcoming": upcoming, "archive": archive})


def next_change_of(slug):
    conference = Conference.objects.filter(slug=slug).first()
    return conference.next_change_by_the_clock() if conference else None


@require_safe
@cached_for_visitors(until=next_change_of)
def conference_detail(request, slug):
    conference = get_object_or_404(
        Conference.objects.visible_to(request.user).select_related("host"), slug=slug
    )
    organizers = list(conference.organizers.all())
    return render(
        request,
        "conferences/detail.html",
        {
            "conference": conference,
            "organizers": organizers,
            # Official documents live in the programme app, reached through the relation.
            "documents_by_kind": conference.documents.visible_to(request.user).by_kind(),
            "updates": list(conference.updates.visible_to(request.user)[:3]),
            "registration_state": conference.registration_state(),
            "preview": not conference.is_published,
        },
    )


def next_update_of(slug):
    return Update.objects.next_to_appear(conference__slug=slug)


@require_safe
@cached_for_visitors(until=next_update_of)
def updates(request, slug):
    """Everything the organizers posted about a conference, newest first."""
    conference = get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)
    return render(
        request,
        "conferences/updates.html",
        {
            "conference": conference,
            "updates": conference.updates.visible_to(request.user),
            "preview": not conference.is_published,
        },
    )
