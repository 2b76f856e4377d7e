"""Public pages of the programme of work: the programme by day, its calendar, one session."""

import itertools

from django.shortcuts import get_object_or_404, render

from va_conference.models import Conference

from . import calendar
from .models import Session


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
