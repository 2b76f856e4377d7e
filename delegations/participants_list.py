"""What the List of Participants and its Addenda say: delegations by category in the order of the
meeting reports, each by name in the list's language, heads of delegation first.

Only confirmed members are listed. A registration the focal point endorsed but the secretariat
has not confirmed yet may still be declined or wait-listed (the conference's capacity is the
secretariat's to keep): an official document names no one before that. Both editions list the
same people; the public one names only those who agreed to be listed publicly and counts the
others, the secretariat's names everyone.

The List states the delegations as they stand when it is printed; what changed after its date
is the Addendum's, from the changes recorded with their time (DelegationChange). Each of a
list's queries is made once, however many delegations and members it holds.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from registrations.models import Role

from .categories import ORDER, Category, category_of
from .models import Change, DelegationChange, ParticipantsList

ROLE_ORDER = {role: number for number, role in enumerate(Role.values)}
ARABIC_ARTICLE = "\u0627\u0644"
# Arabic letters that sort with another: taa marbuta with haa, alif maqsura with yaa; the
# tatweel only stretches a word.
ARABIC_FOLDS = str.maketrans({"\u0629": "\u0647", "\u0649": "\u064a", "\u0640": None})


class Edition(models.TextChoices):
    PUBLIC = "public", _("Public edition")
    SECRETARIAT = "secretariat", _("Secretariat's edition (everyone named)")


def sort_key(text):
    """How a name sorts in any script: without case, accents or Arabic vowel marks (É with E,
    an alif with hamza with the bare alif), and as the United Nations' Arabic lists sort,
    without the article al- that starts a name (الأردن among the alifs)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(ARABIC_FOLDS))
    if decomposed.startswith(ARABIC_ARTICLE) and len(decomposed) > len(ARABIC_ARTICLE) + 1:
        decomposed = decomposed[len(ARABIC_ARTICLE) :]
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_named(registration, edition):
    """Whether `edition` names the member: the public one only those who agreed to it."""
    if registration.anonymised_at is not None:
        return False
    return edition == Edition.SECRETARIAT or registration.consents_to_public_listing


def member_key(registration):
    return (
        ROLE_ORDER.get(registration.role, len(ROLE_ORDER)),
        sort_key(registration.family_name),
        sort_key(registration.given_name),
        registration.pk,
    )


@dataclass
class Listed:
    """A delegation as the list shows it: its name in the list's language, its members named
    in order, and how many more it has."""

    delegation: object
    name: str
    members: list = field(default_factory=list)
    unnamed: int = 0


@dataclass
class Group:
    category: str
    delegations: list

    @property
    def title(self):
        return Category(self.category).label


def grouped(conference, delegations):
    """[Group] of `delegations` (Listed or Changed) in the categories' order, each by name."""
    by_category = {}
    for listed in delegations:
        category = category_of(conference, listed.delegation.organization)
        by_category.setdefault(category, []).append(listed)
    return [
        Group(category, sorted(members, key=delegation_key))
        for category, members in sorted(by_category.items(), key=lambda item: ORDER[item[0]])
    ]


def delegation_key(listed):
    # Two organizations of the same name: the one recorded first, on every list.
    return (sort_key(listed.name), listed.name, listed.delegation.organization_id)


def confirmed_members(conference):
    return (
        conference.registrations.confirmed_members()
        .select_related("delegation__organization")
        .order_by("pk")
    )


def participants(conference, language, edition):
    """The List of Participants of `conference` in `language`: [Group] of its delegations that
    have confirmed members."""
    delegations = {}
    with translation.override(language):
        for registration in confirmed_members(conference):
            delegation = registration.delegation
            listed = delegations.get(delegation.pk)
            if listed is None:
                listed = delegations[delegation.pk] = Listed(
                    delegation, str(delegation.organization.name)
                )
            if is_named(registration, edition):
                listed.members.append(registration)
            else:
                listed.unnamed += 1
    for listed in delegations.values():
        listed.members.sort(key=member_key)
    return grouped(conference, delegations.values())


@dataclass
class Changed:
    """A delegation's changes, as an Addendum shows them."""

    delegation: object
    name: str
    added: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    new_head: object = None
    unnamed_added: int = 0
    unnamed_withdrawn: int = 0
    unnamed_new_head: bool = False


def period_of(addendum):
    """(start, end) of the changes `addendum` lists: after the previous Addendum's date (the
    List's for the first) up to its own, whole days in the conference's time zone."""
    previous = (
        ParticipantsList.objects.filter(conference=addendum.conference, date__lt=addendum.date)
        .exclude(pk=addendum.pk)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    return previous, addendum.date


def day_start(day, tzinfo):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=tzinfo)


