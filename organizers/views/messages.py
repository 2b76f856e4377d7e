"""Writing to delegates, in each of their languages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from registrations import organizers_messages

from ..forms import MessageForm
from ..pages import conference_for, tool_page
from ..permissions import tool

# The registrations selected in the admin's list to write to: {"conference": slug, "pks": [...]}.
SELECTION = "organizers:write_to"


def selection_of(request, conference):
    """The registrations of `conference` selected in the admin's list, if any."""
    selection = request.session.get(SELECTION) or {}
    return selection.get("pks", []) if selection.get("conference") == conference.slug else []


@tool("write_to_delegates")
def write_to_delegates(request, slug):
    """Write to delegates in each language: those selected in the list, or all of a kind."""
    conference = conference_for(slug)
    selected = selection_of(request, conference)
    whom = [organizers_messages.CONFIRMED, organizers_messages.UNDER_WAY]
    if selected:
        whom.insert(0, organizers_messages.SELECTED)
    counts = {
        who: organizers_messages.recipients(conference, who, selected).count() for who in whom
    }
    form = MessageForm(request.POST or None, counts=counts)
    if form.is_valid():
        recipients = organizers_messages.recipients(conference, form.cleaned_data["to"], selected)
        message = organizers_messages.write(
            conference, recipients, form.texts(), written_by=request.user
        )
        request.session.pop(SELECTION, None)
        count = message.deliveries.count()
        messages.success(
            request,
            ngettext(
                "The message is being sent to %(count)d delegate.",
                "The message is being sent to %(count)d delegates.",
                count,
            )
            % {"count": count},
        )
        return redirect("admin:registrations_message_change", message.pk)
    return tool_page(
        request, conference, "write_to_delegates.html", _("Write to delegates"), form=form
    )
