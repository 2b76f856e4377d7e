"""The delegate's answer to an offer of sponsorship."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _


class AnswerForm(forms.Form):
    """A delegate's answer to an offer of sponsorship: accepting it confirms the name as in the
    passport, for the ticket, and the city of departure."""

    name_in_passport = forms.CharField(
        label=_("Your name, exactly as in your passport"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    departure_city = forms.CharField(
        label=_("The city you will travel from"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        if "accept" in self.data:
            for name in ("name_in_passport", "departure_city"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, _("Needed to accept the offer, for your ticket."))
        return cleaned

    def accepted(self):
        return "accept" in self.data
