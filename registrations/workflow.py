"""How a registration comes to be and moves from one status to another, and who is told.

The public pages and the admin both go through these functions: they hold the rules of
capacity, of the waiting list (for each way of taking part: registrations/capacity.py) and of
the e-mails, so that no view or admin action has to.

Capacity is decided under a lock of the conference's row (`select_for_update`): whoever
holds it counts the places from the registrations themselves, then decides and inserts, so
two delegates submitting at once can never both take the last place. No counter is stored
that could drift.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from va_conference.languages import in_every_language
from va_conference.models import (
    Conference,
    Organization,
    OrganizationKind,
    Participation,
    RegistrationState,
)

from . import capacity, personal_data, questions, signals, status_emails
from .models import (
    ACTIVE_STATUSES,
    NOT_ENDORSED,
    PLACE_STATUSES,
    Delegate,
    Endorsement,
    Registration,
    Role,
    Status,
    head_taken,
    new_token,
)


class RegistrationClosed(Exception):
    """The conference does not take registrations (or changes to them) now."""


class AlreadyRegistered(Exception):
    """This e-mail address already has an active registration for this conference."""

    def __init__(self, registration):
        super().__init__(registration.reference)
        self.registration = registration


class HeadTaken(Exception):
    """Another member became head of the delegation at the same moment."""


class VisaLetterInPersonOnly(Exception):
    """A delegate taking part online asked for a visa letter: it is for travelling to the venue."""


class NotEndorsed(Exception):
    """The registration waits for its delegation's focal point, or was refused by them."""


class NoPlaceLeft(Exception):
    """Every place is taken: the registration cannot hold one."""

    def __init__(self, registration):
        super().__init__(registration.reference)
        self.registration = registration


def lock_conference(conference):
    """Take the conference's row lock, held until the transaction ends."""
    return Conference.objects.select_for_update().get(pk=conference.pk)


def delegate_for(email):
    """The delegate known by this address (whatever its case), recorded if new."""
    email = email.strip()
    delegate = Delegate.objects.filter(email__iexact=email).first()
    if delegate is not None:
        return delegate
    try:
        with transaction.atomic():
            return Delegate.objects.create(email=email)
    except IntegrityError:
        # Recorded at the same moment by a registration to another conference.
        return Delegate.objects.get(email__iexact=email)


def active_registration(delegate, conference):
    return delegate.registrations.filter(conference=conference, status__in=ACTIVE_STATUSES).first()


def organization_for(proposal):
    """The organization a delegate proposed: an existing one of the same name, or a new one.

    A proposal names an organization that is not in our list, as far as the delegate could
    tell; if one of the same name (in any language), or the State of that country, exists,
    it is used rather than recorded twice. New ones wait, unverified, for an organizer.
    """
    if proposal.kind == OrganizationKind.STATE and proposal.country:
        existing = Organization.objects.filter(
            kind=OrganizationKind.STATE, country=proposal.country
        )
    else:
        name = proposal.name.strip()
        same_name = Q()
        for column in in_every_language("name"):
            same_name |= Q(**{f"{column}__iexact": name})
        existing = Organization.objects.filter(same_name)
    organization = existing.first()
    if organization is None:
        proposal.is_verified = False
        proposal.save()
        organization = proposal
    return organization


@transaction.atomic
def register(
    conference,
    registration,
    email,
    sessions=(),
    proposed_organization=None,
    submission_key=None,
    visa_request=None,
    answers=None,
):
    """Record a new registration: held within capacity, or wait-listed beyond it.

    `registration` is an unsaved Registration carrying the delegate's answers, `email` the
    address they gave. The registration is the delegate's own: it changes nothing another
    registration of the same address holds. Returns the saved registration; when the same form
    was already submitted (`submission_key`), returns the registration it made instead of a
    second one. Raises AlreadyRegistered, with the registration the address already has, when
    it has one for this conference. `visa_request`, an unsaved VisaRequest, is the delegate's
    request for a visa letter, if they made one; `answers` ({question: stored value}) its
    answers to the conference's own questions.
    """
    conference = lock_conference(conference)
    if submission_key:
        earlier = (
            Registration.objects.filter(submission_key=submission_key)
            .select_related("delegate", "conference")
            .first()
        )
        if earlier is not None:
            return earlier
    if conference.registration_state() != RegistrationState.OPEN:
        raise RegistrationClosed

    delegate = delegate_for(email)
    existing = active_registration(delegate, conference)
    if existing is not None:
        raise AlreadyRegistered(existing)

    if proposed_organization is not None:
        registration.organization = organization_for(proposed_organization)
    registration.conference = conference
    registration.delegate = delegate
    registration.submission_key = submission_key
    registration.privacy_accepted_at = timezone.now()
    registration.mode = capacity.offered_mode(conference, registration.mode)
    if visa_request is not None and registration.mode != Participation.IN_PERSON:
        raise VisaLetterInPersonOnly
    registration.status = (
        Status.SUBMITTED
        if capacity.has_free_place(conference, registration.mode)
        else Status.WAITLISTED
    )
    registration.delegation = Registration.delegation_of(conference, registration.organization)
    if registration.delegation.waits_for_focal_point():
        registration.endorsement = Endorsement.WAITING
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # Only a registration saved by a request running at the same moment gets here: the
        # conference's lock makes that impossible on PostgreSQL, not on every database.
        if head_taken(conference.pk, registration.organization_id, registration.role):
            raise HeadTaken from None
        raise AlreadyRegistered(active_registration(delegate, conference)) from None
    # A new registration has no sessions yet to set aside.
    registration.sessions.add(*sessions)
    if visa_request is not None:
        visa_request.registration = registration
        visa_request.save()
    if answers:
        questions.save_answers(registration, list(answers), answers, held={})
    status_emails.queue(registration, registration.status)
    return registration


