"""The forms of a list of speakers: its settings, a delegation added from the floor, and a
focal point's request for the floor."""

from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delegations.forms import helper_with
from sessions.models import Statement
from va_conference.forms import OrganizationField
from va_conference.models import Organization

from .models import FloorRequest, SpeakersList, Turn


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
    """A delegation that asks for the floor during the session, in the room or online."""

    organization = OrganizationField(
        queryset=Organization.objects.verified(),
        empty_label=_("Choose the delegation"),
        label=_("Delegation"),
    )

    class Meta:
        model = FloorRequest
        fields = ["speaker", "rank", "language", "speaks_online"]


class TurnForm(forms.Form):
    turn = forms.ChoiceField(
        choices=[(turn, label) for turn, label in Turn.choices if turn != Turn.WAITING]
    )


class MoveForm(forms.Form):
    offset = forms.TypedChoiceField(choices=[("-1", "-1"), ("1", "1")], coerce=int)


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, speakers_list):
        session = speakers_list.session
        return f"{session.title} ({session.starts_at:%Y-%m-%d %H:%M})"


class AskForTheFloorForm(forms.ModelForm):
    """A focal point asks for the floor in one of the sessions taking requests."""

    speakers_list = SessionChoiceField(
        queryset=SpeakersList.objects.none(), label=_("Session"), empty_label=None
    )
    text = forms.FileField(
        label=_("Text of the statement (optional)"),
        required=False,
        help_text=_(
            "PDF, Word or OpenDocument. Only the interpreters read it before it is delivered."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )

    class Meta:
        model = FloorRequest
        fields = ["speaker", "rank", "language", "speaks_online", "publish_when_delivered"]
        labels = {
            "speaker": _("Who will speak"),
            "rank": _("The speaker's rank"),
            "language": _("Language they will speak in"),
            "speaks_online": _("They will speak online, from afar"),
            "publish_when_delivered": _(
                "Publish the text as our statement in the session once it is delivered"
            ),
        }

    def __init__(self, *args, delegation, lists, **kwargs):
        super().__init__(*args, prefix="floor", **kwargs)
        self.delegation = delegation
        self.fields["speakers_list"].queryset = lists
        self.statement = None
        self.helper = helper_with(
            "speakers_list",
            "speaker",
            "rank",
            "language",
            "speaks_online",
            "text",
            "publish_when_delivered",
            Submit("ask", _("Ask for the floor"), css_class="btn-primary"),
        )

    def clean(self):
        cleaned_data = super().clean()
        upload, speakers_list = cleaned_data.get("text"), cleaned_data.get("speakers_list")
        if upload and speakers_list:
            statement = Statement(
                session=speakers_list.session,
                organization=self.delegation.organization,
                speaker=cleaned_data.get("speaker", ""),
                language=cleaned_data.get("language") or "en",
                file=upload,
                sent_ahead=True,
            )
            try:
                statement.clean_file()
            except ValidationError as error:
                self.add_error("text", error.message_dict["file"])
            else:
                self.statement = statement
        return cleaned_data
