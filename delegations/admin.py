"""Delegations in the admin: organizers record and correct credentials, name focal points and
manage their links, and read the documents delegations sent."""

from django import forms
from django.contrib import admin, messages
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from registrations.models import Role
from va_conference.languages import in_every_language
from va_conference.models import Conference, Organization

# The organizations' admin, whose merge folds their delegations.
from . import focal_points, organization_admin  # noqa: F401
from .models import Delegation, DelegationDocument, FocalPoint, delegation_of


def table(caption, headers, rows):
    """A read-only table of the delegation's page: Django's tabular inlines leave header cells
    empty (for their edit links and delete boxes), which screen readers announce as blank."""
    return render_to_string(
        "admin/table.html",
        {"caption": caption, "headers": headers, "rows": rows},
    )


def download_link(document):
    url = reverse(
        "organizers:delegation_document",
        args=[document.delegation.conference.slug, document.pk],
    )
    return format_html('<a href="{}">{}</a>', url, _("Download"))


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = (
        "organization",
        "conference_short_name",
        "participation_category",
        "credentials",
        "credentials_received_on",
    )
    list_filter = ("conference", "credentials", "organization__kind")
    list_select_related = ("conference", "organization")
    search_fields = (*in_every_language("organization__name"), "organization__acronym")
    readonly_fields = (
        "conference",
        "organization",
        "participation_category",
        "created_at",
        "focal_point_table",
        "document_table",
        "change_table",
    )
    fields = (
        "conference",
        "organization",
        "participation_category",
        "credentials",
        "credentials_received_on",
        "credentials_signatory",
        "credentials_document",
        "notes",
        "created_at",
        "focal_point_table",
        "document_table",
        "change_table",
    )
    show_full_result_count = False

    def has_add_permission(self, request):
        # A delegation is recorded with its first member (delegations.models.delegation_of).
        return False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("credentials_document")
        if field is not None:
            # Only the delegation's own documents.
            field.queryset = DelegationDocument.objects.filter(delegation=obj)
        return form

    @admin.display(description=_("conference"), ordering="conference__start_date")
    def conference_short_name(self, delegation):
        return delegation.conference.short_name

    @admin.display(description=_("category"))
    def participation_category(self, delegation):
        return delegation.category.label

    @admin.display(description=_("focal points"))
    def focal_point_table(self, delegation):
        rows = [
            (
                format_html(
                    '<a href="{}">{}</a>',
                    reverse("admin:delegations_focalpoint_change", args=[focal_point.pk]),
                    focal_point.name,
                ),
                focal_point.email,
                focal_point.get_language_display(),
                focal_point.get_state_display(),
                focal_point.link_sent_at,
            )
            for focal_point in delegation.focal_points.order_by("created_at", "pk")
        ]
        headers = (_("name"), _("e-mail"), _("language"), _("state"), _("link last sent"))
        return table(_("focal points"), headers, rows)

    @admin.display(description=_("delegation documents"))
    def document_table(self, delegation):
        documents = delegation.documents.select_related("uploaded_by_focal_point", "uploaded_by")
        rows = [
            (
                document.get_kind_display(),
                download_link(document),
                filesizeformat(document.size),
                document.uploaded_at,
                document.uploaded_by_focal_point or document.uploaded_by or "",
            )
            for document in documents
        ]
        headers = (_("kind"), _("file"), _("size"), _("uploaded"), _("uploaded by"))
        return table(_("delegation documents"), headers, rows)

    @admin.display(description=_("changes to delegations"))
    def change_table(self, delegation):
        changes = delegation.changes.select_related(
            "registration", "made_by_focal_point", "made_by"
        )
        rows = [
            (
                change.made_at,
                change.get_kind_display(),
                change.registration,
                Role(change.role).label if change.role in Role.values else change.role,
                change.made_by_focal_point or change.made_by or "",
            )
            for change in changes
        ]
        headers = (_("made at"), _("change"), _("member"), _("role"), _("made by"))
        return table(_("changes to delegations"), headers, rows)


