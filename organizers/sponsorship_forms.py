"""The forms of the sponsorship committee's desk: the candidates' filters, a candidate's score
and notes, an offer, a ticket, an absence, and the report to donors."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sponsorship.models import Candidacy, Fund, Offer, OfferKind, Ticket
from va_conference.models import OrganizationKind
from va_conference.regions import COUNTRIES_OF_REGION, Region


class CandidatesFilterForm(forms.Form):
    """What the list of candidates for sponsorship shows, and in which order."""

    ANY = ""
    kind = forms.ChoiceField(
        label=_("Organization kind"),
        required=False,
        choices=[(ANY, _("Any")), *OrganizationKind.choices],
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[(ANY, _("Any")), *Region.choices]
    )
    survivor = forms.ChoiceField(
        label=_("Survivors"),
        required=False,
        choices=[(ANY, _("Any")), ("yes", _("Survivors only")), ("no", _("Others only"))],
    )
    obligations = forms.BooleanField(
        label=_("Only States with victim-assistance obligations"), required=False
    )
    order = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("score", _("Score, highest first")),
            ("cost", _("Estimated cost, highest first")),
            ("country", _("Country")),
            ("region", _("Region")),
            ("name", _("Name")),
        ],
    )

    def filtered(self, registrations):
        """`registrations` as the form's valid choices filter them (all of them otherwise)."""
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["kind"]:
            registrations = registrations.filter(organization__kind=data["kind"])
        if data["region"]:
            registrations = registrations.filter(
                organization__country__in=COUNTRIES_OF_REGION[data["region"]]
            )
        if data["survivor"]:
            registrations = registrations.filter(is_survivor=data["survivor"] == "yes")
        if data["obligations"]:
            registrations = registrations.filter(
                organization__kind=OrganizationKind.STATE, organization__has_va_obligations=True
            )
        return registrations

    def sorted_by(self):
        return (self.cleaned_data.get("order") if self.is_valid() else "") or "score"


class CandidacyForm(forms.ModelForm):
    """The committee's score and notes of one candidate."""

    class Meta:
        model = Candidacy
        fields = ["score", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5, "cols": 80})}


class OfferForm(forms.Form):
    """The committee's offer to one candidate: from which fund, full or partial, how much, and
    by when the delegate must accept."""

    fund = forms.ModelChoiceField(label=_("Fund"), queryset=Fund.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=OfferKind.choices, initial=OfferKind.FULL)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=10, decimal_places=2, min_value=Decimal("0.01")
    )
    deadline = forms.DateField(
        label=_("To accept by"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    beyond_the_fund = forms.BooleanField(
        label=_("Offer it even beyond what the fund has left"),
        required=False,
        help_text=_("Only when the committee has agreed to commit more than the fund holds."),
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = conference.funds.all()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("Choose a day from today on."))
        return deadline


class TicketForm(forms.ModelForm):
    """The ticket the programme bought for an accepted offer, its e-ticket as a PDF, and the
    DSA paid: the statements' file checks apply."""

    class Meta:
        model = Ticket
        fields = ["itinerary", "cost", "file", "dsa_paid", "dsa_paid_on", "dsa_paid_how"]
        widgets = {
            "itinerary": forms.Textarea(attrs={"rows": 3, "cols": 60}),
            # Not the clearable input, which would link to the stored file itself.
            "file": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            "dsa_paid_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not isinstance(upload, UploadedFile):
            return upload  # the e-ticket already stored, kept
        return self.instance.take_pdf(upload, _("Send the e-ticket as a PDF."))


class AbsenceForm(forms.ModelForm):
    """Why a sponsored delegate did not come, or came for part of the meeting."""

    class Meta:
        model = Offer
        fields = ["absence_reason"]
        widgets = {"absence_reason": forms.Textarea(attrs={"rows": 2, "cols": 60})}


class DonorsReportForm(forms.Form):
    """Which report to donors: of every fund or one, in which language, on the page or as a
    file."""

    fund = forms.ModelChoiceField(
        label=_("Fund"), queryset=Fund.objects.none(), required=False, empty_label=_("Every fund")
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, required=False)
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("csv", "CSV")], required=False)

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = conference.funds.all()