@transaction.atomic
def admit(registration):
    """Record a registration an organizer made, with the status they gave it, but wait-listed
    if that status would take a place beyond the capacity; its delegate is told."""
    conference = lock_conference(registration.conference)
    registration.mode = capacity.offered_mode(conference, registration.mode)
    if registration.status in PLACE_STATUSES and not capacity.has_free_place(
        conference, registration.mode
    ):
        registration.status = Status.WAITLISTED
    registration.save()
    status_emails.queue(registration, registration.status)
    return registration


def can_change(registration):
    """A delegate changes or cancels their registration while registration is open."""
    return (
        registration.is_active
        and registration.conference.registration_state() == RegistrationState.OPEN
    )


@transaction.atomic
def update(registration, sessions, asked=(), answers=None):
    """The delegate changed their answers: not their status, their e-mail address, nor whom
    they speak for (their organization and role, see `move`). `answers` ({question: stored
    value}) are their answers now to the questions `asked`."""
    lock_conference(registration.conference)
    if not can_change(registration):
        raise RegistrationClosed
    registration.save()
    registration.sessions.set(sessions)
    questions.save_answers(registration, asked, answers or {})
    return registration


class SameOrganization(Exception):
    """The registration already represents that organization."""


@transaction.atomic
def move(registration, organization=None, proposed_organization=None):
    """The delegate registered for the wrong organization and asks to represent another.

    Whom a registration speaks for is settled by the organizers and the focal points, not by
    the delegate: the registration joins the other delegation as one of its delegates (never
    its head), waits again for an organizer's confirmation and, where that delegation has a
    focal point, for their endorsement. Both delegations' focal points are told, and the move
    is recorded for the Addendum as a withdrawal from one and an addition to the other.
    """
    conference = lock_conference(registration.conference)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not can_change(registration):
        raise RegistrationClosed
    if proposed_organization is not None:
        organization = organization_for(proposed_organization)
    if organization.pk == registration.organization_id:
        raise SameOrganization
    signals.member_left.send(
        sender=Registration,
        registration=registration,
        delegation=registration.delegation,
        moved=True,
    )
    registration.organization = organization
    registration.nominated_by = None
    if registration.role == Role.HEAD:
        registration.role = Role.DELEGATE
    if registration.status == Status.CONFIRMED:
        registration.status = Status.SUBMITTED
    registration.delegation = Registration.delegation_of(conference, organization)
    registration.endorsement = (
        Endorsement.WAITING
        if registration.delegation.waits_for_focal_point()
        else Endorsement.NOT_NEEDED
    )
    registration.save()
    signals.member_joined.send(sender=Registration, registration=registration)
    return registration


@transaction.atomic
def change_email(registration, email):
    """Move the registration to a new address its delegate has shown they read.

    Only this registration moves: the others of the old address stay where they are. The
    private link changes too, so that the old address's copy of it stops working; both
    addresses are told.
    """
    conference = lock_conference(registration.conference)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not can_change(registration):
        raise RegistrationClosed
    delegate = delegate_for(email)
    if delegate.pk == registration.delegate_id:
        return registration
    other = active_registration(delegate, conference)
    if other is not None:
        raise AlreadyRegistered(other)
    previous = registration.delegate
    registration.delegate = delegate
    registration.token = new_token()
    registration.save(update_fields=["delegate", "token", "updated_at"])
    status_emails.queue(registration, status_emails.EMAIL_CHANGED, to=previous.email)
    status_emails.queue(registration, status_emails.LINK)
    personal_data.forget_if_unused(previous)
    return registration


@transaction.atomic
def cancel(registration):
    """The delegate cancelled: their place, if they held one, goes to the waiting list."""
    conference = lock_conference(registration.conference)
    if not can_change(registration):
        raise RegistrationClosed
    held_a_place = registration.status in PLACE_STATUSES
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    status_emails.queue(registration, Status.CANCELLED)
    signals.member_left.send(
        sender=Registration, registration=registration, delegation=registration.delegation
    )
    if held_a_place:
        capacity.promote_from_waiting_list(conference, freed_by=registration)


@transaction.atomic
def endorse(registration):
    """The focal point, or an organizer for the delegation, stands behind the registration."""
    registration.endorsement = Endorsement.ENDORSED
    registration.save(update_fields=["endorsement", "updated_at"])


@transaction.atomic
def change_status(registration, status, by=None, by_focal_point=None):
    """An organizer (`by`) confirms, wait-lists, declines or cancels a registration, or a
    focal point withdraws a member of their delegation.

    Raises NoPlaceLeft when the registration would take a place beyond the capacity, and
    NotEndorsed when it would be confirmed while its focal point has not endorsed it. Returns
    False when the registration already had that status (nothing is sent).
    """
    conference = lock_conference(registration.conference)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if current.status == status:
        return False
    if status == Status.CONFIRMED and current.endorsement in NOT_ENDORSED:
        raise NotEndorsed
    takes_a_place = status in PLACE_STATUSES and current.status not in PLACE_STATUSES
    if takes_a_place and not capacity.has_free_place(conference, current.mode):
        raise NoPlaceLeft(registration)
    frees_a_place = current.status in PLACE_STATUSES and status not in PLACE_STATUSES
    registration.status = status
    registration.save(update_fields=["status", "updated_at"])
    status_emails.queue(registration, status)
    if current.is_active and not registration.is_active:
        signals.member_left.send(
            sender=Registration,
            registration=registration,
            delegation=registration.delegation,
            by=by,
            by_focal_point=by_focal_point,
        )
    if frees_a_place:
        capacity.promote_from_waiting_list(conference, freed_by=registration)
    return True
