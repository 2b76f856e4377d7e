"""A delegate's own agenda: the sessions they mark, and the private address of its calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Registration, new_token


class Agenda(models.Model):
    """The sessions a delegate marks on their private page, and the private address their
    calendar subscribes to; a new address revokes the old one (registrations/agenda.py)."""

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="agenda",
    )
    sessions = models.ManyToManyField(
        "programme.Session", verbose_name=_("sessions marked"), related_name="+", blank=True
    )
    calendar_token = models.CharField(
        _("calendar's private address"),
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
    )

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def __str__(self):
        return str(self.registration)
