"""The sponsorship committee's desk: the candidates for sponsorship, with what it weighs, what
each would cost as the programme estimates it, and the funds to pay for them; each candidate's
score and notes, and the committee's offers."""

import datetime

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from registrations import status_emails
from registrations.models import EmailKind
from sponsorship import candidates as rules
from sponsorship import offers, summary
from sponsorship import report as donors
from sponsorship.models import Candidacy, Offer, OfferState, Ticket
from sponsorship.views import private_e_ticket
from va_conference.downloads import download

from ..pages import conference_for, tool_page
from ..permissions import tool
from ..sponsorship_forms import (
    AbsenceForm,
    CandidacyForm,
    CandidatesFilterForm,
    DonorsReportForm,
    OfferForm,
    TicketForm,
)

# The days a delegate is given to accept an offer, unless the committee says otherwise.
DAYS_TO_ACCEPT = 14


@tool("sponsorship_candidates")
def candidates(request, slug):
    conference = conference_for(slug)
    form = CandidatesFilterForm(request.GET or None)
    rows = rules.candidates(
        conference, form.filtered(rules.requests(conference)), order=form.sorted_by()
    )
    costed = [row.cost for row in rows if row.cost is not None]
    each_fund = rules.funds_of(conference)
    lapsed = Offer.objects.filter(fund__conference=conference, state=OfferState.LAPSED).count()
    return tool_page(
        request,
        conference,
        "sponsorship_candidates.html",
        _("Candidates for sponsorship"),
        form=form,
        rows=rows,
        budget=getattr(conference, "sponsorship_budget", None),
        funds=sum(fund.amount for fund in each_fund),
        each_fund=each_fund,
        estimated=sum(costed),
        uncosted=len(rows) - len(costed),
        reserve=rules.reserve(rows),
        lapsed=lapsed,
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
    return weigh_page(request, conference, registration, form=form)


@tool("sponsorship_candidates", permission="sponsorship.add_offer")
def offer(request, slug, reference):
    """Offer to sponsor one candidate; the delegate is told by e-mail, in their language."""
    conference = conference_for(slug)
    registration = get_object_or_404(rules.requests(conference), reference=reference)
    form = OfferForm(request.POST or None, conference=conference)
    if request.method == "POST" and form.is_valid():
        made = make_offer(form, registration, request.user)
        if made is not None:
            messages.success(
                request,
                _("%(name)s is offered %(amount)s; they are told by e-mail.")
                % {"name": registration.full_name, "amount": amount_of(made.amount)},
            )
            return redirect("organizers:sponsorship_weigh", conference.slug, reference)
    return weigh_page(request, conference, registration, offer_form=form)


def make_offer(form, registration, by):
    """The offer the valid `form` makes, with its e-mail; None, and the form's errors, if the
    fund cannot hold it or the candidate holds one already."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            made = offers.make_offer(
                registration,
                data["fund"],
                data["kind"],
                data["amount"],
                data["deadline"],
                by=by,
                beyond_the_fund=data["beyond_the_fund"],
            )
            status_emails.queue(registration, EmailKind.SPONSORSHIP_OFFERED)
            return made
    except offers.BeyondTheFund as refused:
        form.add_error(
            "amount",
            _(
                "Only %(left)s is left in this fund: lower the amount, choose another fund, or "
                "tick the box to offer beyond it."
            )
            % {"left": amount_of(refused.left)},
        )
    except offers.AlreadyOffered:
        form.add_error(None, _("This candidate already holds an offer."))
    return None


def amount_of(amount):
    return number_format(amount, 2, force_grouping=True)


@tool("sponsorship_candidates", permission="sponsorship.add_ticket")
def ticket(request, slug, reference):
    """The ticket bought for the candidate's accepted offer, its e-ticket, the DSA paid."""
    conference = conference_for(slug)
    registration = get_object_or_404(rules.requests(conference), reference=reference)
    accepted = get_object_or_404(registration.sponsorship_offers, state=OfferState.ACCEPTED)
    existing = Ticket.objects.filter(offer=accepted).first()
    form = TicketForm(request.POST, request.FILES, instance=existing or Ticket(offer=accepted))
    if form.is_valid():
        recorded = form.save(commit=False)
        recorded.recorded_by = request.user
        recorded.save()
        messages.success(
            request,
            _("The ticket of %(name)s is recorded.") % {"name": registration.full_name},
        )
        return redirect("organizers:sponsorship_weigh", conference.slug, reference)
    return weigh_page(request, conference, registration, ticket_form=form)


@tool("sponsorship_candidates", permission="sponsorship.view_ticket")
def e_ticket(request, slug, reference):
    conference = conference_for(slug)
    recorded = get_object_or_404(
        Ticket.objects.select_related("offer__registration"),
        offer__registration__conference=conference,
        offer__registration__reference=reference,
    )
    return private_e_ticket(recorded)


@tool("sponsorship_candidates", permission="sponsorship.change_offer")
@require_POST
def withdraw(request, slug, reference, pk):
    """Withdraw an offer waiting for an answer or accepted: its money is free again."""
    conference = conference_for(slug)
    registration = get_object_or_404(rules.requests(conference), reference=reference)
    if offers.withdraw(registration.sponsorship_offers.filter(pk=pk), by=request.user):
        messages.success(
            request,
            _("The offer to %(name)s is withdrawn: its money is free again.")
            % {"name": registration.full_name},
        )
    else:
        messages.warning(request, _("This offer no longer holds money: nothing was withdrawn."))
    return redirect("organizers:sponsorship_weigh", conference.slug, reference)


@tool("sponsorship_candidates", permission="sponsorship.change_offer")
@require_POST
def absence(request, slug, reference):
    """Why a sponsored delegate did not come, or came for part of the meeting."""
    conference = conference_for(slug)
    registration = get_object_or_404(rules.requests(conference), reference=reference)
    accepted = get_object_or_404(registration.sponsorship_offers, state=OfferState.ACCEPTED)
    form = AbsenceForm(request.POST, instance=accepted)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("The attendance of %(name)s is noted.") % {"name": registration.full_name},
        )
    return redirect("organizers:sponsorship_weigh", conference.slug, reference)


