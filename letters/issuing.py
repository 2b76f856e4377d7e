"""The rules of issuing letters: who may have one, what it states, its number.

A visa letter goes to a confirmed delegate who asked for one; a certificate of attendance to a
delegate checked in at least once, stating the days they were, from the conference's last day
on. Each delegate has one letter of each kind in force at most (a rule of the database too); a
withdrawn one may be followed by a new one. Numbers follow each other per conference and kind,
given under the conference's row lock. The delegate is e-mailed when a letter is ready.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from registrations import status_emails
from registrations.models import Attendance, Registration, Status
from registrations.workflow import lock_conference

from .models import Kind, Letter

NOT_CONFIRMED = _("not confirmed")
ALREADY_ISSUED = _("a letter of this kind is already in force")
NO_VISA_REQUEST = _("no visa letter asked for")
NEVER_CHECKED_IN = _("never checked in")
ANONYMISED = _("personal data anonymised")
TOO_EARLY = _("the conference's last day has not come")

READY_EMAILS = {
    Kind.VISA: status_emails.VISA_LETTER_READY,
    Kind.ATTENDANCE: status_emails.CERTIFICATE_READY,
}


@dataclass
class Issued:
    """What an issuing did: the letters issued, and why the others were not."""

    letters: list = field(default_factory=list)
    skipped: dict = field(default_factory=dict)

    def skip(self, reason):
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def certificates_open(conference, today=None):
    """Certificates are issued from the conference's last day on, at the venue's date."""
    today = today or timezone.localdate(timezone=conference.tzinfo)
    return today >= conference.end_date


def in_force(registrations, kind):
    """The ids of those of `registrations` holding a letter of `kind` in force."""
    return set(
        Letter.objects.filter(
            registration__in=registrations, kind=kind, withdrawn_at=None
        ).values_list("registration_id", flat=True)
    )


def organization_name(registration, language):
    with translation.override(language):
        return registration.organization.name


def visa_letter(registration):
    """An unsaved visa letter stating the registration's request as it stands."""
    visa_request = registration.visa_request
    conference = registration.conference
    return Letter(
        conference=conference,
        registration=registration,
        kind=Kind.VISA,
        language=registration.language,
        name=visa_request.name_in_passport,
        first_day=conference.start_date,
        last_day=conference.end_date,
        particulars={
            "honorific": registration.honorific,
            "role": registration.role,
            "organization": organization_name(registration, registration.language),
            "sponsored": registration.is_sponsored,
            "nationality": str(visa_request.nationality.code),
            "passport_number": visa_request.passport_number,
            "passport_issued_on": visa_request.passport_issued_on.isoformat(),
            "passport_expires_on": visa_request.passport_expires_on.isoformat(),
            "birth_date": visa_request.birth_date.isoformat(),
            "birth_place": visa_request.birth_place,
            "consulate": visa_request.consulate,
        },
    )


def certificate(registration, days):
    """An unsaved certificate stating the `days` (dates) the delegate was checked in."""
    return Letter(
        conference=registration.conference,
        registration=registration,
        kind=Kind.ATTENDANCE,
        language=registration.language,
        name=registration.full_name,
        first_day=days[0],
        last_day=days[-1],
        days=[day.isoformat() for day in days],
        particulars={
            "honorific": registration.honorific,
            "role": registration.role,
            "organization": organization_name(registration, registration.language),
        },
    )


def days_present(registration, conference):
    """The days of the conference the delegate was checked in, in order: a day recorded
    outside the conference's dates is none of its days."""
    return sorted(
        {
            attendance.day
            for attendance in registration.attendances.all()
            if conference.start_date <= attendance.day <= conference.end_date
        }
    )


def record(conference, letters, by):
    """Number and save `letters` (of one conference), and e-mail each delegate."""
    serials = dict(
        Letter.objects.filter(conference=conference)
        .values_list("kind")
        .annotate(last=Max("serial"))
    )
    for letter in letters:
        serials[letter.kind] = serials.get(letter.kind, 0) + 1
        letter.serial = serials[letter.kind]
        letter.issued_by = by
    Letter.objects.bulk_create(letters)
    for letter in letters:
        status_emails.queue(letter.registration, READY_EMAILS[letter.kind])


def by_conference(registrations):
    grouped = {}
    for registration in registrations:
        grouped.setdefault(registration.conference_id, []).append(registration)
    return grouped.values()


@transaction.atomic
def issue_visa_letters(registrations, by=None):
    """Issue a visa letter to each of `registrations` that may have one; return Issued."""
    issued = Issued()
    registrations = list(
        registrations.select_related("conference", "organization", "visa_request", "delegate")
    )
    for same_conference in by_conference(registrations):
        conference = lock_conference(same_conference[0].conference)
        holding = in_force(same_conference, Kind.VISA)
        letters = []
        for registration in same_conference:
            if registration.anonymised_at is not None:
                issued.skip(ANONYMISED)
            elif not hasattr(registration, "visa_request"):
                issued.skip(NO_VISA_REQUEST)
            elif registration.status != Status.CONFIRMED:
                issued.skip(NOT_CONFIRMED)
            elif registration.pk in holding:
                issued.skip(ALREADY_ISSUED)
            else:
                letters.append(visa_letter(registration))
        record(conference, letters, by)
        issued.letters += letters
    return issued


@transaction.atomic
def issue_certificates(registrations, by=None):
    """Issue a certificate of attendance to each of `registrations` checked in at least once,
    stating the days they were; return Issued. `by` is None when the delegate asked."""
    issued = Issued()
    registrations = list(
        registrations.select_related("conference", "organization", "delegate").prefetch_related(
            Prefetch("attendances", Attendance.objects.order_by("day"))
        )
    )
    for same_conference in by_conference(registrations):
        conference = lock_conference(same_conference[0].conference)
        holding = in_force(same_conference, Kind.ATTENDANCE)
        letters = []
        for registration in same_conference:
            days = days_present(registration, conference)
            if not certificates_open(conference):
                issued.skip(TOO_EARLY)
            elif registration.anonymised_at is not None:
                issued.skip(ANONYMISED)
            elif not days:
                issued.skip(NEVER_CHECKED_IN)
            elif registration.pk in holding:
                issued.skip(ALREADY_ISSUED)
            else:
                letters.append(certificate(registration, days))
        record(conference, letters, by)
        issued.letters += letters
    return issued


def issue_certificate_to(registration):
    """The delegate's own certificate: the one in force, or a new one; None if they may have
    none (never checked in, or too early)."""
    current = registration.letters.filter(kind=Kind.ATTENDANCE, withdrawn_at=None).first()
    if current is not None:
        return current
    issued = issue_certificates(Registration.objects.filter(pk=registration.pk))
    if issued.letters:
        return issued.letters[0]
    # Or the one a request sent at the same moment issued, while this one waited for the lock.
    return registration.letters.filter(kind=Kind.ATTENDANCE, withdrawn_at=None).first()


@transaction.atomic
def withdraw(letters, by):
    """Withdraw the letters in force among `letters`; return how many were."""
    return letters.filter(withdrawn_at=None).update(withdrawn_at=timezone.now(), withdrawn_by=by)
