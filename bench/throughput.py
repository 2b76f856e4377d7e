"""Benchmark: requests per second of the public programme, the open data's sessions list and
the embedded programme's JSON, as shares of a Django hello-world's.

The performance targets are ratios, measured in one run on one machine because absolute times
are noisy: bench/hello_wsgi.py, a hello-world with Django's default middleware, and this app
(DEBUG off, PostgreSQL) are each served by `gunicorn -w 2` and loaded in turn with
`wrk -t2 -c8`, several rounds, and the medians compared.

Loads a conference of 60 sessions (600 statements, 2,000 registrations, 50 other conferences),
releases its programme, and serves the hello-world and the app twice: rendering every answer
(PAGE_CACHE_SECONDS=0), and keeping them in the page cache as visitors get them
(va_conference/page_cache.py). The cached answers are measured again while an organizer edits
the sessions (a session saved every --edit-every seconds, as the admin saves it): the released
programme is to keep being served from the cache until the next release. Prints each round's
requests per second, the medians, and each answer's share of the hello-world's against its
target.

The app keeps its caches in Redis (CACHE_URL, as a site under load does; --cache-url "" for
the database's), and the open data's throttle counts every request there, at its usual rate:
wrk sends each request as from another client behind a trusted proxy (bench/clients.lua), a
crowd of clients rather than one refused after its 120th request.

    .venv/bin/python bench/throughput.py                          # 5 rounds of 10 s
    .venv/bin/python bench/throughput.py --rounds 3 --seconds 5   # quicker, noisier

wrk comes from Debian: the script runs bin/install-system-packages --bench first. The scratch
database is created and dropped by the script; nothing else is touched but the Redis database
it is given, emptied before and after.
"""

import argparse
import os
import re
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request

from harness import ROOT, scratch_database
from public_pages import load_large_conference

HELLO = ROOT / "bench"
SESSIONS = 60
PROGRAMME = "/en/conferences/large/programme/"
API_SESSIONS = "/api/v1/sessions/"
WIDGET = "/en/conferences/large/programme.json"
HELLO_PORT = 8071
CLIENTS = HELLO / "clients.lua"
# The app's servers: PAGE_CACHE_SECONDS by port.
UNCACHED_PORT, CACHED_PORT = 8072, 8073
SERVERS = {UNCACHED_PORT: "0", CACHED_PORT: "300"}
# What is measured: (label, port, path, whether an organizer edits meanwhile, the least share
# of the hello-world's requests per second aimed at, or None).
MEASURED = [
    ("programme, nothing cached", UNCACHED_PORT, PROGRAMME, False, 0.06),
    ("programme, cached", CACHED_PORT, PROGRAMME, False, 0.50),
    ("programme, cached, while edited", CACHED_PORT, PROGRAMME, True, 0.50),
    ("API sessions, nothing cached", UNCACHED_PORT, API_SESSIONS, False, None),
    ("API sessions, cached", CACHED_PORT, API_SESSIONS, False, 0.50),
    ("API sessions, cached, while edited", CACHED_PORT, API_SESSIONS, True, 0.50),
    ("widget JSON, nothing cached", UNCACHED_PORT, WIDGET, False, None),
    ("widget JSON, cached", CACHED_PORT, WIDGET, False, 0.50),
]


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each server (5)")
    parser.add_argument("--seconds", type=int, default=10, help="length of each round (10)")
    parser.add_argument(
        "--edit-every",
        type=float,
        default=0.5,
        help="seconds between two saves of a session while edited (0.5)",
    )
    parser.add_argument(
        "--only", default="", help='measure only the answers whose label holds this ("API")'
    )
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/8",
        help='the app\'s CACHE_URL (redis://127.0.0.1:6379/8; "" for the database)',
    )
    return parser.parse_args()


def serve(port, application, directory, environment):
    """gunicorn with two workers serving `application`, as both are served."""
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            f"--chdir={directory}",
            "--log-level=warning",
            application,
        ],
        env=environment,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return server
        except urllib.error.HTTPError:
            return server  # it answers: a 404 at / is an answer
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on port {port} within 30 s")


def requests_per_second(url, seconds, threads=2, connections=8):
    """wrk's requests per second for `url`; every answer must be a 200."""
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--script={CLIENTS}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"wrk saw failed requests on {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def check_tools():
    """wrk, from Debian."""
    subprocess.run([str(ROOT / "bin" / "install-system-packages"), "--bench"], check=True)


