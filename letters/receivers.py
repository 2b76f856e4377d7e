"""What letters follow of the registrations: a visa letter invites a confirmed delegate, and
stops doing so once the registration is declined, cancelled or wait-listed.

A receiver of the registration's post_save, because every way a status changes saves the
registration (the workflow, the admin's form, a focal point's withdrawal) and the
registrations know nothing of letters.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from registrations.models import Registration, Status

from . import issuing
from .models import Kind, Letter


@receiver(post_save, sender=Registration)
def withdraw_visa_letter_of_the_no_longer_invited(sender, instance, created, **kwargs):
    """The verification page then says "withdrawn", and the delegate's page offers it no more;
    a certificate of attendance stays true whatever becomes of the registration."""
    if created or instance.status == Status.CONFIRMED:
        return
    issuing.withdraw(Letter.objects.filter(registration=instance, kind=Kind.VISA), by=None)
