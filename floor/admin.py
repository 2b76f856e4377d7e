"""Lists of speakers and requests for the floor in the admin: to find them, and to read each
request's history. They are worked on in the organizers' tool of each session's list."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from va_conference.languages import in_every_language

from .models import FloorRequest, SpeakersList


def tool_link(speakers_list):
    session = speakers_list.session
    url = reverse("organizers:speakers_list", args=[session.conference.slug, session.slug])
    return format_html('<a href="{}">{}</a>', url, _("Open the list"))


@admin.register(SpeakersList)
class SpeakersListAdmin(admin.ModelAdmin):
    list_display = ("session", "conference", "is_open", "requests_close_at", "order", "tool")
    list_filter = ("session__conference", "is_open", "is_displayed_publicly")
    list_select_related = ("session__conference",)
    search_fields = in_every_language("session__title")
    autocomplete_fields = ("session",)

    @admin.display(description=_("conference"))
    def conference(self, speakers_list):
        return speakers_list.session.conference.short_name

    @admin.display(description=_("list of speakers"))
    def tool(self, speakers_list):
        return tool_link(speakers_list)


@admin.register(FloorRequest)
class FloorRequestAdmin(SimpleHistoryAdmin):
    """Read here, with their history; changed in the list's tool, under its lock."""

    list_display = ("delegation", "speaker", "session", "turn", "position", "requested_at")
    list_filter = ("speakers_list__session__conference", "turn", "from_the_floor")
    list_select_related = (
        "delegation__organization",
        "delegation__conference",
        "speakers_list__session",
    )
    search_fields = ("speaker", *in_every_language("delegation__organization__name"))
    fields = (
        "speakers_list",
        "delegation",
        "speaker",
        "rank",
        "language",
        "turn",
        "position",
        "from_the_floor",
        "statement",
        "publish_when_delivered",
        "requested_at",
        "requested_by_focal_point",
        "requested_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("session"))
    def session(self, request):
        return request.speakers_list.session
