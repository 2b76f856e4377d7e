"""Redis for the tests that need it, at database 1."""

import os

import pytest
import redis

REDIS_URL = "redis://127.0.0.1:6379/1"


@pytest.fixture(scope="session")
def redis_url():
    """Without Redis these tests are skipped, except in continuous integration, which has
    Redis: there they fail."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        message = f"Redis does not answer at {REDIS_URL}: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


@pytest.fixture
def empty_redis(redis_url):
    connection = redis.Redis.from_url(redis_url)
    connection.flushdb()
    yield connection
    connection.flushdb()
