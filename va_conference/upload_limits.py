"""How much of a request the site reads: never more than the largest upload it accepts.

The largest upload is the statement upload page full of statement files (UPLOAD_MAX_REQUEST_SIZE
in the settings). A request declaring more is refused with a page that says so, before any of it
is read. Within it, no uploaded file is kept beyond the statement limit: the rest of the file is
read and dropped, so that a 2 GB file never fills a disk, and the form refuses it, naming the
limit. A request with more fields or files than any form of the site has gets the same page.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat


class LimitedFileUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for files too large to hold in memory, keeping no more of each file than
    one byte past the statement limit.

    The file keeps the size it was sent with, so the statement's check (sessions/files.py)
    refuses it as larger than the limit; what it holds is never saved.
    """

    def receive_data_chunk(self, raw_data, start):
        kept = settings.STATEMENT_MAX_UPLOAD_SIZE + 1 - start
        if kept > 0:
            self.file.write(raw_data[:kept])


def request_size_limit(get_response):
    """Answer 413, with a page naming the limits, a request larger than any form of the site
    sends."""

    def middleware(request):
        if declared_length(request) > settings.UPLOAD_MAX_REQUEST_SIZE:
            return too_large(request)
        if request.method == "POST":
            # Read now, within Django's limits of fields and files, so that passing them is
            # answered with this page rather than a bare "Bad Request".
            try:
                request.POST  # noqa: B018
            except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
                return too_large(request)
        return get_response(request)

    return middleware


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        # Django reads no body at all then.
        return 0


def too_large(request):
    return render(
        request,
        "413.html",
        {
            "file_limit": filesizeformat(settings.STATEMENT_MAX_UPLOAD_SIZE),
            "request_limit": filesizeformat(settings.UPLOAD_MAX_REQUEST_SIZE),
        },
        status=413,
    )
