"""`manage.py copy_files_to_storage` moves the uploaded files from the local disk to the bucket
under the same names, and --check finds every row whose file is not in the storage."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from sessions.models import Document, DocumentFile
from tests.factories import ConferenceFactory, SessionFactory, StatementFactory, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.fixture
def files_on_disk(local_disk):
    """A statement, the file it had before, and a document's file, on the local disk."""
    media_root = local_disk
    conference = ConferenceFactory(slug="3msp", start_date=datetime.date(2012, 9, 11))
    statement = StatementFactory(
        session=SessionFactory(conference=conference),
        file=ContentFile(pdf_bytes("First draft"), name="norway.pdf"),
    )
    statement.file.save("corrected.pdf", ContentFile(pdf_bytes("Corrected statement")))
    document = Document.objects.create(
        conference=conference,
        symbol="CCM/MSP/2012/5",
        title_en="Oslo Progress Report",
        kind="progress_report",
        date=datetime.date(2012, 9, 14),
        is_published=True,
    )
    document_file = DocumentFile.objects.create(
        document=document,
        language="en",
        file=ContentFile(pdf_bytes("Progress report"), name="report.pdf"),
    )
    names = [
        statement.file.name,
        statement.earlier_files.get().file.name,
        document_file.file.name,
    ]
    return {name: (media_root / name).read_bytes() for name in names}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("copy_files_to_storage", *args, stdout=out, stderr=err)
    return out.getvalue()


def bucket_contents(s3_bucket):
    client, bucket = s3_bucket
    entries = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        entry["Key"]: client.get_object(Bucket=bucket, Key=entry["Key"])["Body"].read()
        for entry in entries
    }


def test_every_file_is_copied_to_the_bucket_under_its_name(request, files_on_disk):
    s3_bucket = request.getfixturevalue("s3_bucket")
    assert "copied 3 files, skipped 0" in run()
    assert bucket_contents(s3_bucket) == files_on_disk
    # Every row now finds its file in the bucket.
    assert "Every row's file is in the storage." in run("--check")


def test_a_dry_run_copies_nothing(request, files_on_disk):
    s3_bucket = request.getfixturevalue("s3_bucket")
    output = run("--dry-run")
    assert "would copy 3 files" in output
    assert all(f"would copy {name}" in output for name in files_on_disk)
    assert bucket_contents(s3_bucket) == {}


def test_files_already_there_are_skipped_and_a_partial_copy_is_replaced(request, files_on_disk):
    s3_bucket = request.getfixturevalue("s3_bucket")
    client, bucket = s3_bucket
    complete, partial = list(files_on_disk)[:2]
    client.put_object(Bucket=bucket, Key=complete, Body=files_on_disk[complete])
    client.put_object(Bucket=bucket, Key=partial, Body=files_on_disk[partial][:10])
    assert "copied 2 files, skipped 1" in run()
    assert bucket_contents(s3_bucket) == files_on_disk
    assert "copied 0 files, skipped 3" in run()


def test_check_lists_every_row_whose_file_is_missing_or_incomplete(request, files_on_disk):
    s3_bucket = request.getfixturevalue("s3_bucket")
    client, bucket = s3_bucket
    run()
    missing, partial, _ = files_on_disk
    client.delete_object(Bucket=bucket, Key=missing)
    client.put_object(Bucket=bucket, Key=partial, Body=b"%PDF-")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 files are missing or incomplete"):
        call_command("copy_files_to_storage", "--check", stderr=err)
    assert f"{missing} is missing" in err.getvalue()
    assert f"{partial} has 5 bytes, not {len(files_on_disk[partial])}" in err.getvalue()


def test_check_works_on_the_local_disk_too(files_on_disk, media_root):
    name = next(iter(files_on_disk))
    (media_root / name).unlink()
    with pytest.raises(CommandError, match="1 files are missing"):
        run("--check")


def test_copying_needs_object_storage(files_on_disk):
    with pytest.raises(CommandError, match="set STORAGE=s3"):
        run()
