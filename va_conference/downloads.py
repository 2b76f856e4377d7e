"""Files the site hands over as downloads (PDFs, spreadsheets, calendars, exports): one helper,
which names the file as Django's FileResponse does (its Content-Disposition header, in RFC 6266's
form for names in any script) and types it by its extension."""

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(content, filename, private=False):
    """`content` handed over as the file `filename`, typed by its extension: bytes, text, an
    open file, or lines of text to stream. A `private` download is kept by no cache on the way
    (personal data, a delegation's documents)."""
    content_type = CONTENT_TYPES.get(
        filename.rsplit(".", 1)[-1].lower(), "application/octet-stream"
    )
    if isinstance(content, (bytes, str)):
        # Made whole in memory, it is an answer the page cache may keep (a calendar, the States'
        # table), which it keeps no streamed one.
        response = HttpResponse(content, content_type=content_type)
    else:
        response = FileResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
