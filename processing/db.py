"""The worker's side of the database: bounded waits, transient errors, outages.

- Bounded waits. A worker's connections carry PostgreSQL's `lock_timeout`, `statement_timeout`
  and `idle_in_transaction_session_timeout` (the web's do not): a worker never queues behind a
  lock for long, and a frozen worker's open transaction is ended by the server, releasing the
  locks it held, well before its session counts as stalled.
- Transient errors. A lost connection, a server shutting down or restarting, a serialization
  failure, a deadlock or a lock timeout are not the session's fault: the run is resumed after a
  reconnect (processing.management.commands.process_sessions) instead of being failed.
- Stopping within a second. SIGTERM may come while a query waits on the server; `cancel_all`
  cancels what this process's connections are running, so the worker gets control back.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta

from django.conf import settings
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)

# SQLSTATE classes and codes that say "try again", whatever the statement was.
_TRANSIENT_CLASSES = ("08", "53", "57")  # connection, resources, operator intervention
_TRANSIENT_CODES = {"40001", "40P01", "55P03", "25P03"}  # serialization, deadlock, lock, idle


def is_transient(exc: BaseException) -> bool:
    """True if `exc` (or what caused it) is a database error that a retry can get past."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, InterfaceError):
            return True  # the connection is closed or unusable
        sqlstate = getattr(exc, "sqlstate", None)
        if sqlstate and (sqlstate[:2] in _TRANSIENT_CLASSES or sqlstate in _TRANSIENT_CODES):
            return True
        if isinstance(exc, OperationalError | DatabaseError):
            cause = exc.__cause__
            if cause is not None and getattr(cause, "sqlstate", None):
                exc = cause
                continue
            text = str(exc).lower()
            # SQLite's busy database, and psycopg's lost connections (no SQLSTATE for those).
            if any(word in text for word in _TRANSIENT_WORDS):
                return True
        exc = exc.__cause__ or exc.__context__
    return False


_TRANSIENT_WORDS = (
    "database is locked",
    "server closed the connection",
    "connection is closed",
    "connection is lost",
    "consuming input failed",
    "connection refused",
    "terminating connection",
    "the database system is",
    "could not receive data",
    "could not send data",
    "ssl syscall",
    "connection timeout expired",
)


def short(exc: BaseException) -> str:
    """One line saying what the database said, for a log."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


# -- bounded waits ----------------------------------------------------------------------------


def _timeouts_sql() -> str:
    def ms(seconds: float) -> int:
        return max(1, int(seconds * 1000))

    return (
        f"SET lock_timeout = {ms(settings.RECON_DB_LOCK_TIMEOUT_SECONDS)}; "
        f"SET statement_timeout = {ms(settings.RECON_DB_STATEMENT_TIMEOUT_SECONDS)}; "
        "SET idle_in_transaction_session_timeout = "
        f"{ms(settings.RECON_DB_IDLE_TIMEOUT_SECONDS)}"
    )


_worker: str | None = None


def application_names(worker: str) -> list[str]:
    """What a worker's connections are called in pg_stat_activity (its main connection's name,
    then its writers')."""
    return [f"recon {worker}"[:63], f"recon-writer {worker}"[:63]]


def writer_application_name() -> str:
    """The name a writer thread gives its own connection."""
    return application_names(_worker or "")[1]


def _bound(sender, connection, **kwargs) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_timeouts_sql())
            if _worker:
                cursor.execute("SET application_name = %s", [application_names(_worker)[0]])
    register(connection)


def fence(workers: list[str]) -> int:
    """End the database connections of `workers`, presumed dead (their sessions went stale):
    a frozen worker's open transaction no longer holds locks, and when it wakes up it finds
    itself disconnected, its session taken over. PostgreSQL only; how many were ended."""
    if connection.vendor != "postgresql" or not workers:
        return 0
    names = [name for worker in workers for name in application_names(worker)]
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND application_name = ANY(%s)",
                [names],
            )
            return cursor.fetchone()[0]
    except DatabaseError as exc:  # not allowed (another database role): stale locks then wait
        logger.warning("Could not end the connections of %s (%s)", ", ".join(workers), short(exc))
        return 0


