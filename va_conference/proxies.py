"""The address of the client a request comes from, behind the reverse proxies we trust.

Behind a reverse proxy, REMOTE_ADDR is the proxy's address for every visitor. Each trusted
proxy appends the address it received the request from to X-Forwarded-For, so with N trusted
proxies the client is the Nth address from the right. Addresses further left were written by
the client itself and prove nothing. With TRUSTED_PROXIES=0 (the default) the header is
ignored: a client could otherwise choose its own address.
"""

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if not proxies:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < proxies:
        # The header is shorter than the proxies should have made it: a request that did not
        # come through all of them. The nearest address is the only one we know to be true.
        return forwarded[0] if forwarded else remote
    return forwarded[-proxies]
