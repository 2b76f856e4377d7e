"""A delegation: an organization taking part in one conference, and its credentials."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from va_conference.models import ChoiceLabels, Conference, Organization, OrganizationKind

from ..categories import category_of


class Credentials(models.TextChoices):
    NONE = "none", _("None received")
    COPY = "copy", _("Copy received")
    ORIGINAL = "original", _("Original received")


class Signatory(models.TextChoices):
    """Who issued the credentials, as the rules of procedure name them."""

    HEAD_OF_STATE_OR_GOVERNMENT = "head", _("Head of State or Government")
    FOREIGN_MINISTER = "foreign_minister", _("Minister for Foreign Affairs")
    OTHER = "other", _("Other")


class DelegationQuerySet(models.QuerySet):
    def of(self, conference, organization):
        """The delegation of `organization` to `conference`, recorded the first time it is
        needed."""
        delegation, _created = self.get_or_create(conference=conference, organization=organization)
        # Already read: kept on the delegation rather than read again through it.
        delegation.conference, delegation.organization = conference, organization
        return delegation


class Delegation(ChoiceLabels, models.Model):
    """An organization taking part in one conference: its members are the registrations of
    that organization to that conference, its credentials those its head presented."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="delegations",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="delegations",
    )
    credentials = models.CharField(
        _("credentials"), max_length=10, choices=Credentials.choices, default=Credentials.NONE
    )
    credentials_received_on = models.DateField(_("credentials received on"), null=True, blank=True)
    credentials_signatory = models.CharField(
        _("credentials issued by"), max_length=20, choices=Signatory.choices, blank=True
    )
    credentials_document = models.ForeignKey(
        "DelegationDocument",
        verbose_name=_("credentials document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The copy or original as uploaded by the focal point or the secretariat."),
    )
    notes = models.TextField(
        _("secretariat's notes"), blank=True, help_text=_("Never shown to the delegation.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["conference", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "organization"],
                name="delegation_one_per_organization_and_conference",
                violation_error_message=_("This organization already has a delegation here."),
            ),
            models.CheckConstraint(
                condition=Q(credentials="none")
                | (Q(credentials_received_on__isnull=False) & ~Q(credentials_signatory="")),
                name="delegation_credentials_received_have_date_and_signatory",
                violation_error_message=_(
                    "Credentials received need the date received and who issued them."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.organization} — {self.conference.short_name}"

    def active_focal_points(self):
        from .focal_point import FocalPoint

        return self.focal_points.filter(state=FocalPoint.State.ACTIVE)

    def waits_for_focal_point(self):
        """Whether a self-registration to the delegation waits for its focal point's
        endorsement: a State's delegation that has an active focal point."""
        return (
            self.organization.kind == OrganizationKind.STATE and self.active_focal_points().exists()
        )

    def missing(self, members):
        """What the delegation lacks among its `members`, in words for its focal point."""
        from ..missing import missing

        return missing(self, members)

    @property
    def category(self):
        """The participation category (delegations/categories.py): derived, never stored, so
        that a State's ratification recorded later moves its delegation too."""
        return category_of(self.conference, self.organization)


def delegation_of(conference, organization):
    return Delegation.objects.of(conference, organization)
