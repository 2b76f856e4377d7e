"""The forms of a list of speakers: its settings, and a delegation added from the floor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from va_conference.forms import OrganizationField
from va_conference.models import Organization

from .models import FloorRequest, SpeakersList, Turn

DONE_CHOICES = [(Turn.SPOKE, Turn.SPOKE.label), (Turn.WITHDREW, Turn.WITHDREW.label)]


class SpeakersListForm(forms.ModelForm):
    class Meta:
        model = SpeakersList
        fields = ["is_open", "requests_close_at", "order", "minutes_per_speaker"]
        fields += ["is_displayed_publicly"]
        widgets = {
            "requests_close_at": forms.DateTimeInput(
                format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}
            ),
        }


class FromTheFloorForm(forms.ModelForm):
    """A delegation that asks for the floor in the room."""

    organization = OrganizationField(
        queryset=Organization.objects.verified(),
        empty_label=_("Choose the delegation"),
        label=_("Delegation"),
    )

    class Meta:
        model = FloorRequest
        fields = ["speaker", "rank", "language"]


class TurnForm(forms.Form):
    turn = forms.ChoiceField(
        choices=[(turn, label) for turn, label in Turn.choices if turn != Turn.WAITING]
    )


class MoveForm(forms.Form):
    offset = forms.TypedChoiceField(choices=[("-1", "-1"), ("1", "1")], coerce=int)
