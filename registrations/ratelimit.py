"""A limit on how often one client may submit the public forms.

The client is known by its address, as the trusted reverse proxies tell it
(va_conference/proxies.py): behind a proxy, every visitor would otherwise share the proxy's
address and one of them could block registration for all. Counts live in the `rate_limits`
cache, in windows of an hour: in the database, or in Redis with CACHE_URL, so that every
process and server counts the same submissions (each process its own while Redis does not
answer).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction

from va_conference.caching import counting_cache, is_available
from va_conference.proxies import client_key

WINDOW_SECONDS = 3600


def is_over_limit(request):
    """Count this submission; True once the client has used up its hour's allowance."""
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    return count(f"public-form:{client_key(request)}:{window}") > limit


def count(key):
    """One more under `key`: the count so far. While Redis does not answer, each process
    counts in its own memory (va_conference/caching.py): a limit per process rather than none."""
    cache = counting_cache()
    if isinstance(cache, DatabaseCache):
        return count_in_database(cache, key)
    number = count_in(cache, key)
    if not is_available(cache):
        # Redis failed while counting.
        number = count_in(counting_cache(), key)
    return number


def count_in(cache, key):
    # Redis (and a process's memory) adds one atomically.
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr(): this is the window's first one.
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def count_in_database(cache, key):
    """Django's database cache adds one by reading the count and writing it plus one, so two
    submissions at once could count once. Here the count is read and written in a transaction
    that holds a lock on the key: PostgreSQL's advisory lock, or on SQLite the database's one
    write lock, which every transaction here takes as it begins."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, signed=True)]
                )
        number = cache.get(key, 0) + 1
        cache.set(key, number, timeout=WINDOW_SECONDS)
        return number


def retry_after():
    """Seconds until the current window ends."""
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