@tool("sponsorship_report")
def report(request, slug):
    """The report to donors, of every fund or one: on the page, and as PDF or CSV in the
    language chosen."""
    conference = conference_for(slug)
    form = DonorsReportForm(
        request.GET or None, conference=conference, initial={"language": request.LANGUAGE_CODE}
    )
    if request.GET and not form.is_valid():
        raise Http404
    fund = form.cleaned_data["fund"] if request.GET else None
    file_format = form.cleaned_data["format"] if request.GET else ""
    if file_format:
        language = form.cleaned_data["language"] or request.LANGUAGE_CODE
        name = f"sponsorship-{conference.slug}-{fund.pk if fund else 'all'}-{language}"
        if file_format == "csv":
            content = donors.report_csv(conference, fund, language)
        else:
            content = donors.report_pdf(conference, fund, language)
        return download(content, f"{name}.{file_format}", private=True)
    budget = getattr(conference, "sponsorship_budget", None)
    return tool_page(
        request,
        conference,
        "sponsorship_report.html",
        _("Report to donors"),
        form=form,
        report=donors.report(conference, fund),
        columns=donors.COLUMNS,
        budget=budget,
        summary=budget.summary if budget else None,
    )


@tool("sponsorship_report", permission="sponsorship.change_budget")
@require_POST
def publish_summary(request, slug):
    """Publish the report's summary, without names, as an official document."""
    conference = conference_for(slug)
    if not hasattr(conference, "sponsorship_budget"):
        messages.error(request, _("Set the DSA rate and the nights paid first."))
    else:
        document = summary.publish(conference)
        messages.success(
            request,
            _("The summary is published among the official documents: %(title)s.")
            % {"title": document.title},
        )
    return redirect("organizers:sponsorship_report", conference.slug)


def weigh_page(request, conference, registration, form=None, offer_form=None, ticket_form=None):
    [row] = rules.candidates(conference, [registration])
    if form is None:
        candidacy = getattr(registration, "candidacy", None)
        form = CandidacyForm(instance=candidacy or Candidacy(registration=registration))
    if offer_form is None:
        offer_form = OfferForm(
            conference=conference,
            initial={
                "amount": row.cost,
                "deadline": timezone.localdate() + datetime.timedelta(days=DAYS_TO_ACCEPT),
            },
        )
    accepted = registration.sponsorship_offers.filter(state=OfferState.ACCEPTED).first()
    recorded = Ticket.objects.filter(offer=accepted).first() if accepted else None
    if ticket_form is None and accepted is not None:
        ticket_form = TicketForm(instance=recorded or Ticket(offer=accepted))
    attendance = None
    if accepted is not None:
        days = registration.attendances.filter(
            day__range=(conference.start_date, conference.end_date)
        ).count()
        attendance = donors.Came(
            donors.came(conference, days, timezone.localdate(timezone=conference.tzinfo))
        ).label
    return tool_page(
        request,
        conference,
        "sponsorship_weigh.html",
        _("Weigh a candidate"),
        form=form,
        offer_form=offer_form,
        ticket_form=ticket_form,
        ticket=recorded,
        row=row,
        offers=registration.sponsorship_offers.select_related("fund", "offered_by", "withdrawn_by"),
        budget=getattr(conference, "sponsorship_budget", None),
        accepted=accepted,
        attendance=attendance,
        absence_form=AbsenceForm(instance=accepted) if accepted else None,
    )
