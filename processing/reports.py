"""The expense report: an XLSX workbook (summary per employee, every transaction with its match
status, unmatched receipts, the statements' totals checks and who reviewed it) and a CSV of
transactions, stored through the storage API; and, on demand, CSVs in the layouts QuickBooks
Online and Xero import as bank (card) statements.

Rows are streamed from the database into openpyxl's write-only workbook and the CSV writer, so
a report of a hundred thousand transactions never sits in memory whole. Each sheet opens the way
an accountant sets one up by hand: columns wide enough, the heading frozen, filters on, amounts
and dates formatted, and a totals row (SUBTOTAL, so it follows the filters).
"""

import csv
import io
import tempfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TextIO

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from sessions_app.models import (
    CheckVerdict,
    FileKind,
    MatchMethod,
    MatchStatus,
    Receipt,
    ReportFile,
    ReportKind,
    Session,
    Transaction,
)
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
    "Review",
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
STATEMENT_COLUMNS = ["Statement", "Totals check", "Details"]
MONEY = "#,##0.00"
DATE = "yyyy-mm-dd"
COUNT = "0"

# Column widths in characters, per sheet, in column order.
WIDTHS = {
    "Summary": [28, 8, 14, 14, 14, 14, 16, 22],
    "Transactions": [12, 12, 24, 7, 44, 13, 12, 28, 13, 13, 28, 7, 18],
    "Unmatched receipts": [12, 32, 13, 28, 7],
    "Statements": [36, 30, 80],
}
# The columns a totals row adds up (1-based), per sheet; the first column says "Total".
TOTALS = {
    "Summary": [3, 4, 5, 6, 7, 8],
    "Transactions": [6],
    "Unmatched receipts": [3],
}

# QuickBooks Online's bank-statement upload, three-column layout (Date, Description, Amount):
# a signed amount, money out negative, so a card charge is negative and a refund positive;
# MM/DD/YYYY dates (the form QuickBooks suggests first); plain numbers, no thousands separator.
QUICKBOOKS_COLUMNS = ["Date", "Description", "Amount"]
QUICKBOOKS_DATE = "%m/%d/%Y"
# Xero's "Import a Statement" CSV template: the starred columns are required; money spent is
# negative; DD/MM/YYYY dates as in Xero's own template. Xero takes up to 1,000 lines a file.
XERO_COLUMNS = ["*Date", "*Amount", "Payee", "Description", "Reference"]
XERO_DATE = "%d/%m/%Y"

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
        sheet = _open_sheet(workbook, title, columns)
        count = 0
        for row in rows:
            sheet.append(_cells(sheet, row))
            count += 1
            written += 1
            progress(written)
        _close_sheet(sheet, title, columns, rows=count)
    _about_sheet(workbook, session)

    with tempfile.TemporaryFile() as buffer:
        workbook.save(buffer)
        return _store(session, ReportKind.XLSX, buffer, records=written)


def _open_sheet(workbook: Workbook, title: str, columns: list[str]):
    """A sheet with its widths and frozen heading (both must precede the first row)."""
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(WIDTHS.get(title, []), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_heading(sheet, name) for name in columns])
    return sheet


def _close_sheet(sheet, title: str, columns: list[str], *, rows: int) -> None:
    """Filters over the heading and the rows, then the totals row below them."""
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
    if title not in TOTALS:
        return
    cells = [_heading(sheet, "Total")] + [None] * (len(columns) - 1)
    for column in TOTALS[title]:
        letter = get_column_letter(column)
        total = WriteOnlyCell(sheet, value=f"=SUBTOTAL(9,{letter}2:{letter}{rows + 1})")
        total.font = _BOLD
        total.number_format = COUNT if columns[column - 1] in _COUNTS else MONEY
        cells[column - 1] = total
    sheet.append(cells)


_COUNTS = {"Transactions", "With receipt", "Without receipt"}


def _about_sheet(workbook: Workbook, session: Session) -> None:
    """Who the report is for, whether it was reviewed and by whom, and each statement's
    totals check."""
    sheet = _open_sheet(workbook, "Statements", STATEMENT_COLUMNS)
    checks = list(
        session.files.filter(kind=FileKind.STATEMENT).values_list(
            "original_name", "check_verdict", "check_message"
        )
    )
    for name, verdict, message in checks:
        label = CheckVerdict(verdict).label if verdict else "Not read"
        sheet.append(_cells(sheet, [name, label, message]))
    sheet.auto_filter.ref = f"A1:C{len(checks) + 1}"
    sheet.append([])
    reviewer = session.reviewed_by.get_username() if session.reviewed_by_id else None
    facts = [
        ("Session", session.name),
        ("Written", timezone.localtime().strftime("%Y-%m-%d %H:%M %Z")),
        (
            "Reviewed by",
            f"{reviewer} on {timezone.localtime(session.reviewed_at):%Y-%m-%d %H:%M %Z}"
            if reviewer and session.reviewed_at
            else "Not reviewed: matches as Recon proposed them",
        ),
    ]
    if session.needs_attention:
        facts.append(("Needs attention", session.attention_reason or "Yes"))
    for label, value in facts:
        sheet.append([_heading(sheet, label), _cells(sheet, [value])[0]])


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
            "match__status",
            "match__method",
        )
    )
    for row in rows.iterator(chunk_size=5000):
        (when, posted, name, last4, description, amount, match, merchant, dated, total, file,
         page, match_status, method) = row  # fmt: skip
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
            total, file, page, _review_words(match, match_status, method),
        ]  # fmt: skip


def _review_words(match, status: str | None, method: str | None) -> str:
    if match is None:
        return ""
    if method == MatchMethod.MANUAL:
        return "Matched by hand"
    return "Confirmed" if status == MatchStatus.CONFIRMED else "Proposed by Recon"


def _export_rows(session: Session) -> Iterator[tuple]:
    return (
        Transaction.objects.filter(session=session)
        .order_by("transaction_date", "source_file__position", "page", "line")
        .values_list(
            "transaction_date",
            "description",
            "amount",
            "employee__name",
            "employee__card_last4",
            "match__receipt__merchant",
        )
        .iterator(chunk_size=5000)
    )


def write_quickbooks_csv(session: Session, out: TextIO) -> int:
    """The transactions as QuickBooks Online's three-column bank upload; returns the rows."""
    writer = csv.writer(out)
    writer.writerow(QUICKBOOKS_COLUMNS)
    count = 0
    for when, description, amount, name, last4, _ in _export_rows(session):
        who = f" ({name} card {last4})" if name else ""
        writer.writerow([when.strftime(QUICKBOOKS_DATE), _safe(description + who), _plain(-amount)])
        count += 1
    return count


def write_xero_csv(session: Session, out: TextIO) -> int:
    """The transactions as Xero's statement import template; returns the rows."""
    writer = csv.writer(out)
    writer.writerow(XERO_COLUMNS)
    count = 0
    for when, description, amount, name, last4, merchant in _export_rows(session):
        writer.writerow(
            [
                when.strftime(XERO_DATE),
                _plain(-amount),
                _safe(merchant or description),
                _safe(description),
                f"{name} card {last4}" if name else "",
            ]
        )
        count += 1
    return count


def _plain(amount: Decimal) -> str:
    """12.50, -1234.00: no thousands separator, no currency, two decimals."""
    return f"{amount:.2f}"


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
        elif isinstance(value, int):
            cell.number_format = COUNT
        cells.append(cell)
    return cells


def _safe(value):
    # Text from statements must never become a formula in the accountant's spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
