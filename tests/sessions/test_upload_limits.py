"""How much of a request the site reads: a file past the statement limit is refused by the form
and never kept whole on disk; a request larger than any upload the site takes is answered with a
page naming the limits, before it is read; the largest forms of the site still fit."""

import http.client
import re
import socket
import time
from urllib.parse import urlsplit

import pytest
from django import forms
from django.conf import settings as django_settings
from django.urls import reverse

from sessions.forms import MAX_ROWS
from sessions.models import Statement
from tests.factories import SessionFactory, StateFactory, pdf_bytes

pytestmark = pytest.mark.django_db

BOUNDARY = "vaconferenceboundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
MB = 1024 * 1024


def field_part(name, value):
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    )


def file_head(name, filename):
    """The start of a file's part: a browser sends one for every file field, with filename=""
    when none was chosen."""
    return (
        f"--{BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()


def empty_file_part(name):
    return file_head(name, "") + b"\r\n"


END = f"--{BOUNDARY}--\r\n".encode()


def text_of(page):
    """The page as read, sizes written with a plain space (filesizeformat's is a no-break one)."""
    return page.decode().replace("\xa0", " ")


def upload_path(session):
    return f"/en/conferences/{session.conference.slug}/sessions/{session.slug}/upload/"


@pytest.fixture
def temporary_files(settings, tmp_path):
    """Where uploads too large to hold in memory are written while a request is read."""
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    return settings.FILE_UPLOAD_TEMP_DIR


def left_behind(folder):
    """The files still in `folder` once the server has closed the request, a moment after its
    answer is sent."""
    deadline = time.monotonic() + 5
    while (files := list(folder.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)
    return files


def signed_in_with_csrf(live_server, client, user, path):
    """The cookies and form token of `user`'s browser, having opened `path` on the live server."""
    client.force_login(user)
    session_cookie = f"sessionid={client.cookies['sessionid'].value}"
    connection = http.client.HTTPConnection(urlsplit(live_server.url).netloc, timeout=30)
    connection.request("GET", path, headers={"Cookie": session_cookie})
    response = connection.getresponse()
    page = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    connection.close()
    return f"{session_cookie}; csrftoken={csrf_cookie}", token


def test_a_file_past_the_limit_is_refused_by_the_form_and_never_kept_whole_on_disk(
    live_server, client, statement_editor, settings, temporary_files
):
    settings.STATEMENT_MAX_UPLOAD_SIZE = MB
    session = SessionFactory()
    norway = StateFactory(country="NO")
    cookies, token = signed_in_with_csrf(
        live_server, client, statement_editor, upload_path(session)
    )
    head = b"".join(
        field_part(name, value)
        for name, value in {
            "csrfmiddlewaretoken": token,
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "40",
        }.items()
    ) + file_head("form-0-file", "huge.pdf")
    # The row's other fields come after its file, as a browser sends them: they are still read.
    tail = (
        b"\r\n"
        + field_part("form-0-organization", norway.pk)
        + field_part("form-0-language", "en")
        + END
    )
    chunk, chunks = b"\0" * (64 * 1024), 30 * 16  # 30 MB
    largest_kept = []

    def body():
        yield head + b"%PDF-1.7\n"
        for _ in range(chunks):
            largest_kept.append(
                max((path.stat().st_size for path in temporary_files.iterdir()), default=0)
            )
            yield chunk
        yield tail

    connection = http.client.HTTPConnection(urlsplit(live_server.url).netloc, timeout=60)
    length = len(head) + len(b"%PDF-1.7\n") + len(chunk) * chunks + len(tail)
    connection.request(
        "POST",
        upload_path(session),
        body=body(),
        headers={"Content-Type": MULTIPART, "Content-Length": str(length), "Cookie": cookies},
    )
    response = connection.getresponse()
    page = text_of(response.read())
    connection.close()

    assert response.status == 200
    assert "huge.pdf" in page
    assert "The file is larger than 1.0 MB." in page
    # The fields after the file were read: the refused row comes back with its delegation.
    assert f'<option value="{norway.pk}" selected' in page
    assert not Statement.objects.exists()
    assert max(largest_kept) <= MB + 1
    assert left_behind(temporary_files) == []


def test_a_request_declaring_more_than_the_largest_upload_is_answered_at_once(live_server):
    """2 GB announced, none of it sent: the answer comes without waiting for the body."""
    session = SessionFactory()
    address = urlsplit(live_server.url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(
            (
                f"POST {upload_path(session)} HTTP/1.1\r\n"
                f"Host: {address.netloc}\r\n"
                f"Content-Type: {MULTIPART}\r\n"
                f"Content-Length: {2 * 1024 * MB}\r\n\r\n"
            ).encode()
        )
        answer = b""
        while b"</html>" not in answer and (received := connection.recv(65536)):
            answer += received
    status, page = answer.split(b"\r\n", 1)[0].decode(), text_of(answer)
    assert status.split()[1] == "413"
    assert "Too large to receive" in page
    assert "Each file may be at most 20.0 MB, and one upload at most 805.0 MB in all." in page


def test_more_files_than_the_upload_page_holds_get_the_same_page(client):
    files = django_settings.STATEMENT_FILES_PER_UPLOAD + 1
    body = b"".join(file_head(f"form-{n}-file", f"{n}.pdf") + b"%PDF-\r\n" for n in range(files))
    response = client.generic(
        "POST", upload_path(SessionFactory()), body + END, content_type=MULTIPART
    )
    assert response.status_code == 413
    assert "Each file may be at most 20.0 MB" in text_of(response.content)


def test_a_form_with_text_beyond_the_limit_gets_the_same_page(client):
    text = "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(upload_path(SessionFactory()), {"speaker": text})
    assert response.status_code == 413


def test_the_upload_page_full_of_files_at_the_limit_fits_in_one_request():
    assert MAX_ROWS <= django_settings.STATEMENT_FILES_PER_UPLOAD
    assert MAX_ROWS <= django_settings.DATA_UPLOAD_MAX_NUMBER_FILES
    fields = MAX_ROWS * django_settings.STATEMENT_MAX_UPLOAD_SIZE
    assert fields + 2 * MB < django_settings.UPLOAD_MAX_REQUEST_SIZE


def test_a_sessions_admin_page_with_hundreds_of_statements_still_saves(admin_client):
    """Its browser sends every field of each statement, its file field empty unless the file is
    replaced."""
    client = admin_client
    session = SessionFactory()
    url = reverse("admin:programme_session_change", args=[session.pk])
    page = client.get(url)
    statements = page.context["inline_admin_formsets"][0].formset
    rows = 300
    parts = []
    for field in page.context["adminform"].form:
        value = field.value()
        if isinstance(field.field.widget, forms.CheckboxInput):
            if value:
                parts.append(field_part(field.html_name, "on"))
        elif value is not None:
            parts.append(field_part(field.html_name, value))
    parts += [
        field_part(f"{statements.prefix}-TOTAL_FORMS", rows),
        field_part(f"{statements.prefix}-INITIAL_FORMS", 0),
    ]
    for number in range(rows):
        for field in statements.empty_form:
            name = field.html_name.replace("__prefix__", str(number))
            if isinstance(field.field, forms.FileField):
                parts.append(empty_file_part(name))
            elif not isinstance(field.field.widget, forms.CheckboxInput):
                parts.append(field_part(name, field.value() or ""))
    response = client.generic("POST", url, b"".join(parts) + END, content_type=MULTIPART)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:programme_session_changelist")
    assert len(parts) > 2000  # Django's own limit is a thousand fields


@pytest.mark.shared_parts
def test_a_statement_within_the_limit_is_saved_as_sent(client, statement_editor, temporary_files):
    """Larger than what is read in memory, written to a temporary file, kept whole."""
    client.force_login(statement_editor)
    session, norway = SessionFactory(), StateFactory(country="NO")
    content = pdf_bytes("Norway") + b"\0" * (3 * MB)
    body = (
        b"".join(
            field_part(name, value)
            for name, value in {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "0",
                "form-0-organization": norway.pk,
                "form-0-language": "en",
            }.items()
        )
        + file_head("form-0-file", "norway.pdf")
        + content
        + b"\r\n"
        + END
    )
    response = client.generic("POST", upload_path(session), body, content_type=MULTIPART)
    assert "1 file saved" in response.content.decode()
    statement = Statement.objects.get()
    assert statement.size == len(content)
    assert statement.file.read() == content
