"""The sponsorship committee's desk: the candidates for sponsorship, with what it weighs, what
each would cost as the programme estimates it, and the funds to pay for them."""

from django.utils.translation import gettext as _

from sponsorship import candidates as rules

from ..forms import CandidatesFilterForm
from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("sponsorship_candidates")
def candidates(request, slug):
    conference = conference_for(slug)
    form = CandidatesFilterForm(request.GET or None)
    rows = rules.candidates(
        conference, form.filtered(rules.requests(conference)), order=form.sorted_by()
    )
    costed = [row.cost for row in rows if row.cost is not None]
    return tool_page(
        request,
        conference,
        "sponsorship_candidates.html",
        _("Candidates for sponsorship"),
        form=form,
        rows=rows,
        budget=getattr(conference, "sponsorship_budget", None),
        funds=rules.funds_total(conference),
        estimated=sum(costed),
        uncosted=len(rows) - len(costed),
    )
