"""Django's Redis cache as an accelerator, never a dependency: a Redis that is down or does not
answer makes the site slower, not broken.

Every call the site makes to the cache (the page cache, the search form's lists, the rate
limits, the API's throttle) goes through these methods: when Redis fails, a read answers as a
miss and a write is dropped, one warning is logged for the outage, and for RETRY_SECONDS no
request asks Redis again, so that each pays nothing for it (a Redis that hangs would otherwise
cost every request its time-out). Then a thread of its own tries Redis again, and the cache is
used again as soon as Redis answers, without a restart. The rate limits count in each process's
memory meanwhile (`counting_cache`).

Django's caches have no such option: django-redis's IGNORE_EXCEPTIONS would bring another
client library, and does not stop asking a Redis that hangs.
"""

import functools
import hashlib
import logging
import threading
import time

import redis
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import connection, transaction

logger = logging.getLogger(__name__)

# How long after a failure no request asks Redis again.
RETRY_SECONDS = 5.0
# The connect and read time-outs given to the Redis client unless CACHE_URL sets its own.
TIMEOUT_SECONDS = 0.5


class Outage:
    """Whether the Redis at one address failed lately, shared by every cache using it in the
    process: the moment to try it again, or None. Once that moment comes, one thread of its own
    pings Redis while requests go on without it: no request waits to learn it is still out."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.Lock()
        self.retry_at = None

    def is_on(self, ping):
        """Whether Redis is to be left alone now; once it is time, `ping` it in the background."""
        retry_at = self.retry_at
        if retry_at is None:
            return False
        if time.monotonic() >= retry_at and self.lock.acquire(blocking=False):
            try:
                if self.retry_at is not None and time.monotonic() >= self.retry_at:
                    self.retry_at = time.monotonic() + RETRY_SECONDS
                    threading.Thread(target=self.probe, args=(ping,), daemon=True).start()
            finally:
                self.lock.release()
        return True

    def probe(self, ping):
        try:
            ping()
        except (redis.exceptions.RedisError, OSError):
            return  # still out: tried again after RETRY_SECONDS
        self.ended()

    def began(self, error):
        with self.lock:
            first = self.retry_at is None
            self.retry_at = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "The cache at %s does not answer (%s): pages are rendered without it until it "
                "does, and rate limits count in each process.",
                self.location,
                error.__class__.__name__,
            )

    def ended(self):
        if self.retry_at is None:
            return
        with self.lock:
            self.retry_at = None
        logger.warning("The cache at %s answers again.", self.location)


OUTAGES = {}


def outage_of(location):
    return OUTAGES.setdefault(location, Outage(location))


def answered(result):
    """What a call answers while Redis does not: `result`, whatever the call's arguments."""
    return lambda *args, **kwargs: result


def default_of(key, default=None, version=None):
    return default


def not_counted(key, delta=1, version=None):
    # As for a key that is not there: the caller counts from the start.
    raise ValueError(f"Key {key!r} not found while the cache does not answer.")


def fails_soft(fallback):
    """Make a method of the cache answer `fallback(*arguments)` while Redis does not answer."""

    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            if self.outage.is_on(self.ping):
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except (redis.exceptions.RedisError, OSError) as error:
                self.outage.began(error)
                return fallback(*args, **kwargs)
            self.outage.ended()
            return result

        return guarded

    return decorate


