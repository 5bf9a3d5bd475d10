"""Writing extracted rows in batches, so a 2,000-page statement never sits in memory whole."""

from processing.readers import ExtractedReceipt, ExtractedTransaction
from sessions_app.models import Employee, Receipt, Session, Transaction, UploadedFile

BATCH_SIZE = 1000


class RecordWriter:
    """Buffers one file's transactions and receipts and writes them in batches; cardholders
    are created (once per session) as they first appear."""

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
        self._transactions: list[Transaction] = []
        self._receipts: list[Receipt] = []

    def add(self, found: list[ExtractedTransaction] | ExtractedReceipt | None) -> int:
        """Queue what a page produced; returns how many records that was."""
        if found is None:
            return 0
        if isinstance(found, ExtractedReceipt):
            self._receipts.append(
                Receipt(
                    session_id=self.session_id,
                    source_file_id=self.source_file_id,
                    page=found.page,
                    merchant=found.merchant[:300],
                    receipt_date=found.receipt_date,
                    total=found.total,
                )
            )
            count = 1
        else:
            self._transactions.extend(
                Transaction(
                    session_id=self.session_id,
                    employee_id=self._employee(row.cardholder),
                    source_file_id=self.source_file_id,
                    page=row.page,
                    line=row.line,
                    transaction_date=row.transaction_date,
                    posting_date=row.posting_date,
                    description=row.description[:500],
                    amount=row.amount,
                )
                for row in found
            )
            count = len(found)
        self.records += count
        if len(self._transactions) + len(self._receipts) >= self.batch_size:
            self.flush()
        return count

    def flush(self) -> None:
        """Write what is queued."""
        if self._transactions:
            Transaction.objects.bulk_create(self._transactions)
            self._transactions = []
        if self._receipts:
            Receipt.objects.bulk_create(self._receipts)
            self._receipts = []

    def _employee(self, cardholder: tuple[str, str] | None) -> int | None:
        if cardholder is None:
            return None
        if cardholder not in self.employees:
            name, last4 = cardholder
            employee, _ = Employee.objects.get_or_create(
                session_id=self.session_id, name=name[:200], card_last4=last4
            )
            self.employees[cardholder] = employee.pk
        return self.employees[cardholder]
