"""A confirmed delegate answers a follow-up form from their private page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import follow_ups, questions, ratelimit
from .views import own_registration, too_many_submissions


@never_cache
def follow_up_form(request, token, pk):
    registration = own_registration(token)
    if not follow_ups.asks(registration):
        raise Http404
    form = get_object_or_404(follow_ups.open_forms(registration.conference), pk=pk)
    asked = list(follow_ups.questions_of(form))
    if request.method == "POST" and ratelimit.is_over_limit(request):
        return too_many_submissions(request)
    answers = questions.QuestionsForm(
        request.POST if request.method == "POST" else None,
        questions=asked,
        kind=registration.organization.kind,
        role=registration.role,
        answers=questions.answers_of(registration),
    )
    answers.helper.layout[0].legend = form.title
    if answers.is_valid():
        follow_ups.send(registration, form, answers.answers())
        messages.success(
            request, _("Thank you: your answers to “%(form)s” are saved.") % {"form": form.title}
        )
        return redirect("registration_detail", token)
    return render(
        request,
        "registrations/follow_up.html",
        {
            "registration": registration,
            "conference": registration.conference,
            "follow_up": form,
            "questions_form": answers,
        },
    )
