"""The conference's questions that are not the delegate's to answer: those only organizers see
(a seat, a hotel booked, notes), typed on the registration's own page of answers, and those the
desk asks at check-in, answered there."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from registrations import questions
from registrations.models import Registration
from registrations.models.questions import Asked

from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("registrations", permission="registrations.change_registration")
def organizers_answers(request, slug, reference):
    """The organizers' answers about one registration, to their own questions and to those
    asked at check-in (an answer the desk got wrong is corrected here)."""
    return answers_page(
        request,
        slug,
        reference,
        (Asked.ORGANIZERS, Asked.CHECK_IN),
        _("The organizers' answers"),
    )


@tool("check_in")
def check_in_answers(request, slug, reference):
    """The questions asked at check-in, answered by the desk; then back to the search."""
    return answers_page(request, slug, reference, (Asked.CHECK_IN,), _("Asked at check-in"))


def answers_page(request, slug, reference, whom, title):
    conference = conference_for(slug)
    registration = get_object_or_404(
        Registration.objects.select_related("organization", "delegate"),
        conference=conference,
        reference=reference,
    )
    asked = list(questions.asked(conference, *whom))
    form = questions.QuestionsForm(
        request.POST if request.method == "POST" else None,
        questions=asked,
        kind=registration.organization.kind,
        role=registration.role,
        answers=questions.answers_of(registration),
    )
    if form.is_valid():
        with transaction.atomic():
            questions.save_answers(registration, asked, form.answers(), by=request.user)
        messages.success(
            request,
            _("The answers about %(name)s (%(reference)s) are saved.")
            % {"name": registration.full_name, "reference": registration.reference},
        )
        return redirect(back_to(request, conference, registration))
    return tool_page(
        request,
        conference,
        "answers.html",
        title,
        registration=registration,
        form=form,
        back=back_to(request, conference, registration),
    )


def back_to(request, conference, registration):
    """Where the page returns: the search at check-in, the registration's page otherwise."""
    if request.tool.name == "check_in":
        return reverse("organizers:check_in", args=[conference.slug])
    return reverse("admin:registrations_registration_change", args=[registration.pk])
