"""The letters' pages of a conference: one request's visa letter issued from its page in the
admin, a letter's PDF, a sample letter on the conference's letterhead."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from letters import documents, issuing
from letters.issuing_report import tell
from letters.models import Kind, Letter, Letterhead
from registrations.models import Registration, VisaRequest
from va_conference.downloads import download

from ..permissions import tool


@tool("visa_requests", "letters.add_letter")
@require_POST
def issue_visa_letter(request, slug, pk):
    """Issue the one letter of the request whose page in the admin this is."""
    visa_request = get_object_or_404(VisaRequest, pk=pk, registration__conference__slug=slug)
    registrations = Registration.objects.filter(pk=visa_request.registration_id)
    tell(request, issuing.issue_visa_letters(registrations, request.user), Kind.VISA)
    return redirect("admin:registrations_visarequest_change", pk)


@tool("letters")
def letter_pdf(request, slug, pk):
    letter = get_object_or_404(
        Letter.objects.select_related("conference"), pk=pk, conference__slug=slug
    )
    if not documents.may_download(request.user, letter):
        raise PermissionDenied
    return download(documents.pdf(letter), documents.file_name(letter), private=True)


@tool("letterhead", "letters.view_letterhead")
def letterhead_sample(request, slug):
    """A visa letter to nobody, numbered 0, to see the letterhead before issuing any."""
    letterhead = get_object_or_404(
        Letterhead.objects.select_related("conference"), conference__slug=slug
    )
    content = documents.sample(letterhead, request.LANGUAGE_CODE)
    return download(content, "sample-letter.pdf", private=True)
