"""A limit on how often one client address may submit the public forms.

Counts live in Django's cache, in windows of an hour. With several web servers, the cache must
be shared between them (the database or a cache server) for the limit to hold across them.
"""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request):
    # Behind a proxy, REMOTE_ADDR is the proxy's unless the proxy sets it to the client's
    # (gunicorn does with --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "")


def is_over_limit(request):
    """Count this submission; True once the address has used up its hour's allowance."""
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
