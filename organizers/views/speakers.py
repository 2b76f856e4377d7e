"""The organizers' tools of the floor: the sessions' lists of speakers, each put in order, moved
by hand, added to from the floor, and each speaker given the floor and marked done."""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from floor import speakers
from floor.forms import FromTheFloorForm, MoveForm, SpeakersListForm, TurnForm
from floor.models import FloorRequest, SpeakersList, Turn
from sessions.models import Session

from ..pages import conference_for, tool_page
from ..permissions import tool


def session_of(slug, session_slug):
    return get_object_or_404(
        Session.objects.select_related("conference", "speakers_list"),
        conference__slug=slug,
        slug=session_slug,
    )


def list_of(slug, session_slug):
    session = session_of(slug, session_slug)
    if not hasattr(session, "speakers_list"):
        raise Http404
    return session.speakers_list


def back_to(speakers_list, request=None):
    url = reverse(
        "organizers:speakers_list",
        args=[speakers_list.session.conference.slug, speakers_list.session.slug],
    )
    return redirect(f"{url}#request-{request.pk}" if request else url)


@tool("speakers_sessions")
def sessions(request, slug):
    """The conference's sessions, each with its list of speakers or the button to open one."""
    conference = conference_for(slug)
    waiting = Count("speakers_list__requests", filter=Q(speakers_list__requests__turn=Turn.WAITING))
    rows = (
        conference.sessions.select_related("speakers_list")
        .annotate(waiting=waiting)
        .order_by("date", "start_time", "order", "pk")
    )
    return tool_page(
        request, conference, "speakers_sessions.html", _("Lists of speakers"), rows=rows
    )


@require_POST
@tool("speakers_sessions", "floor.add_speakerslist")
def open_list(request, slug, session_slug):
    session = session_of(slug, session_slug)
    speakers_list, _created = SpeakersList.objects.get_or_create(session=session)
    return back_to(speakers_list)


def list_page(request, speakers_list, settings_form=None, floor_form=None):
    session = speakers_list.session
    return tool_page(
        request,
        session.conference,
        "speakers_list.html",
        _("List of speakers: %(session)s") % {"session": session.title},
        session=session,
        speakers_list=speakers_list,
        requests=list(speakers.requests_of(speakers_list)),
        settings_form=settings_form or SpeakersListForm(instance=speakers_list),
        floor_form=floor_form or FromTheFloorForm(),
        turns=[(turn, label) for turn, label in Turn.choices if turn != Turn.WAITING],
    )


@tool("speakers_sessions", "floor.view_floorrequest")
def speakers_list(request, slug, session_slug):
    return list_page(request, list_of(slug, session_slug))


@require_POST
@tool("speakers_sessions", "floor.change_speakerslist")
def list_settings(request, slug, session_slug):
    speakers_list = list_of(slug, session_slug)
    form = SpeakersListForm(request.POST, instance=speakers_list)
    if not form.is_valid():
        return list_page(request, speakers_list, settings_form=form)
    form.save()
    messages.success(request, _("The list's settings are saved."))
    return back_to(speakers_list)


@require_POST
@tool("speakers_sessions", "floor.change_floorrequest")
def apply_order(request, slug, session_slug):
    speakers_list = list_of(slug, session_slug)
    speakers.apply_order(speakers_list)
    messages.success(
        request,
        _("The speakers waiting are in order: %(rule)s.")
        % {"rule": speakers_list.get_order_display()},
    )
    return back_to(speakers_list)


def request_on(speakers_list, pk):
    return get_object_or_404(FloorRequest, speakers_list=speakers_list, pk=pk)


@require_POST
@tool("speakers_sessions", "floor.change_floorrequest")
def move(request, slug, session_slug, pk):
    speakers_list = list_of(slug, session_slug)
    floor_request = request_on(speakers_list, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        speakers.move(floor_request, form.cleaned_data["offset"])
    except speakers.NotWaiting:
        messages.error(request, _("Only speakers still waiting move."))
    return back_to(speakers_list, floor_request)


@require_POST
@tool("speakers_sessions", "floor.change_floorrequest")
def turn(request, slug, session_slug, pk):
    speakers_list = list_of(slug, session_slug)
    floor_request = request_on(speakers_list, pk)
    form = TurnForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        if form.cleaned_data["turn"] == Turn.SPEAKING:
            speakers.give_the_floor(floor_request)
        else:
            speakers.finish(floor_request, form.cleaned_data["turn"])
    except speakers.NotWaiting:
        messages.error(request, _("This speaker's turn is over already."))
    return back_to(speakers_list, floor_request)


@require_POST
@tool("speakers_sessions", "floor.add_floorrequest")
def from_the_floor(request, slug, session_slug):
    speakers_list = list_of(slug, session_slug)
    form = FromTheFloorForm(request.POST)
    if not form.is_valid():
        return list_page(request, speakers_list, floor_form=form)
    data = form.cleaned_data
    try:
        added = speakers.add_from_the_floor(
            speakers_list,
            data["organization"],
            data["speaker"],
            data["rank"],
            data["language"],
            by=request.user,
            speaks_online=data["speaks_online"],
        )
    except IntegrityError:
        form.add_error("organization", _("This delegation is already on the list of speakers."))
        return list_page(request, speakers_list, floor_form=form)
    messages.success(
        request, _("%(delegation)s is added last.") % {"delegation": data["organization"].name}
    )
    return back_to(speakers_list, added)
