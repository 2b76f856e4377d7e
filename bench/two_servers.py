"""Benchmark: the programme's requests per second from two servers sharing PostgreSQL and Redis.

The app runs on several web servers over one PostgreSQL and one Redis (docs/operations.md,
"Several servers"). This script loads the programme of bench/throughput.py (60 sessions, 600
statements, 2,000 registrations, 50 other conferences) into a scratch PostgreSQL database and
serves, each with `gunicorn -w 2`, DEBUG off, the page cache on (PAGE_CACHE_SECONDS=300) and
every cache in Redis (CACHE_URL): the hello-world (bench/hello_wsgi.py), one app server alone,
and two app servers A and B. Each round loads the programme with wrk:

- the hello-world, then one server alone, with `wrk -t2 -c8`;
- both servers at once: two wrk started together, one per server, each `-t1 -c4`, their
  requests per second summed;
- both servers at once again while delegates register at --rate a second (5), alternately on
  A and B. Each opens the form (its CSRF cookie and token, its submission key) and sends it,
  and must be sent on to the "check your e-mail" page. Each registration saves rows, so the
  page cache version moves and the programme is rendered again: the figure shows what that
  costs, together with the registrations' own work on the same cores (the form is rendered
  for each delegate, for its CSRF token). The script counts the programme's renders meanwhile.

The figures are medians of the rounds, each as a share of the hello-world's. This machine has
2 cores: two servers on it share the same cores (and those of PostgreSQL, Redis and wrk), so
two servers cannot double what one serves. What the figures show is that two servers together
serve at least as much as one, and that they agree: they serve the same programme, from the
pages either of them kept in Redis, and every registration either took is in the database.

The e-mails to the delegates are queued in the database, by the tasks backend production uses;
no worker runs here, so none is sent. Each delegate comes from an address of their own, which
the load balancer would append to X-Forwarded-For (TRUSTED_PROXIES=127.0.0.1): the public
forms' rate limit stays in force, counted in Redis, and no delegate reaches it.

    .venv/bin/python bench/two_servers.py                          # 5 rounds of 10 s
    .venv/bin/python bench/two_servers.py --rounds 2 --seconds 5   # quicker, noisier

wrk comes from Debian: the script runs bin/install-system-packages --bench first. The scratch
database is created and dropped by the script; the Redis database of --redis is emptied at the
start and at the end, so give it one that nothing else uses.
"""

import argparse
import collections
import concurrent.futures
import datetime
import itertools
import re
import statistics
import threading
import time

import redis
import requests
from harness import ROOT, scratch_database
from public_pages import load_large_conference
from registration_form import answers
from throughput import (
    HELLO,
    PROGRAMME,
    SESSIONS,
    app_environment,
    check_tools,
    requests_per_second,
    serve,
)

HELLO_PORT = 8081
ONE_PORT = 8082
PAIR_PORTS = (8083, 8084)
LOADED_REGISTRATIONS = 2000  # by load_large_conference
REGISTER = "/en/conferences/large/register/"
SENT = "/en/conferences/large/register/sent/"
# Each delegate's number, across the rounds: every registration is a new one.
delegates = itertools.count()


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each load (5)")
    parser.add_argument("--seconds", type=int, default=10, help="length of each round (10)")
    parser.add_argument("--rate", type=float, default=5, help="registrations per second (5)")
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/2",
        help="the Redis database of the caches, emptied at start and end (redis://...:6379/2)",
    )
    parser.add_argument(
        "--database",
        default="va_conference_bench",
        help="the scratch PostgreSQL database is test_ + this (va_conference_bench)",
    )
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    check_tools()
    cache = redis.Redis.from_url(arguments.redis, socket_connect_timeout=2)
    cache.flushdb()
    try:
        with scratch_database(True, database=arguments.database):
            run(arguments, cache)
    finally:
        cache.flushdb()


