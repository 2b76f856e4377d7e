"""Next year's meeting from this year's, from the conference's dashboard, in one step."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from va_conference.models import Conference

from .. import next_conference
from ..forms import NextConferenceForm
from ..pages import conference_for, tool_page
from ..permissions import tool


def a_year_later(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + datetime.timedelta(days=365)


@tool("next_conference")
def start_next(request, slug):
    source = conference_for(slug)
    start = a_year_later(source.start_date)
    form = NextConferenceForm(
        request.POST or None,
        instance=Conference(),
        source=source,
        initial={
            "title_en": source.title_en,
            "title_fr": source.title_fr,
            "title_es": source.title_es,
            "title_ar": source.title_ar,
            "start_date": start,
            "end_date": start + (source.end_date - source.start_date),
            "city_en": source.city_en,
            "venue_en": source.venue_en,
        },
    )
    if form.is_valid():
        new = next_conference.start_from(source, form.save(commit=False))
        messages.success(
            request,
            _(
                "%(conference)s is ready to review: its rooms, sessions (not public yet), lists "
                "of speakers' settings, letterhead and questions come from %(source)s."
            )
            % {"conference": new.short_name, "source": source.short_name},
        )
        return redirect("organizers:dashboard", new.slug)
    return tool_page(
        request,
        source,
        "next_conference.html",
        _("Start a new conference from this one"),
        form=form,
        source=source,
    )
