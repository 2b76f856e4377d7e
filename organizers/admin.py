"""The admin's lists, with the ways to the organizers' tools.

The core's ConferenceAdmin knows nothing of the programme or the registrations, nor the
registrations' admin of the organizers' tools: this app, built on all of them, registers them
again with their counts, links and the action that writes to the selected delegates.
"""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from letters import issuing
from letters.issuing_report import tell
from letters.models import Kind
from registrations.admin.registration import RegistrationAdmin
from registrations.models import Registration
from va_conference.admin import ConferenceAdmin
from va_conference.models import Conference

from .tools import admin_list
from .views.messages import SELECTION


def count_link(url, count, label):
    return format_html('<a href="{}">{} {}</a>', url, count, label)


class ConferenceWithItsPagesAdmin(ConferenceAdmin):
    list_display = (
        *ConferenceAdmin.list_display,
        "dashboard",
        "session_count",
        "registration_count",
        "personal_data",
    )

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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        conference = self.get_object(request, object_id)
        if conference is not None:
            extra_context = {
                **(extra_context or {}),
                "dashboard_url": reverse("organizers:dashboard", args=[conference.slug]),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("dashboard"))
    def dashboard(self, conference):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("organizers:dashboard", args=[conference.slug]),
            _("Dashboard"),
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
        return count_link(
            admin_list("programme_session", conference__id__exact=conference.pk),
            conference.session_total,
            _("sessions"),
        )

    @admin.display(description=_("registrations"), ordering="registration_total")
    def registration_count(self, conference):
        return count_link(
            admin_list("registrations_registration", conference__id__exact=conference.pk),
            conference.registration_total,
            _("registrations"),
        )


class RegistrationWithToolsAdmin(RegistrationAdmin):
    actions = (*RegistrationAdmin.actions, "write_message", "issue_certificates")

    @admin.action(
        description=_("Issue certificates of attendance to the selected"),
        permissions=["issue_certificates"],
    )
    def issue_certificates(self, request, queryset):
        """Only to those checked in, stating their days, from the conference's last day on."""
        issued = issuing.issue_certificates(queryset, request.user)
        tell(request, issued, Kind.ATTENDANCE)

    def has_issue_certificates_permission(self, request):
        return request.user.has_perm("letters.add_letter")

    @admin.action(description=_("Write to the selected delegates"), permissions=["write_message"])
    def write_message(self, request, queryset):
        """Take the selection to the organizers' page that writes to delegates."""
        slugs = set(queryset.values_list("conference__slug", flat=True))
        if len(slugs) != 1:
            self.message_user(
                request, _("Select the registrations of one conference."), messages.ERROR
            )
            return None
        slug = slugs.pop()
        request.session[SELECTION] = {
            "conference": slug,
            "pks": list(queryset.values_list("pk", flat=True)),
        }
        return redirect("organizers:write_to_delegates", slug)

    def has_write_message_permission(self, request):
        return request.user.has_perm("registrations.add_message")


admin.site.unregister(Conference)
admin.site.register(Conference, ConferenceWithItsPagesAdmin)
admin.site.unregister(Registration)
admin.site.register(Registration, RegistrationWithToolsAdmin)
