"""A focal point names the members of their delegation: one at a time, or by pasting a list.

A nomination is an invitation: every member named is an invited registration of the
delegation's organization, endorsed by the focal point who named it, e-mailed its own private
link to accept or decline. Until its addressee accepts, it holds no place, counts in no
delegation and keeps the address free to register for another: a focal point cannot take
anyone's address into their delegation, nor learn whether it is registered elsewhere. On
acceptance it takes a place, or waits for one beyond the capacity, as any registration does,
decided under the conference's lock by registrations/workflow.py's own functions.

A pasted list is taken whole or not at all: one line wrong and nothing is saved, so that the
focal point corrects that line and sends the same list again.
"""

import re
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from registrations import capacity, status_emails, workflow
from registrations.models import (
    ACTIVE_STATUSES,
    HEAD_TAKEN,
    Endorsement,
    Honorific,
    Registration,
    Role,
    Status,
    head_taken,
)
from va_conference.forms import printable
from va_conference.models import RegistrationState

from . import changes
from .models import Change

# Tabs, semicolons and commas, the Arabic ones (، ؛) too.
SEPARATORS = re.compile(r"\s*[\t;,\u060c\u061b]\s*")


class NominationsClosed(Exception):
    """The conference does not take registrations now, nor nominations."""


class InvalidNominations(Exception):
    """Some members cannot be named as given: `errors` are (line number, message)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Member:
    """A member as the focal point named them."""

    given_name: str
    family_name: str
    email: str
    role: str = Role.DELEGATE
    honorific: str = ""

    def __post_init__(self):
        self.given_name = printable(self.given_name).strip()
        self.family_name = printable(self.family_name).strip()


def plain(text):
    """Lower case without accents, to compare words typed in any of the languages."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(letter for letter in decomposed if not unicodedata.combining(letter)).strip()


def words_for(choices):
    """{word: value} for each choice's code and label in every language, and the label's first
    word where no other choice starts with it (e.g. "chef" for "Chef de délégation")."""
    words, first_words = {}, {}
    for value, _label in choices.choices:
        words[plain(value)] = value
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                label = plain(str(choices(value).label)).rstrip(".")
            words[label] = value
            first_words.setdefault(label.split()[0], set()).add(value)
    for word, values in first_words.items():
        if len(values) == 1:
            words.setdefault(word, values.pop())
    return words


def role_words():
    return words_for(Role)


def honorific_words():
    return words_for(Honorific)


def parse_line(line, roles, honorifics):
    """A Member from one line; raises ValidationError saying what is wrong with it."""
    parts = [part for part in SEPARATORS.split(line.strip()) if part]
    emails = [part for part in parts if "@" in part]
    if len(emails) != 1:
        raise ValidationError(_("Give one e-mail address."))
    email = emails[0]
    try:
        validate_email(email)
    except ValidationError:
        not_an_address = _("“%(email)s” is not an e-mail address.") % {"email": email}
        raise ValidationError(not_an_address) from None
    after = parts[parts.index(email) + 1 :]
    names = parts[: parts.index(email)]
    role = Role.DELEGATE
    if after:
        if len(after) > 1 or plain(after[0]) not in roles:
            raise ValidationError(
                _("“%(role)s” is not a role. Use one of: %(roles)s.")
                % {"role": " ".join(after), "roles": ", ".join(str(label) for label in Role.labels)}
            )
        role = roles[plain(after[0])]
    words = " ".join(names).split()
    honorific = ""
    if words and plain(words[0]).rstrip(".") in honorifics:
        honorific = honorifics[plain(words.pop(0)).rstrip(".")]
    if len(names) == 2 and not honorific:
        given, family = names
    elif len(words) >= 2:
        given, family = words[0], " ".join(words[1:])
    else:
        raise ValidationError(_("Give the member's given name and family name."))
    member = Member(given, family, email.strip(), role, honorific)
    if not (member.given_name and member.family_name):
        raise ValidationError(_("Give the member's given name and family name."))
    return member


def parse(text):
    """[(line number, Member)] from a pasted list, one member a line; blank lines are skipped.
    Raises InvalidNominations with every line that is wrong."""
    roles, honorifics = role_words(), honorific_words()
    members, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            members.append((number, parse_line(line, roles, honorifics)))
        except ValidationError as error:
            errors.append((number, error.messages[0]))
    if not members and not errors:
        errors.append((0, _("The list is empty: write one member a line.")))
    errors += problems_within(members)
    if errors:
        raise InvalidNominations(sorted(errors))
    return members


def problems_within(members):
    """The lines that contradict others of the same list: a second head, an address twice."""
    errors, seen, head = [], set(), None
    for number, member in members:
        address = member.email.casefold()
        if address in seen:
            errors.append((number, _("This address is already on an earlier line.")))
        seen.add(address)
        if member.role == Role.HEAD:
            if head is not None:
                errors.append((number, _("Only one member can be head of delegation.")))
            head = head or number
    return errors


