"""The delegates: e-mail addresses known across conferences, with their registrations."""

import json

from django.contrib import admin
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from va_conference.downloads import download

from .. import personal_data
from ..models import Delegate, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ("reference", "conference", "organization", "role", "status", "created_at")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("conference", "organization")


@admin.register(Delegate)
class DelegateAdmin(SimpleHistoryAdmin):
    actions = ("export_personal_data",)
    list_display = ("email", "registration_count", "created_at")
    search_fields = ("email",)
    inlines = (RegistrationInline,)
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(registration_total=Count("registrations"))

    @admin.display(description=_("registrations"), ordering="registration_total")
    def registration_count(self, delegate):
        return delegate.registration_total

    @admin.action(description=_("Export everything stored about the selected delegates"))
    def export_personal_data(self, request, queryset):
        """For a delegate who asks what we hold about them: one JSON file."""
        with_passports = request.user.has_perm("registrations.view_passport_details")
        data = [
            personal_data.everything_about(delegate, with_passports, reader=request.user)
            for delegate in queryset
        ]
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        return download(text, "personal-data.json", private=True)
