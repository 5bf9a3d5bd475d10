"""What each kind of file is read into, declared in one place: the row it yields, the table and
columns the row fills, the work its reader processes do per page and the reader that turns
those pages into rows."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import models

from processing.lines import page_lines
from processing.patterns import PatternSet
from processing.readers import ReceiptReader
from processing.rows import FileReader, ReceiptRow, TransactionRow
from processing.statements import StatementFileReader, statement_page
from sessions_app.models import FileKind, Receipt, Transaction


@dataclass(frozen=True)
class FileKindSpec:
    kind: FileKind
    row: type[NamedTuple]
    model: type[models.Model]
    # Run in the reader processes on each PyMuPDF page: its result is the reader's `content`.
    read_page: Callable[[Any], Any]
    reader: Callable[[PatternSet], FileReader]

    @property
    def columns(self) -> tuple[str, ...]:
        """The table's columns the row fills, in the row's order."""
        return tuple("employee" if name == "cardholder" else name for name in self.row._fields)


def spec(kind: str) -> FileKindSpec:
    """The declaration for files of `kind`."""
    return KINDS[FileKind(kind)]


KINDS: dict[FileKind, FileKindSpec] = {
    FileKind.STATEMENT: FileKindSpec(
        kind=FileKind.STATEMENT,
        row=TransactionRow,
        model=Transaction,
        read_page=statement_page,
        reader=StatementFileReader,
    ),
    FileKind.RECEIPT: FileKindSpec(
        kind=FileKind.RECEIPT,
        row=ReceiptRow,
        model=Receipt,
        read_page=page_lines,
        reader=ReceiptReader,
    ),
}