def nominations_open(conference):
    return conference.registration_state() == RegistrationState.OPEN


@transaction.atomic
def nominate(focal_point, members, submission_key=None):
    """Register every one of `members` [(line number, Member)] in the focal point's delegation,
    or none. Returns the registrations made; the same `submission_key` sent again returns those
    it made the first time, and makes no more."""
    delegation = focal_point.delegation
    conference = workflow.lock_conference(delegation.conference)
    keys = [
        uuid.uuid5(submission_key, str(number)) if submission_key else None
        for number, _member in members
    ]
    if submission_key:
        earlier = list(delegation.members.filter(submission_key__in=keys))
        if earlier:
            return earlier
    if not nominations_open(conference):
        raise NominationsClosed
    errors = conflicts_with_delegation(delegation, members)
    if errors:
        raise InvalidNominations(errors)
    made = []
    for (number, member), key in zip(members, keys, strict=True):
        registration = Registration(
            conference=conference,
            organization=delegation.organization,
            delegation=delegation,
            delegate=workflow.delegate_for(member.email),
            honorific=member.honorific,
            given_name=member.given_name,
            family_name=member.family_name,
            role=member.role,
            language=focal_point.language,
            endorsement=Endorsement.ENDORSED,
            nominated_by=focal_point,
            submission_key=key,
            status=Status.INVITED,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # An invitation saved at the same moment; the conference's lock rules it out on
            # PostgreSQL. The database's rule (one invitation an address) holds.
            raise InvalidNominations([(number, str(ALREADY_MEMBER))]) from None
        status_emails.queue(registration, status_emails.NOMINATED)
        made.append(registration)
    return made


ALREADY_MEMBER = _("This address is already a member of the delegation, or invited to it.")


def conflicts_with_delegation(delegation, members):
    """The lines the delegation's own members refuse: an address already a member or invited,
    a head where the delegation has one. Other delegations are never looked at."""
    same_address = Q()
    for _number, member in members:
        same_address |= Q(delegate__email__iexact=member.email)
    taken = {
        email.casefold()
        for email in delegation.members.filter(
            same_address, status__in=[*ACTIVE_STATUSES, Status.INVITED]
        ).values_list("delegate__email", flat=True)
    }
    has_head = delegation.members.filter(role=Role.HEAD, status__in=ACTIVE_STATUSES).exists()
    errors = []
    for number, member in members:
        if member.email.casefold() in taken:
            errors.append((number, str(ALREADY_MEMBER)))
        if member.role == Role.HEAD and has_head:
            errors.append((number, str(HEAD_TAKEN)))
    return errors


class NotInvited(Exception):
    """The registration is no invitation waiting for an answer."""


@transaction.atomic
def accept(registration):
    """The member named by a focal point accepts: the registration takes a place, or waits for
    one beyond the capacity, and the delegation counts it. Raises workflow.AlreadyRegistered
    when the address has a registration of its own for the conference, HeadTaken when the
    member was named head and the delegation has one since."""
    conference = workflow.lock_conference(registration.conference)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.INVITED:
        raise NotInvited
    if not nominations_open(conference):
        raise NominationsClosed
    other = workflow.active_registration(registration.delegate, conference)
    if other is not None:
        raise workflow.AlreadyRegistered(other)
    if head_taken(conference.pk, registration.organization_id, registration.role):
        raise HeadTaken
    registration.mode = capacity.offered_mode(conference, registration.mode)
    registration.status = (
        Status.SUBMITTED
        if capacity.has_free_place(conference, registration.mode)
        else Status.WAITLISTED
    )
    registration.privacy_accepted_at = timezone.now()
    registration.save(update_fields=["mode", "status", "privacy_accepted_at", "updated_at"])
    status_emails.queue(registration, registration.status)
    focal_point = registration.nominated_by
    changes.record(registration, Change.ADDED, by_focal_point=focal_point)
    if registration.role == Role.HEAD:
        changes.record(registration, Change.NEW_HEAD, by_focal_point=focal_point)
    return registration


@transaction.atomic
def decline(registration):
    """The addressee does not take the invitation (nor, by the focal point, is it kept)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.INVITED:
        raise NotInvited
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])


class HeadTaken(Exception):
    """The delegation already has a head of delegation."""


@transaction.atomic
def change_role(registration, role, focal_point):
    """The focal point gives a member another role; a delegation keeps one head at most."""
    workflow.lock_conference(registration.conference)
    previous = registration.role
    if role == previous:
        return
    others = registration.delegation.members.exclude(pk=registration.pk)
    if role == Role.HEAD and others.filter(role=Role.HEAD, status__in=ACTIVE_STATUSES).exists():
        raise HeadTaken
    registration.role = role
    try:
        with transaction.atomic():
            registration.save(update_fields=["role", "updated_at"])
    except IntegrityError:
        raise HeadTaken from None
    changes.record_role(registration, previous, by_focal_point=focal_point)
