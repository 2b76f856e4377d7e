"""Two web servers over the same PostgreSQL, Redis and bucket agree: what one does, the other
shows within a second, and stopping one in the middle of registrations loses none and doubles
none. Run alone with `pytest -m two_servers`."""

import concurrent.futures
import os
import re
import signal
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from registrations.models import Registration, Status
from sessions.models import Statement
from tests.factories import (
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    conference_open_for_registration,
    pdf_bytes,
)
from tests.registrations.conftest import answers
from tests.va_conference.test_rate_limits_across_servers import database_url, start_server

PASSWORD = "a long password for the organizer"

pytestmark = [
    pytest.mark.two_servers,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="servers share the test database on PostgreSQL only (SQLite's is in memory)",
    ),
]


@pytest.fixture
def servers(s3_bucket, redis_url, empty_redis, tmp_path):
    """Servers A and B: two gunicorn workers each, their cache in Redis, their files in the
    bucket, each with a disk of its own that nothing should be written to."""
    environment = {
        name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DATABASE_URL=database_url(),
        CONN_MAX_AGE="0",
        LOG_LEVEL="WARNING",
        CACHE_URL=redis_url,
        STORAGE="s3",
        PAGE_CACHE_SECONDS="300",
        PUBLIC_FORM_RATE_LIMIT="0",
    )
    started = []
    try:
        for name in ("a", "b"):
            started.append(
                start_server({**environment, "MEDIA_ROOT": str(tmp_path / f"media-{name}")})
            )
        yield started
    finally:
        for process, _address in started:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


@pytest.fixture
def conference(organizer):
    organizer.set_password(PASSWORD)
    organizer.save()
    return conference_open_for_registration(slug="amman-2030", reference_prefix="AMM30")


def token_of(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


def signed_in(address, username="organizer"):
    client = requests.Session()
    page = client.get(f"{address}/admin/login/", timeout=30).text
    client.post(
        f"{address}/admin/login/",
        {"csrfmiddlewaretoken": token_of(page), "username": username, "password": PASSWORD},
        timeout=30,
    )
    return client


def registration_form(address, conference, organization, number):
    """What delegate `number` posts, read from the form as a browser reads it."""
    client = requests.Session()
    page = client.get(f"{address}/en/conferences/{conference.slug}/register/", timeout=30).text
    data = answers(
        organization,
        email=f"delegate{number}@example.org",
        family_name=f"Delegate {number}",
        submission_key=re.search(r'name="submission_key" value="([^"]+)"', page)[1],
        csrfmiddlewaretoken=token_of(page),
    )
    return client, data


def kill_with_its_workers(process):
    """Stop a gunicorn server at once, as a machine failing does: its workers, then itself."""
    pid = process.pid
    for worker in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        os.kill(int(worker), signal.SIGKILL)
    process.kill()
    process.wait(timeout=30)


def within_a_second(check):
    deadline = time.monotonic() + 1.5
    while not check():
        assert time.monotonic() < deadline, "not seen within a second"
        time.sleep(0.1)


def test_what_one_server_does_the_other_shows_within_a_second(servers, conference):
    (_a, a), (_b, b) = servers
    organization = OrganizationFactory(name_en="Landmine Survivors Network")
    participants = f"{b}/en/conferences/{conference.slug}/participants/"
    assert "Landmine Survivors Network" not in requests.get(participants, timeout=30).text

    # A registration made on A is in B's admin.
    client, data = registration_form(a, conference, organization, 1)
    register = f"{a}/en/conferences/{conference.slug}/register/"
    assert client.post(register, data, timeout=30).status_code == 200
    registration = Registration.objects.get()
    organizer_on_b = signed_in(b)
    listing = f"{b}/admin/registrations/registration/?q={registration.reference}"
    within_a_second(lambda: "Delegate 1" in organizer_on_b.get(listing, timeout=30).text)

    # The participants page B keeps follows a confirmation made on A.
    organizer_on_a = signed_in(a)
    changelist = f"{a}/admin/registrations/registration/"
    page = organizer_on_a.get(changelist, timeout=30).text
    organizer_on_a.post(
        changelist,
        {
            "csrfmiddlewaretoken": token_of(page),
            "action": "confirm",
            "_selected_action": [registration.pk],
            "index": 0,
        },
        timeout=30,
    )
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    within_a_second(
        lambda: "Landmine Survivors Network" in requests.get(participants, timeout=30).text
    )


def test_a_statement_uploaded_through_one_server_is_downloaded_through_the_other(
    servers, conference, statement_editor, tmp_path
):
    (_a, a), (_b, b) = servers
    statement_editor.set_password(PASSWORD)
    statement_editor.save()
    session = SessionFactory(conference=conference, is_public=True)
    norway = StateFactory(country="NO", name_en="Norway")
    editor_on_a = signed_in(a, username=statement_editor.username)
    upload = f"{a}/en/conferences/{conference.slug}/sessions/{session.slug}/upload/"
    page = editor_on_a.get(upload, timeout=30).text
    content = pdf_bytes("Norway on victim assistance")
    response = editor_on_a.post(
        upload,
        {
            "csrfmiddlewaretoken": token_of(page),
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "40",
            "form-0-organization": str(norway.pk),
            "form-0-language": "en",
            "publish": "on",
        },
        files={"form-0-file": ("norway.pdf", content, "application/pdf")},
        timeout=60,
    )
    assert response.status_code == 200
    statement = Statement.objects.get()
    assert statement.is_published
    download = f"{b}/en/conferences/{conference.slug}/statements/{statement.pk}/file/"
    assert requests.get(download, timeout=30).content == content
    # Neither server kept the file on its own disk.
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


def test_stopping_a_server_amid_registrations_loses_none_and_doubles_none(servers, conference):
    (process_a, a), (_b, b) = servers
    organization = OrganizationFactory()
    forms = [
        registration_form(a if number % 2 else b, conference, organization, number)
        for number in range(100)
    ]

    def send(number):
        client, data = forms[number]
        first = a if number % 2 else b
        for address in (first, b):
            try:
                response = client.post(
                    f"{address}/en/conferences/{conference.slug}/register/", data, timeout=30
                )
            except requests.ConnectionError:
                continue  # the server went away: send the same form to the other
            if response.status_code == 200:
                return address
        raise AssertionError(f"delegate {number} could not register")

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        sent = [pool.submit(send, number) for number in range(100)]
        while sum(future.done() for future in sent) < 30:
            time.sleep(0.05)
        kill_with_its_workers(process_a)
        answered_by = [future.result() for future in sent]

    assert set(answered_by) == {a, b}
    # Delegates whose server went away sent the same form to the other.
    retried = [number for number in range(1, 100, 2) if answered_by[number] == b]
    assert retried
    emails = Registration.objects.values_list("delegate__email", flat=True)
    assert sorted(emails) == sorted(f"delegate{number}@example.org" for number in range(100))
