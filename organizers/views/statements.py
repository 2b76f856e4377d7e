"""Uploading the statements delivered in a session: the session to upload them to, then its
page to upload them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sessions import uploads
from sessions.forms import DEFAULT_ROWS, MAX_ROWS, upload_formset
from sessions.models import CAN_PUBLISH, Session
from va_conference.models import Organization

from ..pages import conference_for, tool_page
from ..permissions import tool


@tool("upload_statements")
def upload_statements(request, slug):
    """The conference's sessions, each with its page to upload the statements delivered in it."""
    conference = conference_for(slug)
    sessions = conference.sessions.order_by("date", "start_time", "order")
    return tool_page(
        request,
        conference,
        "upload_statements.html",
        _("Upload statements: choose the session"),
        sessions=sessions,
    )


@tool("upload_statements")
def upload(request, slug, session_slug):
    """Statement editors upload the statements of a session, several files at once: a page of
    the site's, in the language of its address, as the session's own page is."""
    conference = conference_for(slug)
    session = get_object_or_404(
        Session.objects.select_related("room"), conference=conference, slug=session_slug
    )
    session.conference = conference
    can_publish = request.user.has_perm(CAN_PUBLISH)

    if request.method == "POST" and "publish_saved" in request.POST:
        if not can_publish:
            raise PermissionDenied
        count = session.statements.filter(pk__in=request.POST.getlist("saved")).publish()
        messages.success(
            request,
            ngettext("%(count)d statement published.", "%(count)d statements published.", count)
            % {"count": count},
        )
        return redirect(request.path)

    try:
        rows = min(max(int(request.GET.get("rows", DEFAULT_ROWS)), 1), MAX_ROWS)
    except ValueError:
        rows = DEFAULT_ROWS
    formset_class = upload_formset(rows, list(Organization.objects.all()))
    outcome = None
    if request.method == "POST":
        formset = formset_class(request.POST, request.FILES)
        # Each row stands on its own; only a form that is wrong as a whole is refused whole.
        if not formset.non_form_errors():
            outcome, formset = save_uploads(request, session, formset, formset_class, can_publish)
    else:
        formset = formset_class()
    return render(
        request,
        "organizers/statements_upload.html",
        {
            "conference": conference,
            "session": session,
            "formset": formset,
            "outcome": outcome,
            "can_publish": can_publish,
            "drafts": [
                statement
                for _name, statement in (outcome.saved if outcome else [])
                if not statement.is_published
            ],
        },
    )


def save_uploads(request, session, formset, formset_class, can_publish):
    """Save the rows that are right; return the outcome and the form to upload the rest."""
    accepted, outcome, again = [], uploads.Outcome(), []
    for form in formset.forms:
        if not form.has_file:
            continue
        if form.is_valid():
            accepted.append(
                uploads.Upload(
                    file=form.cleaned_data["file"],
                    organization=form.cleaned_data["organization"],
                    language=form.cleaned_data["language"],
                    speaker=form.cleaned_data["speaker"],
                    delivered=form.cleaned_data["delivered"],
                )
            )
        else:
            reasons = [error for errors in form.errors.values() for error in errors]
            outcome.refused.append((form.files[form.add_prefix("file")].name, reasons))
            again.append(form.cleaned_data)
    saved = uploads.save_batch(
        session,
        accepted,
        uploaded_by=request.user,
        publish=can_publish and request.POST.get("publish") == "on",
    )
    outcome.saved = saved.saved
    outcome.refused += saved.refused
    refused_names = {name for name, _reasons in saved.refused}
    again += [
        {
            "organization": upload.organization,
            "language": upload.language,
            "speaker": upload.speaker,
            "delivered": upload.delivered,
        }
        for upload in accepted
        if upload.file.name in refused_names
    ]
    # A fresh form, its first rows ready for the refused files: only they are chosen again.
    return outcome, formset_class(initial=again)
