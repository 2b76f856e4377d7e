"""Online attendance: the organizers import the platform's attendance reports, then assign or
ignore the rows that matched no confirmed delegate (registrations/attendance_reports.py)."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from registrations import attendance_reports
from registrations.models import AttendanceReport, OnlineAttendance, Registration, UnmatchedRow

from ..pages import conference_for, tool_page
from ..permissions import tool


class ReportForm(forms.Form):
    report = forms.FileField(
        label=gettext_lazy("Attendance report (CSV)"),
        help_text=gettext_lazy(
            "As the platform exports it: a row for each time someone joined, with their name, "
            "e-mail address, join time and leave time, in the conference's time zone."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class AssignForm(forms.Form):
    registration = forms.CharField(
        label=gettext_lazy("Reference or e-mail address of the registration"), max_length=254
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = conference

    def clean_registration(self):
        given = self.cleaned_data["registration"].strip()
        found = Registration.objects.filter(conference=self.conference).filter(
            Q(reference__iexact=given) | Q(delegate__email__iexact=given)
        )
        registration = found.order_by("-created_at").first()
        if registration is None:
            raise forms.ValidationError(_("No registration of this conference has it."))
        return registration


def import_or_error(request, conference, form):
    """Import the uploaded report; the error to show with the form, or None."""
    upload = form.cleaned_data["report"]
    try:
        report = attendance_reports.import_report(
            conference, upload.name, upload.read(attendance_reports.MOST_BYTES + 1), by=request.user
        )
    except attendance_reports.ReportRefused as refused:
        return _("Nothing was imported. %(reason)s") % {"reason": refused}
    except attendance_reports.AlreadyImported as already:
        return _("Nothing was imported: this report was imported already, as “%(file)s”.") % {
            "file": already.report.file_name
        }
    matched = report.attendances.count()
    waiting = report.unmatched.count()
    messages.success(
        request,
        ngettext(
            "“%(file)s” is imported: %(matched)d day of attendance recorded",
            "“%(file)s” is imported: %(matched)d days of attendance recorded",
            matched,
        )
        % {"file": report.file_name, "matched": matched}
        + " · "
        + ngettext(
            "%(count)d row matched no confirmed delegate.",
            "%(count)d rows matched no confirmed delegate.",
            waiting,
        )
        % {"count": waiting},
    )
    return None


@tool("online_attendance")
def online_attendance(request, slug):
    conference = conference_for(slug)
    form = ReportForm()
    error = None
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        if form.is_valid():
            error = import_or_error(request, conference, form)
            if error is None:
                return redirect("organizers:online_attendance", conference.slug)
    return tool_page(
        request,
        conference,
        "online_attendance.html",
        _("Online attendance"),
        form=form,
        error=error,
        reports=AttendanceReport.objects.filter(conference=conference)
        .select_related("imported_by")
        .annotate(
            waiting=Count("unmatched", filter=Q(unmatched__state=UnmatchedRow.State.WAITING))
        ),
        unmatched=UnmatchedRow.objects.filter(
            report__conference=conference, state=UnmatchedRow.State.WAITING
        ).select_related("report"),
        days=OnlineAttendance.objects.filter(registration__conference=conference)
        .values_list("day")
        .annotate(delegates=Count("registration", distinct=True))
        .order_by("day"),
        assign_form=AssignForm(conference=conference),
    )


@require_POST
@tool("online_attendance")
def unmatched_row(request, slug, pk):
    """Assign a row that matched nobody to a registration, or ignore it."""
    conference = conference_for(slug)
    row = get_object_or_404(UnmatchedRow, pk=pk, report__conference=conference)
    if "ignore" in request.POST:
        if attendance_reports.ignore(row):
            messages.success(request, _("The row of %(name)s is ignored.") % {"name": row})
        return redirect("organizers:online_attendance", conference.slug)
    form = AssignForm(request.POST, conference=conference)
    if not form.is_valid():
        messages.error(
            request,
            _("The row of %(name)s is not assigned: %(error)s")
            % {"name": row, "error": " ".join(form.errors["registration"])},
        )
        return redirect("organizers:online_attendance", conference.slug)
    registration = form.cleaned_data["registration"]
    if attendance_reports.assign(row, registration):
        messages.success(
            request,
            _("The row of %(name)s counts for %(reference)s.")
            % {"name": row, "reference": registration.reference},
        )
    else:
        raise Http404
    return redirect("organizers:online_attendance", conference.slug)
