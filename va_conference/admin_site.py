"""The organizers' admin site."""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_permission_codename
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class ChoiceSearchView(AutocompleteJsonView):
    """Search the choices of a related field for whoever may fill that field in.

    Django only lets users who may view the related model search it, so a Statement editor
    could not pick a session or a delegation without also seeing the sessions and
    organizations admin. Editing the field is reason enough to search its choices: the
    answer holds only the choices' names.
    """

    def has_perm(self, request, obj=None):
        if super().has_perm(request, obj):
            return True
        opts = self.source_field.model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for action in ("add", "change")
        )


class ConferenceAdminSite(admin.AdminSite):
    site_header = _("VA Conference administration")
    site_title = _("VA Conference")
    index_title = _("Conferences, programme of work and registrations")

    def autocomplete_view(self, request):
        return ChoiceSearchView.as_view(admin_site=self)(request)


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
