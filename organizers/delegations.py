"""The organizers' tools of delegations: the List of Participants and its Addenda."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from delegations import participants_list as lists

from .forms import ParticipantsListForm
from .permissions import tool
from .views import conference_for, tool_page


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@tool("registrations.view_registration")
def participants_list(request, slug):
    """The List of Participants of a conference, as a PDF in the language and edition chosen."""
    conference = conference_for(slug)
    form = ParticipantsListForm(request.GET or None, initial={"language": request.LANGUAGE_CODE})
    if form.is_valid():
        language, edition = form.cleaned_data["language"], form.cleaned_data["edition"]
        return pdf_response(
            lists.list_pdf(conference, language, edition),
            f"participants-{conference.slug}-{edition}-{language}.pdf",
        )
    return tool_page(
        request, conference, "participants_list.html", _("List of Participants"), form=form
    )
