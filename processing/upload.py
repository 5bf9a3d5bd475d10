"""The upload phase: check the files, store them through the storage API, queue the session.

`create_session` is the one way a session comes to exist, used by the web form and the
`create_session` command alike. Every file is checked before anything is written, so a refused
upload leaves nothing behind; once stored, the upload phase is reported like any other.

The files are untrusted: each is opened in a child process under the readers' memory and
processor-time limits (processing.limits), never in the web process itself.
"""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.files.base import File
from django.utils import timezone

from processing import work_queue
from processing.errors import UploadRefused
from processing.limits import LimitExceeded, run_limited
from processing.pdf import PdfError, PdfInfo, inspect_pdf
from processing.tracker import ProgressTracker
from sessions_app.models import FileKind, Session, UploadedFile
from sessions_app.progress.phases import Phase

Clock = Callable[[], datetime]


@dataclass
class IncomingFile:
    """A file offered for upload: from a browser form or from disk."""

    name: str
    content: File

    @property
    def size(self) -> int:
        return self.content.size


@dataclass
class _CheckedFile:
    incoming: IncomingFile
    kind: str
    size: int
    sha256: str
    page_count: int
    warning: str | None = None


def check_files(
    *, statements: Sequence[IncomingFile], receipts: Sequence[IncomingFile]
) -> list[_CheckedFile]:
    """Read and check every file against the limits; UploadRefused listing every problem."""
    errors: list[str] = []
    if not statements:
        errors.append("Add at least one card statement (PDF).")
    total = len(statements) + len(receipts)
    if total > settings.RECON_MAX_FILES_PER_SESSION:
        errors.append(
            f"{total} files is too many: a session takes at most "
            f"{settings.RECON_MAX_FILES_PER_SESSION} files."
        )
    size = sum(incoming.size for incoming in (*statements, *receipts))
    if size > settings.RECON_MAX_UPLOAD_BYTES:
        errors.append(
            f"These files add up to {megabytes(size)}; a session takes at most "
            f"{megabytes(settings.RECON_MAX_UPLOAD_BYTES)}."
        )
    if errors:
        raise UploadRefused(errors)

    checked: list[_CheckedFile] = []
    for kind, files in ((FileKind.STATEMENT, statements), (FileKind.RECEIPT, receipts)):
        for incoming in files:
            if incoming.size > settings.RECON_MAX_FILE_BYTES:
                errors.append(
                    f"“{incoming.name}” is {megabytes(incoming.size)}; the limit is "
                    f"{megabytes(settings.RECON_MAX_FILE_BYTES)} per file."
                )
                continue
            # One file in memory at a time (PyMuPDF opens from bytes); stored later by streaming.
            data = _read(incoming.content)
            try:
                info = inspect_limited(data=data, name=incoming.name)
            except PdfError as exc:
                errors.append(str(exc))
                continue
            digest = hashlib.sha256(data).hexdigest()
            checked.append(
                _CheckedFile(
                    incoming,
                    kind,
                    len(data),
                    digest,
                    info.page_count,
                    info.warning(incoming.name),
                )
            )
            del data
    if errors:
        raise UploadRefused(errors)
    return checked


def inspect_limited(*, data: bytes, name: str) -> PdfInfo:
    """inspect_pdf in a child process under the readers' limits; PdfError (naming the file)
    for a file that cannot be used, or one that goes over a limit while being opened."""
    try:
        return run_limited(
            partial(inspect_pdf, data=data, name=name),
            memory_mb=settings.RECON_READER_MEMORY_MB,
            cpu_seconds=settings.RECON_READER_CPU_SECONDS,
            timeout=settings.RECON_READER_CPU_SECONDS + 30,
        )
    except LimitExceeded as exc:
        if exc.kind == "memory":
            problem = (
                "needs more memory to open than Recon allows a PDF "
                f"({settings.RECON_READER_MEMORY_MB} MB)"
            )
        elif exc.kind == "time":
            problem = "takes too long to open"
        else:
            problem = "made the PDF reader crash"
        raise PdfError(
            f"“{name}” {problem}: it may be damaged, or built to overload PDF readers. Save "
            "it again from the bank's website (or print it to a new PDF) and upload that.",
            file=name,
        ) from exc


def create_session(
    *,
    owner,
    name: str,
    statements: Sequence[IncomingFile],
    receipts: Sequence[IncomingFile] = (),
    clock: Clock = timezone.now,
) -> Session:
    """Create a queued session holding the given files, or raise UploadRefused and store nothing."""
    name = name.strip()
    if not name:
        raise UploadRefused(["Give the session a name (for example the statement month)."])
    checked = check_files(statements=statements, receipts=receipts)

    session = Session.objects.create(owner=owner, name=name[:200], created_at=clock())
    try:
        tracker = ProgressTracker(session_id=session.pk, clock=clock)
        tracker.start_phase(Phase.UPLOAD, files_uploaded=0, bytes_uploaded=0)
        stored_bytes = 0
        for position, item in enumerate(checked):
            _store(session=session, item=item, position=position)
            stored_bytes += item.size
            tracker.update_phase(
                done=position + 1,
                total=len(checked),
                files_uploaded=position + 1,
                bytes_uploaded=stored_bytes,
            )
        work_queue.finish_upload(tracker)
    except BaseException:
        # Nothing half-made survives: the rows go, and with them (signals) the stored files.
        session.delete()
        raise
    session.refresh_from_db()
    return session


def _store(*, session: Session, item: _CheckedFile, position: int) -> UploadedFile:
    record = UploadedFile(
        session=session,
        kind=item.kind,
        position=position,
        original_name=item.incoming.name[:255],
        size_bytes=item.size,
        sha256=item.sha256,
        page_count=item.page_count,
        warnings=[item.warning] if item.warning else [],
    )
    content = item.incoming.content
    content.seek(0)
    record.file.save(f"{record.id}.pdf", content, save=False)
    try:
        record.save()
    except BaseException:
        record.file.storage.delete(record.file.name)
        raise
    return record


def _read(content: File) -> bytes:
    content.seek(0)
    return content.read()


def megabytes(size: int) -> str:
    """A size in words: "50 MB", "0.1 MB"."""
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
