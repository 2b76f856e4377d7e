"""The statement upload form: one row per file, each saying whose statement it is."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from va_conference.forms import OrganizationField
from va_conference.models import Organization

from .models import StatementLanguage

DEFAULT_ROWS = 6
MAX_ROWS = 40


class StatementUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, DOCX or ODT."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,.odt,application/pdf,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                "application/vnd.oasis.opendocument.text"
            }
        ),
    )
    organization = OrganizationField(
        queryset=Organization.objects.all(),
        label=_("Delegation"),
        empty_label=_("Choose the delegation"),
        required=False,
    )
    speaker = forms.CharField(label=_("Speaker (optional)"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=StatementLanguage.choices)
    delivered = forms.BooleanField(
        label=_("Delivered in this language (the original)"),
        required=False,
        help_text=_("For a delegation with files in several languages."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("file") and not cleaned_data.get("organization"):
            self.add_error("organization", _("Choose the delegation that delivered it."))
        return cleaned_data

    @property
    def has_file(self):
        return bool(self.files.get(self.add_prefix("file")))


class BaseUploadFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if not any(form.has_file for form in self.forms):
            raise forms.ValidationError(_("Choose at least one file to upload."))


def upload_formset(rows, organizations):
    """A formset of `rows` empty rows; `organizations`, a list, is read once for all rows."""
    formset_class = forms.formset_factory(
        StatementUploadForm, formset=BaseUploadFormSet, extra=rows, max_num=MAX_ROWS
    )

    class UploadFormSet(formset_class):
        def add_fields(self, form, index):
            super().add_fields(form, index)
            form.fields["organization"].listed = organizations

    return UploadFormSet


class StatementFilterForm(forms.Form):
    """Narrow a conference's statements by session, delegation and language (GET)."""

    session = forms.ModelChoiceField(
        queryset=None, label=_("Session"), empty_label=_("All sessions"), required=False
    )
    organization = forms.ModelChoiceField(
        queryset=None, label=_("Delegation"), empty_label=_("All delegations"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *StatementLanguage.choices],
        required=False,
    )

    def __init__(self, *args, sessions, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["organization"].queryset = organizations

    def filter(self, statements):
        """The statements (as delivered) that have what the visitor asked for."""
        if not self.is_valid():
            return statements
        if session := self.cleaned_data["session"]:
            statements = statements.filter(session=session)
        if organization := self.cleaned_data["organization"]:
            statements = statements.filter(organization=organization)
        if language := self.cleaned_data["language"]:
            statements = statements.filter(
                Q(language=language)
                | Q(translations__language=language, translations__is_published=True)
            ).distinct()
        return statements
