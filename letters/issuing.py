"""The rules of issuing letters: who may have one, what it states, its number.

A visa letter goes to a confirmed delegate taking part in person who asked for one; a
certificate of attendance to a delegate checked in at least once, stating the days they were,
from the conference's last day on. Each delegate has one letter of each kind in force at most
(a rule of the database too); a withdrawn one may be followed by a new one. Numbers follow each
other per conference and kind, given under the conference's row lock. The delegate is e-mailed
when a letter is ready.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from registrations import status_emails
from registrations.models import Registration, Status
from registrations.workflow import lock_conference
from va_conference.models import Participation

from .models import Kind, Letter

NOT_CONFIRMED = _("not confirmed")
ALREADY_ISSUED = _("a letter of this kind is already in force")
NO_VISA_REQUEST = _("no visa letter asked for")
NEVER_CHECKED_IN = _("never checked in")
ANONYMISED = _("personal data anonymised")
TOO_EARLY = _("the conference's last day has not come")
TAKES_PART_ONLINE = _("takes part online")

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


def may_ask_for_visa_letter(registration):
    """While the registration, to take part in person, is under way and the conference has not
    ended."""
    conference = registration.conference
    return (
        registration.is_active
        and registration.mode == Participation.IN_PERSON
        and timezone.localdate(timezone=conference.tzinfo) <= conference.end_date
    )


def letter_in_force(registration, kind):
    """The registration's letter of `kind` in force, or None."""
    return registration.letters.in_force().filter(kind=kind).first()


def in_force(registrations, kind):
    """The ids of those of `registrations` holding a letter of `kind` in force."""
    return set(
        Letter.objects.in_force()
        .filter(registration__in=registrations, kind=kind)
        .values_list("registration_id", flat=True)
    )


def visa_letter_in_force():
    """Whether the registration of the visa request (the outer row) holds a visa letter in
    force: for annotating or filtering visa requests."""
    return Exists(
        Letter.objects.in_force().filter(registration=OuterRef("registration"), kind=Kind.VISA)
    )


def organization_name(registration, language):
    with translation.override(language):
        return registration.organization.name


def delegate_particulars(registration):
    """What every letter states of the delegate, besides their name: in their language."""
    return {
        "honorific": registration.honorific,
        "role": registration.role,
        "organization": organization_name(registration, registration.language),
    }


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
            **delegate_particulars(registration),
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


def certificate(registration, days, online_days=()):
    """An unsaved certificate stating the `days` (dates) the delegate was present, of them the
    `online_days` they took part online, and the name they were last checked in under, not
    one typed since."""
    return Letter(
        conference=registration.conference,
        registration=registration,
        kind=Kind.ATTENDANCE,
        language=registration.language,
        name=name_as_checked_in(registration, days),
        first_day=days[0],
        last_day=days[-1],
        days=[day.isoformat() for day in days],
        particulars={
            **delegate_particulars(registration),
            "online_days": [day.isoformat() for day in online_days],
        },
    )


def name_as_checked_in(registration, days):
    """The name recorded at the last check-in on one of `days`."""
    attendances = [
        attendance for attendance in registration.attendances.all() if attendance.day in days
    ]
    latest = max(attendances, key=lambda attendance: attendance.arrived_at, default=None)
    return latest.name if latest and latest.name else registration.full_name


def days_present(registration, conference):
    """The days of the conference the delegate was checked in, in order: a day recorded
    outside the conference's dates is none of its days."""
    return days_of(conference, registration.attendances.all())


def days_online(registration, conference):
    """The days of the conference the delegate took part online, in order
    (registrations/attendance_reports.py)."""
    return days_of(conference, registration.online_attendances.all())


def days_of(conference, attendances):
    return sorted(
        {
            attendance.day
            for attendance in attendances
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


def issue(registrations, kind, letter_or_reason, by):
    """Issue a letter of `kind` to each of `registrations` that may have one, conference by
    conference under its lock; return Issued. `letter_or_reason(registration, conference)`
    gives the unsaved letter, or why there is none; holding one in force already is checked
    last."""
    issued = Issued()
    for same_conference in by_conference(registrations):
        conference = lock_conference(same_conference[0].conference)
        holding = in_force(same_conference, kind)
        letters = []
        for registration in same_conference:
            outcome = letter_or_reason(registration, conference)
            if isinstance(outcome, Letter) and registration.pk in holding:
                outcome = ALREADY_ISSUED
            if isinstance(outcome, Letter):
                letters.append(outcome)
            else:
                issued.skip(outcome)
        record(conference, letters, by)
        issued.letters += letters
    return issued


def visa_letter_or_reason(registration, conference):
    if registration.anonymised_at is not None:
        return ANONYMISED
    if not hasattr(registration, "visa_request"):
        return NO_VISA_REQUEST
    if registration.mode != Participation.IN_PERSON:
        return TAKES_PART_ONLINE
    if registration.status != Status.CONFIRMED:
        return NOT_CONFIRMED
    return visa_letter(registration)


def certificate_or_reason(registration, conference):
    if not certificates_open(conference):
        return TOO_EARLY
    if registration.anonymised_at is not None:
        return ANONYMISED
    present = days_present(registration, conference)
    # A day checked in at the venue is certified as such, whatever the platform says.
    online = [day for day in days_online(registration, conference) if day not in present]
    days = sorted(present + online)
    if not days:
        return NEVER_CHECKED_IN
    return certificate(registration, days, online)


@transaction.atomic
def issue_visa_letters(registrations, by=None):
    """Issue a visa letter to each of `registrations` that may have one; return Issued."""
    registrations = registrations.select_related(
        "conference", "organization", "visa_request", "delegate"
    )
    return issue(registrations, Kind.VISA, visa_letter_or_reason, by)


@transaction.atomic
def issue_certificates(registrations, by=None):
    """Issue a certificate of attendance to each of `registrations` checked in, or seen
    online, at least once, stating the days they were; return Issued. `by` is None when the
    delegate asked."""
    registrations = registrations.select_related(
        "conference", "organization", "delegate"
    ).prefetch_related("attendances", "online_attendances")
    return issue(registrations, Kind.ATTENDANCE, certificate_or_reason, by)


def issue_certificate_to(registration):
    """The delegate's own certificate: the one in force, or a new one; None if they may have
    none (never checked in, or too early)."""
    current = letter_in_force(registration, Kind.ATTENDANCE)
    if current is not None:
        return current
    issued = issue_certificates(Registration.objects.filter(pk=registration.pk))
    if issued.letters:
        return issued.letters[0]
    # Or the one a request sent at the same moment issued, while this one waited for the lock.
    return letter_in_force(registration, Kind.ATTENDANCE)


@transaction.atomic
def withdraw(letters, by):
    """Withdraw the letters in force among `letters`; return how many were."""
    return letters.in_force().update(withdrawn_at=timezone.now(), withdrawn_by=by)
