"""Admin for the shared core: conferences and organizations.

The programme and the registrations of a conference are one click away, in their own
apps' admin, filtered to that conference: the core does not import the apps built on it.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter
from modeltranslation.admin import TabbedTranslationAdmin

from .admin_site import FieldsInTheirLanguage
from .models import Conference, Organization, Update


def changelist_link(url_name, conference, count, label):
    url = reverse(url_name) + f"?conference__id__exact={conference.pk}"
    return format_html('<a href="{}">{} {}</a>', url, count, label)


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
        "session_count",
        "registration_count",
        "personal_data",
    )
    list_display_links = ("short_name", "title")
    list_filter = ("is_published", ("country", CountryFilter))
    search_fields = (
        "slug",
        "title_en",
        "title_fr",
        "title_es",
        "title_ar",
        "short_name_en",
        "short_name_fr",
        "short_name_es",
        "short_name_ar",
        "city_en",
        "city_fr",
        "city_es",
        "city_ar",
    )
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
            {"fields": ("registration_opens_at", "registration_closes_at", "capacity")},
        ),
        (_("Publication"), {"fields": ("is_published",)}),
        (_("Programme and registrations"), {"fields": ("related_pages",)}),
    )
    readonly_fields = ("related_pages",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                session_total=Count("sessions", distinct=True),
                registration_total=Count("registrations", distinct=True),
                personal_data_total=Count(
                    "registrations",
                    filter=Q(registrations__anonymised_at__isnull=True),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("pages of this conference"))
    def related_pages(self, conference):
        if conference.pk is None:
            return _("Save the conference first, then add its rooms and sessions.")
        links = [
            ("admin:programme_session_changelist", _("Sessions")),
            ("admin:programme_room_changelist", _("Rooms")),
            ("admin:registrations_registration_changelist", _("Registrations")),
        ]
        add_session = reverse("admin:programme_session_add") + f"?conference={conference.pk}"
        figures = reverse("admin:registrations_registration_figures") + (
            f"?conference={conference.pk}"
        )
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            format_html_join(
                " · ",
                '<a href="{}?conference__id__exact={}">{}</a>',
                ((reverse(name), conference.pk, label) for name, label in links),
            ),
            add_session,
            _("Add a session"),
            figures,
            _("Figures"),
        )

    @admin.display(description=_("personal data"))
    def personal_data(self, conference):
        """Whether delegates' personal data is still held past the privacy notice's date."""
        kept_until = conference.personal_data_kept_until
        if conference.personal_data_total and kept_until < timezone.localdate():
            return format_html(
                "<strong>{}</strong>",
                _("kept past %(date)s: run anonymise_personal_data")
                % {"date": date_format(kept_until)},
            )
        return _("kept until %(date)s") % {"date": date_format(kept_until)}

    @admin.display(description=_("programme"), ordering="session_total")
    def session_count(self, conference):
        return changelist_link(
            "admin:programme_session_changelist",
            conference,
            conference.session_total,
            _("sessions"),
        )

    @admin.display(description=_("registrations"), ordering="registration_total")
    def registration_count(self, conference):
        return changelist_link(
            "admin:registrations_registration_changelist",
            conference,
            conference.registration_total,
            _("registrations"),
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
    search_fields = ("name_en", "name_fr", "name_es", "name_ar", "acronym")
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
                keep.merge(duplicates)
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
    search_fields = ("title_en", "title_fr", "title_es", "title_ar")
    autocomplete_fields = ("conference",)
    list_select_related = ("conference",)
    date_hierarchy = "published_at"
    fields = ("conference", "title", "body", "published_at", "is_published")
