"""Asking, from the private page, to take part another way (registrations/mode_change.py)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from va_conference.models import Participation

from . import mode_change, ratelimit
from .models import Status
from .views import closed_to_changes, own_registration, too_many_submissions

DONE = {
    (Participation.ONLINE, Status.CONFIRMED): gettext_lazy(
        "You now take part online, and your registration stays confirmed."
    ),
    (Participation.ONLINE, Status.SUBMITTED): gettext_lazy(
        "You now take part online. The organizers will review your registration."
    ),
    (Participation.ONLINE, Status.WAITLISTED): gettext_lazy(
        "Every place online is taken: you are on the waiting list for a place online."
    ),
    (Participation.IN_PERSON, Status.SUBMITTED): gettext_lazy(
        "You hold a place in the room. The organizers will review your registration again "
        "before confirming it."
    ),
    (Participation.IN_PERSON, Status.WAITLISTED): gettext_lazy(
        "Every place in the room is taken: you are on the waiting list for a place in the room."
    ),
}


class ModeForm(forms.Form):
    mode = forms.ChoiceField(choices=Participation.choices)

    def __init__(self, *args, offered, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = offered

    def clean_mode(self):
        mode = self.cleaned_data["mode"]
        if mode != self.offered:
            raise forms.ValidationError(_("This way of taking part cannot be chosen."))
        return mode


@never_cache
def registration_mode(request, token):
    registration = own_registration(token)
    offered = mode_change.other_mode(registration)
    if offered is None:
        return closed_to_changes(
            request, token, _("The way you take part can no longer be changed here.")
        )
    form = ModeForm(request.POST or None, offered=offered)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        if form.is_valid():
            try:
                registration = mode_change.change_mode(registration, form.cleaned_data["mode"])
            except (mode_change.ModeNotOffered, mode_change.RegistrationClosed):
                return closed_to_changes(
                    request, token, _("The way you take part can no longer be changed here.")
                )
            messages.success(request, DONE[(registration.mode, registration.status)])
            return redirect("registration_detail", token)
    return render(
        request,
        "registrations/mode.html",
        {
            "registration": registration,
            "conference": registration.conference,
            "form": form,
            "offered": offered,
            "online": offered == Participation.ONLINE,
        },
    )
