"""A conference's dashboard, and the chooser that opens a tool on a conference."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from delegations import credentials_report
from registrations import checkin
from va_conference import roles
from va_conference.models import Conference

from .. import desk, tools
from ..forms import ConferenceChoiceForm
from ..pages import conference_for, tool_page
from ..permissions import tool


@admin.site.admin_view
def choose(request):
    """The conference a tool opens on: the one chosen, else the one under way or next."""
    form = ConferenceChoiceForm(request.GET)
    chosen = tools.BY_NAME.get(request.GET.get("tool"))
    if chosen is None or not chosen.is_page:
        chosen = tools.DASHBOARD
    if not request.user.has_perm(chosen.permission):
        raise PermissionDenied
    if form.is_valid():
        conference = form.cleaned_data["conference"]
    else:
        conference = checkin.conference_of_the_day(list(Conference.objects.all()))
        if conference is None:
            messages.info(request, _("Add a conference first."))
            return redirect("admin:va_conference_conference_add")
    return redirect(chosen.url(conference))


@tool("dashboard")
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
        tool_groups=desk.offered_tools(conference, request.user),
        credentials=credentials_report.report(conference, request.LANGUAGE_CODE)
        if request.user.has_perm(roles.CREDENTIALS_REPORT)
        else None,
    )