class NewFocalPointForm(forms.ModelForm):
    """A focal point named for an organization at a conference: its delegation is recorded
    then if nobody registered for it yet, so that the focal point can name its first members."""

    conference = forms.ModelChoiceField(
        label=_("conference"), queryset=Conference.objects.order_by("-start_date")
    )
    organization = forms.ModelChoiceField(
        label=_("organization"),
        queryset=Organization.objects.order_by("name", "pk"),
        help_text=_("The State or organization whose delegation the focal point names."),
    )

    class Meta:
        model = FocalPoint
        fields = ("name", "email", "job_title", "language")

    def clean(self):
        cleaned_data = super().clean()
        conference, organization = cleaned_data.get("conference"), cleaned_data.get("organization")
        email = cleaned_data.get("email")
        if conference and organization and email:
            named = FocalPoint.objects.filter(
                delegation__conference=conference,
                delegation__organization=organization,
                email__iexact=email,
            ).exclude(state=FocalPoint.State.REVOKED)
            if named.exists():
                self.add_error(
                    "email", _("This address is already a focal point of the delegation.")
                )
        return cleaned_data


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    """Organizers name a focal point by adding one: an active one is sent their link."""

    actions = ("send_link", "renew_link", "revoke", "approve")
    list_display = ("name", "email", "delegation", "language", "state", "link_sent_at")
    list_filter = ("state", "delegation__conference")
    list_select_related = ("delegation__conference", "delegation__organization")
    search_fields = ("name", "email", *in_every_language("delegation__organization__name"))
    fields = (
        "delegation",
        "name",
        "email",
        "job_title",
        "language",
        "state",
        "request_note",
        "named_by",
        "created_at",
        "link_sent_at",
        "revoked_at",
    )
    readonly_fields = ("state", "named_by", "created_at", "link_sent_at", "revoked_at")

    add_fields = ("conference", "organization", "name", "email", "job_title", "language")

    def get_fields(self, request, obj=None):
        return self.fields if obj else self.add_fields

    def get_readonly_fields(self, request, obj=None):
        # The address the link proves: a new address is a new focal point.
        return (*self.readonly_fields, "delegation", "email") if obj else ()

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = NewFocalPointForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            obj.delegation = delegation_of(
                form.cleaned_data["conference"], form.cleaned_data["organization"]
            )
            focal_points.name(obj, by=request.user)
            self.message_user(
                request,
                _("The link to the delegation's page was sent to %(email)s.")
                % {"email": obj.email},
                messages.SUCCESS,
            )

    def act(self, request, queryset, action, done):
        count, refused = 0, 0
        for focal_point in queryset:
            try:
                action(focal_point)
            except focal_points.NotActive:
                refused += 1
            else:
                count += 1
        if count:
            self.message_user(request, done(count), messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d focal point was left as it was: not in a state for this.",
                    "%(count)d focal points were left as they were: not in a state for this.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    @admin.action(description=_("Send the link again"), permissions=["change"])
    def send_link(self, request, queryset):
        self.act(request, queryset, focal_points.send_link, sent_message)

    @admin.action(
        description=_("Renew the link (the old one stops working)"), permissions=["change"]
    )
    def renew_link(self, request, queryset):
        self.act(request, queryset, focal_points.renew, sent_message)

    @admin.action(description=_("Revoke the selected focal points"), permissions=["change"])
    def revoke(self, request, queryset):
        self.act(
            request,
            queryset.exclude(state=FocalPoint.State.REVOKED),
            focal_points.revoke,
            lambda count: (
                ngettext(
                    "%(count)d focal point revoked: their link opens nothing.",
                    "%(count)d focal points revoked: their links open nothing.",
                    count,
                )
                % {"count": count}
            ),
        )

    @admin.action(description=_("Approve the request and send the link"), permissions=["change"])
    def approve(self, request, queryset):
        self.act(
            request,
            queryset,
            lambda focal_point: focal_points.approve(focal_point, by=request.user),
            sent_message,
        )


@admin.register(DelegationDocument)
class DelegationDocumentAdmin(admin.ModelAdmin):
    """What delegations sent, read-only: never public, downloaded here by organizers."""

    list_display = ("delegation", "kind", "download", "size", "uploaded_at")
    list_filter = ("kind", "delegation__conference")
    list_select_related = ("delegation__conference", "delegation__organization")
    fields = ("delegation", "kind", "download", "size", "checksum", "uploaded_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, document):
        return download_link(document)


def sent_message(count):
    return ngettext(
        "The link was sent to %(count)d focal point.",
        "The link was sent to %(count)d focal points.",
        count,
    ) % {"count": count}
