"""The interpreters' pages: for each session still to come and each language, the texts the
speakers still to speak sent ahead, to read and download before they are delivered.

Texts sent ahead are drafts, confidential until delivered: only staff holding the permission
to read them (the Interpreters and the organizers) open these pages, and a text no longer
downloads here once its speaker's turn is over (it is then published, or stays a draft).
"""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from floor.models import STILL_TO_SPEAK, FloorRequest, SpeakersList
from sessions.models import StatementLanguage
from sessions.views import file_response

from ..pages import conference_for, tool_page
from ..permissions import tool


def texts_to_come(conference):
    return FloorRequest.objects.filter(
        speakers_list__session__conference=conference,
        turn__in=STILL_TO_SPEAK,
        statement__isnull=False,
    )


@tool("interpreters")
def sessions(request, slug):
    """The sessions not yet over whose speakers sent texts, with how many in each language."""
    conference = conference_for(slug)
    today = timezone.localdate(timezone=conference.tzinfo)
    counts = (
        texts_to_come(conference)
        .filter(speakers_list__session__date__gte=today)
        .values("speakers_list__session_id", "language")
        .annotate(texts=Count("pk"))
        .order_by("language")
    )
    by_session = {}
    for row in counts:
        by_session.setdefault(row["speakers_list__session_id"], []).append(
            (row["language"], StatementLanguage(row["language"]).label, row["texts"])
        )
    lists = (
        SpeakersList.objects.filter(session__pk__in=by_session)
        .select_related("session")
        .order_by("session__date", "session__start_time", "session__pk")
    )
    rows = [(each.session, by_session[each.session.pk]) for each in lists]
    return tool_page(
        request,
        conference,
        "interpreters_sessions.html",
        _("Texts for the interpreters"),
        rows=rows,
    )


@tool("interpreters")
def texts(request, slug, session_slug, language):
    """One session's texts in one language, in the order of the list of speakers."""
    conference = conference_for(slug)
    if language not in StatementLanguage.values:
        raise Http404
    speakers_list = get_object_or_404(
        SpeakersList.objects.select_related("session"),
        session__conference=conference,
        session__slug=session_slug,
    )
    requests = (
        texts_to_come(conference)
        .filter(speakers_list=speakers_list, language=language)
        .select_related("delegation__organization", "statement")
        .order_by("position", "requested_at", "pk")
    )
    return tool_page(
        request,
        conference,
        "interpreters_texts.html",
        _("Texts in %(language)s: %(session)s")
        % {"language": StatementLanguage(language).label, "session": speakers_list.session.title},
        session=speakers_list.session,
        requests=requests,
    )


@tool("interpreters")
def download(request, slug, pk):
    """A text sent ahead, while its speaker is still to come."""
    floor_request = get_object_or_404(
        texts_to_come(conference_for(slug)).select_related(
            "statement__session__conference", "statement__organization"
        ),
        pk=pk,
    )
    statement = floor_request.statement
    response = file_response(statement.file, statement.download_name)
    response["Cache-Control"] = "private, no-store"
    return response
