"""The storages the programme's files are tested on: the local disk, and a private bucket of an
S3-compatible server (STORAGE=s3, the `s3_bucket` fixture of tests/conftest.py). Modules whose
tests store or read files run each test on both, with
`pytestmark = pytest.mark.usefixtures("storage")`."""

import pytest


@pytest.fixture(params=["local", "s3"])
def storage(request):
    """The default storage, on the local disk (MEDIA_ROOT) or in a bucket."""
    if request.param == "s3":
        request.getfixturevalue("s3_bucket")
    return request.param
