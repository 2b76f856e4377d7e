"""The List of Participants of a conference and its Addenda, as official documents."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sessions.models import Document
from va_conference.models import ChoiceLabels, Conference


class ParticipantsList(ChoiceLabels, models.Model):
    """The List of Participants (one per conference) or an Addendum to it (changes after the
    list's date). Published, it becomes an official document of the conference, with its
    symbol, a PDF in each language of the public edition."""

    class Kind(models.TextChoices):
        LIST = "list", _("List of Participants")
        ADDENDUM = "addendum", _("Addendum")

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="participants_lists",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LIST)
    symbol = models.CharField(
        _("document symbol"),
        max_length=60,
        help_text=_("As issued, e.g. CCM/MSP/2012/INF.1, or CCM/MSP/2012/INF.1/Add.1."),
    )
    date = models.DateField(
        _("date"),
        help_text=_(
            "The list states the delegations as they stood on this day; an Addendum, "
            "the changes after the list's date up to its own."
        ),
    )
    document = models.OneToOneField(
        Document,
        verbose_name=_("published as"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="participants_list",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("List of Participants")
        verbose_name_plural = _("Lists of Participants")
        ordering = ["conference", "kind", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference"],
                condition=Q(kind="list"),
                name="participants_list_one_per_conference",
                violation_error_message=_("This conference already has a List of Participants."),
            ),
            models.UniqueConstraint(
                fields=["symbol"],
                name="participants_list_symbol_unique",
                violation_error_message=_("A list with this symbol already exists."),
            ),
        ]

    def __str__(self):
        return f"{self.symbol} ({self.get_kind_display()})"
