"""A delegate's own agenda, from their private page: the sessions they mark, their turns on
lists of speakers, and the calendar their calendar application subscribes to."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from sessions import calendar, releases

from . import agenda as rules
from . import online_meetings
from .models import Agenda
from .views import own_registration


class MarkForm(forms.Form):
    session = forms.IntegerField(min_value=1)
    mark = forms.BooleanField(required=False)


@never_cache
def agenda(request, token):
    registration = own_registration(token)
    agenda = rules.agenda_of(registration)
    if request.method == "POST":
        form = MarkForm(request.POST)
        if not form.is_valid() or not rules.mark(
            agenda, form.cleaned_data["session"], form.cleaned_data["mark"]
        ):
            raise Http404
        anchor = f"#session-{form.cleaned_data['session']}"
        return redirect(reverse("registration_agenda", args=[token]) + anchor)
    sessions = rules.programme_of(agenda)
    online_meetings.with_meetings(registration, sessions)
    address = request.build_absolute_uri(reverse("agenda_calendar", args=[agenda.calendar_token]))
    return render(
        request,
        "registrations/agenda.html",
        {
            "registration": registration,
            "conference": registration.conference,
            "days": releases.by_day(sessions),
            "marked": [session for session in sessions if session.is_marked],
            "webcal": "webcal://" + address.split("://", 1)[1],
            "calendar_url": address,
        },
    )


@require_POST
def new_calendar_address(request, token):
    registration = own_registration(token)
    rules.new_calendar_address(rules.agenda_of(registration))
    messages.success(
        request,
        _("Your agenda's calendar has a new address: the old one no longer works."),
    )
    return redirect("registration_agenda", token)


@require_safe
def agenda_calendar(request, calendar_token):
    """The agenda as an iCalendar file, at its private address; never kept by a cache. A
    delegate who may join the sessions online finds how in each event."""
    agenda = get_object_or_404(
        Agenda.objects.select_related("registration__conference"), calendar_token=calendar_token
    )
    conference = agenda.registration.conference
    sessions = rules.marked(agenda)
    online_meetings.with_meetings(agenda.registration, sessions)
    return calendar.programme_response(
        request,
        conference,
        sessions,
        name=_("My agenda: %(conference)s") % {"conference": conference.short_name},
        private=True,
    )
