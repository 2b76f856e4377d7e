"""The cache is an accelerator, never a dependency: with Redis refusing connections, or taking
them and never answering, every public page, the search, the API and registration answer from
the database, and once the first request has found Redis out none asks it again (so none waits
for its time-out: how long a page takes is measured in bench/); /healthz names the cache;
the rate limits count in each process meanwhile; and once Redis is back, pages are kept in it
again without a restart."""

import logging
import socket
import subprocess
import time
from collections import Counter

import pytest
import redis

from tests.factories import StateFactory, conference_open_for_registration
from tests.registrations.conftest import answers, free_port
from va_conference import caching, page_cache
from va_conference.environment import CACHE_ALIASES

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.shared_parts]

RESILIENT = "va_conference.caching.ResilientRedisCache"


@pytest.fixture
def caches_at(settings):
    """Point every shared cache at `location`; put back before the caches are cleared."""
    kept = settings.CACHES
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.forget_content_version()
    caching.OUTAGES.clear()

    def point(location):
        settings.CACHES = {
            **kept,
            **{
                alias: {"BACKEND": RESILIENT, "LOCATION": location, "KEY_PREFIX": alias}
                for alias in CACHE_ALIASES
            },
        }

    yield point
    settings.CACHES = kept
    caching.OUTAGES.clear()


@pytest.fixture
def redis_commands(monkeypatch):
    """Count the commands sent to Redis, each still sent. No outage ends on its own meanwhile:
    the background retry would send one."""
    monkeypatch.setattr(caching, "RETRY_SECONDS", 3600)
    sent = Counter()
    execute = redis.Redis.execute_command

    def counted(self, *args, **options):
        sent[args[0]] += 1
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    return sent


REGISTER = "/en/conferences/workshop-2030/register/"


def pages_of(public_site):
    pages = [page for page in public_site.pages if page != "/healthz"]
    pages.append(f"/en/statements/?q={public_site.statement.organization.name_en}")
    return pages


@pytest.fixture
def open_conference(db):
    return conference_open_for_registration(slug="workshop-2030")


def assert_served_from_the_database(client, public_site, redis_commands):
    """Every page answers, and none asks Redis once it is known to be out."""
    redis_commands.clear()
    for path in pages_of(public_site):
        assert client.get(path).status_code == 200, path
    assert client.get(REGISTER).status_code == 200
    response = client.post(REGISTER, answers(StateFactory(country="JO")))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert not redis_commands


def test_with_redis_refusing_every_page_answers_from_the_database(
    client,
    caches_at,
    public_site,
    open_conference,
    redis_commands,
    caplog,
):
    caches_at(f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="va_conference.caching"):
        assert client.get("/en/").status_code == 200  # finds Redis out
        assert redis_commands
        assert_served_from_the_database(client, public_site, redis_commands)
    assert len([r for r in caplog.records if r.name == "va_conference.caching"]) == 1
    health = client.get("/healthz")
    assert (health.status_code, health.content) == (503, b"failed: cache\n")
    anonymous = client.get("/healthz", REMOTE_ADDR="203.0.113.9")
    assert (anonymous.status_code, anonymous.content) == (503, b"failed: cache\n")


def test_with_redis_silent_only_the_first_request_waits_for_it(
    client,
    caches_at,
    public_site,
    open_conference,
    redis_commands,
):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        caches_at(f"redis://127.0.0.1:{silent.getsockname()[1]}/0")
        assert client.get("/en/").status_code == 200
        # One time-out, not one per call the page makes to the cache.
        assert redis_commands.total() == 1
        assert_served_from_the_database(client, public_site, redis_commands)


def test_while_redis_is_out_the_rate_limits_count_in_the_process(
    client, settings, caches_at, public_site
):
    caches_at(f"redis://127.0.0.1:{free_port()}/0")
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    lost_link = f"/en/conferences/{public_site.conference.slug}/register/lost-link/"
    statuses = [
        client.post(lost_link, {"email": "someone@example.org"}).status_code for _try in range(3)
    ]
    assert statuses == [200, 200, 429]


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of the test's own, that the test stops and starts again."""
    port = free_port()
    command = [
        "redis-server",
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(tmp_path),
    ]
    running = []

    def start():
        running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
        connection = redis.Redis(port=port, socket_connect_timeout=0.2)
        for _try in range(50):
            try:
                connection.ping()
                return
            except redis.RedisError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop():
        process = running.pop()
        process.terminate()
        process.wait(5)

    start()
    yield port, start, stop
    while running:
        stop()


def test_once_redis_is_back_pages_are_kept_in_it_again_without_a_restart(
    client, caches_at, public_site, redis_server, monkeypatch
):
    monkeypatch.setattr(caching, "RETRY_SECONDS", 0.2)
    port, start, stop = redis_server
    caches_at(f"redis://127.0.0.1:{port}/0")
    kept = redis.Redis(port=port)
    assert client.get("/en/").status_code == 200
    assert kept.dbsize() > 0

    stop()
    overview = f"/en/conferences/{public_site.conference.slug}/"
    assert client.get(overview).status_code == 200
    assert not caches_at_available()

    start()
    time.sleep(0.3)
    # The first request after the wait has Redis tried again, in the background.
    assert client.get(overview).status_code == 200
    for _wait in range(40):
        if caches_at_available():
            break
        time.sleep(0.05)
    programme = f"/en/conferences/{public_site.conference.slug}/programme/"
    assert client.get(programme).status_code == 200
    assert caches_at_available()
    assert redis.Redis(port=port).dbsize() > 0


def caches_at_available():
    from django.core.cache import caches

    return caching.is_available(caches["pages"])
