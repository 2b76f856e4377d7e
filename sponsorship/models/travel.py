"""What the programme pays for an accepted offer: the delegate's ticket, with the e-ticket the
delegate downloads from their private page, and the daily subsistence allowance (DSA) paid."""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _

from sessions.models.checked_file import (
    CheckedFile,
    WithoutText,
    delete_stored_file,
    stored_file_name,
)

from .programme import Offer


class PaidHow(models.TextChoices):
    BANK = "bank", _("Bank transfer")
    CASH = "cash", _("Cash, at the venue")
    CARD = "card", _("Prepaid card")


class Ticket(CheckedFile):
    """The ticket bought for an accepted offer: its itinerary, what it cost, the e-ticket as a
    PDF (never public: the delegate and the committee read it), and the DSA paid."""

    FOLDER = "tickets"

    offer = models.OneToOneField(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="ticket"
    )
    itinerary = models.TextField(_("itinerary"), help_text=_("Flights, dates and times."))
    cost = models.DecimalField(_("ticket's cost"), max_digits=10, decimal_places=2)
    file = models.FileField(_("e-ticket (PDF)"), upload_to=stored_file_name, max_length=200)
    dsa_paid = models.DecimalField(
        _("DSA paid"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    dsa_paid_on = models.DateField(_("DSA paid on"), null=True, blank=True)
    dsa_paid_how = models.CharField(
        _("DSA paid by"), max_length=10, choices=PaidHow.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    objects = WithoutText()

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")

    def __str__(self):
        return str(self.offer)

    def forget_personal_data(self):
        """Anonymising keeps what the ticket cost and the DSA paid, for the report to donors;
        the itinerary and the e-ticket, which name the person, go (the file once committed)."""
        if self.file:
            storage, name = self.file.storage, self.file.name
            transaction.on_commit(lambda: storage.delete(name))
        Ticket.objects.filter(pk=self.pk).update(itinerary="", file="", text="")

    @property
    def actual_cost(self):
        """What the programme paid: the ticket, and the DSA once paid."""
        return self.cost + (self.dsa_paid or 0)


post_delete.connect(delete_stored_file, sender=Ticket)