def net_changes(changes):
    """{(delegation, registration): kind} of ADDED or WITHDRAWN, and {delegation: registration}
    of the last new head: a member added to a delegation then withdrawn from it in the period
    (or the other way round) is neither; one who moved is withdrawn from one and added to the
    other."""
    first, last, heads = {}, {}, {}
    for change in changes:
        if change.kind in (Change.ADDED, Change.WITHDRAWN):
            member = (change.delegation_id, change.registration_id)
            first.setdefault(member, change.kind)
            last[member] = change.kind
        elif change.kind == Change.NEW_HEAD:
            heads[change.delegation_id] = change.registration_id
    kinds = {pk: kind for pk, kind in last.items() if first[pk] == kind}
    return kinds, heads


def addendum(conference, since, until, language, edition):
    """The changes to `conference`'s delegations after the day `since` up to the day `until`:
    [Group] of Changed, in the List's order. Added members and new heads are those the
    secretariat has confirmed, as in the List."""
    tzinfo = conference.tzinfo
    changes = list(
        DelegationChange.objects.filter(
            delegation__conference=conference,
            made_at__gte=day_start(since + datetime.timedelta(days=1), tzinfo),
            made_at__lt=day_start(until + datetime.timedelta(days=1), tzinfo),
        )
        .select_related("registration", "delegation__organization")
        .order_by("made_at", "pk")
    )
    kinds, heads = net_changes(changes)
    registrations = {change.registration_id: change.registration for change in changes}
    delegations = {}
    with translation.override(language):
        for change in changes:
            registration = registrations[change.registration_id]
            kind = kinds.pop((change.delegation_id, registration.pk), None)
            if kind == Change.WITHDRAWN:
                record_withdrawn(entry(delegations, change.delegation), registration, edition)
            elif kind == Change.ADDED and is_member(registration, change.delegation_id):
                record_added(entry(delegations, change.delegation), registration, edition)
            is_new_head = heads.get(change.delegation_id) == registration.pk
            if is_new_head and is_head(registration, change.delegation_id):
                record_new_head(entry(delegations, change.delegation), registration, edition)
                heads.pop(change.delegation_id)
    for changed in delegations.values():
        changed.added.sort(key=member_key)
        changed.withdrawn.sort(key=member_key)
    return grouped(conference, delegations.values())


def entry(delegations, delegation):
    """The delegation's Changed, named in the active language."""
    if delegation.pk not in delegations:
        delegations[delegation.pk] = Changed(delegation, str(delegation.organization.name))
    return delegations[delegation.pk]


def is_member(registration, delegation_id):
    """Whether the registration speaks for the delegation now, as the List counts members."""
    return registration.is_confirmed_member and registration.delegation_id == delegation_id


def is_head(registration, delegation_id):
    return is_member(registration, delegation_id) and registration.role == Role.HEAD


def record_new_head(changed, registration, edition):
    if is_named(registration, edition):
        changed.new_head = registration
    else:
        changed.unnamed_new_head = True


def record_added(changed, registration, edition):
    if is_named(registration, edition):
        changed.added.append(registration)
    else:
        changed.unnamed_added += 1


def record_withdrawn(changed, registration, edition):
    if is_named(registration, edition):
        changed.withdrawn.append(registration)
    else:
        changed.unnamed_withdrawn += 1


def addendum_of(participants_list, language, edition):
    """The content of an Addendum (a ParticipantsList of kind ADDENDUM)."""
    since, until = period_of(participants_list)
    if since is None:
        return []
    return addendum(participants_list.conference, since, until, language, edition)


def official_date(day):
    """A date as the documents write it: 1 September 2030 in English (the United Nations'
    style, not Django's Sept. 1, 2030), the language's own way in the others."""
    if day is None:
        return ""
    return date_format(day, "j F Y" if translation.get_language() == "en" else "DATE_FORMAT")


def pdf(template, language, *, conference, date, since=None, **context):
    """A list drawn by WeasyPrint in `language`, right to left in Arabic."""
    with translation.override(language):
        html = render_to_string(
            f"delegations/print/{template}",
            {
                **context,
                "conference": conference,
                "date": official_date(date),
                "since": official_date(since),
                "opens": official_date(conference.start_date),
                "closes": official_date(conference.end_date),
                "language": language,
                "rtl": translation.get_language_bidi(),
            },
        )
    return HTML(string=html).write_pdf()


def list_pdf(conference, language, edition):
    """The List of Participants as a PDF, with its symbol and date; a draft of today's date
    before the secretariat sets them."""
    official = conference.participants_lists.filter(kind=ParticipantsList.Kind.LIST).first()
    return pdf(
        "participants.html",
        language,
        conference=conference,
        edition=edition,
        symbol=official.symbol if official else "",
        date=official.date if official else timezone.localdate(timezone=conference.tzinfo),
        groups=participants(conference, language, edition),
    )


def addendum_pdf(official, language, edition):
    """An Addendum (a ParticipantsList of kind ADDENDUM) as a PDF."""
    since, until = period_of(official)
    return pdf(
        "addendum.html",
        language,
        conference=official.conference,
        edition=edition,
        symbol=official.symbol,
        date=until,
        since=since,
        groups=addendum_of(official, language, edition),
    )
