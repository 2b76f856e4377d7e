"""A conference's figures."""

from django.utils.translation import gettext as _

from registrations import figures as conference_figures

from ..forms import FiguresForm
from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("figures")
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
