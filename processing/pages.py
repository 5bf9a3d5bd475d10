"""Reading one PDF's pages in reader processes, handing the parent what the file kind's page
function makes of each page (visual lines, by default), in page order.

Why processes:
- Overlap. MuPDF keeps Python's interpreter lock while it extracts a page, so nothing else in
  the worker's process could run meanwhile. Readers turn pages into lines (MuPDF and the
  regrouping of words, the costly part) beside the parent, which applies the patterns, writes
  rows and reports progress. With two readers (RECON_READER_PROCESSES) taking alternate pages,
  a statement is read faster than one plain PyMuPDF loop could read it.
- Containment. A hostile PDF that crashes MuPDF kills a reader, not the worker: the parent
  reports the file and page and goes on with the next session.

Readers are forked: they inherit the file's bytes without copying, and touch neither the
database nor the storage (they must not: the forked database connection is the parent's).

Readers parse untrusted files, so each runs under processing.limits: a memory cap
(RECON_READER_MEMORY_MB), its share of the file's processor-time budget
(RECON_READER_CPU_SECONDS), and a page whose content streams hold more than
RECON_MAX_PAGE_CHARACTERS characters is refused before MuPDF interprets it (the size is counted
by inflating at most that much, so a page sharing a 1 GB stream costs milliseconds to refuse).
"""

import contextlib
import ctypes
import fcntl
import gc
import math
import multiprocessing
import signal
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pymupdf
from django.conf import settings

from processing.errors import ExtractionError, Interrupted, PdfError
from processing.limits import apply_limits, is_memory_error, stopped_for_time
from processing.lines import page_lines
from processing.pdf import open_pdf


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    # What the file kind's page function made of the page (processing.file_kinds).
    content: Any


