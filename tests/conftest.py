"""Fixtures shared by every test: files on disk in a temporary folder, fresh caches, pages
rendered for each request, background tasks run at once, English, links in e-mails to the test
server, and staff users."""

import contextlib
import logging
import os
import socket
import uuid
from urllib.parse import urlsplit, urlunsplit

import boto3
import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.utils import translation

from tests.shared_parts import shared_parts_asked  # noqa: F401 (a fixture of every test)
from va_conference import page_cache
from va_conference.environment import FILE_SYSTEM_STORAGE, file_storage
from va_conference.roles import apply_roles


@pytest.fixture(scope="session")
def worker_bucket():
    """With STORAGE=s3 and the suite run side by side (pytest -n), a bucket of this process's
    own beside S3_BUCKET: tests look for what their uploads left behind."""
    if os.environ.get("STORAGE") != "s3" or "PYTEST_XDIST_WORKER" not in os.environ:
        return None
    bucket = f"{os.environ['S3_BUCKET']}-{os.environ['PYTEST_XDIST_WORKER']}"
    client = boto3.client(
        "s3",
        endpoint_url=os.environ.get("S3_ENDPOINT_URL"),
        region_name=os.environ.get("S3_REGION"),
        aws_access_key_id=os.environ.get("S3_ACCESS_KEY_ID"),
        aws_secret_access_key=os.environ.get("S3_SECRET_ACCESS_KEY"),
    )
    with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
        client.create_bucket(Bucket=bucket)
    return bucket


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path, worker_bucket):
    settings.MEDIA_ROOT = tmp_path / "media"
    if worker_bucket:
        storage = settings.STORAGES["default"]
        options = {**storage["OPTIONS"], "bucket_name": worker_bucket}
        settings.STORAGES = {**settings.STORAGES, "default": {**storage, "OPTIONS": options}}
    return settings.MEDIA_ROOT


@pytest.fixture
def local_disk(settings, media_root):
    """Uploaded files on the local disk under MEDIA_ROOT, whatever STORAGE the suite runs with
    (bin/test-on-s3-and-redis): for tests of what the disk holds."""
    settings.STORAGES = {**settings.STORAGES, "default": FILE_SYSTEM_STORAGE}
    return media_root


@pytest.fixture(autouse=True)
def site_url(settings):
    """Links in e-mails point at the test client's host."""
    settings.SITE_URL = "http://testserver"


def worker_number():
    """Which of the processes running the suite side by side this is (pytest -n): 0 without."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


def worker_redis(url, step=-1):
    """`url` (redis://host:port/db) with a database of this process's own: each test empties
    the Redis databases it uses. Redis has 16, counted from the one `url` names."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + step * worker_number()
    return urlunsplit(parts._replace(path=f"/{number % 16}"))


def worker_cache(alias, cache):
    """A cache the site keeps in the database kept in memory instead; one in Redis kept in a
    database of this process's own."""
    if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    if cache["BACKEND"] == "va_conference.caching.ResilientRedisCache":
        return {**cache, "LOCATION": worker_redis(cache["LOCATION"])}
    return cache


@pytest.fixture(autouse=True)
def caches_in_memory(settings):
    """Caches the site keeps in the database are kept in the process's memory instead: a query
    budget measures what a page asks itself. With CACHE_URL the suite runs on Redis as set;
    tests/va_conference/test_caches.py, test_page_cache_in_the_database.py and test_rate_limits*.py
    use the caches as the site does."""
    settings.CACHES = {
        alias: worker_cache(alias, cache) for alias, cache in settings.CACHES.items()
    }


@pytest.fixture(autouse=True)
def fresh_caches(caches_in_memory):
    """The rate limits and cached pages count in caches, which outlive a test."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """E-mails queued for the worker are sent as soon as they are queued; tests of the worker
    itself queue them in the database, as production does (the `worker_queue` fixture)."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def worker_queue(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture(autouse=True)
def pages_rendered_each_time(settings):
    """Public pages are rendered for each request: a test's changes are never committed, so
    the cache version that cached pages follow would not move
    (tests/va_conference/test_page_cache.py keeps them, committing as it goes)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def pages_kept(settings):
    """Public pages are kept in the page cache, as the site keeps them (for tests that commit)."""
    settings.PAGE_CACHE_SECONDS = 300
    # What an earlier test read of a database since flushed.
    page_cache.forget_content_version()


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request through the test client leaves its language
    active in the thread afterwards."""
    with translation.override("en"):
        yield


def staff_group(name):
    """The group as va_conference/roles.py declares it, made again if a transactional test
    run earlier flushed every table."""
    if not Group.objects.filter(name=name).exists():
        apply_roles()
    return Group.objects.get(name=name)


def staff_member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, password="not-used", is_staff=True
    )
    user.groups.add(staff_group(group_name))
    return user


@pytest.fixture
def organizer(db, django_user_model):
    return staff_member(django_user_model, "organizer", "Organizers")


@pytest.fixture
def statement_editor(db, django_user_model):
    return staff_member(django_user_model, "editor", "Statement editors")


@pytest.fixture(scope="session")
def s3_server():
    """An S3-compatible server (moto's) on a free local port, for the whole run: the files of
    tests using it go over HTTP to a real bucket, as with STORAGE=s3."""
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Its request log would fill every failing test's report.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_server, settings, monkeypatch):
    """A new, empty bucket, and the default storage in it, configured from the environment as
    STORAGE=s3 is. Setting STORAGES makes Django forget its storages, default_storage included,
    which every FileField of ours uses."""
    bucket = f"va-test-{uuid.uuid4().hex[:12]}"
    environment = {
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": s3_server,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {**settings.STORAGES, "default": file_storage("s3")}
    yield client, bucket
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for entry in page.get("Contents", []):
            client.delete_object(Bucket=bucket, Key=entry["Key"])
    client.delete_bucket(Bucket=bucket)


def pytest_collection_modifyitems(config, items):
    """Mark what makes a test slow, so that `pytest -m "not browser and not processes and not
    fuzzing"` gives a fast loop while working: the tests in tests/browser (a real browser), those
    of a module that starts processes (it imports subprocess: servers, workers, commands), and
    the API's fuzzing."""
    for item in items:
        path = item.path.as_posix()
        if "/tests/browser/" in path:
            item.add_marker(pytest.mark.browser)
        if "subprocess" in vars(item.module):
            item.add_marker(pytest.mark.processes)
        if "fuzzing" in item.path.name:
            item.add_marker(pytest.mark.fuzzing)
