"""The forms of the organizers' tools."""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from registrations.figures import SCOPES
from registrations.models import Registration
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


class ParticipantsListForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


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
