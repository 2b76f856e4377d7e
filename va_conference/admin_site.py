"""The organizers' admin site."""

from functools import wraps

import django_otp
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_permission_codename
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from . import two_factor
from .sign_in import AdminSignInForm

# The models whose choices anyone filling a field may search: their names are no one's
# personal data. Never users, groups, delegates or registrations.
CHOICES_WITHOUT_PERSONAL_DATA = {
    "va_conference.conference",
    "va_conference.organization",
    "programme.room",
    "programme.session",
}


class ChoiceSearchView(AutocompleteJsonView):
    """Search the choices of a related field for whoever may fill that field in.

    Django lets whoever may view the related model search it through any field that points
    at it, and only them: a Statement editor could not pick a session or a delegation without
    also seeing the sessions and organizations admin. Here only the fields an admin offers as
    autocomplete answer; and editing such a field is reason enough to search its choices when
    they hold no personal data (the answer holds only their names).

    `source_field` is set by Django's `process_request()` before `has_perm()` is called
    (tests/va_conference/test_autocomplete.py fails if that changes).
    """

    def has_perm(self, request, obj=None):
        if not self.offered_as_autocomplete(request):
            return False
        if super().has_perm(request, obj):
            return True
        if self.model_admin.model._meta.label_lower not in CHOICES_WITHOUT_PERSONAL_DATA:
            return False
        opts = self.source_field.model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for action in ("add", "change")
        )

    def get_queryset(self):
        # The changelist orders a model without an ordering by its key; the autocomplete does
        # not, and its pages could then repeat or skip choices.
        queryset = super().get_queryset()
        return queryset if queryset.ordered else queryset.order_by("pk")

    def offered_as_autocomplete(self, request):
        try:
            source_admin = self.admin_site.get_model_admin(self.source_field.model)
        except NotRegistered:
            return False
        return self.source_field.name in source_admin.get_autocomplete_fields(request)


class ConferenceAdminSite(admin.AdminSite):
    site_header = _("VA Conference administration")
    site_title = _("VA Conference")
    index_title = _("Conferences, programme of work and registrations")
    login_form = AdminSignInForm
    login_template = "admin/sign_in.html"

    def has_permission(self, request):
        """Staff who turned two-factor sign-in on use the admin only in a session that gave
        their code: one opened before, or without it, must sign in again."""
        return super().has_permission(request) and (
            request.user.is_verified() or not django_otp.user_has_device(request.user)
        )

    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)

        @wraps(view)
        def inner(request, *args, **kwargs):
            url_name = request.resolver_match.url_name if request.resolver_match else None
            if url_name not in PAGES_BEFORE_TWO_FACTOR and two_factor.set_up_required(request.user):
                return redirect("admin:two_factor")
            return checked(request, *args, **kwargs)

        return inner

    def get_urls(self):
        return [
            path("two-factor/", self.admin_view(two_factor.manage), name="two_factor"),
            *super().get_urls(),
        ]

    def autocomplete_view(self, request):
        return ChoiceSearchView.as_view(admin_site=self)(request)


# What a superuser who must turn two-factor sign-in on may still open first.
PAGES_BEFORE_TWO_FACTOR = {"two_factor", "logout", "jsi18n"}


def mark_language(widget, language):
    """The field's text is in `language`: screen readers and the text direction follow it."""
    widget.attrs["lang"] = language
    widget.attrs["dir"] = "rtl" if get_language_info(language)["bidi"] else "ltr"


class FieldsInTheirLanguage:
    """For the admins of translated models: each field of a language reads in it, so that an
    Arabic title is typed right to left inside an English page."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is not None and language:
            mark_language(formfield.widget, language)
        return formfield
