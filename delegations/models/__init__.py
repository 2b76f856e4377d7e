"""Delegations: organizations taking part in a conference, their focal points, credentials and
documents, the changes to their members, and the List of Participants made from them."""

from .delegation import Credentials, Delegation, Signatory, delegation_of
from .focal_point import FocalPoint
from .official_list import ParticipantsList
from .records import Change, DelegationChange, DelegationDocument

__all__ = [
    "Change",
    "Credentials",
    "Delegation",
    "DelegationChange",
    "DelegationDocument",
    "FocalPoint",
    "ParticipantsList",
    "Signatory",
    "delegation_of",
]
