"""Check-in at the venue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from registrations import checkin, questions
from registrations.models.questions import Asked

from ..forms import CheckInForm, CheckInSearchForm
from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("check_in")
def check_in(request, slug):
    """At the venue: find a delegate by name or scanned reference, mark them arrived."""
    conference = conference_for(slug)
    if request.method == "POST":
        form = CheckInForm(request.POST, conference=conference)
        if not form.is_valid():
            raise Http404
        registration = form.cleaned_data["registration"]
        try:
            if registration.check_in(by=request.user):
                messages.success(
                    request,
                    _("%(name)s (%(reference)s) is checked in.")
                    % {"name": registration.full_name, "reference": registration.reference},
                )
            else:
                messages.warning(
                    request,
                    _("%(name)s was already checked in today.") % {"name": registration.full_name},
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("organizers:check_in", conference.slug)
        if questions.asked(conference, Asked.CHECK_IN).exists():
            return redirect("organizers:check_in_answers", conference.slug, registration.reference)
        # Ready for the next delegate: an empty search box.
        return redirect("organizers:check_in", conference.slug)
    search = CheckInSearchForm(request.GET)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    return tool_page(
        request,
        conference,
        "check_in.html",
        _("Check-in"),
        search=search,
        query=query,
        found=checkin.find(conference, query) if query else None,
        days=checkin.present_per_day(conference),
        asks_at_check_in=bool(query) and questions.asked(conference, Asked.CHECK_IN).exists(),
    )
