"""The people: delegates and their registrations to conferences, with the roles, statuses and
accessibility needs a registration states."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sessions.models import Session
from va_conference.models import ChoiceLabels, Conference, Organization, Participation

from .accessibility import ACCESSIBILITY_NEEDS
from .choices import ACTIVE_STATUSES, NOT_ENDORSED, Endorsement, Honorific, Role, Status

# Crockford's base 32 without I, L, O, U: read aloud and typed without confusion.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class Delegate(models.Model):
    """A person known by their e-mail address across conferences: nothing more.

    What a person says about themselves (name, phone, job title, the optional answers) belongs
    to each of their registrations, as given for that conference: a later registration, made by
    anyone who knows the address, never changes what an earlier one holds or printed.
    """

    email = models.EmailField(_("e-mail"), max_length=254)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="delegate_email_unique_ignoring_case",
                violation_error_message=_("A delegate with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        return self.email


def new_token():
    # 256 bits from the operating system's generator, URL-safe.
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def confirmed_members(self):
        """Confirmed registrations that speak for their delegation: endorsed by its focal point
        wherever that is due."""
        return self.filter(status=Status.CONFIRMED).exclude(endorsement__in=NOT_ENDORSED)


class Registration(ChoiceLabels, models.Model):
    """A delegate's registration to one conference, with the details they gave for it.

    The name, job title and the optional answers are this registration's own: its badge, the
    participants list and the figures of its conference read them, whatever the same person
    writes when registering for another conference.
    """

    delegate = models.ForeignKey(
        Delegate,
        verbose_name=_("delegate"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        # A conference with registrations is part of the record: refuse to delete it.
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization represented"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # The delegations app is above this one: its models are named, not imported.
    delegation = models.ForeignKey(
        "delegations.Delegation",
        verbose_name=_("delegation"),
        on_delete=models.PROTECT,
        related_name="members",
        editable=False,
        help_text=_("That of the organization represented at the conference."),
    )
    endorsement = models.CharField(
        _("focal point's endorsement"),
        max_length=10,
        choices=Endorsement.choices,
        blank=True,
        default=Endorsement.NOT_NEEDED,
    )
    nominated_by = models.ForeignKey(
        "delegations.FocalPoint",
        verbose_name=_("nominated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="nominations",
    )
    honorific = models.CharField(
        _("honorific"), max_length=8, choices=Honorific.choices, blank=True
    )
    given_name = models.CharField(_("given name"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("International format, e.g. +47 22 24 36 00"),
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("E-mails are written to the delegate in this language."),
    )
    gender = models.CharField(
        _("gender"), max_length=80, blank=True, help_text=_("Optional, in your own words.")
    )
    is_survivor = models.BooleanField(
        _("survivor"),
        null=True,
        blank=True,
        help_text=_(
            "Optional: a survivor of landmines, cluster munitions or other explosive "
            "remnants of war."
        ),
    )
    has_disability = models.BooleanField(
        _("person with disability"), null=True, blank=True, help_text=_("Optional.")
    )

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.DELEGATE)
    mode = models.CharField(
        _("taking part"),
        max_length=10,
        choices=Participation.choices,
        default=Participation.IN_PERSON,
        help_text=_("Each way of taking part has places of its own and a waiting list."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    token = models.CharField(
        _("private access token"), max_length=64, unique=True, default=new_token, editable=False
    )
    sessions = models.ManyToManyField(
        Session, verbose_name=_("sessions attended"), blank=True, related_name="registrations"
    )
    submission_key = models.UUIDField(
        _("submission key"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Sent with the form: a form submitted twice makes one registration."),
    )

    needs_step_free_access = models.BooleanField(_("step-free access"), default=False)
    sign_language = models.CharField(
        _("sign-language interpretation"),
        max_length=100,
        blank=True,
        help_text=_("Which sign language, e.g. International Sign, Jordanian Sign Language."),
    )
    needs_captioning = models.BooleanField(_("real-time captioning"), default=False)
    needs_accessible_documents = models.BooleanField(
        _("documents in accessible formats"), default=False
    )
    has_personal_assistant = models.BooleanField(
        _("accompanied by a personal assistant"), default=False
    )
    other_accessibility_needs = models.TextField(_("other accessibility needs"), blank=True)

    sponsorship_requested = models.BooleanField(_("travel support requested"), default=False)
    sponsorship_justification = models.TextField(_("reason for travel support"), blank=True)
    is_sponsored = models.BooleanField(
        _("travel paid by the sponsorship programme"),
        default=False,
        help_text=_(
            "Set when the delegate accepts the sponsorship committee's offer; "
            "a visa letter says so."
        ),
    )

    consents_to_public_listing = models.BooleanField(
        _("listed publicly"),
        default=False,
        help_text=_("The delegate agreed to appear in the public participants list."),
    )
    privacy_accepted_at = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)

    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    anonymised_at = models.DateTimeField(
        _("anonymised"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the delegate's personal data was removed, the figures kept."),
    )

    history = HistoricalRecords(m2m_fields=[sessions])

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("view_figures", _("Can see the conference's figures"))]
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegate", "conference"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="registration_one_active_per_delegate_and_conference",
                violation_error_message=_(
                    "This e-mail address is already registered for this conference."
                ),
            ),
            models.UniqueConstraint(
                fields=["delegate", "delegation"],
                condition=Q(status="invited"),
                name="registration_one_invitation_per_delegate_and_delegation",
                violation_error_message=_("This address is already invited to the delegation."),
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role="head", status__in=ACTIVE_STATUSES),
                name="registration_one_head_per_delegation",
                violation_error_message=_("This delegation already has a head of delegation."),
            ),
        ]
        indexes = [
            models.Index(fields=["conference", "status", "created_at"]),
            # The admin lists the newest first, a page at a time.
            models.Index(fields=["-created_at"], name="registration_newest_first"),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self.new_reference()
        if not self.is_in_its_delegation():
            self.delegation = Registration.delegation_of(self.conference, self.organization)
        super().save(*args, **kwargs)

    @staticmethod
    def delegation_of(conference, organization):
        """The delegation of `organization` to `conference`, recorded the first time it is
        needed (reached through the relation: the delegations app is above this one)."""
        delegations = Registration._meta.get_field("delegation").related_model.objects
        return delegations.of(conference, organization)

    def is_in_its_delegation(self):
        """Whether the registration belongs to the delegation of the organization it
        represents at its conference: every registration does once saved."""
        if self.delegation_id is None:
            return False
        delegation = self.delegation
        return (delegation.conference_id, delegation.organization_id) == (
            self.conference_id,
            self.organization_id,
        )

    def new_reference(self):
        """A short code a delegate can read over the phone, e.g. AMM19-4F7K2."""
        while True:
            code = "".join(secrets.choice(REFERENCE_ALPHABET) for _position in range(5))
            reference = f"{self.conference.reference_prefix}-{code}"
            if not Registration.objects.filter(reference=reference).exists():
                return reference

    @staticmethod
    def validate_sessions(conference, sessions):
        """A delegate attends sessions of the conference they register for, and only those."""
        foreign = [session for session in sessions if session.conference_id != conference.pk]
        if foreign:
            raise ValidationError(
                {
                    "sessions": _("These sessions belong to another conference: %(titles)s")
                    % {"titles": ", ".join(str(session) for session in foreign)}
                }
            )

    def clean(self):
        if (
            self.is_active
            and self.conference_id
            and self.organization_id
            and head_taken(self.conference_id, self.organization_id, self.role, exclude=self.pk)
        ):
            raise ValidationError({"role": HEAD_TAKEN})

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def is_confirmed_member(self):
        """Whether the registration speaks for its delegation (as `confirmed_members()`)."""
        return self.status == Status.CONFIRMED and self.endorsement not in NOT_ENDORSED

    @property
    def joins_online(self):
        """Confirmed to take part online: may see the sessions' online meetings."""
        return self.status == Status.CONFIRMED and self.mode == Participation.ONLINE

    def name_is_settled(self):
        """Whether the person's name is settled: once checked in, or from the conference's
        first day, the name is the one checked against an identity document at the desk, and
        only an organizer corrects it."""
        today = timezone.localdate(timezone=self.conference.tzinfo)
        return today >= self.conference.start_date or self.attendances.exists()

    def check_in(self, by, day=None):
        """Mark the delegate present on `day` (today at the venue by default).

        Only confirmed delegates taking part in person are checked in. Returns False when
        they already were.
        """
        if self.status != Status.CONFIRMED:
            raise ValidationError(
                _("%(reference)s is not confirmed (%(status)s): it cannot be checked in.")
                % {"reference": self.reference, "status": self.get_status_display()}
            )
        if self.mode != Participation.IN_PERSON:
            raise ValidationError(
                _("%(reference)s takes part online: it is not checked in at the venue.")
                % {"reference": self.reference}
            )
        day = day or timezone.localdate(timezone=self.conference.tzinfo)
        _attendance, created = self.attendances.get_or_create(
            day=day, defaults={"checked_in_by": by, "name": self.full_name}
        )
        return created

    @property
    def needs_accessibility_support(self):
        return bool(self.accessibility_needs)

    @property
    def accessibility_needs(self):
        """The labels of the needs this registration states."""
        return [need.label for need in ACCESSIBILITY_NEEDS if getattr(self, need.field)]


HEAD_TAKEN = _(
    "This delegation already has a head of delegation. Choose another role, or ask the "
    "delegation's focal point or the organizers to change it."
)


def head_taken(conference_id, organization_id, role, exclude=None):
    """Whether `role` is head of delegation and another active member already heads the
    delegation of the organization at the conference: a delegation has one head at most (a
    rule of the database too)."""
    if role != Role.HEAD:
        return False
    heads = Registration.objects.filter(
        conference_id=conference_id,
        organization_id=organization_id,
        role=Role.HEAD,
        status__in=ACTIVE_STATUSES,
    )
    return heads.exclude(pk=exclude).exists() if exclude else heads.exists()
