"""Writing extracted rows in batches, so a 2,000-page statement never sits in memory whole.

This is on the per-page hot path, so it is lean:
- Rows go in with one prepared INSERT per batch (`executemany`) rather than through model
  instances and bulk_create: building a Django model per transaction cost more than reading
  the page it came from.
- Values are handed to the driver as Python gives them: both supported drivers take dates and
  Decimals (Django registers the SQLite adapters itself); the columns that need Django's
  conversion (the UUID keys, on SQLite) are the same for every row and are converted once.
- Pages are read in a child process (processing.pages), so these writes overlap the reading.
"""

from django.db import connection, transaction
from django.db.models import Field

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
    """Buffers one file's records (transactions of a statement, receipts of a receipt file)
    and writes them in batches; cardholders are created (once per session) as they first
    appear. Every row added is in the database after `flush()`."""

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
        self._statement = source_file.kind == FileKind.STATEMENT
        model, names = (
            (Transaction, ["employee", "page", "line", "transaction_date", "posting_date",
                           "description", "amount"])
            if self._statement
            else (Receipt, ["page", "merchant", "receipt_date", "total"])
        )  # fmt: skip
        fields: list[Field] = [model._meta.get_field(name) for name in ["session", "source_file"]]
        fields += [model._meta.get_field(name) for name in names]
        quote = connection.ops.quote_name
        self._sql = (
            f"INSERT INTO {quote(model._meta.db_table)} "
            f"({', '.join(quote(field.column) for field in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))})"
        )
        self._owner = (
            fields[0].get_db_prep_save(session.pk, connection),
            fields[1].get_db_prep_save(source_file.pk, connection),
        )
        self._rows: list[tuple] = []

    def add(self, rows: list[tuple]) -> None:
        """Queue a page's records: `as_row()` tuples of ExtractedTransaction (whose cardholder
        becomes the employee's id when written) or of ExtractedReceipt."""
        self._rows.extend(rows)
        self.records += len(rows)
        if len(self._rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write what is queued."""
        rows, self._rows = self._rows, []
        if not rows:
            return
        owner = self._owner
        if self._statement:
            self._add_employees({row[0] for row in rows} - self.employees.keys() - {None})
            ids = self.employees
            batch = [(*owner, ids.get(row[0]), *row[1:]) for row in rows]
        else:
            batch = [owner + row for row in rows]
        # One transaction per batch: row by row in autocommit, each insert would be a commit.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(self._sql, batch)

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
