"""Uploading the statements delivered in a session: the session to upload them to."""

from django.utils.translation import gettext as _

from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("upload_statements")
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
