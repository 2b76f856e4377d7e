"""Letters in the admin: the visa letter requests to review and issue, the letters and
certificates issued (withdrawn here), each conference's letterhead.

Passport details are shown, and corrected, only to staff with view_passport_details; the lists
never show them, and their search finds requests by registration reference alone, so that no
one probes passport numbers through it.
"""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from registrations.models import PASSPORT_FIELDS, Registration, VisaRequest
from registrations.visa_forms import PassportChecks

from . import documents, issuing
from .documents import SEE_PASSPORTS
from .issuing_report import tell
from .models import Kind, Letter, Letterhead


class OnlyItsOwnFilters:
    """An admin whose list takes no lookup in its address but those of its own filters.

    Django's admin filters a list by any of its model's fields named in the address
    (?passport_number__startswith=P4), and the count of what is left answers yes or no: guess
    by guess, whoever may see the list would read every passport number. Here the list is
    filtered only as its filters offer.
    """

    def lookup_allowed(self, lookup, value, request=None):
        offered = {
            f"{path}__{suffix}"
            for path in self.filtered_fields
            for suffix in ("exact", "id__exact", "isnull", "isempty")
        } | {
            list_filter.parameter_name
            for list_filter in self.list_filter
            if isinstance(list_filter, type) and issubclass(list_filter, admin.SimpleListFilter)
        }
        return lookup in offered and super().lookup_allowed(lookup, value, request)


