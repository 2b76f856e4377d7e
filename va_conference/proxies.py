"""The address of the client a request comes from, behind the reverse proxies we trust, and the
key the limits count each client by.

Behind a reverse proxy, REMOTE_ADDR is the proxy's address for every visitor. Each trusted proxy
appends the address it received the request from to X-Forwarded-For; read from the right, the
first address that is not one of the trusted proxies' (settings.TRUSTED_PROXIES, a list of
networks) is the client's. Addresses further left were written by the client itself and prove
nothing, and a request that does not come from a trusted proxy is believed in nothing it writes
in the header: a client reaching the app directly cannot choose its address.
"""

import ipaddress

from django.conf import settings

# An IPv6 client is given a /64 of its own, and can use any address in it: counted as one.
IPV6_CLIENT_PREFIX = 64


def parse(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def is_in(address, networks):
    """Whether `address` (an ipaddress address, or None) is in one of `networks`."""
    return address is not None and any(address in network for network in networks)


def is_trusted_proxy(address):
    return is_in(address, settings.TRUSTED_PROXIES)


def client_address(request):
    """The client's address, as a string."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(parse(remote)):
        return remote
    forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    client = remote
    for item in reversed([item for item in forwarded if item]):
        address = parse(item)
        if address is None:
            # Written by the client, or garbled: the last address believed is the client's.
            break
        client = str(address)
        if not is_trusted_proxy(address):
            break
    return client


def client_key(request):
    """What the limits count a client by: its address, or for IPv6 the first address of its
    /64 (rotating addresses within it gives nothing)."""
    address = parse(client_address(request))
    if address is None:
        return request.META.get("REMOTE_ADDR", "")
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    network = ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False)
    return str(network.network_address)
