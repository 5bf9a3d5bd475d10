"""Refusing an oversized upload while it arrives, before any of it is stored.

Django spools uploaded files to disk as they arrive and the upload phase checks their sizes
afterwards; without this handler a session of fifty 50 MB files would be written to the web
server's disk only to be refused. This handler sits first in FILE_UPLOAD_HANDLERS: it stops
storing as soon as a file, or the request as a whole, goes past its limit, and leaves a message
naming the file for the form to show.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from processing.upload import megabytes

# Room in a request for the form's other fields and the multipart boundaries.
_FORM_OVERHEAD = 64 * 1024


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.too_large = content_length > settings.RECON_MAX_UPLOAD_BYTES + _FORM_OVERHEAD
        self.received = 0

    def new_file(self, field_name, file_name, *args, **kwargs) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.too_large:
            limit = megabytes(settings.RECON_MAX_UPLOAD_BYTES)
            self._refuse(f"These files add up to more than {limit}, the limit per session.")
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.RECON_MAX_FILE_BYTES:
            limit = megabytes(settings.RECON_MAX_FILE_BYTES)
            self._refuse(f"“{self.file_name}” is larger than the limit of {limit} per file.")
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self, message: str) -> None:
        self.request.upload_refused = message
        # Not connection_reset: the rest of the request is read and thrown away, so the
        # browser gets the answer instead of a broken connection.
        raise StopUpload(connection_reset=False)
