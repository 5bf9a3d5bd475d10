"""Refusing an upload while it arrives, before any of it is stored, always with a message.

Django spools uploaded files to disk as they arrive and the upload phase checks them
afterwards; without these a session of fifty 50 MB files would be written to the web server's
disk only to be refused.

- `refuse_oversized_uploads` (middleware) answers a request whose Content-Length is over the
  session limit at once, without reading its body: a 300 MB upload no longer holds a web
  worker while it is drained.
- `LimitedUploadHandler` (first in FILE_UPLOAD_HANDLERS) stops storing as soon as a file goes
  past its limit, or one file too many arrives, and leaves a message naming the file for the
  form to show. (Django's own count of files answers a bare "400 Bad Request", so
  DATA_UPLOAD_MAX_NUMBER_FILES is off and the count is kept here.)
"""

from collections.abc import Callable

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from processing.upload import megabytes
from sessions_app.forms import NewSessionForm

# Room in a request for the form's other fields and the multipart boundaries.
_FORM_OVERHEAD = 64 * 1024


# Files past the limit are counted up to this many times the limit, then the upload stops.
_FILES_COUNTED = 4


def _files_limit() -> str:
    return f"a session takes at most {settings.RECON_MAX_FILES_PER_SESSION} files."


def too_large_message() -> str:
    limit = megabytes(settings.RECON_MAX_UPLOAD_BYTES)
    return f"These files add up to more than {limit}, the limit per session."


def refuse_oversized_uploads(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer an upload declared larger than the session limit without reading its body."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and _declared_length(request) > _largest_request():
            return _refusal(request, too_large_message())
        return get_response(request)

    return middleware


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _largest_request() -> int:
    return settings.RECON_MAX_UPLOAD_BYTES + _FORM_OVERHEAD


def _refusal(request: HttpRequest, message: str) -> HttpResponse:
    user = getattr(request, "user", None)
    if request.path != reverse("session_new") or not (user and user.is_authenticated):
        return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    form = NewSessionForm(data={})
    form.add_error(None, message)
    template = "sessions_app/session_new.html"
    htmx = request.headers.get("HX-Request") == "true"
    # htmx swaps only successful answers in: it gets the errors with 200, as the view does.
    return render(
        request,
        f"{template}#errors" if htmx else template,
        {"form": form},
        status=200 if htmx else 413,
    )


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.too_large = content_length > _largest_request()
        self.received = 0
        self.files = 0
        self.skipping = False

    def new_file(self, field_name, file_name, *args, **kwargs) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.too_large:
            self._refuse(too_large_message())
        self.files += 1
        limit = settings.RECON_MAX_FILES_PER_SESSION
        # Files past the limit are counted (the message says how many came) but not stored;
        # far past it, the upload stops.
        self.skipping = self.files > limit
        if self.files > limit * _FILES_COUNTED:
            self._refuse(f"More than {self.files - 1} files is too many: {_files_limit()}")
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if self.skipping:
            return None
        self.received += len(raw_data)
        if self.received > settings.RECON_MAX_FILE_BYTES:
            limit = megabytes(settings.RECON_MAX_FILE_BYTES)
            self._refuse(f"“{self.file_name}” is larger than the limit of {limit} per file.")
        return raw_data

    def upload_complete(self) -> None:
        if self.files > settings.RECON_MAX_FILES_PER_SESSION:
            self.request.upload_refused = f"{self.files} files is too many: {_files_limit()}"

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self, message: str) -> None:
        self.request.upload_refused = message
        # Not connection_reset: the rest of the request is read and thrown away, so the
        # browser gets the answer instead of a broken connection. (Requests declared too
        # large never get here: the middleware answers them unread.)
        raise StopUpload(connection_reset=False)
