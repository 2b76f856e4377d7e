"""The storages the programme's files are tested on: the local disk, and a private bucket of an
S3-compatible server (STORAGE=s3). Modules whose tests store or read files run each test on
both, with `pytestmark = pytest.mark.usefixtures("storage")`."""

import uuid

import boto3
import pytest

from va_conference.environment import file_storage


@pytest.fixture
def s3_bucket(s3_server, settings, monkeypatch):
    """A new, empty bucket, and the default storage in it, configured from the environment as
    STORAGE=s3 is. Setting STORAGES makes Django forget its storages, default_storage included,
    which every FileField of ours uses."""
    bucket = f"va-test-{uuid.uuid4().hex[:12]}"
    environment = {
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": s3_server,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {**settings.STORAGES, "default": file_storage("s3")}
    yield client, bucket
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for entry in page.get("Contents", []):
            client.delete_object(Bucket=bucket, Key=entry["Key"])
    client.delete_bucket(Bucket=bucket)


@pytest.fixture(params=["local", "s3"])
def storage(request):
    """The default storage, on the local disk (MEDIA_ROOT) or in a bucket."""
    if request.param == "s3":
        request.getfixturevalue("s3_bucket")
    return request.param