def run(arguments, cache):
    from registrations.models import Registration
    from sessions.models import Session
    from va_conference.models import Organization

    load_large_conference(session_count=SESSIONS, statement_count=SESSIONS * 10)
    open_registration()
    choices = (
        list(Organization.objects.order_by("pk")),
        list(Session.objects.filter(conference__slug="large").order_by("order")),
    )
    environment = {
        **app_environment(),
        "CACHE_URL": arguments.redis,
        "PAGE_CACHE_SECONDS": "300",
        "TRUSTED_PROXIES": "127.0.0.1",
        # Plain HTTP on the loopback: cookies without the Secure flag, or none would come back.
        "CSRF_COOKIE_SECURE": "0",
        "SESSION_COOKIE_SECURE": "0",
    }
    servers = [serve(HELLO_PORT, "hello_wsgi:application", HELLO, environment)]
    for port in (ONE_PORT, *PAIR_PORTS):
        servers.append(serve(port, "va_conference.wsgi:application", ROOT, environment))
    try:
        medians, registered = measure(arguments, choices, cache)
        pages = [requests.get(url(port), timeout=30).text for port in PAIR_PORTS]
        keys = cache.dbsize()
    finally:
        for server in servers:
            server.terminate()
            server.wait()
    stored = Registration.objects.filter(conference__slug="large").count() - LOADED_REGISTRATIONS
    report(arguments, medians, registered, stored)
    print(f"A and B serve the same programme: {'yes' if pages[0] == pages[1] else 'NO'}")
    print(f"cache: Redis ({arguments.redis}), {keys:,} keys of pages and counts at the end")


def open_registration():
    """load_large_conference's conference is in 2030, its registration never opened: open it
    from yesterday to a month from now."""
    from va_conference.models import Conference

    now = datetime.datetime.now(datetime.UTC)
    Conference.objects.filter(slug="large").update(
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
    )


def url(port, path=PROGRAMME):
    return f"http://127.0.0.1:{port}{path}"


