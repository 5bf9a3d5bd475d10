"""The rows files are read into, and what a reader of a file promises.

Rows are typed tuples: cheap to build by the thousand and to send between processes, and
their fields are the columns they fill (processing.file_kinds says which table); a
transaction's cardholder becomes its employee's id when written."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Protocol


class TransactionRow(NamedTuple):
    cardholder: tuple[str, str] | None  # (name, card last four), or None if not identified
    page: int
    line: int
    transaction_date: date
    posting_date: date | None
    description: str
    amount: Decimal
    # A charge in another currency as printed beside the billed amount, and why the row reads
    # as it does (JSON text), where the reader says.
    original_amount: Decimal | None = None
    original_currency: str = ""
    evidence: str | None = None


class ReceiptRow(NamedTuple):
    page: int
    merchant: str
    receipt_date: date | None
    total: Decimal


Row = TransactionRow | ReceiptRow


@dataclass(frozen=True, slots=True)
class FileCheck:
    """A file's rows compared with what the file itself prints about them (a statement's
    totals), in words, and notes on how it was read."""

    verdict: str  # sessions_app.models.CheckVerdict
    message: str
    notes: dict[str, Any] = field(default_factory=dict)


class FileReader(Protocol):
    """Turns one file's pages, in order, into rows."""

    def read_page(self, content: Any, *, page: int) -> list[Row]:
        """The rows this page completes (a reader may hold rows until `finish`)."""
        ...

    def finish(self) -> list[Row]:
        """The rows still held once the last page is read."""
        ...

    @property
    def held(self) -> int:
        """Rows found so far and held until `finish` (for the page's progress)."""
        ...

    def warnings(self, *, name: str, pages_with_text: int) -> list[tuple[str, list[int]]]:
        """What the accountant should know about file `name` once read: (message, pages)."""
        ...

    def check(self) -> FileCheck | None:
        """The file's rows checked against the file itself, where it can say (statements)."""
        ...


class PageByPage:
    """What a reader whose every page's rows come with the page says at the end: nothing held,
    nothing to check (the file prints nothing its rows could be compared with)."""

    held = 0

    def finish(self) -> list[Row]:
        """Nothing is held back."""
        return []

    def check(self) -> FileCheck | None:
        """Nothing to check."""
        return None
