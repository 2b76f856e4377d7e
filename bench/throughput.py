"""Benchmark: requests per second of the programme page, as a share of a Django hello-world's.

The performance targets are ratios, measured in one run on one machine because absolute times
are noisy: bench/hello_wsgi.py, a hello-world with Django's default middleware, and this app
(DEBUG off, PostgreSQL) are each served by `gunicorn -w 2` and loaded in turn with
`wrk -t2 -c8`, several rounds, and the medians compared.

Loads a conference of 60 sessions (600 statements, 2,000 registrations, 50 other conferences)
into a scratch PostgreSQL database and serves the hello-world and the app twice: rendering the
programme for every request (PAGE_CACHE_SECONDS=0), and keeping it in the cache as visitors get
it (va_conference/page_cache.py). Prints each round's requests per second, the medians, and the
programme's share of the hello-world's against each target.

    .venv/bin/python bench/throughput.py                          # 5 rounds of 10 s
    .venv/bin/python bench/throughput.py --rounds 3 --seconds 5   # quicker, noisier

wrk comes from Debian: the script runs bin/install-system-packages --bench first. The scratch
database is created and dropped by the script; nothing else is touched.
"""

import argparse
import os
import re
import statistics
import subprocess
import time
import urllib.error
import urllib.request

from harness import ROOT, scratch_database
from public_pages import load_large_conference

HELLO = ROOT / "bench"
PROGRAMME = "/en/conferences/large/programme/"
SESSIONS = 60
# Shares of the hello-world's requests per second: (port, PAGE_CACHE_SECONDS, target).
SERVED = {
    "nothing cached": (8072, "0", 0.06),
    "cached": (8073, "300", 0.50),
}
HELLO_PORT = 8071


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each server (5)")
    parser.add_argument("--seconds", type=int, default=10, help="length of each round (10)")
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
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", url],
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


def app_environment():
    """The app's variables for gunicorn, on the scratch database, with DEBUG off; the static
    files collected as production collects them, with their manifest, in the scratch folder."""
    from django.conf import settings

    database = settings.DATABASES["default"]["NAME"]
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": os.path.join(os.environ["MEDIA_ROOT"], "static"),
    }
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return environment


def main():
    arguments = parse_arguments()
    check_tools()
    with scratch_database(True):
        load_large_conference(session_count=SESSIONS, statement_count=SESSIONS * 10)
        environment = app_environment()
        servers = [serve(HELLO_PORT, "hello_wsgi:application", HELLO, environment)]
        for port, seconds, _target in SERVED.values():
            environment = {**environment, "PAGE_CACHE_SECONDS": seconds}
            servers.append(serve(port, "va_conference.wsgi:application", ROOT, environment))
        try:
            measure(arguments)
        finally:
            for server in servers:
                server.terminate()
                server.wait()


def measure(arguments):
    hello_url = f"http://127.0.0.1:{HELLO_PORT}/"
    urls = {label: f"http://127.0.0.1:{port}{PROGRAMME}" for label, (port, *_) in SERVED.items()}
    # Warm each up: each worker loads its templates and opens its database connection.
    for url in [hello_url, *urls.values()]:
        requests_per_second(url, 2)
    print(
        f"gunicorn -w 2, wrk -t2 -c8 -d{arguments.seconds}s, {arguments.rounds} rounds;"
        f" programme of {SESSIONS} sessions, PostgreSQL"
    )
    figures = {label: [] for label in ["hello-world", *urls]}
    print(f"{'round':>6}" + "".join(f" {label:>15}" for label in figures))
    for number in range(1, arguments.rounds + 1):
        figures["hello-world"].append(requests_per_second(hello_url, arguments.seconds))
        for label, url in urls.items():
            figures[label].append(requests_per_second(url, arguments.seconds))
        print(f"{number:>6}" + "".join(f" {runs[-1]:>15,.0f}" for runs in figures.values()))
    medians = {label: statistics.median(runs) for label, runs in figures.items()}
    print(f"{'median':>6}" + "".join(f" {median:>15,.0f}" for median in medians.values()))
    for label, (_port, _seconds, target) in SERVED.items():
        share = medians[label] / medians["hello-world"]
        verdict = "met" if share >= target else "NOT met"
        print(
            f"programme, {label}: {share:.1%} of the hello-world's requests per second;"
            f" target at least {target:.0%}: {verdict}"
        )


if __name__ == "__main__":
    main()
