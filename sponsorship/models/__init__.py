"""The sponsorship programme's models:

- programme.py: the funds, the rates, the fare estimates, the committee's candidacies and
  offers;
- travel.py: what the programme pays for each accepted offer: the ticket and the DSA.
"""

from .programme import (
    COMMITTING,
    Budget,
    Candidacy,
    FareEstimate,
    Fund,
    Offer,
    OfferKind,
    OfferState,
    Pays,
)
from .travel import PaidHow, Ticket

__all__ = [
    "COMMITTING",
    "Budget",
    "Candidacy",
    "FareEstimate",
    "Fund",
    "Offer",
    "OfferKind",
    "OfferState",
    "PaidHow",
    "Pays",
    "Ticket",
]
