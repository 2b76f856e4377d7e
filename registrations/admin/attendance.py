"""Who was present, day by day (staff check delegates in from the organizers' desk)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, OnlineAttendance


class OfRegistration:
    """The registration's reference and delegate, as columns of a list of its rows, which
    the search finds by either."""

    search_fields = (
        "=registration__reference",
        "registration__given_name",
        "registration__family_name",
    )

    @admin.display(description=_("reference"), ordering="registration__reference")
    def reference(self, row):
        return row.registration.reference

    @admin.display(description=_("delegate"), ordering="registration__family_name")
    def delegate(self, row):
        return row.registration.full_name


@admin.register(Attendance)
class AttendanceAdmin(OfRegistration, admin.ModelAdmin):
    """Who was present, day by day."""

    list_display = ("day", "reference", "delegate", "organization", "arrived_at", "checked_in_by")
    list_filter = ("registration__conference", "day")
    date_hierarchy = "day"
    list_select_related = ("registration__organization", "checked_in_by")
    autocomplete_fields = ("registration",)
    readonly_fields = ("arrived_at", "checked_in_by")

    @admin.display(description=_("organization"))
    def organization(self, attendance):
        return attendance.registration.organization

    def save_model(self, request, obj, form, change):
        if obj.checked_in_by_id is None:
            obj.checked_in_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(OnlineAttendance)
class OnlineAttendanceAdmin(OfRegistration, admin.ModelAdmin):
    """Who took part online, day by day: from the platform's reports (the tool "Online
    attendance" imports them), or recorded here by an organizer."""

    list_display = ("day", "reference", "delegate", "minutes", "report")
    list_filter = ("registration__conference", "day")
    date_hierarchy = "day"
    list_select_related = ("registration", "report")
    autocomplete_fields = ("registration",)
    fields = ("registration", "day", "minutes", "report")
    readonly_fields = ("report",)
