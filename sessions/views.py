"""Public pages of the programme of work: the programme by day, its calendar, one session."""

import itertools

from django.contrib.admin.views.decorators import staff_member_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from va_conference.models import Conference

from . import calendar, files
from .models import Session, Statement, StatementFileVersion


def conference_for(request, slug):
    return get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)


def programme(request, slug):
    conference = conference_for(request, slug)
    sessions = list(
        Session.objects.visible_to(request.user)
        .filter(conference=conference)
        .select_related("room")
        .with_statement_counts()
    )
    for session in sessions:
        session.conference = conference
    days = [(day, list(group)) for day, group in itertools.groupby(sessions, key=lambda s: s.date)]
    return render(
        request,
        "sessions/programme.html",
        {"conference": conference, "days": days, "preview": not conference.is_published},
    )


def programme_ics(request, slug):
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    sessions = Session.objects.filter(conference=conference, is_public=True).select_related("room")
    return calendar.programme_response(request, conference, sessions)


def session_detail(request, slug, session_slug):
    conference = conference_for(request, slug)
    session = get_object_or_404(
        Session.objects.visible_to(request.user).select_related("room"),
        conference=conference,
        slug=session_slug,
    )
    session.conference = conference
    statements = session.statements.filter(is_published=True).select_related("organization")
    return render(
        request,
        "sessions/detail.html",
        {
            "conference": conference,
            "session": session,
            "statements": statements,
            "preview": not (conference.is_published and session.is_public),
        },
    )


@require_safe
def statement_file(request, slug, pk):
    """A statement's file, streamed from storage: published ones for all, drafts for staff."""
    statements = Statement.objects.select_related("session__conference", "organization")
    if not request.user.is_staff:
        statements = statements.published()
    statement = get_object_or_404(statements, pk=pk, session__conference__slug=slug)
    response = file_response(statement.file, statement.download_name)
    if not statement.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@staff_member_required
def earlier_statement_file(request, slug, pk, version_pk):
    """A file a statement had before it was replaced: for staff only."""
    version = get_object_or_404(
        StatementFileVersion.objects.select_related(
            "statement__session__conference", "statement__organization"
        ),
        pk=version_pk,
        statement_id=pk,
        statement__session__conference__slug=slug,
    )
    response = file_response(version.file, version.statement.download_name)
    response["Cache-Control"] = "private, no-store"
    return response


def file_response(field_file, download_name):
    """Stream a stored file as an attachment, its type read from its content, never guessed."""
    try:
        stored = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    file_format = files.detect_format(stored)
    if file_format is None:
        stored.close()
        raise Http404
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=download_name(file_format),
        content_type=files.CONTENT_TYPES[file_format],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
