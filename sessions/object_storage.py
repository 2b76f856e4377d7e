"""Uploaded files in S3-compatible object storage (STORAGE=s3): whether the default storage is
a bucket, and the signed URLs of published files' downloads (S3_SIGNED_DOWNLOADS)."""

from django.conf import settings
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

from .models import DocumentFile, Statement, StatementFileVersion


def is_bucket(storage):
    return isinstance(storage, S3Storage)


def signs_downloads(storage):
    return settings.S3_SIGNED_DOWNLOADS and is_bucket(storage)


def signed_url(field_file, filename, content_type):
    """A URL of the bucket for this file alone, valid S3_SIGNED_URL_SECONDS, that has the
    bucket answer with the download's name and type, as an attachment."""
    return field_file.storage.url(
        field_file.name,
        parameters={
            "ResponseContentDisposition": content_disposition_header(True, filename),
            "ResponseContentType": content_type,
        },
        expire=settings.S3_SIGNED_URL_SECONDS,
    )


def stored_files():
    """(row, name) of every stored file: statements, their earlier files, document files."""
    for model in (Statement, StatementFileVersion, DocumentFile):
        for row in model.objects.exclude(file="").only("pk", "file", "size").order_by("pk"):
            yield row, row.file.name
