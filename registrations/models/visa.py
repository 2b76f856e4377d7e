"""A delegate's request for a letter of invitation to show a consulate, with the passport
details the letter states.

These are the most sensitive data we hold. They live apart from the registration so that
nothing that reads a registration (its history, the exports, the lists, the API) reads them:
no history is kept of them, the admin hides them from staff without the permission of their
own (view_passport_details), and anonymising a registration deletes them first.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .people import Registration


class VisaRequest(models.Model):
    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="visa_request",
    )
    name_in_passport = models.CharField(
        _("full name as in the passport"),
        max_length=200,
        help_text=_("Exactly as the passport writes it, in Latin letters."),
    )
    nationality = CountryField(_("nationality"))
    passport_number = models.CharField(_("passport number"), max_length=20)
    passport_issued_on = models.DateField(_("passport issued on"))
    passport_expires_on = models.DateField(_("passport valid until"))
    birth_date = models.DateField(_("date of birth"))
    birth_place = models.CharField(_("place of birth"), max_length=150)
    consulate = models.CharField(
        _("embassy or consulate where you will apply"),
        max_length=200,
        help_text=_("e.g. Royal Norwegian Embassy in Amman"),
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("visa letter request")
        verbose_name_plural = _("visa letter requests")
        ordering = ["created_at"]
        permissions = [("view_passport_details", _("Can see and correct passport details"))]

    def __str__(self):
        return str(self.registration)


# The fields only staff with view_passport_details see: all but the dates of the request.
PASSPORT_FIELDS = [
    "name_in_passport",
    "nationality",
    "passport_number",
    "passport_issued_on",
    "passport_expires_on",
    "birth_date",
    "birth_place",
    "consulate",
]
