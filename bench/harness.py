"""What the benchmark scripts share: a scratch database, and timing a page.

A script calls `scratch_database()` before importing any model: it points Django at a scratch
SQLite file or PostgreSQL database, with production-like settings, creates the database, and
drops it on the way out.
"""

import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@contextlib.contextmanager
def scratch_database(postgres, database="va_conference_bench", **environment):
    """Set Django up on a scratch database (extra settings from `environment`), then drop it.
    On PostgreSQL the scratch database is `test_` + `database`."""
    scratch = tempfile.TemporaryDirectory()
    if postgres:
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "va_conference.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["MEDIA_ROOT"] = scratch.name
    os.environ.update(environment)

    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    settings.STORAGES["staticfiles"]["BACKEND"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    if not postgres:
        # A test database of SQLite lives in memory unless named: measure on a file, as served.
        settings.DATABASES["default"]["TEST"]["NAME"] = f"{scratch.name}/test_bench.sqlite3"
    # Test databases are scratch databases: created here, dropped at the end.
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(old_config, verbosity=0)
        scratch.cleanup()


def measure(client, path, rounds):
    """Median milliseconds to answer `path` over `rounds` requests, and its query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm up
    timings = []
    for _round in range(rounds):
        began = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - began)
        assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return statistics.median(timings) * 1000, len(captured)


# Run in a process of its own: the hello-world configures Django its own way.
HELLO_IN_PROCESS = """
import statistics, sys, time
sys.path.insert(0, {folder!r})
import hello_wsgi
from django.test import Client
client = Client(SERVER_NAME="localhost")
client.get("/")
timings = []
for _round in range({rounds}):
    began = time.perf_counter()
    assert client.get("/").status_code == 200
    timings.append(time.perf_counter() - began)
print(statistics.median(timings) * 1000)
"""


def hello_world_ms(rounds=200):
    """Median milliseconds of the hello-world (bench/hello_wsgi.py) answering through Django's
    test client, as the in-process benchmarks answer the app's pages: their yardstick."""
    import subprocess

    code = HELLO_IN_PROCESS.format(folder=str(ROOT / "bench"), rounds=rounds)
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return float(output.strip())
