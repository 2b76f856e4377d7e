"""The statement upload form (one row per file, each saying whose statement it is) and the
public forms that narrow and search statements."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from va_conference.forms import OrganizationField, QuickSelect
from va_conference.models import Conference, Organization, OrganizationKind

from . import search
from .models import Statement, StatementLanguage

DEFAULT_ROWS = 6
MAX_ROWS = 40


def columns(width, *fields):
    """Each field in a grid column `width` twelfths wide (Bootstrap's md breakpoint)."""
    return [Div(field, css_class=f"col-md-{width}") for field in fields]


def submit_column(width, label):
    return HTML(
        format_html(
            '<div class="col-md-{} mb-3"><button type="submit" class="btn btn-primary w-100">'
            "{}</button></div>",
            width,
            label,
        )
    )


def helper_of(*layout):
    """The layout of a form whose <form> tag and button the page writes."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper


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

    @property
    def helper(self):
        return helper_of(
            Div(
                *columns(6, "file", "organization"),
                *columns(4, "language", "speaker", "delivered"),
                css_class="row g-3",
            )
        )


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

    @property
    def helper(self):
        return helper_of(
            Div(
                *columns(4, "session", "organization"),
                *columns(2, "language"),
                submit_column(2, _("Filter")),
                css_class="row g-3 align-items-end",
            )
        )

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


class SearchForm(forms.Form):
    """Search every meeting's published statements and documents (GET)."""

    q = forms.CharField(
        label=_("Words to find"),
        required=False,
        max_length=200,
        help_text=_(
            'Words in any language. Put a phrase in "quotes"; "or" between words finds either; '
            "a minus sign before a word leaves it out."
        ),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    conference = forms.TypedChoiceField(
        label=_("Conference"), widget=QuickSelect, coerce=int, empty_value=None, required=False
    )
    organization = forms.TypedChoiceField(
        label=_("Delegation"), widget=QuickSelect, coerce=int, empty_value=None, required=False
    )
    organization_kind = forms.ChoiceField(
        label=_("Kind of delegation"),
        widget=QuickSelect,
        choices=[("", _("All kinds")), *OrganizationKind.choices],
        required=False,
    )
    country = forms.ChoiceField(label=_("Country"), widget=QuickSelect, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        widget=QuickSelect,
        choices=[("", _("All languages")), *StatementLanguage.choices],
        required=False,
    )
    year_from = forms.TypedChoiceField(
        label=_("From the year"), widget=QuickSelect, coerce=int, empty_value=None, required=False
    )
    year_to = forms.TypedChoiceField(
        label=_("To the year"), widget=QuickSelect, coerce=int, empty_value=None, required=False
    )
    what = forms.ChoiceField(
        label=_("Search in"),
        widget=QuickSelect,
        choices=[
            ("", _("Statements and documents")),
            (search.STATEMENTS, _("Statements only")),
            (search.DOCUMENTS, _("Official documents only")),
        ],
        required=False,
    )

    def __init__(self, *args, choices, **kwargs):
        """`choices`: the conferences, delegations, countries and years offered (see
        search_choices())."""
        super().__init__(*args, **kwargs)
        offered = {
            "conference": _("All conferences"),
            "organization": _("All delegations"),
            "country": _("All countries"),
        }
        for name, everything in offered.items():
            self.fields[name].choices = [("", everything), *choices[name]]
        for name in ("year_from", "year_to"):
            self.fields[name].choices = [
                ("", _("Any year")),
                *((year, year) for year in choices["years"]),
            ]

    @property
    def helper(self):
        return helper_of(
            Div(
                *columns(9, "q"), submit_column(3, _("Search")), css_class="row g-3 align-items-end"
            ),
            Fieldset(
                format_html('<span class="h6">{}</span>', _("Narrow the results")),
                *columns(
                    4,
                    "conference",
                    "organization",
                    "organization_kind",
                    "country",
                    "language",
                    "what",
                    "year_from",
                    "year_to",
                ),
                css_class="row g-3",
            ),
        )

    def clean(self):
        cleaned_data = super().clean()
        first, last = cleaned_data.get("year_from"), cleaned_data.get("year_to")
        if first and last and first > last:
            self.add_error("year_to", _("Choose a year after the first one, or the same year."))
        return cleaned_data

    @property
    def query(self):
        return search.Query(self.cleaned_data["q"])

    def filters(self):
        names = [name for name in self.fields if name != "q"]
        return search.Filters(**{name: self.cleaned_data[name] for name in names})


# What a search offers to filter by changes rarely, and every search shows all of it.
CHOICES_SECONDS = 60
CHOICES_READ = ["conference", "organization", "country", "year_from", "year_to"]


def search_form(data):
    """The search form bound to `data` and validated. Its lists are read at most once a minute
    (search_choices), and read again at once when `data` chooses what they lack: a link to a
    delegation whose first statement was published a moment ago finds it."""
    form = SearchForm(data, choices=search_choices())
    if not form.is_valid() and any(form.has_error(name, "invalid_choice") for name in CHOICES_READ):
        form = SearchForm(data, choices=search_choices(fresh=True))
        form.is_valid()
    return form


def search_choices(fresh=False):
    """The conferences, delegations, countries and years a search offers, named in the page's
    language: read at most once a minute in each process, not for every search, unless `fresh`."""
    key = f"search-choices-{translation.get_language()}"
    if not fresh:
        return cache.get_or_set(key, read_search_choices, CHOICES_SECONDS)
    choices = read_search_choices()
    cache.set(key, choices, CHOICES_SECONDS)
    return choices


def read_search_choices():
    conferences = list(Conference.objects.published().order_by("-start_date", "short_name"))
    # One probe of the statements' index per organization, not a pass over the statements.
    published = Statement.objects.published()
    organizations = list(
        Organization.objects.filter(Exists(published.filter(organization=OuterRef("pk")))).order_by(
            "name"
        )
    )
    countries = {organization.country for organization in organizations if organization.country}
    return {
        "conference": [(conference.pk, str(conference.short_name)) for conference in conferences],
        "organization": [
            (organization.pk, str(organization.name)) for organization in organizations
        ],
        "country": sorted(
            ((country.code, str(country.name)) for country in countries),
            key=lambda choice: choice[1].casefold(),
        ),
        "years": sorted({conference.start_date.year for conference in conferences}, reverse=True),
    }
