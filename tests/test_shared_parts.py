"""The record that decides which tests run again on S3 and Redis: what a test asks of the
uploaded files' storage and of the shared caches counts; the static files, each process's own
copies of pages and its counts during a Redis outage do not."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.shared_parts import on_s3_and_redis

pytestmark = pytest.mark.skipif(
    on_s3_and_redis(), reason="recorded only while the suite runs on the disk and in memory"
)


@pytest.mark.shared_parts
def test_a_file_saved_read_and_deleted_is_recorded(shared_parts_asked):
    name = default_storage.save("recorded.txt", ContentFile(b"x"))
    default_storage.open(name).close()
    default_storage.delete(name)
    assert {"storage._save", "storage._open", "storage.delete"} <= shared_parts_asked


@pytest.mark.shared_parts
def test_what_a_shared_cache_is_asked_is_recorded(shared_parts_asked):
    caches["pages"].get("page")
    caches["rate_limits"].add("client", 1)
    assert shared_parts_asked == {"cache.get", "cache.add"}


def test_static_files_and_each_processs_own_caches_are_not(shared_parts_asked):
    staticfiles_storage.exists("va_conference/site.css")
    staticfiles_storage.url("va_conference/site.css")
    caches["page_copies"].set("page", "kept", 10)
    caches["local_counts"].add("client", 1)
    assert shared_parts_asked == set()
