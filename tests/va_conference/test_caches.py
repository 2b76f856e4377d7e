"""Which cache holds what: with CACHE_URL everything in Redis, shared by every server; without
it everything in tables of the database (Django's database cache), which every process shares
too."""

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ConferenceFactory
from va_conference import page_cache
from va_conference.environment import (
    CACHE_ALIASES,
    CACHE_TABLES,
    RATE_LIMITS_TABLE,
    caches_from_url,
)

REDIS = "va_conference.caching.ResilientRedisCache"
LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def test_without_cache_url_every_cache_is_a_table_of_the_database():
    configured = caches_from_url("")
    assert set(configured) == {*CACHE_ALIASES, "page_copies", "local_counts"}
    assert configured.pop("page_copies")["BACKEND"] == LOCAL_MEMORY
    assert configured.pop("local_counts")["BACKEND"] == LOCAL_MEMORY
    for alias, cache in configured.items():
        assert cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        assert cache["LOCATION"] == CACHE_TABLES[alias]
    assert configured["rate_limits"]["LOCATION"] == RATE_LIMITS_TABLE


def test_with_cache_url_every_cache_is_in_redis_under_its_own_prefix():
    url = "redis://cache.example.org:6379/2"
    configured = caches_from_url(url)
    assert set(configured) == {*CACHE_ALIASES, "page_copies", "local_counts"}
    assert configured.pop("page_copies")["BACKEND"] == LOCAL_MEMORY
    assert configured.pop("local_counts")["BACKEND"] == LOCAL_MEMORY
    for cache in configured.values():
        assert (cache["BACKEND"], cache["LOCATION"]) == (REDIS, url)
    assert len({cache["KEY_PREFIX"] for cache in configured.values()}) == len(CACHE_ALIASES)


def test_a_cache_url_that_is_not_redis_is_refused():
    with pytest.raises(ImproperlyConfigured):
        caches_from_url("memcached://127.0.0.1:11211")


@pytest.mark.django_db
def test_the_migrations_make_every_cache_table():
    assert set(CACHE_TABLES.values()) <= set(connection.introspection.table_names())


@pytest.mark.django_db
def test_without_cache_url_pages_are_kept_in_the_database(client, settings):
    """A page one gunicorn worker kept serves the visitors of every other: it is a row."""
    settings.CACHES = caches_from_url("")
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()
    conference = ConferenceFactory()
    path = f"/en/conferences/{conference.slug}/programme/"

    first = client.get(path)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {CACHE_TABLES['pages']}")
        keys = [row[0] for row in cursor.fetchall()]
    assert [key for key in keys if "/programme/" in key]
    # Another process has no copy of its own yet: it reads the page's row, then keeps a copy.
    caches["page_copies"].clear()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(path)
    assert again.content == first.content
    assert len(captured) <= 2  # the cache version (at most once a second) and the page's row
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).content == first.content
    assert not [query for query in captured if CACHE_TABLES["pages"] in query["sql"]]


@pytest.mark.django_db
def test_with_redis_pages_and_rate_limits_are_kept_there(client, settings, redis_url, empty_redis):
    settings.CACHES = caches_from_url(redis_url)
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()
    conference = ConferenceFactory()

    assert client.get(f"/en/conferences/{conference.slug}/programme/").status_code == 200
    client.post(
        f"/en/conferences/{conference.slug}/register/lost-link/", {"email": "a@example.org"}
    )

    keys = [key.decode() for key in empty_redis.scan_iter()]
    assert [key for key in keys if key.startswith("pages:") and "/programme/" in key]
    assert [key for key in keys if key.startswith("rate_limits:") and "public-form" in key]


def test_a_redis_cache_makes_one_client_for_all_its_calls(settings, redis_url, empty_redis):
    settings.CACHES = caches_from_url(redis_url)
    cache = caches["pages"]

    cache.set("one", 1)
    cache.set("two", 2)

    assert cache.get_many(["one", "two"]) == {"one": 1, "two": 2}
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=True)
    assert cache._cache.get_client() is cache._cache.get_client()


def test_redis_counts_in_one_round_trip_and_forgets_the_window(settings, redis_url, empty_redis):
    settings.CACHES = caches_from_url(redis_url)
    cache = caches["rate_limits"]

    assert [cache.count("window", 60) for _request in range(3)] == [1, 2, 3]

    assert cache.get("window") == 3
    key = cache.make_and_validate_key("window")
    assert 0 < empty_redis.ttl(key) <= 60