class ClientPerPool(RedisCacheClient):
    """Django's Redis cache client makes a redis.Redis for every call, which costs more Python
    than the call's round trip (redis-py fills a table of reply parsers each time); a redis.Redis
    is safe to share between threads, its connections taken from its pool, so one per pool
    serves every call. Django documents no way to choose the client: RedisCache's `_class` is
    its own attribute, and tests/va_conference/test_caches.py fails the day it is no longer
    used."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self.clients.get(id(pool))
        if client is None:
            client = self.clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.get("OPTIONS", {})
        params = {
            **params,
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT_SECONDS,
                "socket_timeout": TIMEOUT_SECONDS,
                **options,
            },
        }
        super().__init__(server, params)
        self._class = ClientPerPool
        self.location = server if isinstance(server, str) else ",".join(server)
        self.outage = outage_of(self.location)

    def is_available(self):
        return not self.outage.is_on(self.ping)

    @fails_soft(answered(False))
    def add(self, *args, **kwargs):
        return super().add(*args, **kwargs)

    @fails_soft(default_of)
    def get(self, *args, **kwargs):
        return super().get(*args, **kwargs)

    @fails_soft(answered(None))
    def set(self, *args, **kwargs):
        return super().set(*args, **kwargs)

    @fails_soft(answered(False))
    def touch(self, *args, **kwargs):
        return super().touch(*args, **kwargs)

    @fails_soft(answered(False))
    def delete(self, *args, **kwargs):
        return super().delete(*args, **kwargs)

    @fails_soft(answered({}))
    def get_many(self, *args, **kwargs):
        return super().get_many(*args, **kwargs)

    @fails_soft(answered(False))
    def has_key(self, *args, **kwargs):
        return super().has_key(*args, **kwargs)

    @fails_soft(not_counted)
    def incr(self, *args, **kwargs):
        return super().incr(*args, **kwargs)

    @fails_soft(lambda data, *args, **kwargs: list(data))
    def set_many(self, *args, **kwargs):
        return super().set_many(*args, **kwargs)

    @fails_soft(answered(None))
    def delete_many(self, *args, **kwargs):
        return super().delete_many(*args, **kwargs)

    @fails_soft(answered(False))
    def clear(self):
        return super().clear()

    @fails_soft(not_counted)
    def count(self, key, seconds):
        """One more under `key`, kept `seconds` from the first: the count so far, in one round
        trip to Redis but for the first (Django's add() and incr() take three). Through the
        client Django's own methods use (`_cache`, see ClientPerPool), a count as incr() keeps
        it."""
        key = self.make_and_validate_key(key)
        client = self._cache.get_client(key, write=True)
        number = client.incr(key)
        if number == 1:
            # Set once: a count whose first request failed before this keeps the time it had.
            client.expire(key, seconds, nx=True)
        return number

    def ping(self):
        """Raise if Redis does not answer now, whatever the recent outage."""
        self._cache.get_client(write=False).ping()


def is_available(cache):
    """Whether `cache` answers, as far as the process knows: a cache other than Redis always."""
    return getattr(cache, "is_available", lambda: True)()


def counting_cache(alias="rate_limits"):
    """The cache the rate limits count in: the shared one, or while it does not answer, the
    process's own memory (a limit per process rather than none)."""
    cache = caches[alias]
    return cache if is_available(cache) else caches["local_counts"]


def count(key, seconds):
    """One more under `key` in the rate limits' cache, counted from the first for `seconds`:
    the count so far. While Redis does not answer, each process counts in its own memory: a
    limit per process rather than none."""
    cache = counting_cache()
    if isinstance(cache, DatabaseCache):
        return count_in_database(cache, key, seconds)
    number = count_in(cache, key, seconds)
    if not is_available(cache):
        # Redis failed while counting.
        number = count_in(counting_cache(), key, seconds)
    return number


def count_in(cache, key, seconds):
    if isinstance(cache, ResilientRedisCache):
        try:
            return cache.count(key, seconds)
        except ValueError:
            return 1  # Redis failed: count() counts again in the process
    # A process's memory adds one atomically.
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr(): this is the window's first one.
        cache.set(key, 1, timeout=seconds)
        return 1


def count_in_database(cache, key, seconds):
    """Django's database cache adds one by reading the count and writing it plus one, so two
    requests at once could count once. Here the count is read and written in a transaction
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
        cache.set(key, number, timeout=seconds)
        return number
