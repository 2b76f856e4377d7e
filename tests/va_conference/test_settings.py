"""Settings come from the environment, with safe defaults and a strict production mode."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from va_conference.environment import database_from_url
from va_conference.settings import BASE_DIR

ROOT = Path(__file__).resolve().parents[2]


def test_sqlite_is_the_default_and_postgres_urls_switch_engines():
    sqlite = database_from_url("sqlite:///db.sqlite3")
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
    assert sqlite["NAME"] == BASE_DIR / "db.sqlite3"
    assert database_from_url("sqlite:////var/lib/va/db.sqlite3")["NAME"] == "/var/lib/va/db.sqlite3"

    postgres = database_from_url("postgres://va:s%40cret@db.example.org:6432/va_conference")
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert (postgres["USER"], postgres["PASSWORD"]) == ("va", "s@cret")
    assert (postgres["HOST"], postgres["PORT"], postgres["NAME"]) == (
        "db.example.org",
        "6432",
        "va_conference",
    )


def test_an_unknown_database_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured):
        database_from_url("oracle://db/va")


def run_manage(*args, **env):
    # The environment of a server, not of the test run (the browser tests relax async checks).
    server_env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**server_env, **env},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="", ALLOWED_HOSTS="va.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7#kq2!vLp9@wZr4$mNt8^bYc3&hJs6*eFd1(gUa5)oRi0-TzQxVwPlMnBk",
        ALLOWED_HOSTS="va.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
