"""The focal point's page, reached by their private link: their delegation's members and what
is missing, nominations, endorsements, roles and withdrawals, and the documents it sends.

Whoever holds the link acts for that one delegation: every member, document and action is
looked up within it, so another delegation's are not found (404). Nothing here is cached.

And the public request to be an organization's focal point, which an organizer approves.
"""

from contextlib import suppress

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from registrations import ratelimit, status_emails, workflow
from registrations.models import ACTIVE_STATUSES, Registration, Role, Status
from registrations.views import closed, too_many_submissions
from sessions import files
from sessions.views import file_response
from va_conference.models import Conference, RegistrationState

from . import endorsement, focal_points, nominations
from .forms import (
    DocumentForm,
    FocalPointRequestForm,
    InvitationForm,
    MemberForm,
    MemberListForm,
    RoleForm,
)
from .missing import missing
from .models import DelegationDocument

ROLE_ORDER = {role: number for number, role in enumerate(Role.values)}


def members_of(delegation):
    members = delegation.members.select_related("delegate").order_by("family_name", "pk")
    return sorted(members, key=lambda member: (not member.is_active, ROLE_ORDER[member.role]))


def render_page(request, focal_point, **forms):
    delegation = focal_point.delegation
    members = members_of(delegation)
    context = {
        "focal_point": focal_point,
        "delegation": delegation,
        "conference": delegation.conference,
        "members": members,
        "missing": missing(delegation, members),
        "documents": delegation.documents.order_by("-uploaded_at"),
        "can_nominate": nominations.nominations_open(delegation.conference),
        "roles": Role.choices,
        "member_form": forms.get("member_form") or MemberForm(),
        "list_form": forms.get("list_form") or MemberListForm(),
        "document_form": forms.get("document_form") or DocumentForm(delegation=delegation),
    }
    return render(request, "delegations/focal_point.html", context)


@never_cache
@require_safe
def focal_point_page(request, token):
    return render_page(request, focal_points.active(token))


def nominate_with(request, token, form_class, form_name):
    focal_point = focal_points.active(token)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            made = nominations.nominate(
                focal_point, form.members(), submission_key=form.cleaned_data["submission_key"]
            )
        except nominations.NominationsClosed:
            messages.error(request, _("Registration is closed: members can no longer be added."))
            return redirect("focal_point_page", token)
        except nominations.InvalidNominations as invalid:
            form.add_error(None, form.errors_of(invalid.errors))
        else:
            messages.success(
                request,
                _(
                    "%(count)d members invited; each is sent an e-mail to accept. They count in "
                    "the delegation once they have accepted."
                )
                % {"count": len(made)},
            )
            return redirect("focal_point_page", token)
    return render_page(request, focal_point, **{form_name: form})


@never_cache
@require_POST
def nominate_member(request, token):
    return nominate_with(request, token, MemberForm, "member_form")


@never_cache
@require_POST
def nominate_list(request, token):
    return nominate_with(request, token, MemberListForm, "list_form")


def member_of(focal_point, pk):
    """A member of the focal point's own delegation; any other registration is not found."""
    return get_object_or_404(
        focal_point.delegation.members.select_related("delegate", "conference"), pk=pk
    )


@never_cache
@require_POST
def endorse_member(request, token, pk):
    focal_point = focal_points.active(token)
    member = member_of(focal_point, pk)
    if endorsement.is_waiting(member):
        if request.POST.get("decision") == "refuse":
            endorsement.refuse(member, by_focal_point=focal_point)
            messages.success(request, _("%(name)s is refused.") % {"name": member.full_name})
        else:
            workflow.endorse(member)
            messages.success(request, _("%(name)s is endorsed.") % {"name": member.full_name})
    return redirect("focal_point_page", token)


@never_cache
@require_POST
def withdraw_member(request, token, pk):
    focal_point = focal_points.active(token)
    member = member_of(focal_point, pk)
    if member.status == Status.INVITED:
        nominations.decline(member)
        messages.success(request, _("%(name)s is withdrawn.") % {"name": member.full_name})
    elif member.status in ACTIVE_STATUSES:
        workflow.change_status(member, Status.CANCELLED, by_focal_point=focal_point)
        messages.success(request, _("%(name)s is withdrawn.") % {"name": member.full_name})
    return redirect("focal_point_page", token)


