"""The sponsorship committee's desk: the candidates for sponsorship, with what it weighs, what
each would cost as the programme estimates it, and the funds to pay for them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from sponsorship import candidates as rules
from sponsorship.models import Candidacy

from ..forms import CandidacyForm, CandidatesFilterForm
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


@tool("sponsorship_candidates", permission="sponsorship.change_candidacy")
def weigh(request, slug, reference):
    """The committee's score and notes of one candidate, with what it weighs."""
    conference = conference_for(slug)
    registration = get_object_or_404(rules.requests(conference), reference=reference)
    candidacy = getattr(registration, "candidacy", None) or Candidacy(registration=registration)
    form = CandidacyForm(request.POST or None, instance=candidacy)
    if form.is_valid():
        candidacy = form.save(commit=False)
        candidacy.updated_by = request.user
        candidacy.save()
        messages.success(
            request,
            _("The score and notes of %(name)s are saved.") % {"name": registration.full_name},
        )
        return redirect("organizers:sponsorship_candidates", conference.slug)
    [row] = rules.candidates(conference, [registration])
    return tool_page(
        request,
        conference,
        "sponsorship_weigh.html",
        _("Weigh a candidate"),
        form=form,
        row=row,
        budget=getattr(conference, "sponsorship_budget", None),
    )
