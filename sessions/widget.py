"""The programme on another website: the data an embedded programme draws, as JSON.

A treaty's Implementation Support Unit pastes one element and one script into its own page
(static/js/programme-widget.js); the script reads this, in the language of its address, from
another origin: the answer allows any origin to read it (the programme is public), and comes
from the page cache like the programme itself.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from va_conference.models import Conference
from va_conference.page_cache import cached_for_visitors

from . import releases


def programme_data(request, conference):
    """The programme the public reads, by day, with the words the widget shows."""
    release = releases.latest(conference)
    sessions = releases.public_sessions(conference, release)

    def absolute(path):
        return request.build_absolute_uri(path)

    return {
        "language": translation.get_language(),
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "conference": {
            "title": conference.title,
            "short_name": conference.short_name,
            "time_zone": conference.time_zone,
            "url": absolute(reverse("programme", args=[conference.slug])),
        },
        "version": {
            "name": release.name,
            "changes_url": absolute(reverse("programme_changes", args=[conference.slug])),
        }
        if release
        else None,
        "words": {
            "programme": _("Programme of work"),
            "times": _("Times are local times at the venue (%(zone)s).")
            % {"zone": conference.time_zone},
            "version": _("Version %(name)s") % {"name": release.name} if release else "",
            "empty": _("The programme of work has not been published yet."),
        },
        "days": [
            {
                "date": day.isoformat(),
                "label": f"{date_format(day, 'l')}, {date_format(day, 'DATE_FORMAT')}",
                "sessions": [
                    {
                        "title": session.title,
                        "kind": session.get_kind_display(),
                        "start": session.start_time.strftime("%H:%M"),
                        "end": session.end_time.strftime("%H:%M"),
                        "room": session.room.name if session.room else "",
                        "url": absolute(
                            reverse("session_detail", args=[conference.slug, session.slug])
                        ),
                    }
                    for session in day_sessions
                ],
            }
            for day, day_sessions in releases.by_day(sessions)
        ],
    }


@require_safe
@cached_for_visitors(released=True)
def programme_json(request, slug):
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    response = JsonResponse(
        programme_data(request, conference), json_dumps_params={"ensure_ascii": False}
    )
    # Public data, read by the pages of other websites.
    response["Access-Control-Allow-Origin"] = "*"
    return response
