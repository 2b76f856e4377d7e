"""A worker started while its database cannot be reached waits for it, saying so, rather than
exiting with a traceback; once the database answers, it works."""

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def environment(database):
    return {
        **{k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "STORAGE")},
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "va_conference.settings",
    }


def said_within(process, words, seconds):
    """What `process` wrote on its standard error until a line with `words`, read as it
    comes; fails after `seconds`."""
    said = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([process.stderr], [], [], 1)
        if ready:
            line = process.stderr.readline()
            said.append(line)
            if words in line:
                return "".join(said)
    raise AssertionError(f"{words!r} not said within {seconds} s:\n{''.join(said)}")


def test_a_worker_waits_for_its_database_then_works(tmp_path):
    ready = tmp_path / "ready" / "db.sqlite3"
    ready.parent.mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=ROOT,
        env=environment(ready),
        check=True,
        capture_output=True,
    )
    later = tmp_path / "later" / "db.sqlite3"  # a folder that does not exist yet
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=environment(later),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # However loaded the machine, the worker has said it waits before the database comes.
        said = said_within(worker, "The database does not answer", seconds=60)
        assert worker.poll() is None, worker.communicate()
        later.parent.mkdir()
        shutil.copy(ready, later)
        _output, errors = worker.communicate(timeout=60)
    finally:
        worker.kill()
    assert worker.returncode == 0, errors
    assert "The database does not answer" in said
    assert "Traceback" not in said + errors
