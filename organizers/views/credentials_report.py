"""The credentials report: on the page, and as PDF or CSV."""

from django.http import Http404
from django.utils.translation import gettext as _

from delegations import credentials_report as credentials
from va_conference.downloads import download

from ..forms import CredentialsReportForm
from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("credentials_report")
def credentials_report(request, slug):
    """The credentials report: on the page, and as PDF or CSV in the language chosen."""
    conference = conference_for(slug)
    form = CredentialsReportForm(request.GET or None, initial={"language": request.LANGUAGE_CODE})
    if not request.GET:
        return tool_page(
            request,
            conference,
            "credentials_report.html",
            _("Credentials report"),
            form=form,
            credentials=credentials.report(conference, request.LANGUAGE_CODE),
        )
    if not form.is_valid():
        raise Http404
    language, file_format = form.cleaned_data["language"], form.cleaned_data["format"]
    name = f"credentials-{conference.slug}-{language}.{file_format}"
    if file_format == "csv":
        return download(credentials.report_csv(conference, language), name)
    return download(credentials.report_pdf(conference, language), name)
