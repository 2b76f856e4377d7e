"""Which tests run again on S3 and Redis: those marked `shared_parts`, and every test that
touches the uploaded files' storage or a cache shared by the servers must carry the mark.

`make test` runs every test with files on the disk and the caches in memory; `make
test-on-s3-and-redis` runs the marked ones again with files in a bucket and the caches in Redis,
where the rest would run the same code the same way. While `make test` runs, each test records
what it asks of the default storage and of the shared caches (`CACHE_ALIASES`), and one that
asked anything without the mark fails, naming what it asked: a test that writes a file and
lacks the mark would otherwise never meet the bucket. (The tests of several servers start
their own bucket and Redis in every run: they need no mark.)
"""

import functools
import os

import pytest
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.core.cache.backends import locmem
from django.core.files.storage import FileSystemStorage

from va_conference.environment import CACHE_ALIASES

MARK = "shared_parts"

# What a storage is asked: every way of reaching a file, its name or its address.
STORAGE_METHODS = (
    "_save",
    "_open",
    "delete",
    "exists",
    "listdir",
    "size",
    "url",
    "path",
    "get_modified_time",
)
# What a cache is asked; clear() is left out: every test empties the caches.
CACHE_METHODS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "incr",
    "has_key",
    "get_many",
    "set_many",
    "delete_many",
)


def on_s3_and_redis():
    return os.environ.get("STORAGE") == "s3" or bool(os.environ.get("CACHE_URL"))


def recorded(method, asked, what, applies):
    @functools.wraps(method)
    def recording(self, *args, **kwargs):
        if applies(self):
            asked.add(f"{what}.{method.__name__}")
        return method(self, *args, **kwargs)

    return recording


def is_uploaded_files(storage):
    # The static files are the same on every server: only the default storage's differ.
    return not isinstance(storage, StaticFilesStorage)


def is_shared(cache):
    """Whether a cache in memory stands for one the servers share (in the database or Redis):
    each process's own copies of pages and its counts during an outage are not."""
    return any(cache._cache is locmem._caches.get(alias) for alias in CACHE_ALIASES)


@pytest.fixture(autouse=True)
def shared_parts_asked(request, monkeypatch):
    """What the test asks of the shared parts; a test without the mark that asked any fails."""
    if on_s3_and_redis():
        yield set()
        return
    asked = set()
    for name in STORAGE_METHODS:
        method = getattr(FileSystemStorage, name)
        monkeypatch.setattr(
            FileSystemStorage, name, recorded(method, asked, "storage", is_uploaded_files)
        )
    for name in CACHE_METHODS:
        method = getattr(locmem.LocMemCache, name)
        monkeypatch.setattr(locmem.LocMemCache, name, recorded(method, asked, "cache", is_shared))
    yield asked
    monkeypatch.undo()
    if asked and request.node.get_closest_marker(MARK) is None:
        pytest.fail(
            f"{request.node.nodeid} asks {', '.join(sorted(asked))} without the {MARK} mark: "
            "mark it, so that make test-on-s3-and-redis runs it with files in a bucket and "
            "the caches in Redis.",
            pytrace=False,
        )
