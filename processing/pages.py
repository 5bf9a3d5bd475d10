"""Reading one PDF's pages in a child process, handing the parent each page's records in order.

Two reasons for the child:
- Overlap. MuPDF keeps Python's interpreter lock while it extracts a page, so nothing else in
  the worker's process can run meanwhile. In a child, the reading (MuPDF, the visual lines, the
  patterns) runs beside the parent's work (database writes, progress), on another core.
- Containment. A hostile PDF that crashes MuPDF kills the child, not the worker: the parent
  reports the file and page and goes on with the next session.

The child is forked: it inherits the compiled patterns and the file's bytes without copying,
and touches neither the database nor the storage (it must not: the forked database connection
belongs to the parent).
"""

import contextlib
import fcntl
import gc
import multiprocessing
import signal
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection

from processing.errors import ExtractionError, RegexExtractionError, RunError
from processing.lines import page_lines
from processing.patterns import PatternSet
from processing.pdf import PdfError, open_pdf
from processing.readers import (
    ExtractedReceipt,
    ExtractedTransaction,
    ReceiptReader,
    StatementReader,
)
from sessions_app.models import FileKind

_ERRORS: dict[str, type[RunError]] = {
    "ExtractionError": ExtractionError,
    "RegexExtractionError": RegexExtractionError,
}


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    rows: list[tuple]  # as_row() of the page's transactions, or of its receipt
    has_text: bool


class PageStream:
    """The pages of one PDF as its child reads them: `page_count` once opened, then each page
    in order. Failures arrive as the errors the pipeline reports, naming file and page."""

    def __init__(self, *, data: bytes, name: str, kind: str, patterns: PatternSet) -> None:
        self.name = name
        self.page_count = 0
        self._last_page = 0
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        _widen(send)
        self._child = context.Process(
            target=_read,
            args=(data, name, kind, patterns, send, self._receive),
            name=f"recon-reader {name}"[:60],
            daemon=True,
        )
        # The child inherits the worker's whole heap. Frozen, the garbage collector leaves those
        # objects alone in the child instead of walking (and so copying) all of them.
        gc.freeze()
        try:
            self._child.start()
        finally:
            gc.unfreeze()
        send.close()  # the child holds the only sending end: its death ends our reading

    def __enter__(self) -> "PageStream":
        message = self._next()
        self.page_count = message[1]
        return self

    def __exit__(self, *exc_info) -> None:
        if self._child.is_alive():
            self._child.terminate()
            self._child.join(timeout=5)
            if self._child.is_alive():
                self._child.kill()
        self._child.join()
        self._receive.close()

    def __iter__(self) -> Iterator[Page]:
        while True:
            message = self._next()
            if message[0] == "done":
                return
            _, number, rows, has_text = message
            self._last_page = number
            yield Page(number, rows, has_text)

    def _next(self) -> tuple:
        try:
            message = self._receive.recv()
        except EOFError:
            page = self._last_page + 1
            raise ExtractionError(
                f"Reading “{self.name}” stopped at page {page}: the PDF reader crashed on it. "
                "The file may be damaged; try saving it again from the bank's website.",
                file=self.name,
                page=page,
            ) from None
        if message[0] != "error":
            return message
        _, kind, text, page = message
        if kind in _ERRORS:
            raise _ERRORS[kind](text, file=self.name, page=page)
        raise RuntimeError(f"reading “{self.name}” failed in the reader process:\n{text}")


def _read(
    data: bytes,
    name: str,
    kind: str,
    patterns: PatternSet,
    send: Connection,
    parent_end: Connection,
) -> None:
    """The child: open, read every page, send each page's records; errors are sent as data."""
    parent_end.close()
    # The worker's handlers came with the fork: here SIGTERM (the parent ending the read) must
    # end the child, and Ctrl-C in the terminal is the parent's to handle, not the child's.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    page = None
    try:
        with open_pdf(data=data, name=name) as document:
            send.send(("opened", document.page_count))
            page = 1  # an invalid pattern is found where it is first needed
            reader = (
                StatementReader(patterns) if kind == FileKind.STATEMENT else ReceiptReader(patterns)
            )
            for page in range(1, document.page_count + 1):
                lines = _lines(document, page, name)
                send.send(("page", page, _rows(reader.read_page(lines, page=page)), bool(lines)))
        send.send(("done",))
    except BrokenPipeError:
        return  # the parent stopped listening (it was stopped, or died)
    except PdfError as exc:
        send.send(("error", "ExtractionError", str(exc), None))
    except RunError as exc:
        send.send(("error", type(exc).__name__, str(exc), exc.page or page))
    except Exception:
        send.send(("error", "crash", traceback.format_exc(), page))


def _widen(pipe: Connection) -> None:
    # A pipe holds 64 KB, about 25 pages of rows; with 1 MB the reader keeps going while the
    # parent commits a batch or writes progress, instead of waiting for it.
    # Below a system limit of 1 MB the call fails and the default size still works.
    with contextlib.suppress(OSError):
        fcntl.fcntl(pipe.fileno(), _F_SETPIPE_SZ, _PIPE_BYTES)


_F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)
_PIPE_BYTES = 1024 * 1024


def _rows(found: list[ExtractedTransaction] | ExtractedReceipt | None) -> list[tuple]:
    if found is None:
        return []
    if isinstance(found, ExtractedReceipt):
        return [found.as_row()]
    return [row.as_row() for row in found]


def _lines(document, number: int, name: str):
    try:
        return page_lines(document.load_page(number - 1))
    except Exception as exc:  # MuPDF's errors do not share one base class
        detail = str(exc).strip() or type(exc).__name__
        raise ExtractionError(
            f"Page {number} of “{name}” cannot be read: it is damaged ({detail[:160]}).",
            file=name,
            page=number,
        ) from exc
