"""A limit on how often one client may submit the public forms.

The client is known by its address, as the trusted reverse proxies tell it
(va_conference/proxies.py): behind a proxy, every visitor would otherwise share the proxy's
address and one of them could block registration for all. Counts live in Django's cache, in
windows of an hour. With several web servers, the cache must be shared between them (the
database or a cache server) for the limit to hold across them.
"""

import time

from django.conf import settings
from django.core.cache import cache

from va_conference.proxies import client_address

WINDOW_SECONDS = 3600


def is_over_limit(request):
    """Count this submission; True once the client has used up its hour's allowance."""
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    key = f"public-form:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr(): this is the window's first submission.
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count > limit


def retry_after():
    """Seconds until the current window ends."""
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
