"""A delegate answers the sponsorship programme's offer from their private page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from registrations.models import Registration
from sessions.views import file_response

from . import offers
from .forms import AnswerForm
from .models import OfferState, Ticket


@never_cache
def answer_offer(request, token):
    registration = get_object_or_404(Registration.objects.select_related("conference"), token=token)
    offer = get_object_or_404(
        registration.sponsorship_offers.select_related("fund__conference__sponsorship_budget"),
        state=OfferState.OFFERED,
    )
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not offers.answer(
            offer,
            accepted=form.accepted(),
            name_in_passport=data["name_in_passport"].strip() if form.accepted() else "",
            departure_city=data["departure_city"].strip() if form.accepted() else "",
        ):
            messages.info(request, _("This offer no longer waits for an answer."))
        elif form.accepted():
            messages.success(request, _("You accepted the offer: the programme will write to you."))
        else:
            messages.info(request, _("You declined the offer."))
        return redirect("registration_detail", token)
    return render(
        request,
        "sponsorship/answer.html",
        {
            "registration": registration,
            "conference": registration.conference,
            "offer": offer,
            "form": form,
        },
    )


@never_cache
def e_ticket(request, token):
    """The delegate's e-ticket, from their private page."""
    recorded = get_object_or_404(
        Ticket.objects.select_related("offer__registration"),
        offer__registration__token=token,
        offer__state=OfferState.ACCEPTED,
    )
    return private_e_ticket(recorded)


def private_e_ticket(recorded):
    """An e-ticket as a download that no cache keeps: never public."""
    reference = recorded.offer.registration.reference
    response = file_response(recorded.file, lambda file_format: f"e-ticket-{reference}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response
