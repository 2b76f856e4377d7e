"""What the sponsorship programme follows of the registrations: an offer is for a registration
under way, and is withdrawn once it is declined or cancelled, its money free again.

A receiver of the registration's post_save, because every way a status changes saves the
registration, and the registrations know nothing of sponsorship.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from registrations.models import ACTIVE_STATUSES, Registration

from .models import Offer
from .offers import withdraw


@receiver(post_save, sender=Registration)
def withdraw_the_offer_of_a_registration_ended(sender, instance, created, **kwargs):
    if created or instance.status in ACTIVE_STATUSES:
        return
    if withdraw(Offer.objects.filter(registration=instance)):
        # The instance is not written again with the sponsorship it no longer has.
        instance.refresh_from_db(fields=["is_sponsored"])
