"""Public pages about the people taking part: registering, one's own registration, participants."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from sessions.models import Session
from va_conference.models import Conference, RegistrationState

from . import (
    email_change,
    follow_ups,
    mode_change,
    online_meetings,
    questions,
    ratelimit,
    status_emails,
    visa_forms,
    workflow,
)
from .address_forms import EmailChangeForm, LostLinkForm
from .forms import RegistrationForm
from .models import HEAD_TAKEN, Registration
from .organization_forms import MoveForm
from .visa_forms import VisaRequestForm


def too_many_submissions(request):
    response = render(request, "registrations/too_many.html", status=429)
    response["Retry-After"] = str(ratelimit.retry_after())
    return response


def closed(request, conference):
    return render(
        request,
        "registrations/closed.html",
        {"conference": conference, "registration_state": conference.registration_state()},
    )


VISA_LETTER_IN_PERSON_ONLY = _(
    "A visa letter is for delegates who take part in person: choose to take part in person, "
    "or leave the visa letter's questions empty."
)


@sensitive_post_parameters(*visa_forms.POSTED_NAMES)
@never_cache
def register(request, slug):
    """The registration form. Whatever the address typed, the answer is the same: the private
    link goes to that address, never to the browser, so knowing an address gives nothing."""
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    if conference.registration_state() != RegistrationState.OPEN:
        return closed(request, conference)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        form = RegistrationForm(request.POST, conference=conference)
        visa_form = VisaRequestForm(request.POST, conference=conference, optional=True)
        form.is_valid()
        questions_form = questions_asked(request, conference, form)
        # Every form checked, so that every error shows at once.
        if all([form.is_valid(), visa_form.is_valid(), questions_form.is_valid()]):
            email = form.cleaned_data["email"]
            try:
                workflow.register(
                    conference,
                    form.save(commit=False),
                    email,
                    sessions=form.cleaned_data["sessions"],
                    proposed_organization=form.proposed_organization(),
                    submission_key=form.cleaned_data["submission_key"],
                    visa_request=visa_form.request(),
                    answers=questions_form.answers(),
                )
            except workflow.RegistrationClosed:
                return closed(request, conference)
            except workflow.AlreadyRegistered as already:
                status_emails.queue(already.registration, status_emails.ALREADY_REGISTERED)
            except workflow.HeadTaken:
                form.add_error("role", HEAD_TAKEN)
                return render_form(request, conference, form, visa_form, questions_form)
            except workflow.VisaLetterInPersonOnly:
                form.add_error("mode", VISA_LETTER_IN_PERSON_ONLY)
                return render_form(request, conference, form, visa_form, questions_form)
            messages.success(
                request,
                _(
                    "Thank you. We have sent an e-mail to %(email)s: it holds the reference and "
                    "the private link of your registration."
                )
                % {"email": email},
            )
            return redirect("registration_sent", conference.slug)
    else:
        form = RegistrationForm(conference=conference)
        visa_form = VisaRequestForm(conference=conference, optional=True)
        questions_form = questions_asked(request, conference, form)
    return render_form(request, conference, form, visa_form, questions_form)


def questions_asked(request, conference, form, registration=None):
    """The conference's own questions, for the organization and role chosen in `form` (or the
    registration's), starting from the registration's answers."""
    chosen = getattr(form, "cleaned_data", {})
    if registration is not None:
        organization, role = registration.organization, registration.role
    else:
        organization, role = chosen.get("organization"), chosen.get("role")
    proposed = chosen.get("new_organization_kind") if organization is None else None
    return questions.QuestionsForm(
        request.POST if request.method == "POST" else None,
        questions=questions.asked_of_delegates(conference),
        kind=organization.kind if organization is not None else proposed,
        role=role,
        answers=questions.answers_of(registration) if registration is not None else None,
    )


def render_form(request, conference, form, visa_form, questions_form):
    return render(
        request,
        "registrations/register.html",
        {
            "conference": conference,
            "form": form,
            "visa_form": visa_form,
            "questions_form": questions_form,
            "retention_months": settings.PERSONAL_DATA_RETENTION_MONTHS,
        },
    )


@never_cache
def registration_sent(request, slug):
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    return render(request, "registrations/sent.html", {"conference": conference})


def closed_to_changes(request, token, message=None):
    """Back to the private page, saying the registration can no longer be changed."""
    messages.info(request, message or _("This registration can no longer be changed."))
    return redirect("registration_detail", token)


def own_registration(token):
    return get_object_or_404(
        Registration.objects.select_related(
            "delegate", "conference", "organization"
        ).prefetch_related(Prefetch("sessions", Session.objects.select_related("conference"))),
        token=token,
    )


@never_cache
def registration_detail(request, token):
    registration = own_registration(token)
    can_change = workflow.can_change(registration)
    asked = list(questions.asked_of_delegates(registration.conference))
    given = questions.answers_of(registration) if asked else {}
    return render(
        request,
        "registrations/detail.html",
        {
            "registration": registration,
            "conference": registration.conference,
            "can_change": can_change,
            "answers": [
                (question.label, questions.shown(question, given[question.pk]))
                for question in asked
                if question.pk in given
            ],
            "to_answer": can_change
            and questions.to_answer(
                asked, registration.organization.kind, registration.role, given
            ),
            "follow_ups": follow_ups.forms_for(registration),
            "online_sessions": online_meetings.to_join(registration),
            "other_mode": mode_change.other_mode(registration),
        },
    )


@never_cache
def registration_change(request, token):
    registration = own_registration(token)
    conference = registration.conference
    if not workflow.can_change(registration):
        return closed_to_changes(request, token)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        form = RegistrationForm(request.POST, instance=registration, conference=conference)
        questions_form = questions_asked(request, conference, form, registration)
        if all([form.is_valid(), questions_form.is_valid()]):
            try:
                workflow.update(
                    form.save(commit=False),
                    sessions=form.cleaned_data["sessions"],
                    asked=questions_form.questions,
                    answers=questions_form.answers(),
                )
            except workflow.RegistrationClosed:
                return closed_to_changes(request, token)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("registration_detail", token)
    else:
        form = RegistrationForm(instance=registration, conference=conference)
        questions_form = questions_asked(request, conference, form, registration)
    return render(
        request,
        "registrations/change.html",
        {
            "conference": conference,
            "registration": registration,
            "form": form,
            "questions_form": questions_form,
            "retention_months": settings.PERSONAL_DATA_RETENTION_MONTHS,
        },
    )


@never_cache
def registration_move(request, token):
    """Ask to represent another organization: the registration waits again for the organizers
    and, where the other delegation has one, for its focal point."""
    registration = own_registration(token)
    if not workflow.can_change(registration):
        return closed_to_changes(request, token)
    form = MoveForm(request.POST or None, registration=registration)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        if form.is_valid():
            try:
                registration = workflow.move(
                    registration,
                    form.cleaned_data["organization"],
                    proposed_organization=form.proposed_organization(),
                )
            except workflow.RegistrationClosed:
                return closed_to_changes(request, token)
            except workflow.SameOrganization:
                return redirect("registration_detail", token)
            messages.success(
                request,
                _(
                    "Your registration now represents %(organization)s. It waits for the "
                    "organizers' confirmation and, if the delegation has a focal point, for "
                    "their endorsement."
                )
                % {"organization": registration.organization.name},
            )
            return redirect("registration_detail", token)
    return render(
        request,
        "registrations/move.html",
        {"registration": registration, "conference": registration.conference, "form": form},
    )


@never_cache
def registration_cancel(request, token):
    registration = own_registration(token)
    if not workflow.can_change(registration):
        return closed_to_changes(request, token, _("This registration can no longer be cancelled."))
    if request.method == "POST":
        try:
            workflow.cancel(registration)
        except workflow.RegistrationClosed:
            messages.info(request, _("This registration can no longer be cancelled."))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect("registration_detail", token)
    return render(
        request,
        "registrations/cancel.html",
        {"registration": registration, "conference": registration.conference},
    )


@never_cache
def registration_email(request, token):
    """Ask for the registration to move to a new address: a link is sent there to confirm."""
    registration = own_registration(token)
    if not workflow.can_change(registration):
        return closed_to_changes(request, token)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        form = EmailChangeForm(request.POST, registration=registration)
        if form.is_valid():
            email = form.cleaned_data["email"]
            confirm_url = settings.SITE_URL + reverse(
                "registration_email_confirm",
                args=[token, email_change.key_for(registration, email)],
            )
            status_emails.queue(
                registration, status_emails.CONFIRM_EMAIL, to=email, link=confirm_url
            )
            messages.success(
                request,
                _(
                    "We have sent a link to %(email)s. Your registration keeps its current "
                    "address until you follow it."
                )
                % {"email": email},
            )
            return redirect("registration_detail", token)
    else:
        form = EmailChangeForm(registration=registration)
    return render(
        request,
        "registrations/email_change.html",
        {"registration": registration, "conference": registration.conference, "form": form},
    )


@never_cache
def registration_email_confirm(request, token, key):
    registration = own_registration(token)
    context = {"registration": registration, "conference": registration.conference}
    try:
        email = email_change.address_in(registration, key)
    except email_change.InvalidKey:
        return render(request, "registrations/email_confirm.html", context, status=400)
    context["email"] = email
    if not workflow.can_change(registration):
        return closed_to_changes(request, token)
    if request.method == "POST":
        try:
            registration = workflow.change_email(registration, email)
        except workflow.RegistrationClosed:
            return closed_to_changes(request, token)
        except workflow.AlreadyRegistered:
            context["already_registered"] = True
            return render(request, "registrations/email_confirm.html", context, status=409)
        messages.success(
            request,
            _(
                "Your registration now uses %(email)s. We have sent its new private link "
                "there; the old link no longer works."
            )
            % {"email": email},
        )
        return redirect("registration_detail", registration.token)
    return render(request, "registrations/email_confirm.html", context)


@never_cache
def lost_link(request, slug):
    """Send the link again. The answer is the same whether the address is registered or not."""
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    sent = False
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        form = LostLinkForm(request.POST)
        if form.is_valid():
            registration = (
                Registration.objects.filter(
                    conference=conference, delegate__email__iexact=form.cleaned_data["email"]
                )
                .select_related("delegate", "conference")
                .order_by("-created_at")
                .first()
            )
            if registration is not None:
                status_emails.queue(registration, status_emails.LINK)
            sent = True
    else:
        form = LostLinkForm(initial={"email": request.GET.get("email", "")})
    return render(
        request,
        "registrations/lost_link.html",
        {"conference": conference, "form": form, "sent": sent},
    )
