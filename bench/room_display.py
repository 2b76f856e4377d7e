"""Benchmark: the room display's JSON served to 300 screens at once, against the hello-world.

Each screen showing a list of speakers (floor/views.py) asks its JSON every
floor.views.POLL_SECONDS. This script loads a session whose list holds 40 speakers, one with the
floor, into a scratch PostgreSQL database, and serves, each with `gunicorn -w 2` and DEBUG off:
the hello-world (bench/hello_wsgi.py), the app with the page cache on as deployed
(PAGE_CACHE_SECONDS=300, which any change to the list empties), and the app rendering every
answer (PAGE_CACHE_SECONDS=0). Each round loads them in turn with `wrk -t2 -c300`: 300 open
connections, as 300 screens. Prints each round's requests per second, the medians, their share
of the hello-world's, and how many screens that serves at the display's polling rate.

    .venv/bin/python bench/room_display.py                          # 5 rounds of 10 s
    .venv/bin/python bench/room_display.py --rounds 2 --seconds 5   # quicker, noisier

wrk comes from Debian: the script runs bin/install-system-packages --bench first. The scratch
database is created and dropped by the script; nothing else is touched.
"""

import argparse
import statistics

from harness import ROOT, scratch_database
from throughput import HELLO, app_environment, check_tools, requests_per_second, serve

SCREENS = 300
SPEAKERS = 40
DATA = "/en/conferences/room/sessions/plenary/speakers.json"
HELLO_PORT = 8081
# label: (port, PAGE_CACHE_SECONDS)
SERVED = {"page cache on": (8082, "300"), "rendered each time": (8083, "0")}


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each server (5)")
    parser.add_argument("--seconds", type=int, default=10, help="length of each round (10)")
    return parser.parse_args()


def load_list():
    """A public session with a list of SPEAKERS delegations, the first with the floor."""
    from delegations.models import delegation_of
    from floor import speakers
    from floor.models import FloorRequest, SpeakersList
    from tests.factories import ConferenceFactory, OrganizationFactory, SessionFactory

    conference = ConferenceFactory(slug="room", convention="ccm")
    session = SessionFactory(conference=conference, slug="plenary", title_en="Plenary")
    speakers_list = SpeakersList.objects.create(session=session, is_displayed_publicly=True)
    for number in range(SPEAKERS):
        speakers.add(
            speakers_list,
            FloorRequest(
                delegation=delegation_of(conference, OrganizationFactory()),
                speaker=f"Speaker {number}",
                language="en",
            ),
        )
    speakers.give_the_floor(speakers_list.requests.order_by("position").first())


def main():
    arguments = parse_arguments()
    check_tools()
    with scratch_database(True):
        load_list()
        environment = app_environment()
        servers = [serve(HELLO_PORT, "hello_wsgi:application", HELLO, environment)]
        for port, seconds in SERVED.values():
            served = {**environment, "PAGE_CACHE_SECONDS": seconds}
            servers.append(serve(port, "va_conference.wsgi:application", ROOT, served))
        try:
            measure(arguments)
        finally:
            for server in servers:
                server.terminate()
                server.wait()


def measure(arguments):
    from floor.views import POLL_SECONDS

    urls = {"hello-world": f"http://127.0.0.1:{HELLO_PORT}/"}
    urls.update({label: f"http://127.0.0.1:{port}{DATA}" for label, (port, _s) in SERVED.items()})
    for url in urls.values():
        requests_per_second(url, 2, connections=SCREENS)
    print(
        f"gunicorn -w 2, wrk -t2 -c{SCREENS} -d{arguments.seconds}s, {arguments.rounds} rounds;"
        f" the JSON of a list of {SPEAKERS} speakers, PostgreSQL"
    )
    figures = {label: [] for label in urls}
    print(f"{'round':>6}" + "".join(f" {label:>20}" for label in figures))
    for number in range(1, arguments.rounds + 1):
        for label, url in urls.items():
            figures[label].append(requests_per_second(url, arguments.seconds, connections=SCREENS))
        print(f"{number:>6}" + "".join(f" {runs[-1]:>20,.0f}" for runs in figures.values()))
    medians = {label: statistics.median(runs) for label, runs in figures.items()}
    print(f"{'median':>6}" + "".join(f" {median:>20,.0f}" for median in medians.values()))
    for label in SERVED:
        share = medians[label] / medians["hello-world"]
        screens = medians[label] * POLL_SECONDS
        print(
            f"room display, {label}: {medians[label]:,.0f} requests/s,"
            f" {share:.1%} of the hello-world's; enough for {screens:,.0f} screens"
            f" asking every {POLL_SECONDS} s ({SCREENS} need {SCREENS / POLL_SECONDS:.0f}/s)"
        )


if __name__ == "__main__":
    main()