class PageStream:
    """The pages of one PDF as its readers read them: `page_count` once opened, then every
    page's lines in order. A file or page that cannot be read, or a page that takes longer than
    RECON_PAGE_TIMEOUT_SECONDS, raises ExtractionError naming it; `should_stop` returning True
    while a page is awaited raises Interrupted."""

    def __init__(
        self,
        *,
        data: bytes,
        name: str,
        read_page: Callable[[pymupdf.Page], Any] = page_lines,
        readers: int | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self.name = name
        self.page_count = 0
        self.should_stop = should_stop
        self.timeout = settings.RECON_PAGE_TIMEOUT_SECONDS
        count = max(1, settings.RECON_READER_PROCESSES if readers is None else readers)
        limits = _Limits(
            memory_mb=settings.RECON_READER_MEMORY_MB,
            # The file's budget, shared among its readers (each reads every n-th page).
            cpu_seconds=math.ceil(settings.RECON_READER_CPU_SECONDS / count),
            characters=settings.RECON_MAX_PAGE_CHARACTERS,
        )
        context = multiprocessing.get_context("fork")
        self._pipes: list[Connection] = []
        self._readers = []
        # The readers inherit the worker's whole heap. Frozen, the garbage collector leaves
        # those objects alone in the readers instead of walking (and so copying) all of them.
        gc.freeze()
        try:
            for index in range(count):
                receive, send = context.Pipe(duplex=False)
                _widen(send)
                reader = context.Process(
                    target=_read,
                    args=(data, name, read_page, index, count, send, receive, limits),
                    name=f"recon-reader {index}",
                    daemon=True,
                )
                reader.start()
                send.close()  # the reader holds the only sending end: its death ends our reading
                self._pipes.append(receive)
                self._readers.append(reader)
        finally:
            gc.unfreeze()

    def __enter__(self) -> "PageStream":
        try:
            for pipe in self._pipes:
                self.page_count = self._receive(pipe, page=None)[1]
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        # Readers keep no state worth saving: killing them is the clean way to stop them (they
        # ignore SIGTERM, which a service manager sends to the whole group, see _read).
        for reader in self._readers:
            if reader.is_alive():
                reader.kill()
        for reader in self._readers:
            reader.join()
        for pipe in self._pipes:
            pipe.close()

    def __iter__(self) -> Iterator[Page]:
        count = len(self._pipes)
        for number in range(1, self.page_count + 1):
            # Reader i reads pages i+1, i+1+count, ...: page n comes from reader (n-1) % count.
            _, _, content = self._receive(self._pipes[(number - 1) % count], page=number)
            yield Page(number, content)

    def _reader_of(self, pipe: Connection):
        return self._readers[self._pipes.index(pipe)]

    def _receive(self, pipe: Connection, *, page: int | None) -> tuple:
        deadline = time.monotonic() + self.timeout
        while not pipe.poll(_POLL_SECONDS):
            if self.should_stop():
                raise Interrupted()
            if time.monotonic() > deadline:
                where = f"Page {page} of “{self.name}”" if page else f"Opening “{self.name}”"
                raise ExtractionError(
                    f"{where} took longer than {self.timeout:.0f} s to read; the file may be "
                    "damaged. Try saving it again from the bank's website.",
                    file=self.name,
                    page=page,
                )
        try:
            message = pipe.recv()
        except EOFError:
            if self.should_stop():  # the reader was stopped along with the worker
                raise Interrupted() from None
            where = f"at page {page}" if page else "while opening it"
            reader = self._reader_of(pipe)
            reader.join(2)
            if stopped_for_time(reader.exitcode):
                budget = settings.RECON_READER_CPU_SECONDS
                raise ExtractionError(
                    f"Reading “{self.name}” was stopped {where}: it needs more than the {budget} "
                    "s of processing time Recon allows a file. The file may be damaged or built "
                    "to overload PDF readers; try saving it again from the bank's website.",
                    file=self.name,
                    page=page,
                ) from None
            raise ExtractionError(
                f"Reading “{self.name}” stopped {where}: the PDF reader crashed on it. "
                "The file may be damaged; try saving it again from the bank's website.",
                file=self.name,
                page=page,
            ) from None
        if message[0] == "error":
            _, text, at, detail = message
            # What MuPDF said stays in the traceback (for administrators), not in the message.
            cause = ReaderDetail(detail) if detail else None
            raise ExtractionError(text, file=self.name, page=at) from cause
        if message[0] == "crash":
            raise RuntimeError(f"reading “{self.name}” failed in a reader process:\n{message[1]}")
        return message


class ReaderDetail(Exception):
    """What the PDF library said about a page, kept for the traceback."""


@dataclass(frozen=True, slots=True)
class _Limits:
    memory_mb: int
    cpu_seconds: int
    characters: int


def _read(
    data: bytes,
    name: str,
    read_page: Callable[[pymupdf.Page], Any],
    index: int,
    count: int,
    send: Connection,
    parent_end: Connection,
    limits: _Limits,
) -> None:
    """A reader: open the file, read its share of the pages, send what `read_page` makes of
    each; failures are sent as data."""
    parent_end.close()
    # Stopping is the parent's business: a service manager's SIGTERM (sent to the whole group)
    # and Ctrl-C in a terminal reach the worker, which stops at a page and then kills its
    # readers. If the worker itself dies, its readers die with it.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    apply_limits(memory_mb=limits.memory_mb, cpu_seconds=limits.cpu_seconds)
    page = None
    try:
        with open_pdf(data=data, name=name) as document:
            send.send(("opened", document.page_count))
            for page in range(index + 1, document.page_count + 1, count):
                content = _content(document, page, name, read_page, limits)
                send.send(("page", page, content))
    except BrokenPipeError:
        return  # the parent stopped listening (it was stopped, or died)
    except ExtractionError as exc:
        detail = exc.__cause__
        send.send(("error", str(exc), exc.page, _detail(detail) if detail else ""))
    except PdfError as exc:
        detail = exc.__cause__
        send.send(("error", str(exc), None, _detail(detail) if detail else ""))
    except Exception as exc:
        if is_memory_error(exc):
            send.send(("error", _too_big(name, page, limits), page, _detail(exc)))
        else:
            send.send(("crash", traceback.format_exc()))


def _content(
    document, number: int, name: str, read_page: Callable[[pymupdf.Page], Any], limits: _Limits
) -> Any:
    try:
        page = document.load_page(number - 1)
        if _content_size(document, page, limit=limits.characters) > limits.characters:
            raise ExtractionError(
                f"Page {number} of “{name}” holds more than {limits.characters:,} characters of "
                "text and drawing instructions, more than Recon reads on one page. The file may "
                "be damaged or built to overload PDF readers; try saving it again from the "
                "bank's website.",
                file=name,
                page=number,
            )
        return read_page(page)
    except ExtractionError:
        raise
    except Exception as exc:  # MuPDF's errors do not share one base class
        if is_memory_error(exc):
            raise ExtractionError(_too_big(name, number, limits), file=name, page=number) from exc
        raise ExtractionError(
            f"Page {number} of “{name}” cannot be read: it is damaged. Try saving the file "
            "again from the bank's website.",
            file=name,
            page=number,
        ) from exc


def _too_big(name: str, page: int | None, limits: _Limits) -> str:
    where = f"Page {page} of “{name}”" if page else f"“{name}”"
    return (
        f"{where} needs more memory than the {limits.memory_mb} MB Recon allows for reading "
        "a file. The file may be damaged or built to overload PDF readers; try saving it again "
        "from the bank's website."
    )


def _detail(exc: BaseException) -> str:
    return (str(exc).strip() or type(exc).__name__)[:500]


def _content_size(document, page, *, limit: int) -> int:
    """The size of the page's content streams and the forms it draws, inflated (or at most
    what they could inflate to), counted up to a little past `limit` and never inflating more
    than that: every character of text on the page is at least one byte of these."""
    xrefs = list(page.get_contents())
    with contextlib.suppress(Exception):
        xrefs += [xobject[0] for xobject in page.get_xobjects()]
    total = 0
    for xref in dict.fromkeys(xrefs):
        total += _stream_size(document, xref, limit=limit - total + 1)
        if total > limit:
            break
    return total


def _stream_size(document, xref: int, *, limit: int) -> int:
    raw = document.xref_stream_raw(xref) or b""
    if len(raw) * _MAX_INFLATION <= limit:
        # It cannot inflate past the limit (a typical page's content stops here): counted at
        # the most it could be, so that many small streams cannot add up unseen.
        return len(raw) * _MAX_INFLATION
    kind, value = document.xref_get_key(xref, "Filter")
    if kind == "null":
        return len(raw)
    if value.strip("[] ") != "/FlateDecode":
        # Another filter (rare in content streams): inflated by MuPDF, under the memory cap.
        return len(document.xref_stream(xref) or b"")
    inflate = zlib.decompressobj()
    size = 0
    chunk = raw
    while chunk and size <= limit:
        try:
            size += len(inflate.decompress(chunk, 1024 * 1024))
        except zlib.error:
            break  # MuPDF reads what it can of a broken stream; so is it counted
        chunk = inflate.unconsumed_tail
    return size


def _die_with_parent() -> None:
    # Linux's PR_SET_PDEATHSIG: the kernel kills this process when the worker exits, even by
    # SIGKILL, so a reader stuck in MuPDF is never left behind.
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


_PR_SET_PDEATHSIG = 1
# Deflate inflates at most about 1032 to 1: a stream this much smaller than a limit is under it
# without being inflated.
_MAX_INFLATION = 1032
_POLL_SECONDS = 0.2


def _widen(pipe: Connection) -> None:
    # A pipe holds 64 KB, a few pages of lines; with 1 MB a reader keeps going while the parent
    # commits a batch or writes progress, instead of waiting for it. Below a system limit of
    # 1 MB the call fails and the default size still works.
    with contextlib.suppress(OSError):
        fcntl.fcntl(pipe.fileno(), _F_SETPIPE_SZ, _PIPE_BYTES)


_F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)
_PIPE_BYTES = 1024 * 1024
