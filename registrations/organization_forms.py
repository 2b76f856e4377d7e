"""Choosing the organization one represents: in the list, or proposed when it is not there. The
registration form asks it once; later, the form to ask to move to another delegation."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from va_conference.forms import OrganizationField
from va_conference.models import Organization, OrganizationKind

PROPOSAL_FIELDS = ["new_organization_name", "new_organization_kind", "new_organization_country"]


class OrganizationChoice(forms.Form):
    """The organization chosen in the list, or the fields to propose one."""

    organization = OrganizationField(
        queryset=Organization.objects.none(),
        empty_label=_("Choose your organization"),
        label=_("Organization you represent"),
        required=False,
        help_text=_(
            "States, UN agencies, international and non-governmental organizations. "
            "If yours is not in the list, propose it below."
        ),
    )
    new_organization_name = forms.CharField(
        label=_("Name of your organization"),
        max_length=300,
        required=False,
    )
    new_organization_kind = forms.ChoiceField(
        label=_("Kind of organization"),
        choices=[("", "---------"), *OrganizationKind.choices],
        required=False,
    )
    new_organization_country = LazyTypedChoiceField(
        label=_("Country"),
        choices=[("", "---------"), *countries],
        required=False,
        help_text=_("For a State, the State itself; otherwise where the organization is based."),
    )

    def offer_organizations(self, also=None):
        """The verified organizations, and `also` (a delegate's own proposal, which stays
        theirs to keep while organizers review it)."""
        self.fields["organization"].queryset = Organization.objects.filter(
            Q(is_verified=True) | Q(pk=also)
        )

    def check_organization_choice(self, cleaned_data):
        """Add the errors of a choice neither made in the list nor proposed in full."""
        organization = cleaned_data.get("organization")
        proposed_name = cleaned_data.get("new_organization_name", "")
        proposed_kind = cleaned_data.get("new_organization_kind", "")
        proposed_country = cleaned_data.get("new_organization_country", "")
        if organization is None and not proposed_name:
            self.add_error(
                "organization",
                _("Choose your organization in the list, or propose it below."),
            )
        if organization is None and proposed_name:
            if not proposed_kind:
                self.add_error("new_organization_kind", _("Say what kind of organization it is."))
            if proposed_kind == OrganizationKind.STATE and not proposed_country:
                self.add_error("new_organization_country", _("Choose the State's country."))

    def proposed_organization(self):
        """An unsaved Organization when the delegate proposed one instead of choosing."""
        if self.cleaned_data.get("organization") is not None:
            return None
        return Organization(
            name=self.cleaned_data["new_organization_name"],
            kind=self.cleaned_data["new_organization_kind"],
            country=self.cleaned_data["new_organization_country"],
        )


def organization_fieldset(legend, *more):
    return Fieldset(
        legend,
        Field("organization", css_class="organization-select"),
        Fieldset(
            _("Not in the list? Propose your organization"),
            *PROPOSAL_FIELDS,
            css_class="nested-fieldset",
        ),
        *more,
    )


class MoveForm(OrganizationChoice):
    """A delegate's request to represent another organization than the one they registered for."""

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration = registration
        self.offer_organizations()
        self.fields["organization"].label = _("Organization you represent in fact")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            organization_fieldset(_("Your delegation")),
            Submit("submit", _("Ask to move"), css_class="btn-primary"),
        )

    def clean(self):
        cleaned_data = super().clean()
        self.check_organization_choice(cleaned_data)
        if cleaned_data.get("organization") == self.registration.organization:
            self.add_error(
                "organization", _("Your registration already represents this organization.")
            )
        return cleaned_data
