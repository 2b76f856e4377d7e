"""The forms of a focal point's page: a member, a pasted list of members, a member's role, a
document of the delegation; and the public request to be an organization's focal point."""

import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from registrations.models import Role
from va_conference.forms import OrganizationField, PrintableNames, RobotTrap
from va_conference.models import Organization

from . import nominations
from .models import DelegationDocument, FocalPoint


def helper_with(*layout):
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper


class MemberForm(PrintableNames, forms.Form):
    """One member, named by the focal point."""

    printable_fields = ("given_name", "family_name")

    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("The member's own address: we send them their private link there."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.DELEGATE)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="member", **kwargs)
        self.initial.setdefault("submission_key", uuid.uuid4())
        self.helper = helper_with(
            Div(
                Div("given_name", css_class="col-md-6"),
                Div("family_name", css_class="col-md-6"),
                css_class="row",
            ),
            "email",
            "role",
            "submission_key",
            Submit("nominate", _("Add this member"), css_class="btn-primary"),
        )

    @staticmethod
    def errors_of(errors):
        return [message for _number, message in errors]

    def members(self):
        data = self.cleaned_data
        member = nominations.Member(
            data["given_name"].strip(), data["family_name"].strip(), data["email"], data["role"]
        )
        return [(1, member)]


class MemberListForm(forms.Form):
    """Members pasted from a list, one a line."""

    members_list = forms.CharField(
        label=_("Members, one a line"),
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text=_(
            "Name, e-mail and role, separated by commas, semicolons or tabs, e.g. “Ms Rania "
            "Al-Abdallah, rania@example.org, head of delegation”. Without a role, a member is a "
            "delegate. Nothing is saved unless every line is right."
        ),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="list", **kwargs)
        self.initial.setdefault("submission_key", uuid.uuid4())
        self.parsed = []
        self.helper = helper_with(
            Field("members_list", css_class="font-monospace"),
            "submission_key",
            Submit("nominate_list", _("Add these members"), css_class="btn-primary"),
        )

    def clean_members_list(self):
        text = self.cleaned_data["members_list"]
        try:
            self.parsed = nominations.parse(text)
        except nominations.InvalidNominations as invalid:
            raise ValidationError(line_errors(invalid.errors)) from None
        return text

    def members(self):
        return self.parsed

    @staticmethod
    def errors_of(errors):
        return line_errors(errors)


def line_errors(errors):
    """Each (line number, message) as one error a line."""
    return [
        _("Line %(number)d: %(message)s") % {"number": number, "message": message}
        if number
        else message
        for number, message in errors
    ]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class InvitationForm(forms.Form):
    """A member's acceptance of the invitation a focal point sent them."""

    privacy_accepted = forms.BooleanField(
        label=_("I have read the privacy notice above and accept it."),
        error_messages={
            "required": _("Please accept the privacy notice to accept the invitation.")
        },
    )

    @property
    def helper(self):
        return helper_with("privacy_accepted")


class DocumentForm(forms.ModelForm):
    """A note verbale or credentials, as a PDF: the statements' checks apply."""

    class Meta:
        model = DelegationDocument
        fields = ["kind", "file"]
        labels = {"kind": _("Document"), "file": _("PDF file")}
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})}

    def __init__(self, *args, delegation, **kwargs):
        super().__init__(*args, prefix="document", **kwargs)
        self.instance.delegation = delegation
        self.helper = helper_with(
            "kind", "file", Submit("upload", _("Send this document"), css_class="btn-primary")
        )

    def clean_file(self):
        return self.instance.take_pdf(self.cleaned_data["file"], _("Send the document as a PDF."))


class FocalPointRequestForm(PrintableNames, RobotTrap, forms.ModelForm):
    """Someone asks to be their organization's focal point: an organizer approves the request
    before the link is sent, to the address given."""

    printable_fields = ("name", "job_title")

    organization = OrganizationField(
        queryset=Organization.objects.verified(),
        empty_label=_("Choose your organization"),
        label=_("The State or organization you act for"),
        help_text=_(
            "Not in the list? Register yourself and propose it, or write to the secretariat."
        ),
    )
    request_note = forms.CharField(
        label=_("How your organization names you"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "E.g. the note verbale of your permanent mission and its date, or who in your "
            "organization asked you to act for it. The secretariat reads it to approve your "
            "request."
        ),
    )

    class Meta:
        model = FocalPoint
        fields = ["name", "email", "job_title", "request_note"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "job_title": _("Your position (optional)"),
        }
        help_texts = {
            "email": _("If the secretariat approves your request, the link is sent here."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper_with(
            Field("organization", css_class="organization-select"),
            "name",
            "email",
            "job_title",
            "request_note",
            Div("website", css_class="contact-field", aria_hidden="true"),
            Submit("ask", _("Send my request"), css_class="btn-primary btn-lg"),
        )
