"""Delegates' personal data: forgotten when no longer needed, handed over when asked for.

Anonymising a registration keeps what the conference's figures count (status, role,
organization, sessions, kinds of accessibility need, sponsorship asked, and the optional
gender, survivor and disability answers) and drops everything that says who the person was:
their name, contact details, free-text answers, private link, the addresses its e-mails went
to, every earlier version kept in the history, and first of all the passport details of a
request for a visa letter.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from va_conference.models import Conference

from . import questions
from .models import (
    PASSPORT_FIELDS,
    Agenda,
    Answer,
    Delegate,
    Registration,
    UnmatchedRow,
    VisaRequest,
    new_token,
)


def conferences_past_retention(today=None):
    """Conferences whose retention period is over and that still hold personal data."""
    today = today or timezone.localdate()
    return [
        conference
        for conference in Conference.objects.filter(
            end_date__lt=today, registrations__anonymised_at__isnull=True
        ).distinct()
        if conference.personal_data_kept_until < today
    ]


@transaction.atomic
def anonymise(registrations):
    """Anonymise the given registrations; return how many were."""
    count = 0
    for registration in registrations.filter(anonymised_at__isnull=True).select_related("delegate"):
        # The passport details first: the most sensitive data we hold.
        VisaRequest.objects.filter(registration=registration).delete()
        # What the delegate answered to the conference's own questions may be anything.
        registration.answers.all().delete()
        Answer.history.filter(registration_id=registration.pk).delete()
        # The sessions they marked, and the private address of their agenda's calendar.
        Agenda.objects.filter(registration=registration).delete()
        forget_in_apps_above(registration)
        person = registration.delegate
        stand_in = Delegate.objects.create(email=f"anonymised-{registration.pk}@anonymised.invalid")
        registration.delegate = stand_in
        registration.honorific = ""
        registration.given_name = "—"
        registration.family_name = "—"
        registration.phone = ""
        registration.job_title = ""
        registration.token = new_token()
        registration.submission_key = None
        registration.other_accessibility_needs = ""
        registration.sponsorship_justification = ""
        registration.anonymised_at = timezone.now()
        registration.save()
        registration.history.all().delete()
        stand_in.history.all().delete()
        # What became of each e-mail stays counted; the addresses and links they named go.
        registration.deliveries.update(to="", link="", error="")
        # The rows of the platform's reports that named them: their minutes stay counted.
        UnmatchedRow.objects.filter(
            report__conference=registration.conference_id, email=person.email.lower()
        ).update(name="", email="")
        UnmatchedRow.objects.filter(registration=registration).update(name="", email="")
        forget_if_unused(person)
        count += 1
    return count


def agenda_of(registration):
    """The sessions marked in the delegate's agenda (the calendar's address is a key, not data
    about them), or None."""
    agenda = getattr(registration, "agenda", None)
    if agenda is None:
        return None
    return [str(session) for session in agenda.sessions.all()]


def visa_request_of(registration, with_passport_details):
    if not hasattr(registration, "visa_request"):
        return None
    if not with_passport_details:
        return _("Held; exported only by staff allowed to see passport details.")
    return {
        "asked": registration.visa_request.created_at,
        **{name: str(getattr(registration.visa_request, name)) for name in PASSPORT_FIELDS},
    }


@transaction.atomic
def forget_visa_request(registration):
    """The delegate no longer needs a visa letter: their passport details are deleted at once,
    and what the apps above kept of them (the visa letters withdrawn earlier, each model with a
    classmethod forget_visa_details(registration)) goes too."""
    VisaRequest.objects.filter(registration=registration).delete()
    call_in_apps_above("forget_visa_details", registration)


def forget_in_apps_above(registration):
    """The apps built on this one keep rows about a registration (the letters issued to the
    delegate): each such model with a classmethod forget_personal_data(registration) forgets
    what names the person."""
    call_in_apps_above("forget_personal_data", registration)


def call_in_apps_above(method, registration, *args):
    """Call the classmethod `method` with `registration` on each model related to registrations
    that has one: this module cannot import the apps built on it. Returns what each answered,
    by the model's verbose name."""
    return {
        str(relation.related_model._meta.verbose_name): getattr(relation.related_model, method)(
            registration, *args
        )
        for relation in Registration._meta.related_objects
        if hasattr(relation.related_model, method)
    }


def held_in_apps_above(registration, reader):
    """What the apps built on this one hold about a registration's delegate (the sponsorship
    committee's view of their request): each such model with a classmethod
    personal_data(registration, reader) gives it, or None when it holds nothing; only that it is
    held when `reader`, the staff member exporting, may not see it."""
    held = call_in_apps_above("personal_data", registration, reader)
    return {name: data for name, data in held.items() if data is not None}


def forget_if_unused(delegate):
    """Delete a delegate (an e-mail address) that no registration uses any more, and its
    history: no address is kept without a reason."""
    if delegate.registrations.exists():
        return
    delegate_id = delegate.pk
    delegate.delete()
    # Deleting records a last version too: the history forgets the address whole.
    Delegate.history.filter(id=delegate_id).delete()


def everything_about(delegate, with_passport_details=False, reader=None):
    """All we store about a delegate, as plain data, for them to read. Their passport details
    only `with_passport_details` (staff allowed to see them export them), and what the apps
    above hold only as far as `reader` may see it; otherwise the file says they are held."""

    def plain(instance, exclude=()):
        # The private link is a key, not data about the person: it stays out of the file.
        exclude = {"id", "token", "submission_key", *exclude}
        return {
            field.attname: field.value_from_object(instance)
            for field in instance._meta.concrete_fields
            if field.name not in exclude
        }

    registrations = delegate.registrations.select_related(
        "conference", "organization"
    ).prefetch_related(
        "sessions",
        "visa_request",
        "answers__question__choices",
        "agenda__sessions",
        "attendances",
        "online_attendances",
    )
    return {
        "delegate": plain(delegate),
        "registrations": [
            {
                **plain(registration, exclude=("delegate", "sessions")),
                "conference": str(registration.conference),
                "organization": str(registration.organization),
                "sessions": [str(session) for session in registration.sessions.all()],
                "agenda": agenda_of(registration),
                "visa_request": visa_request_of(registration, with_passport_details),
                "answers": {
                    answer.question.label: questions.shown(answer.question, answer.value)
                    for answer in registration.answers.all()
                },
                "days_checked_in": [
                    attendance.day for attendance in registration.attendances.all()
                ],
                "online_attendance": [
                    {"day": attendance.day, "minutes": attendance.minutes}
                    for attendance in registration.online_attendances.all()
                ],
                **held_in_apps_above(registration, reader),
                "status": registration.get_status_display(),
                "created_at": registration.created_at,
                "updated_at": registration.updated_at,
            }
            for registration in registrations
        ],
        "history": [
            {
                "date": record.history_date,
                "change": record.get_history_type_display(),
                **plain(record.instance, exclude=("sessions",)),
            }
            for record in Delegate.history.filter(id=delegate.pk).order_by("history_date")
        ]
        + [
            {
                "date": record.history_date,
                "change": record.get_history_type_display(),
                "registration": record.reference,
                "status": record.status,
            }
            for record in Registration.history.filter(delegate_id=delegate.pk).order_by(
                "history_date"
            )
        ],
    }
