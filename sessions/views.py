"""Public pages of the programme of work: the programme by day, its calendar, one session."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from va_conference.models import Conference, Organization
from va_conference.page_cache import cached_for_visitors

from . import calendar, excerpts, files, object_storage, releases, search
from .forms import (
    StatementFilterForm,
    search_form,
)
from .models import (
    DocumentFile,
    Session,
    Statement,
    StatementFileVersion,
)


def conference_for(request, slug):
    return get_object_or_404(Conference.objects.visible_to(request.user), slug=slug)


@require_safe
@cached_for_visitors(released=True)
def programme(request, slug):
    """The programme by day: its last release, or, never released, its sessions as they are
    (with drafts for who may view sessions)."""
    conference = conference_for(request, slug)
    release = releases.latest(conference)
    if release is not None:
        sessions = releases.public_sessions(conference, release)
        releases.count_statements(sessions)
    else:
        sessions = list(
            Session.objects.visible_to(request.user)
            .filter(conference=conference)
            .select_related("room")
            .with_statement_counts()
        )
        for session in sessions:
            session.conference = conference
    return render(
        request,
        "sessions/programme.html",
        {
            "conference": conference,
            "days": releases.by_day(sessions),
            "release": release,
            "preview": not conference.is_published,
        },
    )


@require_safe
@cached_for_visitors(released=True)
def programme_ics(request, slug):
    # A calendar subscribed to is read by no one signed in: only what is published.
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    sessions = releases.public_sessions(conference, releases.latest(conference))
    return calendar.programme_response(request, conference, sessions)


@require_safe
@cached_for_visitors(released=True)
def programme_changes(request, slug):
    """The programme's releases, newest first, each with what changed since the one before."""
    conference = conference_for(request, slug)
    return render(
        request,
        "sessions/changes.html",
        {
            "conference": conference,
            "history": releases.history(conference),
            "preview": not conference.is_published,
        },
    )


@require_safe
@cached_for_visitors(released=True)
def session_detail(request, slug, session_slug):
    """A session as last released (as it is, if never released); who may view sessions also
    previews one not released yet."""
    conference = conference_for(request, slug)
    release = releases.latest(conference)
    session = releases.released_session(release, session_slug) if release else None
    if session is None:
        session = get_object_or_404(
            Session.objects.visible_to(request.user).select_related("room"),
            conference=conference,
            slug=session_slug,
        )
        if release is not None and not request.user.has_perm("programme.view_session"):
            raise Http404
        session.conference = conference
        unreleased = release is not None
    else:
        unreleased = False
    statements = sorted(
        session.statements.visible_to(request.user).as_delivered(request.user),
        key=lambda statement: statement.organization.name.casefold(),
    )
    return render(
        request,
        "sessions/detail.html",
        {
            "conference": conference,
            "session": session,
            "statements": statements,
            "preview": not (conference.is_published and session.is_public) or unreleased,
        },
    )


STATEMENTS_PER_PAGE = 50
RESULTS_PER_PAGE = 20


def pagination(request, page):
    """What includes/pagination.html needs: the page, its neighbours' numbers, and the
    visitor's other parameters to keep in the links."""
    parameters = request.GET.copy()
    parameters.pop("page", None)
    return {
        "page": page,
        "page_numbers": page and page.paginator.get_elided_page_range(page.number),
        "query": parameters.urlencode(),
    }


@require_safe
def conference_statements(request, slug):
    """Every published statement of a conference, filtered and a page at a time."""
    conference = conference_for(request, slug)
    sessions = Session.objects.visible_to(request.user).filter(conference=conference)
    visible = Statement.objects.visible_to(request.user).filter(session__in=sessions)
    form = StatementFilterForm(
        request.GET,
        sessions=sessions,
        organizations=Organization.objects.filter(pk__in=visible.values("organization")),
    )
    statements = (
        form.filter(visible.as_delivered(request.user))
        .select_related("session")
        .order_by(
            "session__date",
            "session__start_time",
            "session__order",
            "session",
            "organization__name",
        )
    )
    page = Paginator(statements, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
    for statement in page:
        statement.session.conference = conference
    return render(
        request,
        "sessions/statements.html",
        {
            "conference": conference,
            "form": form,
            **pagination(request, page),
            "preview": not conference.is_published,
        },
    )


@require_safe
def search_statements(request):
    """Every meeting's published statements and documents: searched, filtered, a page at a time."""
    form = search_form(request.GET)
    page = query = None
    if form.is_valid():
        query = form.query
        rows = search.search(query, form.filters(), request.user)
        page = search.page_of(rows, query, request.GET.get("page"), RESULTS_PER_PAGE)
        page.results = excerpts.results(page.object_list, query)
    return render(
        request,
        "sessions/search.html",
        {"form": form, "searched": query, **pagination(request, page)},
    )


@require_safe
def statement_file(request, slug, pk):
    """A statement's file, streamed from storage: published ones for all, drafts for those who
    may view statements."""
    statement = get_object_or_404(
        Statement.objects.visible_to(request.user).select_related(
            "session__conference", "organization"
        ),
        pk=pk,
        session__conference__slug=slug,
    )
    response = file_response(
        statement.file, statement.download_name, published=statement.is_published
    )
    if not statement.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@cached_for_visitors
def documents(request, slug):
    """A conference's official documents, by kind, each in its languages."""
    conference = conference_for(request, slug)
    return render(
        request,
        "sessions/documents.html",
        {
            "conference": conference,
            "documents_by_kind": conference.documents.visible_to(request.user).by_kind(),
            "preview": not conference.is_published,
        },
    )


@require_safe
def document_file(request, slug, pk):
    """One language of an official document: published ones for all, drafts for those who may
    view document files."""
    document_file = get_object_or_404(
        DocumentFile.objects.visible_to(request.user).select_related("document__conference"),
        pk=pk,
        document__conference__slug=slug,
    )
    response = file_response(
        document_file.file,
        document_file.download_name,
        published=document_file.document.is_published,
    )
    if not document_file.document.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@staff_member_required
def earlier_statement_file(request, slug, pk, version_pk):
    """A file a statement had before it was replaced: never public, for those who may view
    statements (a visitor is asked to sign in first)."""
    if not request.user.has_perm("programme.view_statement"):
        raise Http404
    version = get_object_or_404(
        StatementFileVersion.objects.select_related(
            "statement__session__conference", "statement__organization"
        ),
        pk=version_pk,
        statement_id=pk,
        statement__sent_ahead=False,
        statement__session__conference__slug=slug,
    )
    response = file_response(version.file, version.statement.download_name)
    response["Cache-Control"] = "private, no-store"
    return response


def file_response(field_file, download_name, published=False):
    """Stream a stored file as an attachment, its type read from its content, never guessed.

    With S3_SIGNED_DOWNLOADS a published file is sent from the bucket instead: a redirect to a
    signed URL that expires. Never a draft or an earlier file: anyone holding the URL could
    fetch it until it expires, whoever they are."""
    try:
        stored = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # The type comes from the content, which the row does not record: even a redirect reads
    # the file once, from the bucket, but the visitor's (often slow) download does not hold a
    # web server's worker.
    file_format = files.detect_format(stored)
    if file_format is None:
        stored.close()
        raise Http404
    filename = download_name(file_format)
    content_type = files.CONTENT_TYPES[file_format]
    if published and object_storage.signs_downloads(field_file.storage):
        stored.close()
        response = redirect(object_storage.signed_url(field_file, filename, content_type))
        # A cache must not keep the redirect beyond the life of its URL.
        response["Cache-Control"] = "private, no-store"
        return response
    response = FileResponse(
        stored, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
