"""The processing phase: every file read page by page into transactions and receipts.

Each file is read through the storage API and handed to reader processes (processing.pages),
which open it with PyMuPDF and regroup each page's words into visual lines; here the patterns
turn lines into records, records are written in batches and every page is reported to the
tracker (data-model.md, Data Flow 1 and 3). A file
is the unit of resumption: its rows are written with it, and a file that was interrupted is
read again from its first page after its partial rows are removed, so nothing is duplicated
or lost.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from processing.errors import ClaimLost, ExtractionError, Interrupted, RegexExtractionError
from processing.file_kinds import spec
from processing.pages import Page, PageStream
from processing.patterns import PatternSet
from processing.rows import FileReader
from processing.tracker import ProgressTracker
from processing.writer import RecordWriter
from sessions_app.models import CheckVerdict, FileKind, FileState, Session, UploadedFile
from sessions_app.progress.phases import Phase
from sessions_app.progress.words import page_ranges


class ExtractionService:
    def __init__(
        self,
        *,
        session: Session,
        tracker: ProgressTracker,
        patterns: PatternSet | None = None,
        should_stop: Callable[[], bool] = lambda: False,
        after_page: Callable[[], None] | None = None,
        clock: Callable[[], datetime] = timezone.now,
    ) -> None:
        self.session = session
        self.tracker = tracker
        self.patterns = patterns
        self.should_stop = should_stop
        self.after_page = after_page
        self.clock = clock
        self.employees: dict[tuple[str, str], int] = {}
        self.pages_processed = 0

    def run(self) -> None:
        """Read every file not yet done, in order; files done in an earlier run are kept."""
        files = list(self.session.files.order_by("position"))
        self.pages_processed = sum(f.page_count or 0 for f in files if f.state == FileState.DONE)
        self.tracker.start_phase(
            Phase.PROCESSING,
            total_files=len(files),
            total_pages=sum(f.page_count or 0 for f in files),
            pages_processed=self.pages_processed,
        )
        if self.patterns is None:
            self.patterns = PatternSet.load()
        for index, uploaded in enumerate(files):
            if uploaded.state != FileState.DONE:
                self.process_file(uploaded, index=index)
        flag_attention(self.session)
        self.tracker.finish_phase()

    def process_file(self, uploaded: UploadedFile, *, index: int) -> None:
        """Read one file from its first page to its last, then mark it done with its rows."""
        name = uploaded.original_name
        with transaction.atomic():
            # A file interrupted in an earlier attempt starts again from a clean slate.
            uploaded.transactions.all().delete()
            uploaded.receipts.all().delete()
            UploadedFile.objects.filter(pk=uploaded.pk).update(
                state=FileState.PROCESSING, started_at=self.clock(), error_message=""
            )
        try:
            with uploaded.file.open("rb") as stored:
                data = stored.read()
        except FileNotFoundError as exc:
            message = f"“{name}” is missing from storage; upload it again in a new session."
            self._mark_failed(uploaded, message)
            raise ExtractionError(message, file=name) from exc
        try:
            kind = spec(uploaded.kind)
            with PageStream(
                data=data, name=name, read_page=kind.read_page, should_stop=self.should_stop
            ) as pages:
                del data  # the reader has its own copy; a long file need not be held twice
                self._read_pages(uploaded, pages, index=index)
        except (Interrupted, ClaimLost):
            raise  # stopped, or another worker has the session: the file is not at fault
        except Exception as exc:
            self._mark_failed(uploaded, str(exc))
            raise

    def _mark_failed(self, uploaded: UploadedFile, message: str) -> None:
        UploadedFile.objects.filter(pk=uploaded.pk).update(
            state=FileState.FAILED, error_message=message[:2000]
        )

    def _read_pages(self, uploaded: UploadedFile, pages: PageStream, *, index: int) -> None:
        name = uploaded.original_name
        total = pages.page_count
        self.tracker.start_file(index=index, name=name, total_pages=total, file_id=uploaded.pk)
        with _naming(name, page=1):
            # An invalid pattern is found where it is first needed: this file, its first page.
            reader = spec(uploaded.kind).reader(self.patterns)
        blank_pages: list[int] = []
        with RecordWriter(
            session=self.session,
            source_file=uploaded,
            employees=self.employees,
            worker=self.tracker.worker,
        ) as writer:
            for page in pages:
                if self.should_stop():
                    raise Interrupted()
                self.process_page(reader, writer, page, name)
                if not page.content:
                    blank_pages.append(page.number)
                if self.after_page is not None:
                    self.after_page()
            with _naming(name, page=total):
                held = reader.finish()
            # In batches, so the writer thread takes them while the next are queued.
            for start in range(0, len(held), writer.batch_size):
                writer.add(held[start : start + writer.batch_size])
            del held

        warnings = _warnings(name=name, total=total, blank_pages=blank_pages)
        warnings += reader.warnings(name=name, pages_with_text=total - len(blank_pages))
        for message, numbers in warnings:
            self.tracker.warn(file=name, pages=numbers, message=message)
        # Only now, with every row in the database, is the file done: a worker that dies
        # before this line leaves it to be read again.
        done = UploadedFile.objects.filter(pk=uploaded.pk)
        if self.tracker.worker is not None:
            done = done.filter(session__claimed_by=self.tracker.worker)
        check = reader.check()
        marked = done.update(
            state=FileState.DONE,
            page_count=total,
            regex_matches_found=writer.records,
            pages_without_text=len(blank_pages),
            warnings=[message for message, _ in warnings],
            check_verdict=check.verdict if check else "",
            check_message=check.message if check else "",
            reading_notes=check.notes if check else {},
            completed_at=self.clock(),
        )
        if not marked:
            raise ClaimLost(f"session {self.session.pk} was taken over while “{name}” was read")
        self.tracker.finish_file()

    def process_page(self, reader: FileReader, writer: RecordWriter, page: Page, name: str) -> int:
        """Extract one page's records, queue them for writing and report the page done;
        returns how many records the page completed."""
        with _naming(name, page=page.number):
            rows = reader.read_page(page.content, page=page.number)
        writer.add(rows)
        self.pages_processed += 1
        self.tracker.update_progress(
            page=page.number,
            regex_matches_found=writer.records + reader.held,
            pages_processed=self.pages_processed,
        )
        return len(rows)


def flag_attention(session: Session) -> None:
    """Flag the session *needs attention* when a statement yielded no rows or disagrees with
    its own totals, with the reasons in words (or clear the flag when none does)."""
    reasons = []
    statements = session.files.filter(kind=FileKind.STATEMENT).order_by("position")
    for file in statements.only(
        "original_name", "regex_matches_found", "check_verdict", "check_message"
    ):
        if file.regex_matches_found == 0:
            reasons.append(f"No transactions were found in “{file.original_name}”.")
        elif file.check_verdict == CheckVerdict.DISAGREES:
            reasons.append(f"“{file.original_name}” {file.check_message}.")
    Session.objects.filter(pk=session.pk).update(
        needs_attention=bool(reasons), attention_reason=" ".join(reasons)
    )


@contextmanager
def _naming(name: str, *, page: int) -> Iterator[None]:
    """A pattern's failure names the file and page it failed on."""
    try:
        yield
    except RegexExtractionError as exc:
        exc.file, exc.page = name, page
        raise


def _warnings(*, name: str, total: int, blank_pages: list[int]) -> list[tuple[str, list[int]]]:
    warnings = []
    if blank_pages:
        warnings.append(
            (
                f"{len(blank_pages)} of {total} pages of “{name}” have no text layer "
                f"(scanned images?) and could not be read: {page_ranges(blank_pages)}.",
                blank_pages,
            )
        )
    return warnings
