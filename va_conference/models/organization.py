"""The organizations that take part: States with their treaty status, UN agencies, NGOs..."""

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..choices import ChoiceLabels


class OrganizationKind(models.TextChoices):
    STATE = "state", _("State")
    UN_AGENCY = "un", _("UN agency")
    INTERNATIONAL = "international", _("International organization")
    RED_CROSS = "red_cross", _("ICRC / IFRC")
    NGO = "ngo", _("Non-governmental organization")
    DISABILITY = "dpo", _("Organization of persons with disabilities")
    SURVIVORS = "survivors", _("Survivor network")
    ACADEMIA = "academia", _("Academia")
    OTHER = "other", _("Other")


class TreatyStatus(models.TextChoices):
    PARTY = "party", _("State Party")
    SIGNATORY = "signatory", _("Signatory")
    NOT_PARTY = "not_party", _("Not party")


class OrganizationQuerySet(models.QuerySet):
    def verified(self):
        """Those an organizer has checked: the public sees no other (a delegate may propose
        any name)."""
        return self.filter(is_verified=True)


class Organization(ChoiceLabels, models.Model):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    country = CountryField(
        _("country"), blank=True, help_text=_("For a State, the State itself; otherwise its seat.")
    )
    mbt_status = models.CharField(
        _("Mine Ban Treaty"),
        max_length=12,
        choices=TreatyStatus.choices,
        blank=True,
        help_text=_("States only."),
    )
    ccm_status = models.CharField(
        _("Convention on Cluster Munitions"),
        max_length=12,
        choices=TreatyStatus.choices,
        blank=True,
        help_text=_("States only."),
    )
    crpd_status = models.CharField(
        _("Convention on the Rights of Persons with Disabilities"),
        max_length=12,
        choices=TreatyStatus.choices,
        blank=True,
        help_text=_("States only."),
    )
    has_va_obligations = models.BooleanField(
        _("victim-assistance obligations"),
        default=False,
        help_text=_(
            "States only: responsible for a significant number of victims, "
            "with obligations to assist them."
        ),
    )
    is_verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_(
            "Organizations proposed by delegates stay unverified until an organizer reviews them."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(kind="state"),
                name="organization_one_state_per_country",
                violation_error_message=_("A State is already recorded for this country."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="state") | ~Q(country=""),
                name="organization_state_has_country",
                violation_error_message=_("A State must have a country."),
            ),
            models.CheckConstraint(
                condition=Q(kind="state")
                | (
                    Q(mbt_status="")
                    & Q(ccm_status="")
                    & Q(crpd_status="")
                    & Q(has_va_obligations=False)
                ),
                name="organization_treaty_status_only_for_states",
                violation_error_message=_(
                    "Only States have a treaty status and victim-assistance obligations."
                ),
            ),
        ]

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    @transaction.atomic
    def merge(self, duplicates):
        """Take over everything that names the duplicates (registrations, statements,
        conferences hosted or organized), then delete them.

        Every relation pointing here is moved, whichever app declares it: the apps built on
        the core need not be known to it.
        """
        duplicates = [duplicate for duplicate in duplicates if duplicate.pk != self.pk]
        for relation in self._meta.related_objects:
            if relation.many_to_many:
                through = relation.through._default_manager
                own = relation.field.m2m_reverse_field_name()
                other = relation.field.m2m_field_name()
                links = through.filter(**{f"{own}__in": duplicates})
                for other_id in links.values_list(f"{other}_id", flat=True):
                    through.get_or_create(**{f"{own}_id": self.pk, f"{other}_id": other_id})
                links.delete()
            else:
                relation.related_model._base_manager.filter(
                    **{f"{relation.field.name}__in": duplicates}
                ).update(**{relation.field.name: self})
        for duplicate in duplicates:
            duplicate.delete()
