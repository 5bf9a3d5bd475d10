"""Writing extracted rows in batches, so a 2,000-page statement never sits in memory whole.

This is on the per-page hot path, so it is lean:
- Rows go in with one prepared INSERT per batch (`executemany`; COPY on PostgreSQL) rather
  than through model instances and bulk_create: building a Django model per transaction cost
  more than reading the page it came from.
- Values are handed to the driver as Python gives them: both supported drivers take dates and
  Decimals (Django registers the SQLite adapters itself); the columns that need Django's
  conversion (the UUID keys, on SQLite) are the same for every row and are converted once.
- Pages are read by other processes (processing.pages) and, in a worker, batches are written by
  a thread of their own, so reading, applying the patterns and writing all overlap.
"""

import queue
import threading

from django.db import connection, connections, transaction
from django.db.models import Field

from processing import db
from processing.errors import ClaimLost
from processing.file_kinds import FileKindSpec, spec
from processing.rows import Row
from sessions_app.models import Employee, Session, UploadedFile

BATCH_SIZE = 1000


class RecordWriter:
    """Buffers one file's records (transactions of a statement, receipts of a receipt file)
    and writes them in batches; cardholders are created (once per session) as they first
    appear. Every row added is in the database after `close()`; use it as a context manager."""

    def __init__(
        self,
        *,
        session: Session,
        source_file: UploadedFile,
        employees: dict[tuple[str, str], int],
        worker: str | None = None,
        batch_size: int = BATCH_SIZE,
        kind: FileKindSpec | None = None,
    ) -> None:
        self.session_id = session.pk
        self.worker = worker
        # The claim this run holds: a batch is written only under it.
        self.run_token = session.run_token
        self.source_file_id = source_file.pk
        self.employees = employees
        self.batch_size = batch_size
        self.records = 0
        kind = kind or spec(source_file.kind)
        # A row that names its cardholder has it first; it is written as the employee's id.
        self._cardholders = kind.row._fields[0] == "cardholder"
        model = kind.model
        fields: list[Field] = [model._meta.get_field(name) for name in ["session", "source_file"]]
        fields += [model._meta.get_field(name) for name in kind.columns]
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        columns = ", ".join(quote(field.column) for field in fields)
        self._sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        self._copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self._owner = (
            fields[0].get_db_prep_save(session.pk, connection),
            fields[1].get_db_prep_save(source_file.pk, connection),
        )
        if connection.vendor == "postgresql":
            # COPY takes the keys as text: the same on every row, so written out once.
            self._owner = tuple(str(value) for value in self._owner)
        self._rows: list[tuple] = []
        # A worker writes on a thread with its own connection. Inside an outer transaction (a
        # test's) that connection could not see the rows it refers to: there, write inline.
        self._thread = None if connection.in_atomic_block else _WriterThread()

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is None:
            self.close()
        elif self._thread is not None:
            # The file failed (or was stopped) and will be read again: what is still queued is
            # dropped, not written behind the back of whoever reads it next.
            self._thread.stop(discard=True)

    def close(self) -> None:
        """Write what is queued and wait until every row is in the database."""
        try:
            self.flush()
        finally:
            if self._thread is not None:
                self._thread.stop(raise_error=True)

    def add(self, rows: list[Row]) -> None:
        """Queue rows of the file's kind (processing.rows)."""
        self._rows.extend(rows)
        self.records += len(rows)
        if len(self._rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Send what is queued to be written."""
        rows, self._rows = self._rows, []
        if not rows:
            return
        if self._thread is None:
            self._write(rows)
        else:
            self._thread.submit(lambda: self._write(rows))

    def _write(self, rows: list[tuple]) -> None:
        try:
            self._write_rows(rows)
        except Exception as exc:
            if self.worker is None or not db.is_transient(exc):
                raise
            # The connection was lost, or a lock or statement timed out. If the session was
            # taken over meanwhile (this worker was frozen), say so: the run must then leave
            # without writing anything more, not handle this as its own file's failure.
            if self._claim_lost():
                raise ClaimLost(
                    f"session {self.session_id} was taken over while this worker was away"
                ) from exc
            raise

    def _write_rows(self, rows: list[tuple]) -> None:
        owner = self._owner
        if self._cardholders:
            self._add_employees({row[0] for row in rows} - self.employees.keys() - {None})
            ids = self.employees
            batch = [(*owner, ids.get(row[0]), *row[1:]) for row in rows]
        else:
            batch = [owner + row for row in rows]
        # One transaction per batch: row by row in autocommit, each insert would be a commit.
        with transaction.atomic(), connection.cursor() as cursor:
            self._check_claim()
            if connection.vendor == "postgresql":
                # COPY is PostgreSQL's bulk load (executemany costs three times as much there).
                # psycopg formats and escapes each row in C: building the text in Python cost
                # ten times the client's time.
                with cursor.cursor.copy(self._copy_sql) as copy:
                    write = copy.write_row
                    for row in batch:
                        write(row)
            else:
                cursor.executemany(self._sql, batch)

    def _claim_lost(self) -> bool:
        if connection.in_atomic_block:
            return False  # written inline inside someone's transaction: theirs to handle
        try:
            db.reconnect()
            return not self._held().exists()
        except Exception:
            return False  # cannot tell (the database is away): the error stays transient

    def _held(self):
        held = Session.objects.filter(pk=self.session_id, claimed_by=self.worker)
        return held.filter(run_token=self.run_token) if self.run_token else held

    def _check_claim(self) -> None:
        """Raise ClaimLost unless this worker still holds the session under its run token. The
        row stays locked until the batch commits, so a takeover (which passes a locked row
        over) comes only after the batch and then removes it with the file's other rows, never
        the other way round."""
        if self.worker is None:
            return
        held = self._held().select_for_update(no_key=True).values_list("pk", flat=True)
        if not list(held):
            raise ClaimLost(f"session {self.session_id} is no longer held by {self.worker}")

    def _add_employees(self, cardholders: set[tuple[str, str]]) -> None:
        """Learn the ids of these cardholders, creating those the session does not have yet
        (a long statement has hundreds) in one statement."""
        if not cardholders:
            return
        existing = Employee.objects.filter(
            session_id=self.session_id, name__in={name for name, _ in cardholders}
        ).values_list("name", "card_last4", "pk")
        self.employees.update({(name, last4): pk for name, last4, pk in existing})
        created = Employee.objects.bulk_create(
            Employee(session_id=self.session_id, name=name, card_last4=last4)
            for name, last4 in cardholders - self.employees.keys()
        )
        self.employees.update({(e.name, e.card_last4): e.pk for e in created})


def _connect_writer() -> None:
    own = connections["default"]
    own.ensure_connection()
    if own.vendor == "postgresql":
        with own.cursor() as cursor:
            # Named, so an operator (or a test) can tell the writer's connection in
            # pg_stat_activity, and another worker can end it (db.fence).
            cursor.execute("SET application_name = %s", [db.writer_application_name()])


class _WriterThread:
    """Runs the writes of one file in order on a thread with its own database connection.

    The database does its part of a batch (index updates, constraint checks, the network to
    PostgreSQL) without holding Python's interpreter lock, so that part overlaps the parent's
    reading of the next pages. An error is raised in the reading thread at the next submit or
    at stop.
    """

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._discard = False
        self._thread = threading.Thread(target=self._run, name="recon-writer", daemon=True)
        self._thread.start()

    def submit(self, work) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(work)

    def stop(self, *, raise_error: bool = False, discard: bool = False) -> None:
        if discard:
            self._discard = True
        self._queue.put(None)
        self._thread.join()
        if raise_error and self._error is not None:
            raise self._error

    def _run(self) -> None:
        # SIGTERM's watchdog may cancel what this thread's connection is running.
        db.register(connections["default"])
        try:
            # Connected at once, not at the first batch: a connection lost while the file is
            # read then fails the first batch (and the run resumes) rather than going unseen.
            _connect_writer()
        except BaseException as exc:
            self._error = exc
        try:
            while (work := self._queue.get()) is not None:
                if self._error is None and not self._discard:
                    try:
                        work()
                    except BaseException as exc:
                        self._error = exc
        finally:
            db.unregister(connections["default"])
            db.close_quietly()  # this thread's own connection
