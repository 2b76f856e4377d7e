"""The questions of a visa letter request: on the registration form, after a tick, or alone on
the delegate's private page."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from va_conference.forms import PrintableNames

from . import visa
from .models import PASSPORT_FIELDS, VisaRequest

# The names of these fields as posted: kept out of error reports (sensitive_post_parameters).
PREFIX = "visa"
POSTED_NAMES = [f"{PREFIX}-{name}" for name in PASSPORT_FIELDS]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PassportChecks:
    """The checks of a form of passport details, the delegate's and the organizers' alike."""

    def clean_passport_number(self):
        number = self.cleaned_data["passport_number"].strip()
        if number:
            visa.check_passport_number(number)
        return number

    def check_dates(self, conference, cleaned_data):
        """Add what a consulate would refuse in the dates, to the fields still without error."""
        for name, message in visa.passport_errors(
            conference,
            cleaned_data.get("passport_issued_on"),
            cleaned_data.get("passport_expires_on"),
            cleaned_data.get("birth_date"),
        ).items():
            if name not in self._errors:
                self.add_error(name, message)


class VisaRequestForm(PrintableNames, PassportChecks, forms.ModelForm):
    """With `optional` (the registration form), the details are asked only once the delegate
    ticks that they need a letter; alone, every detail is required."""

    printable_fields = ("name_in_passport", "birth_place", "consulate")

    needs_letter = forms.BooleanField(
        label=_("I need a letter of invitation to apply for a visa"), required=False
    )

    class Meta:
        model = VisaRequest
        fields = PASSPORT_FIELDS
        widgets = {
            "passport_issued_on": DateInput,
            "passport_expires_on": DateInput,
            "birth_date": DateInput,
        }

    def __init__(self, *args, conference, optional=False, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        self.conference = conference
        self.optional = optional
        self.fields["passport_number"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        )
        self.fields["name_in_passport"].widget.attrs["autocomplete"] = "name"
        self.fields["birth_date"].widget.attrs["autocomplete"] = "bday"
        self.fields["passport_expires_on"].help_text = _(
            "It must be valid until %(date)s at least."
        ) % {"date": formats.date_format(visa.valid_until_at_least(conference), "DATE_FORMAT")}
        if optional:
            for name in PASSPORT_FIELDS:
                self.fields[name].required = False
        else:
            del self.fields["needs_letter"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(self.fieldset())

    def fieldset(self):
        explanation = HTML(
            format_html(
                "<p>{}</p>",
                _(
                    "The secretariat writes a letter of invitation for your visa application, "
                    "in your language, with these details exactly as you type them: copy them "
                    "from your passport. Only the staff who write the letters see them, and "
                    "they are deleted with the rest of your personal data."
                ),
            )
        )
        details = Div(
            "name_in_passport",
            "nationality",
            "passport_number",
            Div(
                Div("passport_issued_on", css_class="col-md-6"),
                Div("passport_expires_on", css_class="col-md-6"),
                css_class="row",
            ),
            Div(
                Div("birth_date", css_class="col-md-6"),
                Div("birth_place", css_class="col-md-6"),
                css_class="row",
            ),
            "consulate",
            css_class="visa-details",
        )
        if self.optional:
            return Fieldset(_("Visa"), "needs_letter", explanation, details)
        return Fieldset(_("Your passport"), explanation, details)

    def wants_letter(self):
        return not self.optional or bool(self.cleaned_data.get("needs_letter"))

    def clean(self):
        cleaned_data = super().clean()
        if not self.wants_letter():
            # Nothing typed under an unticked box is kept, nor refused.
            self._errors.clear()
            return {"needs_letter": False}
        for name in PASSPORT_FIELDS:
            if name not in self._errors and cleaned_data.get(name) in (None, ""):
                self.add_error(name, _("This detail is needed for the letter."))
        self.check_dates(self.conference, cleaned_data)
        return cleaned_data

    def request(self):
        """The unsaved VisaRequest the form holds, or None if no letter is needed."""
        return self.instance if self.wants_letter() else None
