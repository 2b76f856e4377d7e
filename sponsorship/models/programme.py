"""The sponsorship programme of a conference: the donors' funds, the rates that estimate what
sponsoring a delegate costs, and the committee's view of each request for travel support.

The programme keeps its accounts in one currency per conference, its budget's: each fund's
amount is in it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from va_conference.models import Conference


class Budget(models.Model):
    """What the programme pays per delegate at one conference: the daily subsistence allowance
    (DSA) per night at the venue and the nights paid, in the programme's currency."""

    conference = models.OneToOneField(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="sponsorship_budget",
    )
    currency = models.CharField(
        _("currency"), max_length=3, default="CHF", help_text=_("Its ISO code, e.g. CHF, EUR, USD.")
    )
    dsa_rate = models.DecimalField(
        _("DSA per night"), max_digits=8, decimal_places=2, help_text=_("At the venue's city.")
    )
    nights = models.PositiveSmallIntegerField(
        _("nights paid"),
        help_text=_("Per sponsored delegate: usually the days of the meeting and one more."),
    )
    summary = models.OneToOneField(
        "programme.Document",
        verbose_name=_("public summary"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The report's summary without names, once published as an official document."),
    )

    class Meta:
        verbose_name = _("sponsorship budget")
        verbose_name_plural = _("sponsorship budgets")

    def __str__(self):
        return str(self.conference)


class Pays(models.TextChoices):
    TRAVEL = "travel", _("Travel")
    DSA = "dsa", _("Daily subsistence allowance (DSA)")
    BOTH = "both", _("Travel and DSA")


class Fund(models.Model):
    """A donor's contribution to the programme at one conference."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="funds"
    )
    donor = models.CharField(_("donor"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    pays = models.CharField(_("pays for"), max_length=10, choices=Pays.choices, default=Pays.BOTH)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["conference", "donor"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="fund_amount_positive",
                violation_error_message=_("A fund's amount is more than nothing."),
            ),
        ]

    def __str__(self):
        return self.donor


class FareEstimate(models.Model):
    """What a return ticket to the conference costs from one country, as the programme estimates
    it and corrects it from the tickets it buys."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="fare_estimates",
    )
    country = CountryField(_("country of departure"))
    amount = models.DecimalField(_("return fare"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("fare estimate")
        verbose_name_plural = _("fare estimates")
        ordering = ["conference", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "country"],
                name="one_fare_estimate_per_country",
                violation_error_message=_("This country already has its estimate."),
            ),
        ]

    def __str__(self):
        return f"{self.country.name}: {self.amount}"


class Candidacy(models.Model):
    """The committee's view of one request for travel support: its score and notes."""

    registration = models.OneToOneField(
        "registrations.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="candidacy",
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
        help_text=_("From 0 to 10, as the committee weighs the candidate."),
    )
    notes = models.TextField(_("the committee's notes"), blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        constraints = [
            models.CheckConstraint(condition=Q(score__lte=10), name="candidacy_score_at_most_ten"),
        ]

    def __str__(self):
        return str(self.registration)

    @classmethod
    def personal_data(cls, registration, reader):
        """For the delegate's personal-data export (registrations/personal_data.py), as far as
        the staff member `reader` who exports it may see it."""
        candidacy = cls.objects.filter(registration=registration).first()
        if candidacy is None:
            return None
        if reader is None or not reader.has_perm("sponsorship.view_candidacy"):
            return str(_("Held: the sponsorship committee exports it."))
        return {"score": candidacy.score, "notes": candidacy.notes}

    @classmethod
    def forget_personal_data(cls, registration):
        """Anonymising keeps the score the figures may count, not what the notes say."""
        cls.objects.filter(registration=registration).update(notes="", updated_by=None)


class OfferKind(models.TextChoices):
    FULL = "full", _("Full: travel and DSA")
    PARTIAL = "partial", _("Partial")


class OfferState(models.TextChoices):
    OFFERED = "offered", _("Offered, waiting for an answer")
    ACCEPTED = "accepted", pgettext_lazy("offer", "Accepted")
    DECLINED = "declined", pgettext_lazy("offer", "Declined")
    LAPSED = "lapsed", _("Lapsed: not accepted by its deadline")
    WITHDRAWN = "withdrawn", pgettext_lazy("offer", "Withdrawn")


# The offers that hold money of their fund: waiting for an answer, or accepted.
COMMITTING = (OfferState.OFFERED, OfferState.ACCEPTED)


class Offer(models.Model):
    """The committee's offer to sponsor one candidate, from one fund, to be accepted by a
    deadline (sponsorship/offers.py holds the rules)."""

    registration = models.ForeignKey(
        "registrations.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="sponsorship_offers",
    )
    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="offers"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=OfferKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    deadline = models.DateField(_("to accept by"))
    state = models.CharField(
        _("state"), max_length=10, choices=OfferState.choices, default=OfferState.OFFERED
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    offered_at = models.DateTimeField(_("offered"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    name_in_passport = models.CharField(_("name as in the passport"), max_length=200, blank=True)
    departure_city = models.CharField(_("city of departure"), max_length=200, blank=True)
    ended_at = models.DateTimeField(_("lapsed or withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    absence_reason = models.TextField(
        _("why they did not come"),
        blank=True,
        help_text=_("For a sponsored delegate who did not come, or came for part of the meeting."),
    )

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-offered_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="offer_amount_positive",
                violation_error_message=_("An offer is of more than nothing."),
            ),
            # One offer at a time holds money for a registration.
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(state__in=["offered", "accepted"]),
                name="one_live_offer_per_registration",
            ),
        ]

    def __str__(self):
        return f"{self.registration}: {self.amount} ({self.fund})"

    @property
    def holds_money(self):
        return self.state in COMMITTING

    @classmethod
    def personal_data(cls, registration, reader):
        """For the delegate's personal-data export (registrations/personal_data.py): the offers
        made to them, as far as the staff member `reader` who exports it may see them."""
        made = list(cls.objects.filter(registration=registration).select_related("fund", "ticket"))
        if not made:
            return None
        if reader is None or not reader.has_perm("sponsorship.view_offer"):
            return str(_("Held: the sponsorship committee exports it."))
        return [
            {
                "fund": str(offer.fund),
                "kind": offer.get_kind_display(),
                "amount": offer.amount,
                "deadline": offer.deadline,
                "state": offer.get_state_display(),
                "offered_at": offer.offered_at,
                "answered_at": offer.answered_at,
                "name_in_passport": offer.name_in_passport,
                "departure_city": offer.departure_city,
                "ended_at": offer.ended_at,
                "absence_reason": offer.absence_reason,
                "ticket": ticket_data(offer),
            }
            for offer in made
        ]

    @classmethod
    def forget_personal_data(cls, registration):
        """Anonymising keeps what the report to donors counts (fund, amount, state), not the
        name in the passport nor the city."""
        cls.objects.filter(registration=registration).update(
            name_in_passport="", departure_city="", absence_reason="", offered_by=None
        )
        # The ticket keeps its cost and the DSA paid; its itinerary and e-ticket name the person.
        from .travel import Ticket

        for ticket in Ticket.objects.filter(offer__registration=registration):
            ticket.forget_personal_data()


def ticket_data(offer):
    ticket = getattr(offer, "ticket", None)
    if ticket is None:
        return None
    return {
        "itinerary": ticket.itinerary,
        "cost": ticket.cost,
        "dsa_paid": ticket.dsa_paid,
        "dsa_paid_on": ticket.dsa_paid_on,
    }