@never_cache
@require_POST
def change_role(request, token, pk):
    focal_point = focal_points.active(token)
    member = member_of(focal_point, pk)
    form = RoleForm(request.POST)
    if form.is_valid() and (member.is_active or member.status == Status.INVITED):
        try:
            nominations.change_role(member, form.cleaned_data["role"], focal_point)
        except nominations.HeadTaken:
            messages.error(
                request,
                _("The delegation already has a head: change that member's role first."),
            )
        else:
            saved = _("The role of %(name)s is saved.") % {"name": member.full_name}
            messages.success(request, saved)
    return redirect("focal_point_page", token)


@never_cache
@require_POST
def upload_document(request, token):
    focal_point = focal_points.active(token)
    form = DocumentForm(request.POST, request.FILES, delegation=focal_point.delegation)
    if not form.is_valid():
        return render_page(request, focal_point, document_form=form)
    document = form.save(commit=False)
    document.uploaded_by_focal_point = focal_point
    document.save()
    messages.success(request, _("The document is sent to the organizers."))
    return redirect("focal_point_page", token)


def private_file(document):
    """A delegation's document as a download that no cache keeps: never public."""
    response = file_response(
        document.file,
        lambda file_format: files.readable_name(
            document.delegation.organization.name_en,
            document.kind.replace("_", "-"),
            extension=file_format,
        ),
    )
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@require_safe
def download_document(request, token, pk):
    focal_point = focal_points.active(token)
    document = get_object_or_404(
        DelegationDocument.objects.select_related("delegation__organization"),
        pk=pk,
        delegation=focal_point.delegation,
    )
    return private_file(document)


@never_cache
def invitation(request, token):
    """The member a focal point named accepts the invitation, with the privacy notice, or
    declines it. Only the address it was sent to has this link."""
    registration = get_object_or_404(
        Registration.objects.select_related("conference", "organization", "delegate"),
        token=token,
    )
    if registration.status != Status.INVITED:
        return redirect("registration_detail", token)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and request.POST.get("decision") == "decline":
        with suppress(nominations.NotInvited):
            nominations.decline(registration)
        messages.info(request, _("You have declined the invitation: nothing is recorded."))
        return redirect("registration_detail", token)
    if request.method == "POST" and form.is_valid():
        try:
            nominations.accept(registration)
        except nominations.NotInvited:
            pass
        except nominations.NominationsClosed:
            messages.error(
                request, _("Registration is closed: the invitation can no longer be accepted.")
            )
        except workflow.AlreadyRegistered as already:
            status_emails.queue(already.registration, status_emails.LINK)
            messages.error(
                request,
                _(
                    "This address already has a registration for this conference. We have sent "
                    "you its private link again: cancel it there before you accept this invitation."
                ),
            )
            return redirect("registration_invitation", token)
        except nominations.HeadTaken:
            messages.error(
                request,
                _(
                    "The delegation has a head of delegation already: ask its focal point to give "
                    "you another role, then accept."
                ),
            )
            return redirect("registration_invitation", token)
        else:
            messages.success(
                request,
                _(
                    "You are registered. Tell the organizers what you need: change your "
                    "registration below."
                ),
            )
        return redirect("registration_detail", token)
    context = {
        "registration": registration,
        "conference": registration.conference,
        "form": form,
        "retention_months": settings.PERSONAL_DATA_RETENTION_MONTHS,
    }
    return render(request, "delegations/invitation.html", context)


@never_cache
def ask_for_focal_point(request, slug):
    """The request to be an organization's focal point, while registration is open. The answer
    is the same whatever was asked before: nothing is sent before an organizer approves."""
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    if conference.registration_state() != RegistrationState.OPEN:
        return closed(request, conference)
    form = FocalPointRequestForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.is_over_limit(request):
            return too_many_submissions(request)
        if form.is_valid():
            asked = form.save(commit=False)
            asked.language = request.LANGUAGE_CODE
            focal_points.ask(conference, form.cleaned_data["organization"], asked)
            return redirect("focal_point_asked", conference.slug)
    context = {"conference": conference, "form": form}
    return render(request, "delegations/ask_for_focal_point.html", context)


@never_cache
@require_safe
def focal_point_asked(request, slug):
    conference = get_object_or_404(Conference.objects.published(), slug=slug)
    return render(request, "delegations/focal_point_asked.html", {"conference": conference})
