"""Writing extracted rows in batches, so a 2,000-page statement never sits in memory whole.

This is on the per-page hot path, so it is lean:
- Rows go in with one prepared INSERT per batch (`executemany`) rather than through model
  instances and bulk_create: building a Django model per transaction cost more than reading
  the page it came from.
- Values are handed to the driver as Python gives them: both supported drivers take dates and
  Decimals (Django registers the SQLite adapters itself); the columns that need Django's
  conversion (UUID keys on SQLite) are the same for every row and are converted once.
- Pages are read in a child process (processing.pages), so these writes overlap the reading.
"""

from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import Field, Model

from sessions_app.models import (
    Employee,
    FileKind,
    Receipt,
    Session,
    Transaction,
    UploadedFile,
)

BATCH_SIZE = 1000


class RecordWriter:
    """Buffers one file's transactions and receipts and writes them in batches; cardholders
    are created (once per session) as they first appear. `close()` guarantees that every row
    added is written (or raises why not)."""

    def __init__(
        self,
        *,
        session: Session,
        source_file: UploadedFile,
        employees: dict[tuple[str, str], int],
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.session_id = session.pk
        self.source_file_id = source_file.pk
        self.employees = employees
        self.batch_size = batch_size
        self.records = 0
        owner = {"session": session.pk, "source_file": source_file.pk}
        self._transactions = _Insert(
            Transaction,
            ["session", "source_file", "employee", "page", "line", "transaction_date",
             "posting_date", "description", "amount"],
            owner,
        )  # fmt: skip
        self._receipts = _Insert(
            Receipt, ["session", "source_file", "page", "merchant", "receipt_date", "total"], owner
        )
        self._pending = (
            self._receipts if source_file.kind == FileKind.RECEIPT else self._transactions
        )

    def add(self, rows: list[tuple]) -> None:
        """Queue a page's records: `as_row()` tuples of ExtractedTransaction (whose cardholder
        becomes the employee's id when written) or of ExtractedReceipt, by the file's kind."""
        self._pending.rows.extend(rows)
        self.records += len(rows)
        if len(self._pending.rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Send what is queued to the database."""
        transactions, receipts = self._transactions.take(), self._receipts.take()
        if transactions is None and receipts is None:
            return
        # One transaction per batch: row by row in autocommit, each insert would be a commit.
        with transaction.atomic(), connection.cursor() as cursor:
            if transactions is not None:
                sql, rows = transactions
                self._add_employees({row[2] for row in rows} - self.employees.keys() - {None})
                ids = self.employees
                cursor.executemany(sql, [(*row[:2], ids.get(row[2]), *row[3:]) for row in rows])
            if receipts is not None:
                cursor.executemany(*receipts)

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


class _Insert:
    """Rows for one table and the INSERT that writes them."""

    def __init__(self, model: type[Model], names: Sequence[str], constants: dict) -> None:
        fields: list[Field] = [model._meta.get_field(name) for name in names]
        quote = connection.ops.quote_name
        self.sql = (
            f"INSERT INTO {quote(model._meta.db_table)} "
            f"({', '.join(quote(field.column) for field in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))})"
        )
        self.constants = tuple(
            fields[names.index(name)].get_db_prep_save(value, connection)
            for name, value in constants.items()
        )
        self.rows: list[tuple] = []

    def take(self) -> tuple[str, list[tuple]] | None:
        """The queued rows, ready for the driver, and an empty queue."""
        if not self.rows:
            return None
        constants = self.constants
        batch = [constants + row for row in self.rows]
        self.rows = []
        return self.sql, batch
