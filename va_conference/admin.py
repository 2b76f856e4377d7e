"""Admin for the shared core: conferences and organizations.

The core names none of the apps built on it: the organizers' app (organizers/admin.py) adds to
the conferences' list what a conference holds, and links to its dashboard.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter
from modeltranslation.admin import TabbedTranslationAdmin

from .admin_site import FieldsInTheirLanguage
from .languages import in_every_language
from .models import Conference, Organization, Update


@admin.register(Conference)
class ConferenceAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    list_display = (
        "short_name",
        "title",
        "city",
        "country",
        "start_date",
        "end_date",
        "is_published",
    )
    list_display_links = ("short_name", "title")
    list_filter = ("is_published", ("country", CountryFilter))
    search_fields = ("slug", *in_every_language("title", "short_name", "city"))
    date_hierarchy = "start_date"
    autocomplete_fields = ("host", "organizers")
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "short_name",
                    "slug",
                    "reference_prefix",
                    "convention",
                    "description",
                )
            },
        ),
        (
            _("Where and when"),
            {"fields": ("city", "country", "venue", "start_date", "end_date", "time_zone")},
        ),
        (_("Host and organizers"), {"fields": ("host", "organizers")}),
        (
            _("Registration"),
            {
                "fields": (
                    "registration_opens_at",
                    "registration_closes_at",
                    ("offers_in_person", "capacity"),
                    ("offers_online", "online_capacity"),
                    "passport_margin_days",
                )
            },
        ),
        (_("Publication"), {"fields": ("is_published",)}),
    )


@admin.register(Organization)
class OrganizationAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    list_display = (
        "name",
        "acronym",
        "kind",
        "country",
        "mbt_status",
        "ccm_status",
        "crpd_status",
        "has_va_obligations",
        "is_verified",
    )
    list_filter = (
        "kind",
        "is_verified",
        "has_va_obligations",
        "mbt_status",
        "ccm_status",
        "crpd_status",
        ("country", CountryFilter),
    )
    search_fields = (*in_every_language("name"), "acronym")
    actions = ("mark_verified", "merge")
    fieldsets = (
        (None, {"fields": ("name", "acronym", "kind", "country", "is_verified")}),
        (
            _("Treaty status (States only)"),
            {"fields": ("mbt_status", "ccm_status", "crpd_status", "has_va_obligations")},
        ),
    )

    @admin.action(description=_("Mark selected organizations as verified"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = queryset.update(is_verified=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d organization marked as verified.",
                "%(count)d organizations marked as verified.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def merge_organizations(self, request, keep, duplicates):
        """Merge `duplicates` into `keep`. The apps built on the core add what their own
        rules need first (registrations/admin/organization.py: the delegations)."""
        keep.merge(duplicates)

    def has_merge_permission(self, request):
        # A merge deletes the duplicates once their rows are moved to the one kept.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description=_("Merge the selected organizations into one"), permissions=["merge"])
    def merge(self, request, queryset):
        """Ask which of the selected organizations to keep, then merge the others into it."""
        organizations = list(queryset.order_by("-is_verified", "pk"))
        if len(organizations) < 2:
            self.message_user(
                request, _("Select at least two organizations to merge."), messages.WARNING
            )
            return None
        if request.POST.get("keep"):
            keep = next((o for o in organizations if str(o.pk) == request.POST["keep"]), None)
            if keep is not None:
                duplicates = [o for o in organizations if o.pk != keep.pk]
                self.merge_organizations(request, keep, duplicates)
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d organization merged into %(name)s; its registrations, "
                        "statements and conferences now belong to it.",
                        "%(count)d organizations merged into %(name)s; their registrations, "
                        "statements and conferences now belong to it.",
                        len(duplicates),
                    )
                    % {"count": len(duplicates), "name": keep},
                    messages.SUCCESS,
                )
                return None
        return TemplateResponse(
            request,
            "admin/va_conference/organization/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Merge organizations"),
                "opts": self.model._meta,
                "organizations": organizations,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(Update)
class UpdateAdmin(FieldsInTheirLanguage, TabbedTranslationAdmin):
    list_display = ("title", "conference", "published_at", "is_published")
    list_filter = ("conference", "is_published")
    search_fields = in_every_language("title")
    autocomplete_fields = ("conference",)
    list_select_related = ("conference",)
    date_hierarchy = "published_at"
    fields = ("conference", "title", "body", "published_at", "is_published")
