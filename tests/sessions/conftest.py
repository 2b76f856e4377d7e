"""The storages the programme's files are tested on: the local disk, and a private bucket of an
S3-compatible server (STORAGE=s3, the `s3_bucket` fixture of tests/conftest.py). Modules whose
tests store or read files run each test on both, with
`pytestmark = pytest.mark.usefixtures("storage")`."""

import pytest

from va_conference.environment import FILE_SYSTEM_STORAGE


@pytest.fixture(params=["local", "s3"])
def storage(request, settings):
    """The default storage, on the local disk (MEDIA_ROOT) or in a bucket, whichever STORAGE
    the suite runs with."""
    if request.param == "s3":
        request.getfixturevalue("s3_bucket")
    else:
        settings.STORAGES = {**settings.STORAGES, "default": FILE_SYSTEM_STORAGE}
    return request.param