@contextmanager
def worker_connections(worker: str | None = None) -> Iterator[None]:
    """While inside, every connection this process opens (any thread) gets the worker's
    timeouts and name (`worker`) and can be cancelled by `cancel_all`; the web never enters
    this."""
    global _worker
    _worker = worker
    # The wrapper object itself, not Django's proxy (which another thread would resolve to
    # that thread's own connection).
    wrapper = connections[DEFAULT_DB_ALIAS]
    connection_created.connect(_bound, dispatch_uid="recon-worker-timeouts")
    if wrapper.connection is not None:  # opened before (a test's connection)
        _bound(None, wrapper)
    register(wrapper)
    try:
        yield
    finally:
        connection_created.disconnect(dispatch_uid="recon-worker-timeouts")
        _worker = None
        with suppress(Exception):
            if wrapper.vendor == "postgresql" and wrapper.connection is not None:
                with wrapper.cursor() as cursor:
                    cursor.execute(
                        "RESET lock_timeout; RESET statement_timeout; "
                        "RESET idle_in_transaction_session_timeout; RESET application_name"
                    )
        unregister(wrapper)


@contextmanager
def bounded(*, lock_seconds: float = 0.3, statement_seconds: float = 2.0) -> Iterator[None]:
    """A transaction whose lock waits and statements give up quickly (PostgreSQL): for the
    last writes of a worker that is stopping, which must not outlast the stop."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SET LOCAL lock_timeout = {int(lock_seconds * 1000)}; "
                    f"SET LOCAL statement_timeout = {int(statement_seconds * 1000)}"
                )
        yield


# -- cancelling what is running ---------------------------------------------------------------

_registered: set = set()
_registered_lock = threading.Lock()


def register(wrapper) -> None:
    """Let `cancel_all` reach this connection (a Django connection wrapper of any thread)."""
    with _registered_lock:
        _registered.add(wrapper)


def unregister(wrapper) -> None:
    with _registered_lock:
        _registered.discard(wrapper)


def cancel_all() -> None:
    """Cancel the statements this process's registered connections are running (safe from any
    thread); each raises an error its thread handles as transient."""
    with _registered_lock:
        wrappers = list(_registered)
    for wrapper in wrappers:
        raw = wrapper.connection
        if raw is None:
            continue
        with suppress(Exception):
            if wrapper.vendor == "postgresql":
                from psycopg.pq import TransactionStatus

                if raw.pgconn.transaction_status == TransactionStatus.ACTIVE:
                    raw.cancel_safe(timeout=0.5)
            elif wrapper.vendor == "sqlite":
                raw.interrupt()


# -- outages ----------------------------------------------------------------------------------


class Outage:
    """Says once that the database went away and once that it came back, not every poll."""

    def __init__(self, *, worker: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.worker = worker
        self.clock = clock
        self.since: float | None = None

    @property
    def down(self) -> bool:
        return self.since is not None

    def failed(self, exc: BaseException) -> None:
        if self.since is None:
            self.since = self.clock()
            logger.warning(
                "Worker %s: the database is unavailable (%s); retrying until it is back",
                self.worker,
                short(exc),
            )

    def recovered(self) -> None:
        if self.since is not None:
            lasted = timedelta(seconds=round(self.clock() - self.since))
            logger.warning("Worker %s: the database is back after %s", self.worker, lasted)
            self.since = None


def reconnect() -> None:
    """Drop this thread's connection, so the next query opens a fresh one."""
    # Django forgets the connection even when closing it fails (its server went away).
    with suppress(Exception):
        connection.close()


def ping() -> None:
    """Raise unless the database answers now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def wait_for_database(
    *,
    outage: Outage,
    should_stop: Callable[[], bool],
    sleep: Callable[[float], object],
    first_error: BaseException | None = None,
) -> bool:
    """Reconnect until the database answers (backing off up to 2 s between tries); False if
    asked to stop first."""
    delay = 0.1
    if first_error is not None:
        outage.failed(first_error)
    while not should_stop():
        reconnect()
        try:
            ping()
        except (OperationalError, InterfaceError, DatabaseError) as exc:
            outage.failed(exc)
            sleep(delay)
            delay = min(delay * 2, 2.0)
            continue
        outage.recovered()
        return True
    return False


def close_quietly() -> None:
    """Close this thread's connections, even broken ones."""
    with suppress(Exception):
        connections.close_all()
