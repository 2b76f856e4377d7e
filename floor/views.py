"""The room display of a list of speakers: who has the floor, who comes next and how many
remain, in large type, for the room's screens and for anyone following the session; and the
page where a delegation's focal point, or its head, asks for the floor.

The page is whole without JavaScript; a small script asks the JSON view every few seconds and
updates it in place. Both are public only when the organizer says so; until then staff who may
see the list read them. Both come from the page cache, which any change to the list empties.
"""

import datetime

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from delegations import focal_points
from registrations.models import Registration, Role
from sessions.models import Session
from va_conference.page_cache import cached_for_visitors

from . import speakers
from .forms import AskForTheFloorForm
from .models import Rank, SpeakersList

POLL_SECONDS = 5


def displayed_list(request, slug, session_slug):
    """The list of the session, if `request` may see its display (one query for visitors)."""
    speakers_list = (
        SpeakersList.objects.select_related("session__conference")
        .filter(session__conference__slug=slug, session__slug=session_slug)
        .first()
    )
    if speakers_list is None:
        raise Http404
    session = speakers_list.session
    public = (
        speakers_list.is_displayed_publicly
        and session.is_public
        and session.conference.is_published
    )
    if not public and not request.user.has_perm("floor.view_floorrequest"):
        raise Http404
    return speakers_list


def more_text(more):
    if not more:
        return ""
    return ngettext(
        "And %(count)d more speaker after them.", "And %(count)d more speakers after them.", more
    ) % {"count": more}


def speaker_data(asked):
    if asked is None:
        return None
    return {
        "delegation": str(asked.delegation.organization.name),
        "speaker": asked.speaker,
        "rank": asked.get_rank_display() if asked.rank != Rank.OTHER else "",
        "language": asked.get_language_display(),
        "speaks_online": asked.speaks_online,
        "language_and_place": asked.language_and_place(),
    }


def time_up_at(speakers_list, speaking):
    """When the speaker who has the floor reaches the list's time limit, as the room display's
    script counts down to it (an absolute time: the same answer serves every screen, however
    long the page cache keeps it)."""
    if speaking is None or speaking.given_the_floor_at is None:
        return None
    return speaking.given_the_floor_at + datetime.timedelta(
        minutes=speakers_list.minutes_per_speaker
    )


@require_safe
@cached_for_visitors
def room_display(request, slug, session_slug):
    speakers_list = displayed_list(request, slug, session_slug)
    speaking, coming, more = speakers.display(speakers_list)
    context = {
        "speakers_list": speakers_list,
        "session": speakers_list.session,
        "conference": speakers_list.session.conference,
        "speaking": speaking,
        "time_up_at": time_up_at(speakers_list, speaking),
        # The script writes the time left into this: "4:59 left".
        "time_left": _("%(time)s left"),
        "coming": coming,
        "more_text": more_text(more),
        "poll_seconds": POLL_SECONDS,
    }
    return render(request, "floor/room_display.html", context)


@require_safe
@cached_for_visitors
def room_display_data(request, slug, session_slug):
    """What the room display shows, for its script: at most two queries."""
    speakers_list = displayed_list(request, slug, session_slug)
    speaking, coming, more = speakers.display(speakers_list)
    return JsonResponse(
        {
            "speaking": speaker_data(speaking),
            "time_up_at": time_up_at(speakers_list, speaking),
            "coming": [speaker_data(asked) for asked in coming],
            "more": more,
            "more_text": more_text(more),
            "minutes_per_speaker": speakers_list.minutes_per_speaker,
        }
    )


def lists_taking_requests(conference):
    """The lists of `conference`'s public sessions that take requests now."""
    now = timezone.now()
    lists = SpeakersList.objects.filter(
        session__conference=conference,
        session__in=Session.objects.published(),
        is_open=True,
    ).select_related("session__conference")
    taking = [each.pk for each in lists if each.takes_requests(now)]
    return lists.filter(pk__in=taking).order_by("session__date", "session__start_time")


def head_of_delegation(token):
    """The confirmed head of delegation whose private link holds `token`, endorsed by the
    delegation's focal point wherever that is due; else 404."""
    head = (
        Registration.objects.confirmed_members()
        .select_related("delegation__conference", "delegation__organization")
        .filter(token=token, role=Role.HEAD)
        .first()
    )
    if head is None:
        raise Http404
    return head


def floor_page(request, on_behalf, back_url):
    """The delegation's requests for the floor, and the form to ask in another session, for
    its focal point or its head of delegation (`on_behalf`)."""
    delegation = on_behalf.delegation
    form = AskForTheFloorForm(
        request.POST or None,
        request.FILES or None,
        delegation=delegation,
        lists=lists_taking_requests(delegation.conference),
    )
    if request.method == "POST" and form.is_valid():
        try:
            speakers.ask(
                form.cleaned_data["speakers_list"],
                form.save(commit=False),
                on_behalf,
                text=form.statement,
            )
        except speakers.AlreadyOnTheList:
            form.add_error("speakers_list", _("Your delegation is already on this list."))
        except speakers.RequestsClosed:
            form.add_error("speakers_list", _("This list takes no more requests."))
        else:
            messages.success(
                request,
                _("Your request for the floor is recorded. We have sent you an e-mail."),
            )
            return redirect(request.path)
    requests = delegation.floor_requests.select_related(
        "speakers_list__session__conference", "statement"
    ).order_by("speakers_list__session__date", "speakers_list__session__start_time", "pk")
    context = {
        "delegation": delegation,
        "conference": delegation.conference,
        "requests": requests,
        "form": form,
        "back_url": back_url,
    }
    return render(request, "floor/ask.html", context)


@never_cache
def focal_point_floor(request, token):
    focal_point = focal_points.active(token)
    return floor_page(request, focal_point, reverse("focal_point_page", args=[token]))


@never_cache
def head_floor(request, token):
    head = head_of_delegation(token)
    return floor_page(request, head, reverse("registration_detail", args=[token]))