def together(urls, seconds):
    """The requests per second of every url loaded at once, one wrk each, summed: the same
    two wrk threads and eight connections in all as one server's load."""
    with concurrent.futures.ThreadPoolExecutor(len(urls)) as pool:
        loads = [
            pool.submit(requests_per_second, address, seconds, 2 // len(urls), 8 // len(urls))
            for address in urls
        ]
        return sum(load.result() for load in loads)


def measure(arguments, choices, cache):
    """Each load's median requests per second, and the registrations made."""
    hello_url, one_url = url(HELLO_PORT, "/"), url(ONE_PORT)
    pair_urls = [url(port) for port in PAIR_PORTS]
    # Warm each up: each worker loads its templates and opens its database connection.
    for address in [hello_url, one_url, *pair_urls]:
        requests_per_second(address, 2)
    print(
        f"gunicorn -w 2 each, wrk -t2 -c8 (two servers: -t1 -c4 each) -d{arguments.seconds}s,"
        f" {arguments.rounds} rounds; programme of {SESSIONS} sessions, PostgreSQL, Redis"
    )
    # Each load's name in the table of medians, and its column's in the table of rounds.
    columns = {
        "hello-world": "hello-world",
        "one server": "one server",
        "two servers (sum)": "two (sum)",
        f"two servers, {arguments.rate:g} registrations/s": f"two, {arguments.rate:g} reg./s",
    }
    figures = {label: [] for label in columns}
    hello, one, two, busy = figures.values()
    addresses = [url(port, "") for port in PAIR_PORTS]
    registered = Registrations(arguments.rate, addresses, choices, cache)
    print(f"{'round':>6}" + "".join(f" {column:>15}" for column in columns.values()), end="")
    print("  registrations sent on, failed")
    for number in range(1, arguments.rounds + 1):
        before = registered.succeeded, len(registered.failed)
        hello.append(requests_per_second(hello_url, arguments.seconds))
        one.append(requests_per_second(one_url, arguments.seconds))
        two.append(together(pair_urls, arguments.seconds))
        with registered:
            busy.append(together(pair_urls, arguments.seconds))
        print(f"{number:>6}" + "".join(f" {runs[-1]:>15,.0f}" for runs in figures.values()), end="")
        print(f"  {registered.succeeded - before[0]}, {len(registered.failed) - before[1]}")
    return {label: statistics.median(runs) for label, runs in figures.items()}, registered


class Registrations:
    """Delegates arriving at `rate` a second, alternately on each server of `addresses`, while
    in a `with` block; each one's answer counted, and the programme's renders meanwhile. They
    arrive on time however slowly the servers answer: each registers in a thread of its own."""

    def __init__(self, rate, addresses, choices, cache):
        self.rate = rate
        self.addresses = addresses
        self.choices = choices
        self.cache = cache
        self.renders = 0
        self.succeeded = 0
        self.failed = []
        self.seconds = []
        self.lock = threading.Lock()

    def __enter__(self):
        self.renders -= self.programmes_kept()
        self.stop = threading.Event()
        self.pool = concurrent.futures.ThreadPoolExecutor(16)
        self.arrived = []
        self.arrivals = threading.Thread(target=self.arrive)
        self.arrivals.start()

    def __exit__(self, *_exception):
        self.stop.set()
        self.arrivals.join()
        self.pool.shutdown(wait=True)
        for delegate in self.arrived:
            delegate.result()  # an error of the script's own stops it
        self.renders += self.programmes_kept()

    def programmes_kept(self):
        """The cache versions the programme is kept under in Redis: each one a render."""
        return sum(1 for _key in self.cache.scan_iter(f"pages:*:page:*:en:{PROGRAMME}"))

    def arrive(self):
        began = time.monotonic()
        for tick in itertools.count():
            if self.stop.wait(max(0.0, began + tick / self.rate - time.monotonic())):
                return
            self.arrived.append(self.pool.submit(self.register, next(delegates)))

    def register(self, number):
        began = time.perf_counter()
        try:
            failure = register(self.addresses[number % 2], number, *self.choices)
        except requests.RequestException as error:
            failure = type(error).__name__
        with self.lock:
            if failure:
                self.failed.append(failure)
            else:
                self.succeeded += 1
                self.seconds.append(time.perf_counter() - began)


def register(address, number, organizations, sessions):
    """Delegate `number` opens the form on `address` and sends it, as a browser does: None if
    sent on to the "check your e-mail" page, otherwise what went wrong."""
    browser = requests.Session()
    # The address the load balancer would append: one of the documentation's, each delegate's.
    browser.headers["X-Forwarded-For"] = f"2001:db8:{number:x}::1"
    page = browser.get(address + REGISTER, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    key = re.search(r'name="submission_key" value="([^"]+)"', page.text)
    if page.status_code != 200 or not token or not key:
        return f"form page {page.status_code}"
    data = {
        **answers(number, organizations, sessions),
        "csrfmiddlewaretoken": token[1],
        "submission_key": key[1],
    }
    answer = browser.post(address + REGISTER, data, allow_redirects=False, timeout=30)
    if answer.status_code == 302 and answer.headers.get("Location") == SENT:
        return None
    return f"answer {answer.status_code}"


def report(arguments, medians, registered, stored):
    from django_tasks_db.models import DBTaskResult

    hello = medians["hello-world"]
    print(f"\n{'median of the rounds':<34} {'requests/s':>11} {'of the hello-world':>19}")
    for label, median in medians.items():
        print(f"{label:<34} {median:>11,.0f} {median / hello:>19.1%}")
    one, two, _busy = list(medians.values())[1:]
    print(f"two servers together serve {two / one:.0%} of what one server alone serves")
    sent = registered.succeeded
    print(
        f"registrations at {arguments.rate:g}/s during the two servers' load: {sent} sent on to"
        f' "check your e-mail", {len(registered.failed)} failed'
    )
    print(
        f"  the programme was rendered for {registered.renders} cache versions meanwhile"
        f" ({registered.renders / arguments.rounds / arguments.seconds:.1f} a second)"
    )
    if registered.seconds:
        print(f"  form and submission: median {statistics.median(registered.seconds):.2f} s")
    for failure, count in sorted(collections.Counter(registered.failed).items()):
        print(f"  {count} failed: {failure}")
    agree = "as many as were sent on" if stored == sent else "NOT as many as were sent on"
    print(
        f"  in the database: {stored} new registrations, {agree};"
        f" {DBTaskResult.objects.count()} e-mails queued for the worker (none runs here)"
    )


if __name__ == "__main__":
    main()
