"""The registrations, sized for conferences of thousands: lists, filters, search, the bulk
actions that go through the workflow, exports and badges, history."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from va_conference.downloads import download
from va_conference.languages import in_every_language

from .. import exports, printing, workflow
from ..models import Endorsement, Registration, Status
from .emails import status_emails_of
from .filters import AccessibilityNeedFilter, NotAnsweredFilter, OrganizationCountryFilter
from .questions import answers_table

# The registration's own columns an organizer may change in its form.
EDITABLE_FIELDS = [
    field.name
    for field in Registration._meta.concrete_fields
    if field.editable and not field.primary_key
]


class RegistrationAdminForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def clean(self):
        cleaned_data = super().clean()
        conference = cleaned_data.get("conference")
        if conference is not None:
            Registration.validate_sessions(conference, cleaned_data.get("sessions") or [])
        # Whether a place is free is decided by the workflow, under the conference's lock.
        return cleaned_data


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    form = RegistrationAdminForm
    change_list_template = "admin/registrations/registration/change_list.html"
    actions = (
        "confirm",
        "wait_list",
        "decline",
        "endorse",
        "print_badges_a6",
        "print_badges_a4",
    )
    list_display = (
        "reference",
        "delegate_name",
        "delegate_email",
        "organization",
        "conference_short_name",
        "role",
        "mode",
        "status",
        "endorsement",
        "sponsorship_requested",
        "needs_support",
        "created_at",
    )
    list_filter = (
        "conference",
        "mode",
        "status",
        "endorsement",
        "role",
        "organization__kind",
        OrganizationCountryFilter,
        "sponsorship_requested",
        AccessibilityNeedFilter,
        "consents_to_public_listing",
        NotAnsweredFilter,
    )
    search_fields = (
        "=reference",
        "given_name",
        "family_name",
        "delegate__email",
        *in_every_language("organization__name"),
        "organization__acronym",
    )
    autocomplete_fields = ("delegate", "conference", "organization", "sessions")
    list_select_related = ("delegate", "organization", "conference")
    list_per_page = 100
    # Counting 20,000 rows twice per page is wasted work: show only the filtered count.
    show_full_result_count = False
    date_hierarchy = "created_at"
    # Endorsed for the delegation through its action, never typed in.
    readonly_fields = (
        "reference",
        "endorsement",
        "created_at",
        "updated_at",
        "answers_given",
        "emails_sent",
        # Taken from the sponsorship committee's offer, once accepted (sponsorship/offers.py).
        "is_sponsored",
    )
    fieldsets = (
        (
            None,
            {"fields": ("reference", "conference", "delegate", "organization", "role", "mode")},
        ),
        (
            _("About the delegate"),
            {
                "fields": (
                    "honorific",
                    ("given_name", "family_name"),
                    "phone",
                    "job_title",
                    "language",
                )
            },
        ),
        (_("Status"), {"fields": ("status", "endorsement", "created_at", "updated_at")}),
        (_("Sessions attended"), {"fields": ("sessions",)}),
        (
            _("Accessibility needs"),
            {
                "fields": (
                    "needs_step_free_access",
                    "sign_language",
                    "needs_captioning",
                    "needs_accessible_documents",
                    "has_personal_assistant",
                    "other_accessibility_needs",
                )
            },
        ),
        (
            _("Sponsorship"),
            {"fields": ("sponsorship_requested", "sponsorship_justification", "is_sponsored")},
        ),
        (_("Consent"), {"fields": ("consents_to_public_listing", "privacy_accepted_at")}),
        (_("For the figures"), {"fields": ("gender", "is_survivor", "has_disability")}),
        (_("The conference's own questions"), {"fields": ("answers_given",)}),
        (_("Status e-mails"), {"fields": ("emails_sent",)}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Places are counted per way of taking part: a registration changes its mode through
        # the waiting list of the other, never by a field typed in.
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None else (*fields, "mode")

    @admin.display(description=_("answers"))
    def answers_given(self, registration):
        return answers_table(registration)

    @admin.display(description=_("status e-mails"))
    def emails_sent(self, registration):
        return status_emails_of(registration)

    @admin.display(description=_("delegate"), ordering="family_name")
    def delegate_name(self, registration):
        return registration.full_name

    @admin.display(description=_("e-mail"), ordering="delegate__email")
    def delegate_email(self, registration):
        return registration.delegate.email

    @admin.display(description=_("conference"), ordering="conference__start_date")
    def conference_short_name(self, registration):
        return registration.conference.short_name

    @admin.display(description=_("accessibility needs"), boolean=True)
    def needs_support(self, registration):
        return registration.needs_accessibility_support

    def save_model(self, request, obj, form, change):
        """Everything but the status is saved as typed; the status goes through the workflow,
        which holds the capacity and the waiting list and tells the delegate."""
        if not change:
            asked = obj.status
            workflow.admit(obj)
            if obj.status != asked:
                self.message_user(
                    request,
                    _("Every place is taken: %(reference)s is on the waiting list.")
                    % {"reference": obj.reference},
                    messages.WARNING,
                )
            return
        obj.save(update_fields=[name for name in EDITABLE_FIELDS if name != "status"])
        self.change_status(request, [obj], form.cleaned_data["status"])

    def change_status(self, request, registrations, status):
        changed, refused, waiting = 0, [], []
        for registration in registrations:
            try:
                changed += workflow.change_status(registration, status, by=request.user)
            except workflow.NoPlaceLeft:
                refused.append(registration.reference)
            except workflow.NotEndorsed:
                waiting.append(registration.reference)
        if waiting:
            self.message_user(
                request,
                _(
                    "%(references)s wait for their delegation's focal point: endorse them for "
                    "the delegation first (“Endorse for the delegation”)."
                )
                % {"references": ", ".join(waiting)},
                messages.ERROR,
            )
        if changed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d registration is now “%(status)s”; its delegate was told by e-mail.",
                    "%(count)d registrations are now “%(status)s”; their delegates were told "
                    "by e-mail.",
                    changed,
                )
                % {"count": changed, "status": Status(status).label},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _(
                    "No place is left for %(references)s: raise the conference's capacity or "
                    "decline other registrations first."
                )
                % {"references": ", ".join(refused)},
                messages.ERROR,
            )

    def selected(self, queryset):
        return queryset.select_related("delegate", "conference").order_by("created_at", "pk")

    @admin.action(description=_("Confirm the selected registrations"), permissions=["change"])
    def confirm(self, request, queryset):
        self.change_status(request, self.selected(queryset), Status.CONFIRMED)

    @admin.action(description=_("Wait-list the selected registrations"), permissions=["change"])
    def wait_list(self, request, queryset):
        self.change_status(request, self.selected(queryset), Status.WAITLISTED)

    @admin.action(description=_("Decline the selected registrations"), permissions=["change"])
    def decline(self, request, queryset):
        self.change_status(request, self.selected(queryset), Status.DECLINED)

    @admin.action(description=_("Endorse for the delegation"), permissions=["change"])
    def endorse(self, request, queryset):
        registrations = list(self.selected(queryset.filter(endorsement=Endorsement.WAITING)))
        for registration in registrations:
            workflow.endorse(registration)
        self.message_user(
            request,
            ngettext(
                "%(count)d registration endorsed for its delegation.",
                "%(count)d registrations endorsed for their delegations.",
                len(registrations),
            )
            % {"count": len(registrations)},
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "export/<str:file_format>/",
                self.admin_site.admin_view(self.export),
                name="registrations_registration_export",
            ),
            *super().get_urls(),
        ]

    def export(self, request, file_format):
        """The registrations the changelist shows, with its filters and search, as a file."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        responses = {"csv": exports.csv_download, "xlsx": exports.xlsx_download}
        if file_format not in responses:
            raise Http404
        try:
            registrations = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:registrations_registration_changelist") + "?e=1")
        return responses[file_format](
            registrations, f"registrations-{timezone.localdate():%Y-%m-%d}"
        )

    @admin.action(description=_("Print badges of the selected (A6)"), permissions=["view"])
    def print_badges_a6(self, request, queryset):
        return download(
            printing.badges_pdf(queryset, "a6", get_language()), "badges.pdf", private=True
        )

    @admin.action(description=_("Print badges of the selected (four per A4)"), permissions=["view"])
    def print_badges_a4(self, request, queryset):
        return download(
            printing.badges_pdf(queryset, "a4", get_language()), "badges.pdf", private=True
        )
