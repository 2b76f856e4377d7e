"""The small forms about a registration's address: the lost link, and a new address."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _


class LostLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("The e-mail address you registered with"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    @property
    def helper(self):
        return fields_only()


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address: the change takes effect when you follow it."),
    )

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration = registration

    @property
    def helper(self):
        return fields_only()

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.casefold() == self.registration.delegate.email.casefold():
            raise forms.ValidationError(_("This is already the address of your registration."))
        return email


def fields_only():
    """The layout of a small form whose <form> tag and buttons the page writes: its fields."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper
