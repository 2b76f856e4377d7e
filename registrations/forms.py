"""The registration form: one page for the person, their delegation and their needs.

The same form registers a delegate and, later, lets them change their answers. It works
without JavaScript; a script only adds a search box over the list of organizations.
"""

import re
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sessions.models import Session
from va_conference.forms import PrintableNames, RobotTrap

from .models import HEAD_TAKEN, Registration, head_taken
from .organization_forms import PROPOSAL_FIELDS, OrganizationChoice, organization_fieldset

PERSON_FIELDS = [
    "honorific",
    "given_name",
    "family_name",
    "phone",
    "job_title",
    "language",
    "gender",
    "is_survivor",
    "has_disability",
]

NEEDS_FIELDS = [
    "needs_step_free_access",
    "needs_sign_language",
    "sign_language",
    "needs_captioning",
    "needs_accessible_documents",
    "has_personal_assistant",
    "other_accessibility_needs",
]

# A plus sign, then 6 to 15 digits (ITU-T E.164), spaces, dots, dashes and brackets allowed.
PHONE_SEPARATORS = re.compile(r"[\s.()\-]")
PHONE_DIGITS = re.compile(r"^\+[1-9]\d{5,14}$")

# Required only with another answer, or not for people at all: not marked "optional".
CONDITIONAL = {
    "organization",
    "new_organization_name",
    "new_organization_kind",
    "new_organization_country",
    "sign_language",
    "sponsorship_justification",
    "website",
    "submission_key",
}

SETTLED_DELEGATION = _(
    "Your organization and role are settled by the organizers and your delegation's focal "
    "point. Registered for the wrong organization? Ask to move from your registration's page."
)
SETTLED_NAME = _(
    "Your name is settled as checked in at the conference: ask the organizers to correct it."
)

SELF_DESCRIPTION_CHOICES = [("", _("Prefer not to say")), ("True", _("Yes")), ("False", _("No"))]


