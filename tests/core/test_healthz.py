"""/healthz tells a load balancer whether this server can reach its database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    # A real server process whose database cannot be opened.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "response = Client().get('/healthz');"
        "print(response.status_code, response.content.decode().strip())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "va_conference.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/missing-folder/db.sqlite3",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "503 database unreachable", result.stderr
