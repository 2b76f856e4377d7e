"""/healthz tells a load balancer whether this server can reach what it depends on: the
database, the caches and the file storage, each named when it fails, within a time limit."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from va_conference import views

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(location):
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}


@pytest.fixture
def cache_at(settings):
    """Point a cache at another address for the test; put back before the caches are cleared
    after it (tests/conftest.py), which a cache that does not answer would fail."""
    kept = settings.CACHES

    def point(alias, location):
        settings.CACHES = {**kept, alias: redis_cache(location)}

    yield point
    settings.CACHES = kept


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_the_caches_and_the_storage_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_healthz_leaves_no_probe_file_behind(client, media_root):
    client.get("/healthz")
    assert not any(path.is_file() for path in Path(media_root).rglob("*"))


def test_healthz_answers_503_naming_the_database_when_it_is_unreachable(tmp_path):
    # A real server process whose database cannot be opened.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "response = Client().get('/healthz');"
        "print(response.status_code, response.content.decode().strip())"
    )
    # The default configuration: no Redis, files on the local disk.
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "STORAGE")},
        "DJANGO_SETTINGS_MODULE": "va_conference.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/missing-folder/db.sqlite3",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    # The caches are in the database too, without CACHE_URL: they fail with it.
    assert result.stdout.strip() == "503 failed: database, cache", result.stderr


@pytest.mark.shared_parts
@pytest.mark.django_db
@pytest.mark.parametrize("alias", ["rate_limits", "pages"])
def test_healthz_answers_503_naming_the_cache_when_redis_does_not_listen(client, cache_at, alias):
    cache_at(alias, f"redis://127.0.0.1:{free_port()}/8")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"failed: cache\n"


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_healthz_answers_503_naming_the_storage_when_its_folder_cannot_be_written(
    client, settings, tmp_path, local_disk
):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    settings.MEDIA_ROOT = not_a_folder / "media"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"failed: storage\n"


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_healthz_gives_up_on_a_cache_that_never_answers_at_its_time_limit(client, cache_at):
    # A Redis-compatible address that takes connections and never replies: the kernel accepts
    # them into the backlog, nothing reads them.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        cache_at("pages", f"redis://127.0.0.1:{port}/8")
        started = time.monotonic()
        response = client.get("/healthz")
        took = time.monotonic() - started
    assert response.status_code == 503
    assert response.content == b"failed: cache\n"
    assert views.HEALTH_CHECK_SECONDS <= took < views.HEALTH_CHECK_SECONDS + 1


@pytest.mark.shared_parts
@pytest.mark.django_db
def test_healthz_answers_200_with_the_caches_in_a_redis_that_answers(client, settings):
    redis = redis_cache("redis://127.0.0.1:6379/8")
    settings.CACHES = {**settings.CACHES, "rate_limits": redis, "pages": redis}
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")
