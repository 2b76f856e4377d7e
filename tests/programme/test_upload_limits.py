"""How much of a request the site reads: a file past the statement limit is refused by the form
and never kept whole on disk."""

import http.client
import re
import time
from urllib.parse import urlsplit

import pytest

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
