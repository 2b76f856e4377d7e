"""The organizers' tools: admin pages that work on one conference, under its URL."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from delegations import credentials_report
from registrations import checkin, organizers_messages
from registrations import figures as conference_figures
from va_conference import roles
from va_conference.models import Conference

from . import desk
from .forms import (
    CheckInForm,
    CheckInSearchForm,
    ConferenceChoiceForm,
    FiguresForm,
    MessageForm,
)
from .permissions import tool

# The tools that work on a conference, by the name of their URL.
TOOLS = {
    "dashboard": "registrations.view_registration",
    "check_in": "registrations.add_attendance",
    "figures": roles.FIGURES,
    "participants_list": roles.PARTICIPANTS_LISTS,
    "credentials_report": roles.CREDENTIALS_REPORT,
    "upload_statements": "programme.add_statement",
    "speakers_sessions": "floor.view_speakerslist",
    "interpreters": "floor.read_texts_sent_ahead",
    "write_to_delegates": "registrations.add_message",
}
# Pages of one session of a tool: switching conference opens the tool itself.
TOOL_OF_PAGE = {"speakers_list": "speakers_sessions", "interpreters_texts": "interpreters"}
# The registrations selected in the admin's list to write to: {"conference": slug, "pks": [...]}.
SELECTION = "organizers:write_to"


def tool_page(request, conference, template, title, **context):
    """A tool's page in the admin's frame, with the form that switches to another conference."""
    return TemplateResponse(
        request,
        f"organizers/{template}",
        {
            **admin.site.each_context(request),
            "title": title,
            "conference": conference,
            "tool": request.resolver_match.url_name,
            "conference_form": ConferenceChoiceForm(
                initial={
                    "conference": conference,
                    "tool": TOOL_OF_PAGE.get(
                        request.resolver_match.url_name, request.resolver_match.url_name
                    ),
                }
            ),
            **context,
        },
    )


def conference_for(slug):
    return get_object_or_404(Conference, slug=slug)


@admin.site.admin_view
def choose(request):
    """The conference a tool opens on: the one chosen, else the one under way or next."""
    form = ConferenceChoiceForm(request.GET)
    name = request.GET.get("tool")
    if name not in TOOLS:
        name = "dashboard"
    if not request.user.has_perm(TOOLS[name]):
        raise PermissionDenied
    if form.is_valid():
        conference = form.cleaned_data["conference"]
    else:
        conference = checkin.conference_of_the_day(list(Conference.objects.all()))
        if conference is None:
            messages.info(request, _("Add a conference first."))
            return redirect("admin:va_conference_conference_add")
    return redirect(f"organizers:{name}", conference.slug)


@tool("registrations.view_registration")
def dashboard(request, slug):
    conference = conference_for(slug)
    standing = desk.standing(conference)
    return tool_page(
        request,
        conference,
        "dashboard.html",
        conference.short_name,
        standing=standing,
        to_do=desk.to_do(conference, request.user, standing),
        personal_data_overdue=desk.personal_data_overdue(conference, standing),
        tools=desk.tools(conference, request.user),
        credentials=credentials_report.report(conference, request.LANGUAGE_CODE)
        if request.user.has_perm(roles.CREDENTIALS_REPORT)
        else None,
    )


@tool("registrations.add_attendance")
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
    )


@tool(roles.FIGURES)
def figures(request, slug):
    """A conference's figures as tables and bar charts, each downloadable as CSV."""
    conference = conference_for(slug)
    form = FiguresForm(request.GET)
    scope = form.chosen_scope()
    tables = conference_figures.tables(conference, scope)
    wanted = request.GET.get("csv")
    for table in tables:
        if table.key == wanted:
            return conference_figures.csv_download(table, f"{conference.slug}-{table.key}")
    return tool_page(
        request, conference, "figures.html", _("Figures"), form=form, scope=scope, tables=tables
    )


@tool("programme.add_statement")
def upload_statements(request, slug):
    """The conference's sessions, each with its page to upload the statements delivered in it."""
    conference = conference_for(slug)
    sessions = conference.sessions.order_by("date", "start_time", "order")
    return tool_page(
        request,
        conference,
        "upload_statements.html",
        _("Upload statements: choose the session"),
        sessions=sessions,
    )


def selection_of(request, conference):
    """The registrations of `conference` selected in the admin's list, if any."""
    selection = request.session.get(SELECTION) or {}
    return selection.get("pks", []) if selection.get("conference") == conference.slug else []


@tool("registrations.add_message")
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
