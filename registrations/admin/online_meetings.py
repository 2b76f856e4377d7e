"""The sessions' online meetings: set and changed by organizers up to the last minute, and
e-mailed with one action to the delegates who may join them (the worker sends the e-mails)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sessions.models import InterpretationChannel, OnlineMeeting

from .. import organizers_messages


class InterpretationChannelInline(admin.TabularInline):
    model = InterpretationChannel
    extra = 0
    fields = ("language", "channel")


@admin.register(OnlineMeeting)
class OnlineMeetingAdmin(admin.ModelAdmin):
    list_display = ("session", "conference", "date", "start_time", "address", "updated_at")
    list_filter = ("session__conference",)
    search_fields = ("session__title", "session__slug")
    list_select_related = ("session__conference",)
    autocomplete_fields = ("session",)
    readonly_fields = ("updated_at",)
    fields = ("session", "address", "passcode", "updated_at")
    inlines = (InterpretationChannelInline,)
    actions = ("email_to_delegates",)
    ordering = ("session__date", "session__start_time")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "address":
            # An address typed without its scheme is a secure one (Django 6's default).
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("conference"), ordering="session__conference")
    def conference(self, meeting):
        return meeting.session.conference.short_name

    @admin.display(description=_("date"), ordering="session__date")
    def date(self, meeting):
        return meeting.session.date

    @admin.display(description=_("start time"))
    def start_time(self, meeting):
        return meeting.session.start_time

    @admin.action(
        description=_("E-mail how to join to the confirmed delegates taking part online"),
        permissions=["change"],
    )
    def email_to_delegates(self, request, queryset):
        queued = sum(
            organizers_messages.email_online_meeting(meeting)
            for meeting in queryset.select_related("session__conference")
        )
        if not queued:
            self.message_user(
                request,
                _("No delegate of the conference is confirmed to take part online: no e-mail."),
                messages.WARNING,
            )
            return
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail is queued: the worker sends it in the background.",
                "%(count)d e-mails are queued: the worker sends them in the background.",
                queued,
            )
            % {"count": queued},
            messages.SUCCESS,
        )
