"""A limit on how often one client may submit the public forms.

The client is known by its address, as the trusted reverse proxies tell it
(va_conference/proxies.py): behind a proxy, every visitor would otherwise share the proxy's
address and one of them could block registration for all. Counts live in the `rate_limits`
cache, in windows of an hour: in the database, or in Redis with CACHE_URL, so that every
process and server counts the same submissions (each process its own while Redis does not
answer).
"""

import time

from django.conf import settings

from va_conference import caching
from va_conference.proxies import client_key

WINDOW_SECONDS = 3600


def is_over_limit(request):
    """Count this submission; True once the client has used up its hour's allowance."""
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    return caching.count(f"public-form:{client_key(request)}:{window}", WINDOW_SECONDS) > limit


def retry_after():
    """Seconds until the current window ends."""
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