class LetterStateFilter(admin.SimpleListFilter):
    title = _("letter")
    parameter_name = "letter"

    def lookups(self, request, model_admin):
        return [("waiting", _("To issue")), ("issued", _("Issued"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(letter_in_force=False)
        if self.value() == "issued":
            return queryset.filter(letter_in_force=True)
        return queryset


class VisaRequestForm(PassportChecks, forms.ModelForm):
    """The organizers' corrections follow the delegates' rules."""

    class Meta:
        model = VisaRequest
        fields = PASSPORT_FIELDS

    def clean(self):
        cleaned_data = super().clean()
        self.check_dates(self.instance.registration.conference, cleaned_data)
        return cleaned_data


@admin.register(VisaRequest)
class VisaRequestAdmin(OnlyItsOwnFilters, admin.ModelAdmin):
    form = VisaRequestForm
    list_display = ("registration", "delegate", "organization", "status", "letter", "created_at")
    filtered_fields = ("registration__conference", "registration__status")
    list_filter = (LetterStateFilter, *filtered_fields)
    # By reference alone: never by a passport detail.
    search_fields = ("=registration__reference",)
    list_select_related = ("registration__organization", "registration__conference")
    actions = ("issue_letters",)

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(letter_in_force=issuing.visa_letter_in_force())
        )

    def has_add_permission(self, request):
        return False  # the delegates ask

    def change_view(self, request, object_id, form_url="", extra_context=None):
        visa_request = self.get_object(request, object_id)
        may_issue = (
            visa_request is not None
            and self.has_issue_permission(request)
            and not visa_request.letter_in_force
        )
        extra_context = {**(extra_context or {}), "may_issue": may_issue}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_fields(self, request, obj=None):
        if request.user.has_perm(SEE_PASSPORTS):
            return ["registration_link", *PASSPORT_FIELDS, "letter", "created_at", "updated_at"]
        return ["registration_link", "hidden", "letter", "created_at", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        shown = ["registration_link", "hidden", "letter", "created_at", "updated_at"]
        if not request.user.has_perm(SEE_PASSPORTS):
            return [*shown, *PASSPORT_FIELDS]
        return shown

    def has_change_permission(self, request, obj=None):
        # Only staff who may see the details may correct them.
        return super().has_change_permission(request, obj) and request.user.has_perm(SEE_PASSPORTS)

    @admin.display(description=_("registration"))
    def registration_link(self, visa_request):
        registration = visa_request.registration
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:registrations_registration_change", args=[registration.pk]),
            registration.reference,
        )

    @admin.display(description=_("passport details"))
    def hidden(self, visa_request):
        return _("Hidden: only staff allowed to see passport details see and correct them.")

    @admin.display(description=_("delegate"))
    def delegate(self, visa_request):
        return visa_request.registration.full_name

    @admin.display(description=_("organization"))
    def organization(self, visa_request):
        return visa_request.registration.organization

    @admin.display(description=_("registration status"))
    def status(self, visa_request):
        return visa_request.registration.get_status_display()

    @admin.display(description=_("letter"))
    def letter(self, visa_request):
        # Annotated by get_queryset, which the list and the change page both read.
        return _("Issued") if visa_request.letter_in_force else _("To issue")

    @admin.action(description=_("Issue visa letters to the selected"), permissions=["issue"])
    def issue_letters(self, request, queryset):
        registrations = Registration.objects.filter(
            pk__in=queryset.values_list("registration", flat=True)
        )
        tell(request, issuing.issue_visa_letters(registrations, request.user), Kind.VISA)

    def has_issue_permission(self, request):
        return request.user.has_perm("letters.add_letter")


@admin.register(Letter)
class LetterAdmin(OnlyItsOwnFilters, admin.ModelAdmin):
    list_display = ("number", "kind", "registration", "delegate", "issued_at", "issued_by", "state")
    filtered_fields = ("conference", "kind", "withdrawn_at")
    list_filter = ("conference", "kind", ("withdrawn_at", admin.EmptyFieldListFilter))
    search_fields = ("=reference", "=registration__reference")
    list_select_related = ("conference", "registration", "issued_by")
    readonly_fields = (
        "number",
        "kind",
        "registration",
        "language",
        "days_stated",
        "issued_at",
        "issued_by",
        "withdrawn_at",
        "withdrawn_by",
        "download",
        "download_refused",
        "verification",
    )
    actions = ("withdraw",)

    def has_add_permission(self, request):
        return False  # issued by the actions, numbered in order

    def has_delete_permission(self, request, obj=None):
        return False  # a letter issued stays on record; withdraw it

    def get_fields(self, request, obj=None):
        # One of the two ways of showing the PDF, as the user may download it or not.
        hidden = (
            "download_refused" if obj and documents.may_download(request.user, obj) else "download"
        )
        return [name for name in self.readonly_fields if name != hidden]

    @admin.display(description=_("delegate"))
    def delegate(self, letter):
        return letter.registration.full_name

    @admin.display(description=_("state"), boolean=False)
    def state(self, letter):
        return pgettext("document", "Withdrawn") if letter.is_withdrawn else _("In force")

    @admin.display(description=_("days stated"))
    def days_stated(self, letter):
        return ", ".join(letter.days) or f"{letter.first_day} / {letter.last_day}"

    @admin.display(description=_("PDF"))
    def download_refused(self, letter):
        return _("Only staff allowed to see passport details download visa letters.")

    @admin.display(description=_("PDF"))
    def download(self, letter):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("organizers:letter_pdf", args=[letter.conference.slug, letter.pk]),
            _("Download the PDF"),
        )

    @admin.display(description=_("verification page"))
    def verification(self, letter):
        url = reverse("letter_verification", args=[letter.reference])
        return format_html('<a href="{}">{}</a>', url, letter.reference)

    @admin.action(description=_("Withdraw the selected letters"), permissions=["change"])
    def withdraw(self, request, queryset):
        count = issuing.withdraw(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)d letter withdrawn.", "%(count)d letters withdrawn.", count)
            % {"count": count},
        )


@admin.register(Letterhead)
class LetterheadAdmin(admin.ModelAdmin):
    list_display = ("conference", "signatory_name", "signatory_title", "sample")
    autocomplete_fields = ("conference",)
    fields = (
        "conference",
        "sender",
        "logo",
        "signature",
        "signatory_name",
        "signatory_title",
        "sample",
    )
    readonly_fields = ("sample",)

    @admin.display(description=_("sample"))
    def sample(self, letterhead):
        if not letterhead.pk:
            return _("Save the letterhead to see a sample letter.")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("organizers:letterhead_sample", args=[letterhead.conference.slug]),
            _("A sample visa letter on this letterhead (PDF)"),
        )
