"""Delegations folded into one when their organizations are merged.

An organization has one delegation per conference (a rule of the database). Two organizations
merged that both took part in the same conference would have two: before the organizations
are merged (Organization.merge, which moves every row naming the duplicates), the duplicate's
delegation there is folded into the kept one. Its members, focal points, documents and changes
move; of the two credentials the better is kept; of two active heads of delegation, the first
registered stays head and the others become delegates, as registrations 0011 did.

Whoever merges calls fold_delegations() first, in the same transaction: the core knows
nothing of delegations (registrations/admin/organization.py does it for the admin's action).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from registrations.models import ACTIVE_STATUSES, Registration, Role

from .models import Change, Credentials, Delegation, DelegationChange, FocalPoint

# The better credentials rank higher.
CREDENTIALS_RANK = {Credentials.NONE: 0, Credentials.COPY: 1, Credentials.ORIGINAL: 2}
CREDENTIALS_FIELDS = [
    "credentials",
    "credentials_received_on",
    "credentials_signatory",
    "credentials_document_id",
]


@transaction.atomic
def fold_delegations(keep, duplicates, made_by=None):
    """Wherever `keep` and `duplicates` (organizations) have more than one delegation to the
    same conference, fold them into one: the kept organization's if it has one there. Return
    how many delegations were folded into another."""
    organizations = [keep, *(d for d in duplicates if d.pk != keep.pk)]
    rank = {organization.pk: number for number, organization in enumerate(organizations)}
    delegations = Delegation.objects.select_for_update().filter(organization__in=organizations)
    by_conference = {}
    for delegation in delegations.order_by("pk"):
        by_conference.setdefault(delegation.conference_id, []).append(delegation)
    folded = 0
    for same_conference in by_conference.values():
        target, *sources = sorted(same_conference, key=lambda d: rank[d.organization_id])
        for source in sources:
            fold(source, target, made_by)
            folded += 1
    return folded


def fold(source, target, made_by=None):
    """Move everything of the delegation `source` into `target`, then delete `source`."""
    keep_first_head(source, target, made_by)
    revoke_focal_points_twice_named(source, target)
    keep_better_credentials(source, target)
    for relation in Delegation._meta.related_objects:
        # The delegation's own rows: members, focal points, documents, changes, and those of
        # the apps above (requests for the floor). A model whose rules forbid some rows to
        # simply move (one request per delegation and list) settles them first, with its
        # classmethod before_folding(source, target): this module cannot import it.
        if relation.one_to_many:
            model = relation.related_model
            if hasattr(model, "before_folding"):
                model.before_folding(source, target)
            model._base_manager.filter(**{relation.field.name: source}).update(
                **{relation.field.name: target}
            )
    if target.notes != source.notes and source.notes:
        target.notes = "\n\n".join(note for note in (target.notes, source.notes) if note)
    target.save()
    source.delete()


def keep_first_head(source, target, made_by):
    """A delegation has one active head: of the heads of both, the first registered stays."""
    heads = Registration.objects.filter(
        delegation__in=[source, target], role=Role.HEAD, status__in=ACTIVE_STATUSES
    ).order_by("created_at", "pk")
    for later_head in list(heads)[1:]:
        later_head.role = Role.DELEGATE
        later_head.save(update_fields=["role", "updated_at"])
        DelegationChange.objects.create(
            delegation=target,
            registration=later_head,
            kind=Change.ROLE,
            role=Role.DELEGATE,
            made_by=made_by,
        )


def revoke_focal_points_twice_named(source, target):
    """An address that is a focal point of both delegations stays one, by the kept
    delegation's link: the other link stops opening anything."""
    emails = target.focal_points.exclude(state=FocalPoint.State.REVOKED).values(
        lower_email=Lower("email")
    )
    source.focal_points.annotate(lower_email=Lower("email")).filter(
        ~Q(state=FocalPoint.State.REVOKED), lower_email__in=emails
    ).update(state=FocalPoint.State.REVOKED, revoked_at=timezone.now())


def keep_better_credentials(source, target):
    """The original over a copy over none; of two alike, the kept delegation's."""
    if CREDENTIALS_RANK[source.credentials] > CREDENTIALS_RANK[target.credentials]:
        for field in CREDENTIALS_FIELDS:
            setattr(target, field, getattr(source, field))
