"""With STORAGE=s3 the web servers keep no file of their own: a statement stored once is
downloaded from every server, over the same PostgreSQL database and bucket, and none writes to
its disk."""

import os
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from tests.factories import ConferenceFactory, SessionFactory, StatementFactory, pdf_bytes
from tests.va_conference.test_rate_limits_across_servers import database_url, start_server

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="servers share the test database on PostgreSQL only (SQLite's is in memory)",
    ),
]


@pytest.fixture
def servers(s3_bucket, tmp_path):
    """Two gunicorn servers in the bucket, each with a MEDIA_ROOT of its own."""
    environment = {
        name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DATABASE_URL=database_url(),
        CONN_MAX_AGE="0",
        LOG_LEVEL="WARNING",
        STORAGE="s3",
        S3_SIGNED_DOWNLOADS="0",
    )
    started = []
    try:
        for number in range(2):
            media_root = tmp_path / f"media-{number}"
            process, address = start_server({**environment, "MEDIA_ROOT": str(media_root)})
            started.append((process, address, media_root))
        yield [(address, media_root) for _process, address, media_root in started]
    finally:
        for process, _address, _media_root in started:
            process.terminate()
            process.wait(timeout=30)


def test_every_server_downloads_a_statement_stored_once(servers):
    conference = ConferenceFactory(slug="3msp")
    statement = StatementFactory(
        session=SessionFactory(conference=conference),
        file=ContentFile(pdf_bytes("Norway on victim assistance"), name="norway.pdf"),
    )
    for address, media_root in servers:
        url = f"{address}/en/conferences/3msp/statements/{statement.pk}/file/"
        with urllib.request.urlopen(url, timeout=10) as answer:
            assert answer.read() == pdf_bytes("Norway on victim assistance")
        assert not media_root.exists() or not any(media_root.rglob("*"))
