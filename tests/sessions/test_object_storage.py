"""STORAGE=s3 keeps uploaded files in a private bucket of S3-compatible object storage, and
nothing on the web server's disk; the local disk stays the default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from sessions.models import Statement
from tests.factories import SessionFactory, StateFactory, StatementFactory, pdf_bytes
from va_conference.environment import file_storage

ROOT = Path(__file__).resolve().parents[2]


def test_the_local_disk_is_the_default_storage():
    local = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert file_storage("") == local
    assert file_storage("local") == local


def test_storage_s3_is_a_private_bucket_named_by_the_environment(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "va-files")
    monkeypatch.setenv("S3_ENDPOINT_URL", "https://s3.example.org")
    monkeypatch.setenv("S3_REGION", "eu-west-3")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "key")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "secret")
    s3 = file_storage("s3")
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    options = s3["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        "va-files",
        "https://s3.example.org",
        "eu-west-3",
    )
    assert (options["access_key"], options["secret_key"]) == ("key", "secret")
    # No ACL is sent (the bucket's private one applies) and every URL is signed.
    assert options["default_acl"] is None
    assert options["querystring_auth"] is True


def run_check(**env):
    server_env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**server_env, **env},
        capture_output=True,
        text=True,
    )


def test_an_unknown_storage_stops_the_app_from_starting():
    result = run_check(STORAGE="ftp")
    assert result.returncode != 0
    assert "STORAGE must be local or s3, not 'ftp'" in result.stderr


def test_storage_s3_without_a_bucket_stops_the_app_from_starting():
    result = run_check(STORAGE="s3", S3_BUCKET="")
    assert result.returncode != 0
    assert "S3_BUCKET must be set" in result.stderr


def test_signed_downloads_without_object_storage_stop_the_app_from_starting():
    result = run_check(S3_SIGNED_DOWNLOADS="1", STORAGE="local")
    assert result.returncode != 0
    assert "S3_SIGNED_DOWNLOADS needs STORAGE=s3" in result.stderr


@pytest.mark.django_db
def test_with_object_storage_nothing_is_written_under_media_root(
    s3_bucket, media_root, client, statement_editor
):
    client_s3, bucket = s3_bucket
    session = SessionFactory(slug="victim-assistance")
    client.force_login(statement_editor)
    response = client.post(
        f"/en/conferences/{session.conference.slug}/sessions/{session.slug}/upload/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-file": SimpleUploadedFile("norway.pdf", pdf_bytes("Norway")),
            "form-0-organization": str(StateFactory(country="NO").pk),
            "form-0-language": "en",
            "form-0-speaker": "",
        },
    )
    assert "1 file saved" in response.content.decode()
    [uploaded] = Statement.objects.all()
    # A replaced file is kept as an earlier version, in the bucket too.
    uploaded.file.save("corrected.pdf", ContentFile(pdf_bytes("Corrected")))
    StatementFactory(session=session, language="fr")

    keys = {entry["Key"] for entry in client_s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    stored = {statement.file.name for statement in Statement.objects.all()}
    stored |= {version.file.name for version in uploaded.earlier_files.all()}
    assert len(stored) == 3
    assert keys == stored
    assert not media_root.exists() or not any(media_root.rglob("*"))
