"""The documents the secretariat issues to a delegate: visa invitation letters and
certificates of attendance, each numbered, recorded and verifiable; and the letterhead of
each conference they are printed on.

A letter states what was true when it was issued: what it says (the name, the days, the
passport details of a visa letter) is kept with it, so that the PDF reads the same every time
it is downloaded and the verification page answers for the document as issued. A correction
means withdrawing the letter and issuing a new one.
"""

import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registrations.models import REFERENCE_ALPHABET, Registration
from va_conference.models import ChoiceLabels, Conference

# 16 characters of 32: 80 random bits, read aloud or typed without confusion.
REFERENCE_LENGTH = 16
IMAGE_TYPES = ["png", "jpg", "jpeg"]
IMAGE_MAX_BYTES = 2 * 1024 * 1024


def image_at_most_2_mb(image):
    if image.size > IMAGE_MAX_BYTES:
        raise ValidationError(_("The image is larger than 2 MB: save it smaller."))


def image_name(instance, filename):
    # A random name: the image is read only to print letters.
    suffix = PurePath(filename).suffix.lower()[:5]
    return f"letterheads/{uuid.uuid4().hex}{suffix}"


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _position in range(REFERENCE_LENGTH))
    return "-".join(code[start : start + 4] for start in range(0, REFERENCE_LENGTH, 4))


class Letterhead(models.Model):
    """What each letter of a conference is printed with: its logo, and who signs."""

    conference = models.OneToOneField(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="letterhead",
    )
    logo = models.ImageField(
        _("logo"),
        upload_to=image_name,
        blank=True,
        validators=[FileExtensionValidator(IMAGE_TYPES), image_at_most_2_mb],
        help_text=_("PNG or JPEG, 2 MB at most; printed at the top of each letter."),
    )
    signature = models.ImageField(
        _("signature"),
        upload_to=image_name,
        blank=True,
        validators=[FileExtensionValidator(IMAGE_TYPES), image_at_most_2_mb],
        help_text=_("PNG or JPEG, 2 MB at most: the signatory's signature, scanned."),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=200)
    signatory_title = models.CharField(
        _("signatory's title"),
        max_length=300,
        help_text=_("e.g. Head of the Implementation Support Unit"),
    )
    sender = models.CharField(
        _("issued by"),
        max_length=300,
        help_text=_("The body that writes the letters, e.g. Implementation Support Unit."),
    )

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterheads")

    def __str__(self):
        return str(self.conference)

    def save(self, *args, **kwargs):
        replaced = []
        if self.pk:
            before = Letterhead.objects.filter(pk=self.pk).values("logo", "signature").first()
            for name in ("logo", "signature"):
                if before and before[name] and before[name] != getattr(self, name).name:
                    replaced.append(before[name])
        super().save(*args, **kwargs)
        storage = self.logo.storage
        for name in replaced:
            # A replaced image goes once the new one is recorded.
            transaction.on_commit(lambda name=name: storage.delete(name))


class Kind(models.TextChoices):
    VISA = "visa", _("Visa invitation letter")
    ATTENDANCE = "attendance", _("Certificate of attendance")


# The letter's number shows its kind: 14MSP/VL/0007, 14MSP/CA/0012.
NUMBER_CODES = {Kind.VISA: "VL", Kind.ATTENDANCE: "CA"}


class LetterQuerySet(models.QuerySet):
    def in_force(self):
        """Issued and not withdrawn."""
        return self.filter(withdrawn_at=None)


class Letter(ChoiceLabels, models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.PROTECT, related_name="letters"
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.PROTECT,
        related_name="letters",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    serial = models.PositiveIntegerField(_("serial number"), editable=False)
    reference = models.CharField(
        _("verification reference"),
        max_length=REFERENCE_LENGTH + 3,
        unique=True,
        default=new_reference,
        editable=False,
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    name = models.CharField(
        _("name stated"),
        max_length=200,
        blank=True,
        help_text=_("As the document names the delegate; empty once their data is anonymised."),
    )
    first_day = models.DateField(_("first day stated"))
    last_day = models.DateField(_("last day stated"))
    days = models.JSONField(
        _("days present"),
        default=list,
        blank=True,
        help_text=_("A certificate's days, as ISO dates."),
    )
    # Everything else the document states (role, delegation, a visa letter's passport
    # details): never shown in the admin, deleted on anonymisation.
    particulars = models.JSONField(default=dict, blank=True, editable=False)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the delegate downloaded their certificate themselves."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters and certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "kind", "serial"], name="letter_number_unique"
            ),
            models.UniqueConstraint(
                fields=["registration", "kind"],
                condition=Q(withdrawn_at=None),
                name="letter_one_in_force_per_registration_and_kind",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def number(self):
        return f"{self.conference.reference_prefix}/{NUMBER_CODES[self.kind]}/{self.serial:04d}"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @classmethod
    def forget_personal_data(cls, registration):
        """Called when `registration` is anonymised: its letters stop naming anyone."""
        cls.objects.filter(registration=registration).update(name="", particulars={})

    @classmethod
    def forget_visa_details(cls, registration):
        """Called when the delegate of `registration` withdraws their visa request: the visa
        letters withdrawn earlier, which stated the same passport details, stop stating them."""
        cls.objects.filter(registration=registration, kind=Kind.VISA).update(
            name="", particulars={}
        )
