"""The statement reader's contract: a document's pages of words in, typed rows out.

Pure Python with no Django: the worker, the admin preview, the benchmarks and the tests all
call it the same way. Reading is split so the expensive per-page part can run in any process:

    layout = read_page(page)             # PageWords -> PageLayout, pure, picklable result
    reader = StatementReader(profile)    # document-level: columns, date order, years, checks
    reader.add(layout)                   # in page order
    result = reader.finish()             # StatementResult
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

# PyMuPDF's get_text("words") tuple: (x0, y0, x1, y1, text, block_no, line_no, word_no).
# Only the first five fields are relied on; y grows downwards; units are points.
Word = tuple


@dataclass(frozen=True, slots=True)
class PageWords:
    """One page as PyMuPDF gives it: 1-based number, size, and its words in content order."""

    number: int
    width: float
    height: float
    words: Sequence[Word]


class DateOrder(StrEnum):
    DAY_FIRST = "DMY"
    MONTH_FIRST = "MDY"
    YEAR_FIRST = "YMD"


class DecimalStyle(StrEnum):
    POINT = "point"  # 1,234.56
    COMMA = "comma"  # 1.234,56
    WHOLE = "whole"  # 12,800: a currency without minor units (yen, won)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a row reads as it does, in words an admin understands."""

    sign: str  # e.g. "“CR” after the amount", "Credit column", "section “Payments and credits”"
    amount_column: str  # e.g. "Amount", "Debit", "Credit"; never the balance column
    date_order: str  # e.g. "day first (a first field above 12: “13/07”)"
    year: str  # e.g. "printed on the row", "from “Statement date 14 Jan 2024”"


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One transaction, in the statement's order. Charges positive, payments and credits
    negative."""

    date: date
    posting_date: date | None
    description: str
    amount: Decimal
    original_amount: Decimal | None  # in the currency printed, signed as `amount`
    original_currency: str | None
    cardholder: str | None
    card_last4: str | None
    page: int
    evidence: Evidence


# A frozen dataclass sets each field through object.__setattr__, which costs more than all the
# rest of reading a row. The reader's rows are filled in an unfrozen twin (the same slots) that
# then takes StatementRow's class: an ordinary, frozen StatementRow.
class _UnfrozenRow:
    __slots__ = StatementRow.__slots__


def statement_row(
    date: date,
    posting_date: date | None,
    description: str,
    amount: Decimal,
    original_amount: Decimal | None,
    original_currency: str | None,
    cardholder: str | None,
    card_last4: str | None,
    page: int,
    evidence: Evidence,
) -> StatementRow:
    """`StatementRow(...)`, made quickly: a long statement has thousands. (Every field of
    StatementRow is set here.)"""
    row = _UnfrozenRow()
    row.date = date
    row.posting_date = posting_date
    row.description = description
    row.amount = amount
    row.original_amount = original_amount
    row.original_currency = original_currency
    row.cardholder = cardholder
    row.card_last4 = card_last4
    row.page = page
    row.evidence = evidence
    row.__class__ = StatementRow
    return row


class Verdict(StrEnum):
    AGREES = "agrees"
    DISAGREES = "disagrees"
    # Every figure agrees, but some rows are under no printed figure: the statement vouches
    # for the others only.
    PARTLY = "partly"
    UNCHECKED = "unchecked"


@dataclass(frozen=True, slots=True)
class TotalsCheck:
    """The rows read compared with what the statement prints about them."""

    verdict: Verdict
    message: str  # "agrees with the statement's totals" / "does not agree: 3,200.00 of charges
    #               not found" / "no totals or running balance printed: not checked"
    checked: tuple[str, ...] = ()  # what was compared, one phrase each


@dataclass(frozen=True, slots=True)
class Profile:
    """What detection cannot decide for one bank, saved by an admin. Every field is optional:
    None means detect."""

    date_order: DateOrder | None = None
    decimal_style: DecimalStyle | None = None
    amount_column: str | None = None  # header word of the amount column
    debit_column: str | None = None
    credit_column: str | None = None
    credit_markers: tuple[str, ...] = ()  # extra words that mark a credit, e.g. ("CR", "Cr")
    skip_lines: tuple[str, ...] = ()  # lines containing any of these are never rows


@dataclass(slots=True)
class StatementResult:
    rows: list[StatementRow]
    check: TotalsCheck
    date_order: DateOrder | None
    decimal_style: DecimalStyle
    warnings: list[str] = field(default_factory=list)  # each names the page where it has one
