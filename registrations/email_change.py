"""Moving a registration to a new e-mail address, once the new address has shown it reads us.

The private page asks for the new address; a link is sent to it, carrying the address and the
registration's private token, signed. Following the link (within MAX_AGE) and confirming moves
the registration. The link dies once used, since the move gives the registration a new token, and
whenever the token changes for another reason.
"""

from django.core import signing

MAX_AGE = 3 * 24 * 3600
SALT = "registrations.email-change"


class InvalidKey(Exception):
    """The link is altered, expired, or was made for another private link."""


def key_for(registration, email):
    return signing.dumps({"token": registration.token, "email": email}, salt=SALT)


def address_in(registration, key):
    """The new address the key confirms for `registration`; raises InvalidKey."""
    try:
        value = signing.loads(key, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        raise InvalidKey from None
    if not isinstance(value, dict) or value.get("token") != registration.token:
        raise InvalidKey
    return value["email"]
