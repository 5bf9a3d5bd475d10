"""The expense report: an XLSX workbook (summary per employee, every transaction with its match
status, unmatched receipts) and a CSV of transactions, stored through the storage API.

Rows are streamed from the database into openpyxl's write-only workbook and the CSV writer, so
a report of a hundred thousand transactions never sits in memory whole.
"""

import csv
import io
import tempfile
from collections.abc import Callable, Iterator
from decimal import Decimal

from django.core.files import File
from django.db import transaction
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from sessions_app.models import Receipt, ReportFile, ReportKind, Session, Transaction
from sessions_app.selectors.results import cardholder_summaries

TRANSACTION_COLUMNS = [
    "Date",
    "Posting date",
    "Employee",
    "Card",
    "Description",
    "Amount",
    "Status",
    "Receipt merchant",
    "Receipt date",
    "Receipt total",
    "Statement",
    "Page",
]
SUMMARY_COLUMNS = [
    "Employee",
    "Card",
    "Transactions",
    "Charges",
    "Credits",
    "With receipt",
    "Without receipt",
    "Amount without receipt",
]
RECEIPT_COLUMNS = ["Date", "Merchant", "Total", "File", "Page"]
MONEY = "#,##0.00"
DATE = "yyyy-mm-dd"

Progress = Callable[[int], None]


def report_size(session: Session) -> int:
    """How many records the two files will hold (for the phase percentage)."""
    transactions = session.transactions.count()
    unmatched = session.receipts.filter(match__isnull=True).count()
    cardholders = session.employees.count()
    cardholders += session.transactions.filter(employee__isnull=True).exists()
    return transactions * 2 + unmatched + cardholders


def write_xlsx(session: Session, *, progress: Progress) -> ReportFile:
    """Write and store the workbook; `progress(records)` is called as rows are written."""
    workbook = Workbook(write_only=True)
    written = 0
    sheets = (
        ("Summary", SUMMARY_COLUMNS, _summary_rows(session)),
        ("Transactions", TRANSACTION_COLUMNS, _transaction_rows(session)),
        ("Unmatched receipts", RECEIPT_COLUMNS, _unmatched_receipt_rows(session)),
    )
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append([_heading(sheet, name) for name in columns])
        for row in rows:
            sheet.append(_cells(sheet, row))
            written += 1
            progress(written)

    with tempfile.TemporaryFile() as buffer:
        workbook.save(buffer)
        return _store(session, ReportKind.XLSX, buffer, records=written)


def write_csv(session: Session, *, progress: Progress) -> ReportFile:
    """Write and store the CSV of transactions; `progress(records)` as rows are written."""
    written = 0
    with tempfile.TemporaryFile() as buffer:
        text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(TRANSACTION_COLUMNS)
        for row in _transaction_rows(session):
            writer.writerow(["" if value is None else _safe(value) for value in row])
            written += 1
            progress(written)
        text.flush()
        text.detach()
        return _store(session, ReportKind.CSV, buffer, records=written)


def _store(session: Session, kind: str, buffer, *, records: int) -> ReportFile:
    buffer.seek(0, io.SEEK_END)
    size = buffer.tell()
    buffer.seek(0)
    report = ReportFile(session=session, kind=kind, size_bytes=size, records_written=records)
    report.file.save(f"report.{kind}", File(buffer), save=False)
    with transaction.atomic():
        # The report of an earlier attempt is replaced (its file goes with the row).
        ReportFile.objects.filter(session=session, kind=kind).delete()
        report.save()
    return report


def _transaction_rows(session: Session) -> Iterator[list]:
    # Plain values, not model instances: a long statement has tens of thousands of rows.
    rows = (
        Transaction.objects.filter(session=session)
        .order_by("source_file__position", "page", "line")
        .values_list(
            "transaction_date",
            "posting_date",
            "employee__name",
            "employee__card_last4",
            "description",
            "amount",
            "match__id",
            "match__receipt__merchant",
            "match__receipt__receipt_date",
            "match__receipt__total",
            "source_file__original_name",
            "page",
        )
    )
    for row in rows.iterator(chunk_size=5000):
        (when, posted, name, last4, description, amount, match, merchant, dated, total, file,
         page) = row  # fmt: skip
        if match is not None:
            status = "Matched"
        elif amount < 0:
            status = "Credit"
        elif amount == 0:
            status = "No charge"  # needs no receipt, like the summary and the results page
        else:
            status = "No receipt"
        yield [
            when, posted, name or "", last4 or "", description, amount, status, merchant, dated,
            total, file, page,
        ]  # fmt: skip


def _summary_rows(session: Session) -> Iterator[list]:
    for row in cardholder_summaries(session):
        yield [
            row.name,
            row.card_last4,
            row.transactions,
            row.charges,
            row.credits,
            row.matched,
            row.unmatched,
            row.unmatched_total,
        ]


def _unmatched_receipt_rows(session: Session) -> Iterator[list]:
    rows = (
        Receipt.objects.filter(session=session, match__isnull=True)
        .select_related("source_file")
        .order_by("source_file__position", "page")
    )
    for receipt in rows.iterator(chunk_size=2000):
        yield [
            receipt.receipt_date,
            receipt.merchant,
            receipt.total,
            receipt.source_file.original_name,
            receipt.page,
        ]


def _heading(sheet, name: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=name)
    cell.font = _BOLD
    return cell


_BOLD = Font(bold=True)


def _cells(sheet, values: list) -> list:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=_safe(value))
        if isinstance(value, Decimal):
            cell.number_format = MONEY
        elif hasattr(value, "isoformat"):
            cell.number_format = DATE
        cells.append(cell)
    return cells


def _safe(value):
    # Text from statements must never become a formula in the accountant's spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
