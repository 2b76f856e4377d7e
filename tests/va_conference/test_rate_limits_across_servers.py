"""The rate limits hold across processes and servers: two gunicorn servers of two workers each,
over the test's PostgreSQL database, count every submission together, in the database cache
and in Redis alike, and tell apart the clients behind a trusted proxy."""

import concurrent.futures
import functools
import http.cookiejar
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import ConferenceFactory
from va_conference.environment import RATE_LIMITS_TABLE

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 3
PROXY_HEADER = "X-Forwarded-For"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="servers share the test database on PostgreSQL only (SQLite's is in memory)",
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}"
        f"@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    )


def start_server(environment):
    port = free_port()
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "va_conference.wsgi:application",
        ],
        cwd=ROOT,
        env=environment,
    )
    address = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{address}/healthz", timeout=2):
                return process, address
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn did not answer at {address}")


@pytest.fixture(scope="module", params=["database", "redis"])
def servers(request, django_db_setup, tmp_path_factory):
    """Two servers of two workers, counting in the database cache or in Redis."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(
        DATABASE_URL=database_url(),
        CONN_MAX_AGE="0",
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        PUBLIC_FORM_RATE_LIMIT=str(LIMIT),
        API_ANONYMOUS_RATE=f"{LIMIT}/minute",
        TRUSTED_PROXIES="127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    if request.param == "redis":
        environment["CACHE_URL"] = request.getfixturevalue("redis_url")
    started = []
    try:
        for _server in range(2):
            started.append(start_server(environment))
        yield request.param, [address for _process, address in started]
    finally:
        for process, _address in started:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def addresses(request, servers):
    """The servers' addresses, their counts emptied (a transactional test's flush leaves the
    database cache's table as it is)."""
    cache, addresses = servers
    if cache == "redis":
        request.getfixturevalue("empty_redis")
        yield addresses
        return
    empty_table()
    yield addresses
    empty_table()


def empty_table():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {RATE_LIMITS_TABLE}")


class Visitor:
    """A browser behind the proxy, which says the visitor's address in X-Forwarded-For."""

    def __init__(self, conference, forwarded_for):
        self.conference = conference
        self.headers = {PROXY_HEADER: forwarded_for}
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url):
        return self.open(urllib.request.Request(url, headers=self.headers))

    def post(self, url, fields):
        request = urllib.request.Request(
            url, data=urllib.parse.urlencode(fields).encode(), headers=self.headers
        )
        return self.open(request)

    def open(self, request):
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def ask_for_link(self, server):
        """Send the "lost your link?" form, as a browser does: its page first."""
        return self.send_link_form(self.lost_link_page(server))

    def lost_link_page(self, server):
        """(The form's address, its CSRF token.)"""
        url = f"{server}/en/conferences/{self.conference}/register/lost-link/"
        status, page = self.get(url)
        assert status == 200
        return url, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def send_link_form(self, page):
        url, token = page
        status, _page = self.post(
            url, {"csrfmiddlewaretoken": token, "email": "delegate@example.org"}
        )
        return status


@pytest.fixture
def visitor():
    """Visitors of one conference, each by the address the proxy says."""
    return functools.partial(Visitor, ConferenceFactory().slug)


def test_the_allowance_is_shared_by_every_worker_and_server(addresses, visitor):
    delegate = visitor("198.51.100.1")
    # Each submission to the other server, whichever of its workers answers.
    answers = [delegate.ask_for_link(addresses[attempt % 2]) for attempt in range(LIMIT + 2)]
    assert answers == [200] * LIMIT + [429, 429]


def test_two_visitors_behind_one_trusted_proxy_have_an_allowance_each(addresses, visitor):
    first, second = visitor("198.51.100.1"), visitor("198.51.100.2")
    for attempt in range(LIMIT):
        assert first.ask_for_link(addresses[attempt % 2]) == 200
    assert first.ask_for_link(addresses[0]) == 429
    # Writing another address before the one the proxy appends changes nothing.
    assert visitor("203.0.113.9, 198.51.100.1").ask_for_link(addresses[1]) == 429

    assert second.ask_for_link(addresses[1]) == 200


def test_submissions_at_the_same_moment_are_each_counted(addresses, visitor):
    delegates = [visitor("198.51.100.1") for _delegate in range(4 * LIMIT)]
    pages = [
        delegate.lost_link_page(addresses[number % 2]) for number, delegate in enumerate(delegates)
    ]
    with concurrent.futures.ThreadPoolExecutor(len(delegates)) as pool:
        answers = list(pool.map(Visitor.send_link_form, delegates, pages))
    assert sorted(answers) == [200] * LIMIT + [429] * (len(delegates) - LIMIT)


def test_the_open_data_allowance_is_shared_and_kept_per_visitor(addresses, visitor):
    first, second = visitor("198.51.100.1"), visitor("198.51.100.2")
    url = "/api/v1/organizations/"
    answers = [first.get(addresses[attempt % 2] + url)[0] for attempt in range(LIMIT + 1)]
    assert answers == [200] * LIMIT + [429]
    assert visitor("203.0.113.9, 198.51.100.1").get(addresses[1] + url)[0] == 429
    assert second.get(addresses[0] + url)[0] == 200
