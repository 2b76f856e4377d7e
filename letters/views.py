"""The delegate's side of letters, through their private link (asking for a visa letter,
downloading what was issued), and the public page that verifies a document by its reference."""

import re

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from registrations import personal_data, ratelimit, visa_forms
from registrations.models import REFERENCE_ALPHABET, Registration, VisaRequest
from registrations.views import too_many_submissions
from registrations.visa_forms import VisaRequestForm
from va_conference.downloads import download

from . import documents, issuing
from .models import REFERENCE_LENGTH, Kind, Letter

# What people mistype for the alphabet's letters (Crockford's base 32).
TYPED_FOR = str.maketrans({"O": "0", "I": "1", "L": "1"})
NOT_IN_ALPHABET = re.compile(f"[^{REFERENCE_ALPHABET}]")


def own_registration(token):
    return get_object_or_404(
        Registration.objects.select_related("conference", "organization", "delegate"),
        token=token,
        anonymised_at=None,
    )


@sensitive_post_parameters(*visa_forms.POSTED_NAMES)
@never_cache
def visa_request(request, token):
    """Ask for a visa letter, or correct the details asked with (typed again whole), until the
    letter is issued."""
    registration = own_registration(token)
    conference = registration.conference
    current = VisaRequest.objects.filter(registration=registration).first()
    letter = issuing.letter_in_force(registration, Kind.VISA)
    context = {"registration": registration, "conference": conference, "letter": letter}
    if letter is not None or not issuing.may_ask_for_visa_letter(registration):
        return render(request, "letters/visa_request.html", context)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        form = VisaRequestForm(request.POST, instance=current, conference=conference)
        if form.is_valid():
            visa = form.save(commit=False)
            visa.registration = registration
            visa.save()
            messages.success(
                request,
                _(
                    "Your request for a visa letter is recorded. We will e-mail you when the "
                    "letter is ready to download from this page."
                ),
            )
            return redirect("registration_detail", token)
    else:
        # Never the details given: whoever reaches the page (a forwarded link, an address
        # changed by someone else) learns nothing of the passport. To correct, type them again.
        form = VisaRequestForm(conference=conference)
    return render(
        request, "letters/visa_request.html", {**context, "form": form, "current": current}
    )


@require_POST
@never_cache
def visa_request_withdraw(request, token):
    """The delegate no longer needs a letter: their passport details are deleted at once."""
    registration = own_registration(token)
    if issuing.letter_in_force(registration, Kind.VISA) is None:
        personal_data.forget_visa_request(registration)
        messages.success(request, _("Your request for a visa letter and its details are deleted."))
    return redirect("registration_detail", token)


@require_safe
def letter_download(request, token, reference):
    registration = own_registration(token)
    letter = get_object_or_404(
        Letter.objects.select_related("conference"),
        registration=registration,
        reference=reference,
        withdrawn_at=None,
    )
    # A letter of passport details is kept by no cache on the way.
    return download(documents.pdf(letter), documents.file_name(letter), private=True)


@require_POST
@never_cache
def certificate(request, token):
    """The delegate's certificate of attendance: issued on first asking, from the conference's
    last day on, to a delegate checked in at least once."""
    registration = own_registration(token)
    letter = issuing.issue_certificate_to(registration)
    if letter is None:
        messages.info(
            request,
            _(
                "There is no certificate for this registration: it was never checked in at "
                "the venue. Write to the secretariat if you were there."
            ),
        )
        return redirect("registration_detail", token)
    return redirect("letter_download", token, letter.reference)


def normalised(reference):
    """A reference as typed or read aloud, in the form it is stored: XXXX-XXXX-XXXX-XXXX."""
    code = NOT_IN_ALPHABET.sub("", reference.upper().translate(TYPED_FOR))
    if len(code) != REFERENCE_LENGTH:
        return ""
    return "-".join(code[start : start + 4] for start in range(0, REFERENCE_LENGTH, 4))


@require_safe
def verification_form(request):
    """Type a document's reference to verify it."""
    typed = request.GET.get("reference", "")[:100]
    if typed:
        reference = normalised(typed)
        if reference:
            return redirect("letter_verification", reference)
    response = render(
        request,
        "letters/verification_form.html",
        {"typed": typed, "malformed": bool(typed)},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@never_cache
def verification(request, reference):
    """What a document states, for whoever holds it: genuine or withdrawn, its number, the
    name and dates it states, and nothing more. Unknown references answer 404. Each look-up
    counts under the public forms' rate limit: references cannot be guessed at speed."""
    if ratelimit.is_over_limit(request):
        return too_many_submissions(request)
    stored = normalised(reference)
    if not stored:
        raise Http404
    if stored != reference:
        return redirect("letter_verification", stored)
    letter = get_object_or_404(Letter.objects.select_related("conference"), reference=stored)
    response = render(
        request,
        "letters/verification.html",
        {
            "letter": letter,
            "conference": letter.conference,
            "days": [documents.stated_date(day) for day in letter.days],
            "first_day": documents.official_date(letter.first_day),
            "last_day": documents.official_date(letter.last_day),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
