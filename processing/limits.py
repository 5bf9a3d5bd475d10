"""Limits for every process that parses untrusted PDFs.

A hostile PDF can make MuPDF allocate gigabytes (a page of 100 million characters) or spin for
minutes (pages sharing one enormous content stream). Parsing therefore happens in forked child
processes (the worker's page readers, and the upload check's child) that carry:

- a memory cap: RLIMIT_AS, the address space the child may add to what it inherits, so a
  runaway allocation fails inside MuPDF instead of growing until the machine swaps;
- a processor-time budget: RLIMIT_CPU, after which the kernel stops the child (SIGXCPU);
- no core dumps.

`run_limited` runs one function in such a child and hands back its result.
"""

import contextlib
import multiprocessing
import os
import resource
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any

from processing.errors import PdfError

_MB = 1024 * 1024


class LimitExceeded(Exception):
    """A limited child went over a limit (`kind`: "memory" or "time") or crashed ("crash")."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def apply_limits(*, memory_mb: int | None, cpu_seconds: float | None) -> None:
    """Cap this process (a child about to parse a PDF): address-space growth, processor time,
    core dumps."""
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if memory_mb:
        limit = address_space() + memory_mb * _MB
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if cpu_seconds:
        used = resource.getrusage(resource.RUSAGE_SELF)
        soft = int(used.ru_utime + used.ru_stime + max(1, round(cpu_seconds)))
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))


def address_space() -> int:
    """This process's virtual memory size now, in bytes."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def is_memory_error(exc: BaseException) -> bool:
    """True if `exc` is an allocation that failed (Python's or MuPDF's)."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    # MuPDF says "code=2: malloc (N bytes) failed" (or realloc, calloc).
    return ("alloc" in text and "failed" in text) or "out of memory" in text


def stopped_for_time(exitcode: int | None) -> bool:
    """True if a child's exit code says the kernel stopped it at its processor-time limit."""
    return exitcode in (-signal.SIGXCPU, -signal.SIGKILL)


def run_limited(
    function: Callable[..., Any],
    /,
    *args: Any,
    memory_mb: int | None,
    cpu_seconds: float | None,
    timeout: float | None = None,
) -> Any:
    """`function(*args)` run in a forked child under the limits; its result, or the PdfError it
    raised, or LimitExceeded. Arguments are inherited (not copied); the result is pickled."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(function, args, memory_mb, cpu_seconds, send, receive),
        name="recon-pdf-check",
        daemon=True,
    )
    child.start()
    send.close()
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while not receive.poll(0.2):
            if not child.is_alive() and not receive.poll(0):
                break
            if deadline is not None and time.monotonic() > deadline:
                raise LimitExceeded("time", f"no answer within {timeout:.0f} s")
        try:
            message = receive.recv()
        except EOFError:
            child.join(5)
            if stopped_for_time(child.exitcode):
                raise LimitExceeded("time") from None
            raise LimitExceeded("crash", f"exit code {child.exitcode}") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if message[0] == "ok":
        return message[1]
    if message[0] == "pdf":
        _, text, file, page = message
        raise PdfError(text, file=file, page=page)
    if message[0] == "memory":
        raise LimitExceeded("memory", message[1])
    raise LimitExceeded("crash", message[1])


def _child(function, args, memory_mb, cpu_seconds, send, parent_end) -> None:
    parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    apply_limits(memory_mb=memory_mb, cpu_seconds=cpu_seconds)
    try:
        send.send(("ok", function(*args)))
    except PdfError as exc:
        send.send(("pdf", str(exc), exc.file, exc.page))
    except Exception as exc:
        kind = "memory" if is_memory_error(exc) else "crash"
        send.send((kind, traceback.format_exc()))
    finally:
        send.close()
