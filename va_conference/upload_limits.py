"""How much of an uploaded file the site keeps: never more than the statement limit.

Within a request, no uploaded file is kept beyond the statement limit: the rest of the file is
read and dropped, so that a 2 GB file never fills a disk, and the form refuses it, naming the
limit.
"""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


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