def app_environment(cache_url):
    """The app's variables for gunicorn, on the scratch database, with DEBUG off; the static
    files collected as production collects them, with their manifest, in the scratch folder."""
    from django.conf import settings

    database = settings.DATABASES["default"]["NAME"]
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "CACHE_URL": cache_url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": os.path.join(os.environ["MEDIA_ROOT"], "static"),
        # wrk sends each request as from another client behind this proxy (bench/clients.lua).
        "TRUSTED_PROXIES": "127.0.0.1/32",
    }
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return environment


def empty_redis(cache_url):
    if cache_url.startswith("redis"):
        import redis

        redis.Redis.from_url(cache_url).flushdb()


def release_programme():
    from sessions import releases
    from va_conference.models import Conference

    releases.release(Conference.objects.get(slug="large"), "Original", None)


class Editing:
    """An organizer editing the released programme's sessions, one save every `every` seconds,
    in a thread of its own, while the `with` block runs."""

    def __init__(self, every):
        self.every = every
        self.stop = threading.Event()
        self.saves = 0

    def __enter__(self):
        self.thread = threading.Thread(target=self.edit, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exception):
        self.stop.set()
        self.thread.join()

    def edit(self):
        from django.db import connection

        from sessions.models import Session

        sessions = list(Session.objects.filter(conference__slug="large"))
        try:
            while not self.stop.wait(self.every):
                session = sessions[self.saves % len(sessions)]
                session.title_en = f"{session.title_en.split(' (')[0]} ({self.saves})"
                session.save()
                self.saves += 1
        finally:
            connection.close()


def main():
    arguments = parse_arguments()
    check_tools()
    with scratch_database(True):
        load_large_conference(session_count=SESSIONS, statement_count=SESSIONS * 10)
        release_programme()
        environment = app_environment(arguments.cache_url)
        empty_redis(arguments.cache_url)
        servers = [serve(HELLO_PORT, "hello_wsgi:application", HELLO, environment)]
        for port, seconds in SERVERS.items():
            environment = {**environment, "PAGE_CACHE_SECONDS": seconds}
            servers.append(serve(port, "va_conference.wsgi:application", ROOT, environment))
        try:
            measure(arguments)
        finally:
            for server in servers:
                server.terminate()
                server.wait()
            empty_redis(arguments.cache_url)


def measure(arguments):
    hello_url = f"http://127.0.0.1:{HELLO_PORT}/"
    measured = [
        (label, f"http://127.0.0.1:{port}{path}", edited, target)
        for label, port, path, edited, target in MEASURED
        if arguments.only in label
    ]
    # Warm each up: each worker loads its templates and opens its database connection.
    for url in [hello_url, *(url for _label, url, _edited, _target in measured)]:
        requests_per_second(url, 2)
    cache = arguments.cache_url.split(":")[0] if arguments.cache_url else "the database"
    print(
        f"gunicorn -w 2, wrk -t2 -c8 -d{arguments.seconds}s, {arguments.rounds} rounds;"
        f" programme of {SESSIONS} sessions, released; PostgreSQL, caches in {cache};"
        f" while edited, a session saved every {arguments.edit_every} s"
    )
    figures = {label: [] for label in ["hello-world", *(each[0] for each in measured)]}
    for _round in range(arguments.rounds):
        figures["hello-world"].append(requests_per_second(hello_url, arguments.seconds))
        for label, url, edited, _target in measured:
            if edited:
                with Editing(arguments.edit_every) as editing:
                    figures[label].append(requests_per_second(url, arguments.seconds))
                assert editing.saves, "no session was saved while edited"
            else:
                figures[label].append(requests_per_second(url, arguments.seconds))
    width = max(len(label) for label in figures)
    print(f"{'':<{width}}" + "".join(f" {n:>8}" for n in range(1, arguments.rounds + 1)), end="")
    print(f" {'median':>8} {'share':>7}  target")
    hello = statistics.median(figures["hello-world"])
    targets = {label: target for label, _url, _edited, target in measured}
    for label, runs in figures.items():
        median = statistics.median(runs)
        line = f"{label:<{width}}" + "".join(f" {run:>8,.0f}" for run in runs)
        line += f" {median:>8,.0f} {median / hello:>7.1%}"
        target = targets.get(label)
        if target is not None:
            line += f"  at least {target:.0%}: {'met' if median / hello >= target else 'NOT met'}"
        print(line)


if __name__ == "__main__":
    main()
