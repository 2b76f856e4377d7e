"""Nothing an anonymous request sends makes the server write: the page cache keeps a page only
under the query parameters it knows, and /healthz checks what writes only for the load balancer."""

import random
import string

import pytest
from django.core.cache import caches

from tests.factories import ConferenceFactory, SessionFactory
from va_conference import page_cache

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.shared_parts]


@pytest.fixture(autouse=True)
def pages_kept(settings):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()


def entries(alias):
    """How many entries the cache holds: in a process's memory, or in Redis."""
    cache = caches[alias]
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):
        return len(cache._cache)
    return cache._cache.get_client(None, write=False).dbsize()


def kept():
    return entries("pages"), entries("page_copies")


def random_query():
    words = ["".join(random.choices(string.ascii_lowercase, k=6)) for _word in range(2)]
    return f"{words[0]}={words[1]}"


@pytest.fixture
def conference():
    conference = ConferenceFactory(slug="oslo-2030", is_published=True)
    SessionFactory(conference=conference, title_en="Opening")
    return conference


def test_a_hundred_random_query_strings_add_no_cache_entry(client, conference):
    pages = ["/en/", f"/en/conferences/{conference.slug}/programme/"]
    for path in pages:
        assert client.get(path).status_code == 200
    before = kept()

    for _request in range(50):
        for path in pages:
            response = client.get(f"{path}?{random_query()}")
            assert response.status_code == 200
            assert "Opening" in response.content.decode() or path == "/en/"

    assert kept() == before


def test_a_page_is_kept_for_each_value_it_knows_and_served_for_others(client, conference):
    states = f"/en/conferences/{conference.slug}/states/"
    client.get(states + "?sort=state&order=desc")
    before = kept()
    # An unknown parameter, a value the page ignores, a parameter twice: the kept page.
    for query in ["sort=state&order=desc&x=1", "sort=state&order=desc&crpd=nonsense"]:
        response = client.get(f"{states}?{query}")
        assert response.status_code == 200
        assert 'name="order" value="desc"' in response.content.decode()
    client.get(states + "?order=sideways&sort=nothing")
    assert kept() == before
    # A value it knows is a page of its own.
    client.get(states + "?sort=state&order=asc")
    assert kept() > before


def test_healthz_from_an_anonymous_address_writes_nothing(client, local_disk):
    before = (entries("rate_limits"), *kept())
    for _probe in range(20):
        response = client.get("/healthz", REMOTE_ADDR="203.0.113.9")
        assert (response.status_code, response.content) == (200, b"ok\n")
    assert (entries("rate_limits"), *kept()) == before
    assert not any(path.is_file() for path in local_disk.rglob("*"))


@pytest.fixture
def storage_that_fails(settings, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the storage expects a folder")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(blocked)},
        },
    }


def test_healthz_checks_the_storage_for_the_load_balancer_alone(
    client, settings, storage_that_fails
):
    settings.HEALTH_CHECK_TOKEN = "probe-token-of-the-load-balancer"
    assert client.get("/healthz", REMOTE_ADDR="203.0.113.9").status_code == 200
    deep = client.get(
        "/healthz",
        REMOTE_ADDR="203.0.113.9",
        HTTP_AUTHORIZATION="Bearer probe-token-of-the-load-balancer",
    )
    assert (deep.status_code, deep.content) == (503, b"failed: storage\n")
    wrong = client.get("/healthz", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer guess")
    assert wrong.status_code == 200
    # From the load balancer's own network, no token is needed.
    assert client.get("/healthz", REMOTE_ADDR="127.0.0.1").status_code == 503
