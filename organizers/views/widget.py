"""The programme on another website: the snippet to paste, in each language of the site."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..pages import conference_for, tool_page
from ..permissions import tool


def snippet(request, conference, language):
    """The element and the script a host page pastes, for the programme in `language`."""
    with translation.override(language):
        data = request.build_absolute_uri(reverse("programme_json", args=[conference.slug]))
        page = request.build_absolute_uri(reverse("programme", args=[conference.slug]))
        label = _("Programme of work")
    script = request.build_absolute_uri(static("js/programme-widget.js"))
    # Escaped as any HTML is: the short name is typed by organizers.
    return format_html(
        '<div data-va-programme="{}" lang="{}">\n  <a href="{}">{}: {}</a>\n</div>\n'
        '<script src="{}" async></script>',
        data,
        language,
        page,
        conference.short_name,
        label,
        script,
    )


@tool("programme_widget")
def programme_widget(request, slug):
    conference = conference_for(slug)
    return tool_page(
        request,
        conference,
        "programme_widget.html",
        _("The programme on another website"),
        snippets=[
            (code, name, snippet(request, conference, code)) for code, name in settings.LANGUAGES
        ],
    )
