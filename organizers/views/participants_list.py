"""The List of Participants and its Addenda: symbol and date, downloads of either edition,
publishing as official documents."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delegations import participants_list as lists
from delegations import publishing
from delegations.models import ParticipantsList
from va_conference.downloads import download

from ..forms import LIST, OfficialListForm, ParticipantsListForm
from ..pages import conference_for, tool_page
from ..permissions import tool

# Who sets a list's symbol and date and publishes it: who adds the conference's official
# documents.
MANAGE = "programme.add_document"


def official_lists(conference):
    """(the List of Participants or None, [its Addenda by date])."""
    rows = list(conference.participants_lists.select_related("document").order_by("date", "pk"))
    official = next((row for row in rows if row.kind == ParticipantsList.Kind.LIST), None)
    return official, [row for row in rows if row.kind == ParticipantsList.Kind.ADDENDUM]


def new_list(conference, kind):
    return ParticipantsList(conference=conference, kind=kind)


def list_page(request, conference, list_form=None, addendum_form=None):
    official, addenda = official_lists(conference)
    download = ParticipantsListForm(
        initial={"language": request.LANGUAGE_CODE, "document": LIST}, addenda=addenda
    )
    return tool_page(
        request,
        conference,
        "participants_list.html",
        _("List of Participants"),
        form=download,
        official=official,
        addenda=addenda,
        may_manage=request.user.has_perm(MANAGE),
        list_form=list_form
        or OfficialListForm(
            instance=official or new_list(conference, ParticipantsList.Kind.LIST), prefix="list"
        ),
        addendum_form=addendum_form
        or OfficialListForm(
            instance=new_list(conference, ParticipantsList.Kind.ADDENDUM), prefix="addendum"
        ),
    )


@tool("participants_list")
def participants_list(request, slug):
    """The List of Participants and its Addenda: each as a PDF in the language and edition
    chosen, and, for who may, their symbols, dates and publication."""
    conference = conference_for(slug)
    if not request.GET:
        return list_page(request, conference)
    _official, addenda = official_lists(conference)
    form = ParticipantsListForm(request.GET, addenda=addenda)
    if not form.is_valid():
        raise Http404
    language = form.cleaned_data["language"]
    edition = form.cleaned_data["edition"] or lists.Edition.PUBLIC
    chosen = form.cleaned_data["document"] or LIST
    if chosen == LIST:
        content = lists.list_pdf(conference, language, edition)
        name = f"participants-{conference.slug}"
    else:
        addendum = next(addendum for addendum in addenda if str(addendum.pk) == chosen)
        content = lists.addendum_pdf(addendum, language, edition)
        name = addendum.symbol.replace("/", "-")
    return download(content, f"{name}-{edition}-{language}.pdf")


@require_POST
@tool("participants_list", MANAGE)
def set_list(request, slug):
    """Set (or correct) the List of Participants' symbol and date."""
    conference = conference_for(slug)
    official, _addenda = official_lists(conference)
    form = OfficialListForm(
        request.POST,
        instance=official or new_list(conference, ParticipantsList.Kind.LIST),
        prefix="list",
    )
    if not form.is_valid():
        return list_page(request, conference, list_form=form)
    form.save()
    messages.success(request, _("The List of Participants' symbol and date are saved."))
    return redirect("organizers:participants_list", conference.slug)


@require_POST
@tool("participants_list", MANAGE)
def add_addendum(request, slug):
    """Create an Addendum: the changes after the List's date (or the last Addendum's)."""
    conference = conference_for(slug)
    form = OfficialListForm(
        request.POST,
        instance=new_list(conference, ParticipantsList.Kind.ADDENDUM),
        prefix="addendum",
    )
    if not form.is_valid():
        return list_page(request, conference, addendum_form=form)
    addendum = form.save()
    messages.success(
        request, _("The Addendum %(symbol)s is created.") % {"symbol": addendum.symbol}
    )
    return redirect("organizers:participants_list", conference.slug)


@require_POST
@tool("participants_list", MANAGE)
def publish(request, slug, pk):
    """Publish the List or an Addendum as an official document of the conference."""
    conference = conference_for(slug)
    official = get_object_or_404(ParticipantsList, conference=conference, pk=pk)
    try:
        document = publishing.publish(official)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(symbol)s is published on the conference's documents page.")
            % {"symbol": document.symbol},
        )
    return redirect("organizers:participants_list", conference.slug)
