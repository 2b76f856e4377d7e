"""Benchmark: memory to upload twenty 5 MB statements at once, and to download a 50 MB one.

Creates a conference, a session, 20 delegations and a superuser in a scratch database, then hands
Django two requests as a WSGI server would, the upload's 100 MB body streamed from a file on disk:
the upload page posted with twenty different PDF files, and the download of a published 50 MB PDF,
read a chunk at a time. For each it prints the peak of Python memory allocated during the request
above what was allocated before (tracemalloc), the resident-set high-water mark (VmHWM), and
whether the peak stayed far below, under a quarter of, the size of the files.

    .venv/bin/python bench/statement_files.py                   # scratch SQLite file
    .venv/bin/python bench/statement_files.py --postgres        # scratch PostgreSQL database

The scratch database, its media folder and the files written for the requests are removed at
the end; nothing else is touched.
"""

import argparse
import contextlib
import io
import re
import shutil
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

from harness import scratch_database

MB = 1024 * 1024
UPLOADS = 20
UPLOAD_SIZE = 5 * MB
DOWNLOAD_SIZE = 50 * MB
PAGE_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
]


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    return parser.parse_args()


def write_pdf(path, size, text):
    """A valid PDF of a blank page and about `size` bytes of a stream saying `text`."""
    line = f"{text} fills this file up to its size.\n".encode()
    filler = line * (MB // len(line))
    chunks = max(size // len(filler), 1)
    offsets = []
    with open(path, "wb") as pdf:
        pdf.write(b"%PDF-1.4\n")
        for number, body in enumerate(PAGE_OBJECTS, start=1):
            offsets.append(pdf.tell())
            pdf.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        # Then the filler: a stream that nothing refers to.
        offsets.append(pdf.tell())
        pdf.write(b"4 0 obj\n<< /Length %d >>\nstream\n" % (chunks * len(filler)))
        pdf.writelines(filler for _chunk in range(chunks))
        pdf.write(b"\nendstream\nendobj\n")
        xref = pdf.tell()
        pdf.write(b"xref\n0 5\n0000000000 65535 f \n")
        pdf.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
        pdf.write(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return path


def write_multipart(path, boundary, fields, files):
    """A multipart/form-data body of `fields` and `files` (name: path), copied in chunks."""
    with open(path, "wb") as body:
        for name, value in fields.items():
            body.write(
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        for name, file_path in files.items():
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{file_path.name}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
            )
            with open(file_path, "rb") as source:
                shutil.copyfileobj(source, body, MB)
            body.write(b"\r\n")
        body.write(f"--{boundary}--\r\n".encode())
    return path


def set_up():
    """A published session, and a client logged in as a superuser."""
    from django.contrib.auth.models import User
    from django.test import Client

    from tests.factories import SessionFactory

    client = Client()
    client.force_login(User.objects.create_superuser("bench", "bench@example.org", "x"))
    return SessionFactory(slug="victim-assistance"), client


def wsgi_environ(path, query="", cookies="", body=None, content_type=""):
    """What a WSGI server hands Django: a GET, or a POST of the `body` file, open."""
    size = body.stat().st_size if body else 0
    return {
        "REQUEST_METHOD": "POST" if body else "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(size),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_COOKIE": cookies,
        "wsgi.url_scheme": "http",
        "wsgi.input": open(body, "rb") if body else io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }


def serve(handler, environ):
    """Answer the request as a server would, reading the response in chunks; return status, size."""
    statuses = []
    response = handler(environ, lambda status, headers: statuses.append(status))
    try:
        size = sum(len(chunk) for chunk in response)
    finally:
        response.close()
        environ["wsgi.input"].close()
    return statuses[0], size


def high_water_mark():
    """The process's resident-set high-water mark, VmHWM, in MB."""
    kilobytes = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text())[1]
    return int(kilobytes) / 1024


def measure(label, files_size, operation):
    """Run `operation` and print the memory it took, against the size of its files."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM starts again from VmRSS
    hwm_before = high_water_mark()
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    began = time.perf_counter()
    try:
        outcome = operation()
        peak = (tracemalloc.get_traced_memory()[1] - baseline) / MB
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - began
    far_below = peak < files_size / 4
    print(f"{label}: {outcome} in {elapsed:.1f} s")
    print(f"  files: {files_size:.1f} MB; peak Python memory during it: +{peak:.1f} MB")
    print(f"  VmHWM: {hwm_before:.0f} MB before, {high_water_mark():.0f} MB after")
    verdict = "stayed far below" if far_below else "did NOT stay far below"
    print(f"  verdict: the peak {verdict} the files' total (a quarter is {files_size / 4:.1f} MB)")
    return peak, far_below


def upload(handler, session, client, folder):
    from django.conf import settings

    from sessions.models import Statement
    from tests.factories import OrganizationFactory

    path = f"/en/conferences/{session.conference.slug}/sessions/{session.slug}/upload/"
    client.get(path, {"rows": UPLOADS})  # sets the CSRF cookie
    fields = {
        "csrfmiddlewaretoken": client.cookies[settings.CSRF_COOKIE_NAME].value,
        "form-TOTAL_FORMS": UPLOADS,
        "form-INITIAL_FORMS": 0,
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 40,
        "publish": "on",
    }
    files = {}
    for number, organization in enumerate(OrganizationFactory.create_batch(UPLOADS)):
        fields |= {f"form-{number}-organization": organization.pk, f"form-{number}-language": "en"}
        files[f"form-{number}-file"] = write_pdf(
            folder / f"statement-{number}.pdf", UPLOAD_SIZE, f"Statement {number}"
        )
    boundary = uuid.uuid4().hex
    body = write_multipart(folder / "upload.body", boundary, fields, files)
    cookies = "; ".join(f"{morsel.key}={morsel.value}" for morsel in client.cookies.values())
    request = wsgi_environ(
        path, f"rows={UPLOADS}", cookies, body, f"multipart/form-data; boundary={boundary}"
    )
    files_size = sum(file.stat().st_size for file in files.values()) / MB

    def post():
        status, _size = serve(handler, request)
        saved = Statement.objects.count()
        if not status.startswith("200") or saved != UPLOADS:
            sys.exit(f"the upload answered {status} and saved {saved} statements, not {UPLOADS}")
        return f"{status}, {saved} statements saved"

    return files_size, *measure(f"upload of {UPLOADS} files in one request", files_size, post)


def download(handler, session, folder):
    from django.core.files import File

    from tests.factories import StatementFactory

    with open(write_pdf(folder / "large.pdf", DOWNLOAD_SIZE, "Large statement"), "rb") as source:
        statement = StatementFactory(session=session, file=File(source, name="large.pdf"))
    path = f"/en/conferences/{session.conference.slug}/statements/{statement.pk}/file/"
    files_size = statement.size / MB

    def get():
        status, size = serve(handler, wsgi_environ(path))
        if not status.startswith("200") or size != statement.size:
            sys.exit(f"the download answered {status} with {size:,} bytes, not {statement.size:,}")
        return f"{status}, {size / MB:.1f} MB read"

    return files_size, *measure("download of one statement", files_size, get)


def main():
    arguments = parse_arguments()
    with scratch_database(arguments.postgres), tempfile.TemporaryDirectory() as folder:
        from django.core.handlers.wsgi import WSGIHandler
        from django.db import connection

        print(f"database: {connection.vendor}")
        handler = WSGIHandler()
        session, client = set_up()
        results = {
            "upload": upload(handler, session, client, Path(folder)),
            "download": download(handler, session, Path(folder)),
        }
    print("summary:")
    for label, (files_size, peak, far_below) in results.items():
        verdict = "far below" if far_below else "NOT far below"
        print(f"  {label} of {files_size:.0f} MB: peak +{peak:.1f} MB of Python memory, {verdict}")


if __name__ == "__main__":
    main()
