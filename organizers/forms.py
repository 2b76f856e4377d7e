"""The forms of the organizers' tools."""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from delegations.models import ParticipantsList
from delegations.participants_list import Edition
from registrations import organizers_messages, own_words
from registrations.figures import SCOPES
from registrations.models import Message, OwnWords, Question, Registration
from sessions.models import ProgrammeRelease
from va_conference.admin_site import mark_language
from va_conference.models import Conference


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


class NextConferenceForm(forms.ModelForm):
    """Next year's meeting: its title, short name, address, references, dates and place; the
    rest is copied from this year's (organizers/next_conference.py)."""

    class Meta:
        model = Conference
        fields = [
            "title_en",
            "title_fr",
            "title_es",
            "title_ar",
            "short_name_en",
            "slug",
            "reference_prefix",
            "start_date",
            "end_date",
            "city_en",
            "venue_en",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        for language in ("fr", "es", "ar"):
            mark_language(self.fields[f"title_{language}"].widget, language)
        self.fields["title_en"].required = True
        self.fields["short_name_en"].required = True
        self.fields["city_en"].required = True

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        days = (self.source.end_date - self.source.start_date).days
        if start and end and (end - start).days < days:
            self.add_error(
                "end_date",
                ngettext(
                    "Its sessions, moved with the dates, need the new conference to last %(days)s "
                    "day at least.",
                    "Its sessions, moved with the dates, need the new conference to last %(days)s "
                    "days at least.",
                    days + 1,
                )
                % {"days": days + 1},
            )
        return cleaned
