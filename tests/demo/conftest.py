"""What the tests of the demonstration data share: passwords hashed fast, its files stored in
a folder of the test's own, and the data loaded."""

import pytest

from demo.loader import load_demo


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Each load sets three passwords; the default hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_media(settings, tmp_path, local_disk):
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(demo_media):
    """The demonstration data, loaded; what load_demo() counted of it."""
    return load_demo()