class RegistrationForm(PrintableNames, RobotTrap, OrganizationChoice, forms.ModelForm):
    """A new registration, or a change of one's answers (the e-mail address has a form of its
    own: a new address must be confirmed)."""

    printable_fields = ("given_name", "family_name", "job_title", "gender")

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send the private link to your registration to this address."),
    )
    needs_sign_language = forms.BooleanField(
        label=_("Sign-language interpretation"), required=False
    )
    privacy_accepted = forms.BooleanField(
        label=_("I have read the privacy notice above and accept it."),
        error_messages={"required": _("Please accept the privacy notice to register.")},
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Registration
        fields = [
            *PERSON_FIELDS,
            "organization",
            "role",
            "mode",
            "sessions",
            "needs_step_free_access",
            "sign_language",
            "needs_captioning",
            "needs_accessible_documents",
            "has_personal_assistant",
            "other_accessibility_needs",
            "sponsorship_requested",
            "sponsorship_justification",
            "consents_to_public_listing",
        ]
        widgets = {
            "mode": forms.RadioSelect,
            "sessions": forms.CheckboxSelectMultiple,
            "other_accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "sponsorship_justification": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "mode": _("How will you take part?"),
            "sessions": _("Sessions you will attend"),
            "sign_language": _("Which sign language?"),
            "other_accessibility_needs": _("Other needs, in your own words"),
            "sponsorship_requested": _("I ask for travel support (sponsorship)"),
            "sponsorship_justification": _("Why you need travel support"),
            "consents_to_public_listing": _(
                "List my delegation in the public participants list of this conference"
            ),
        }
        help_texts = {
            "mode": _(
                "Each way has places of its own: if those of the way you choose are all taken, "
                "you join its waiting list."
            ),
            "sign_language": _("e.g. International Sign, Jordanian Sign Language"),
            "sponsorship_justification": _("A few sentences are enough."),
            "consents_to_public_listing": _(
                "Only your organization's name, kind and country are shown, never your name."
            ),
        }

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = conference
        self.settled = {}
        self.is_new = self.instance.pk is None
        self.fields["given_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["family_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["phone"].widget = forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"})
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["language"].label = _("Language of the e-mails we send you")
        self.fields["language"].help_text = ""
        for name in ("is_survivor", "has_disability"):
            self.fields[name] = forms.NullBooleanField(
                label=self.fields[name].label,
                help_text=self.fields[name].help_text,
                required=False,
                widget=forms.Select(choices=SELF_DESCRIPTION_CHOICES),
            )
        self.fields["is_survivor"].label = _("Are you a survivor?")
        self.fields["has_disability"].label = _("Are you a person with a disability?")
        self.fields["has_disability"].help_text = ""
        if self.is_new:
            self.initial.setdefault("language", get_language())
            self.initial.setdefault("submission_key", uuid.uuid4())
        else:
            del self.fields["email"]
            self.initial.setdefault("needs_sign_language", bool(self.instance.sign_language))
            self.initial.setdefault("organization", self.instance.organization_id)
            if self.instance.privacy_accepted_at or not self.instance.nominated_by_id:
                del self.fields["privacy_accepted"]  # a member named by a focal point accepts here
            del self.fields["submission_key"]

        modes = conference.participation_modes()
        if self.is_new and len(modes) > 1:
            self.fields["mode"].choices = [(mode, mode.label) for mode in modes]
        else:
            # One way to take part, or a registration that holds a place of its own.
            del self.fields["mode"]

        self.offer_organizations(also=self.instance.organization_id)
        self.fields["sessions"].queryset = (
            Session.objects.published().filter(conference=conference).select_related("conference")
        )
        self.fields["sessions"].label_from_instance = self.session_label
        self.fields["role"].help_text = _("Your role in your delegation.")
        if not self.is_new:
            self.settle(["organization", "role"], SETTLED_DELEGATION)
            self.fields["organization"].queryset = self.fields["organization"].queryset.filter(
                pk=self.instance.organization_id
            )
            for name in PROPOSAL_FIELDS:
                del self.fields[name]
            if self.instance.name_is_settled():
                self.settle(["honorific", "given_name", "family_name"], SETTLED_NAME)

        for name, field in self.fields.items():
            if not (field.required or isinstance(field, forms.BooleanField) or name in CONDITIONAL):
                field.label = _("%(label)s (optional)") % {"label": capfirst(field.label)}

    @staticmethod
    def session_label(session):
        return _("%(date)s, %(start)s–%(end)s: %(title)s") % {  # noqa: RUF001
            "date": formats.date_format(session.date, "DATE_FORMAT"),
            "start": session.start_time.strftime("%H:%M"),
            "end": session.end_time.strftime("%H:%M"),
            "title": session.title,
        }

    @cached_property
    def helper(self):
        """The layout, made when the form is shown: a conference without a public session yet
        asks nothing about sessions."""
        offers_sessions = self.fields["sessions"].queryset.exists()
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        fields_about_you = Fieldset(
            _("About you"),
            "honorific",
            Div(
                Div("given_name", css_class="col-md-6"),
                Div("family_name", css_class="col-md-6"),
                css_class="row",
            ),
            *(["email"] if self.is_new else []),
            "phone",
            "job_title",
            "language",
        )
        if self.is_new:
            delegation = organization_fieldset(_("Your delegation"), "role")
        else:
            delegation = Fieldset(_("Your delegation"), "organization", "role")
        layout = [
            fields_about_you,
            delegation,
            *([Fieldset(_("Taking part"), "mode")] if "mode" in self.fields else []),
            *([Fieldset(_("Sessions"), "sessions")] if offers_sessions else []),
            Fieldset(
                _("Accessibility"),
                HTML(
                    format_html(
                        "<p>{}</p>",
                        _(
                            "Tell us what you need to take part fully. The organizers "
                            "arrange it and write to you if they have questions."
                        ),
                    )
                ),
                *NEEDS_FIELDS,
            ),
            Fieldset(_("Travel support"), "sponsorship_requested", "sponsorship_justification"),
            # The visa letter's questions, a form of their own (visa_forms.py), on a new
            # registration only: later, the private page asks them.
            HTML("{% load crispy_forms_tags %}{% if visa_form %}{% crispy visa_form %}{% endif %}"),
            # The conference's own questions, a form of their own (questions.py).
            HTML(
                "{% load crispy_forms_tags %}"
                "{% if questions_form.fields %}{% crispy questions_form %}{% endif %}"
            ),
            Fieldset(
                _("About you, for the conference's figures"),
                HTML(
                    format_html(
                        "<p>{}</p>",
                        _(
                            "These answers are optional. They help the organizers report on "
                            "the participation of women, survivors and persons with "
                            "disabilities; they never appear publicly."
                        ),
                    )
                ),
                "gender",
                "is_survivor",
                "has_disability",
            ),
        ]
        if "privacy_accepted" in self.fields:
            layout.append(
                Fieldset(
                    _("Consent"),
                    "consents_to_public_listing",
                    HTML('{% include "registrations/privacy_notice.html" %}'),
                    "privacy_accepted",
                )
            )
        else:
            layout.append(Fieldset(_("Consent"), "consents_to_public_listing"))
        layout += [
            Div("website", css_class="contact-field", aria_hidden="true"),
            *(["submission_key"] if self.is_new else []),
            Submit(
                "submit",
                _("Register") if self.is_new else _("Save my changes"),
                css_class="btn-primary btn-lg",
            ),
        ]
        helper.layout = Layout(*layout)
        return helper

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_DIGITS.match(PHONE_SEPARATORS.sub("", phone)):
            raise forms.ValidationError(
                _(
                    "Write the number in international format: a plus sign, the country "
                    "code and the number, e.g. +962 6 123 4567."
                )
            )
        return phone

    def settle(self, names, explanation):
        """Show the fields `names` without letting them change: a value posted all the same
        (a browser posts none for them) is refused with `explanation`."""
        for name in names:
            self.settled[name] = explanation
            self.fields[name].disabled = True
        self.fields[names[-1]].help_text = explanation

    def refuse_settled_changes(self):
        for name, explanation in self.settled.items():
            field = self.fields[name]
            posted = self.data.get(self.add_prefix(name))
            kept = field.prepare_value(self.get_initial_for_field(field, name))
            if posted is not None and str(posted) != str(kept if kept is not None else ""):
                self.add_error(name, explanation)

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_settled_changes()
        self.check_organization_choice(cleaned_data)
        organization = cleaned_data.get("organization")
        if organization is not None and head_taken(
            self.conference.pk, organization.pk, cleaned_data.get("role"), exclude=self.instance.pk
        ):
            self.add_error("role", HEAD_TAKEN)
        if not self.is_new and cleaned_data.get("privacy_accepted"):
            self.instance.privacy_accepted_at = timezone.now()
        if cleaned_data.get("needs_sign_language") and not cleaned_data.get("sign_language"):
            self.add_error("sign_language", _("Say which sign language you need."))
        if not cleaned_data.get("needs_sign_language"):
            cleaned_data["sign_language"] = ""
        if cleaned_data.get("sponsorship_requested") and not cleaned_data.get(
            "sponsorship_justification"
        ):
            self.add_error(
                "sponsorship_justification",
                _("Tell the organizers in a few words why you need travel support."),
            )
        return cleaned_data
