"""The forms of the organizers' tools."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from delegations.models import ParticipantsList
from delegations.participants_list import Edition
from registrations import organizers_messages, own_words
from registrations.figures import SCOPES
from registrations.models import Message, OwnWords, Question, Registration
from sessions.models import ProgrammeRelease
from sponsorship.models import Candidacy, Fund, Offer, OfferKind, Ticket
from va_conference.admin_site import mark_language
from va_conference.models import Conference, OrganizationKind
from va_conference.regions import COUNTRIES_OF_REGION, Region


class ConferenceField(forms.ModelChoiceField):
    def label_from_instance(self, conference):
        return f"{conference.short_name} — {date_format(conference.start_date)}"


class ConferenceChoiceForm(forms.Form):
    """Which conference a tool works on: every tool's pages are under its conference's URL."""

    conference = ConferenceField(
        queryset=Conference.objects.order_by("-start_date"),
        to_field_name="slug",
        label=_("Conference"),
        empty_label=None,
    )
    tool = forms.CharField(widget=forms.HiddenInput, required=False)


class CopyQuestionsForm(forms.Form):
    """The conference whose questions to copy: another one that asks some."""

    source = ConferenceField(
        queryset=Conference.objects.none(),
        to_field_name="slug",
        label=_("Copy the questions of"),
        empty_label=None,
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = (
            Conference.objects.exclude(pk=conference.pk)
            .filter(pk__in=Question.objects.current().values("conference"))
            .order_by("-start_date")
        )


class FiguresForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Counting"),
        choices=[(key, label) for key, (label, _statuses) in SCOPES.items()],
        initial="active",
        required=False,
    )

    def chosen_scope(self):
        """The scope asked for; those counted under way when none or a wrong one is."""
        if self.is_valid() and self.cleaned_data["scope"]:
            return self.cleaned_data["scope"]
        return "active"


LIST = "list"


class ParticipantsListForm(forms.Form):
    """Which list to download: the List of Participants or one of its Addenda, in which
    language and edition."""

    document = forms.ChoiceField(label=_("Document"), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    edition = forms.ChoiceField(
        label=_("Edition"), choices=Edition.choices, initial=Edition.PUBLIC, required=False
    )

    def __init__(self, *args, addenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].choices = [(LIST, _("List of Participants"))] + [
            (str(addendum.pk), addendum.symbol) for addendum in addenda
        ]


class CredentialsReportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("csv", "CSV")])


class OfficialListForm(forms.ModelForm):
    """The symbol and date of the List of Participants or of an Addendum."""

    class Meta:
        model = ParticipantsList
        fields = ["symbol", "date"]
        widgets = {"date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}

    def clean_date(self):
        date = self.cleaned_data["date"]
        official = self.instance
        if official.kind != ParticipantsList.Kind.ADDENDUM:
            return date
        listed = official.conference.participants_lists.filter(kind=ParticipantsList.Kind.LIST)
        list_date = listed.values_list("date", flat=True).first()
        if list_date is None:
            raise forms.ValidationError(_("Set the List of Participants' symbol and date first."))
        if date <= list_date:
            raise forms.ValidationError(
                _("An Addendum lists the changes after the List's date (%(date)s).")
                % {"date": date_format(list_date)}
            )
        return date


class CheckInSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Reference (scan the badge) or name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autofocus": True, "autocomplete": "off", "size": 40}
        ),
    )


class CheckInForm(forms.Form):
    """The registration a staff member checks in: one of the conference's."""

    registration = forms.ModelChoiceField(queryset=Registration.objects.none())

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].queryset = Registration.objects.filter(conference=conference)


class MessageForm(forms.ModelForm):
    """A message to delegates: its subject and text in each language, each field in its own
    language and direction, and whom it goes to."""

    to = forms.ChoiceField(label=_("To"), widget=forms.RadioSelect)

    class Meta:
        model = Message
        fields = [
            f"{field}_{language}"
            for language, _name in settings.LANGUAGES
            for field in ("subject", "body")
        ]

    def __init__(self, *args, counts, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "to":
                mark_language(field.widget, name.rsplit("_", 1)[1])
        self.fields["to"].choices = [
            (who, recipients_label(who, count)) for who, count in counts.items()
        ]
        self.fields["to"].initial = next(iter(counts))

    def texts(self):
        return {name: value for name, value in self.cleaned_data.items() if name != "to"}


def recipients_label(who, count):
    if who == organizers_messages.SELECTED:
        label = ngettext(
            "The %(count)d registration selected", "The %(count)d registrations selected", count
        )
    elif who == organizers_messages.CONFIRMED:
        label = _("Every confirmed delegate (%(count)d)")
    else:
        label = _("Every registration under way: submitted, confirmed, wait-listed (%(count)d)")
    return label % {"count": count}


class OwnWordsForm(forms.ModelForm):
    """The conference's own paragraph in one kind of status e-mail, in each language, each in
    its own language and direction; a placeholder not filled in is refused where it is typed."""

    class Meta:
        model = OwnWords
        fields = [f"text_{language}" for language, _name in settings.LANGUAGES]
        widgets = {
            f"text_{language}": forms.Textarea(attrs={"rows": 5, "cols": 80})
            for language, _name in settings.LANGUAGES
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            mark_language(field.widget, name.rsplit("_", 1)[1])
            field.help_text = ""

    def clean(self):
        cleaned = super().clean()
        allowed = ", ".join(f"{{{name}}}" for name in own_words.PLACEHOLDERS)
        for name in self.fields:
            unknown = own_words.unknown_placeholders(cleaned.get(name) or "")
            if unknown:
                self.add_error(
                    name,
                    ngettext(
                        "%(unknown)s is not a placeholder: use only %(allowed)s.",
                        "%(unknown)s are not placeholders: use only %(allowed)s.",
                        len(unknown),
                    )
                    % {
                        "unknown": ", ".join(f"{{{each}}}" for each in unknown),
                        "allowed": allowed,
                    },
                )
        return cleaned


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


class ReleaseForm(forms.ModelForm):
    """A release of the programme: its name, and a note in each language."""

    class Meta:
        model = ProgrammeRelease
        fields = ["name", "note_en", "note_fr", "note_es", "note_ar"]
        widgets = {
            f"note_{language}": forms.Textarea(attrs={"rows": 2, "cols": 60})
            for language in ("en", "fr", "es", "ar")
        }

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.conference = conference
        for language, name in settings.LANGUAGES:
            field = self.fields[f"note_{language}"]
            field.label = _("Note (%(language)s)") % {"language": name}
            mark_language(field.widget, language)

    def validate_unique(self):
        # The conference is set, not posted: the name is checked unique within it.
        try:
            self.instance.validate_unique()
        except forms.ValidationError as error:
            self._update_errors(error)
