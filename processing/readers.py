"""Reading statements and receipts: visual lines in, transactions and receipts out.

Pure functions of the lines and the patterns (no database), so they are tested directly against
the sample generator's truth.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from processing.errors import RegexExtractionError, ValueNotUnderstood
from processing.lines import Line
from processing.models import PatternKind
from processing.parsing import Period, parse_amount, parse_date
from processing.patterns import Hit, PatternSet, first_hit, search
from processing.rows import PageByPage, ReceiptRow, TransactionRow
from sessions_app.progress.words import page_ranges

_AMOUNT_IN_TEXT = re.compile(r"\d\.\d{2}\b")
# A wrapped description continues on the next line, no more than this many line heights below.
_WRAP_GAP = 1.6
# How far left of the description column a continuation may start (drawing jitter).
_COLUMN_SLACK = 2.0


@dataclass(slots=True)
class ExtractedTransaction:
    page: int
    line: int
    cardholder: tuple[str, str] | None
    transaction_date: date
    posting_date: date | None
    description: str
    amount: Decimal

    def row(self) -> TransactionRow:
        return TransactionRow(
            self.cardholder,
            self.page,
            self.line,
            self.transaction_date,
            self.posting_date,
            self.description,
            self.amount,
        )


@dataclass
class StatementReader(PageByPage):
    """Reads one statement page after page, carrying what spans pages: the statement period,
    the current cardholder and the transaction a wrapped description may continue."""

    patterns: PatternSet
    period: Period | None = None
    cardholder: tuple[str, str] | None = None
    cardholders: set[tuple[str, str]] = field(default_factory=set)
    _last: ExtractedTransaction | None = None
    _last_line: Line | None = None
    _description_x: float = 0.0
    rows_read: int = 0

    def __post_init__(self) -> None:
        self._dates: dict[tuple[str, Period | None], date] = {}
        self._period_patterns = self.patterns.usable(PatternKind.STATEMENT_PERIOD)
        self._cardholder_patterns = self.patterns.usable(PatternKind.CARDHOLDER)
        self._transaction_patterns = self.patterns.usable(PatternKind.TRANSACTION)

    def read_page(self, lines: list[Line], *, page: int) -> list[TransactionRow]:
        """The transactions on one page, in order."""
        found: list[ExtractedTransaction] = []
        self._last = None  # a description never wraps across a page break
        for line in lines:
            # Most lines of a statement are transactions: try them first.
            if hit := first_hit(self._transaction_patterns, line):
                self._last = self._transaction(hit, page=page, number=len(found))
                self._last_line = line
                self._description_x = line.x_at(hit.match.start("description"))
                found.append(self._last)
                continue
            if self._continues_description(line):
                self._last.description += " " + line.text
                self._last_line = line
                continue
            self._last = None
            if hit := first_hit(self._cardholder_patterns, line):
                self.cardholder = (" ".join(hit.groups["name"].split())[:200], hit.groups["last4"])
                self.cardholders.add(self.cardholder)
            elif hit := first_hit(self._period_patterns, line):
                self.period = Period(
                    start=_date(hit, "start", period=None), end=_date(hit, "end", period=None)
                )
        self.rows_read += len(found)
        return [transaction.row() for transaction in found]

    def warnings(self, *, name: str, pages_with_text: int) -> list[tuple[str, list[int]]]:
        """A statement with text but no transactions is worth a word."""
        if self.rows_read or not pages_with_text:
            return []
        return [
            (
                f"No transactions were found in “{name}”: is it a card statement in a layout "
                "Recon knows? (Administrators can add extraction patterns.)",
                [],
            )
        ]

    def _continues_description(self, line: Line) -> bool:
        if self._last is None:
            return False
        previous = self._last_line
        height = previous.y1 - previous.y0
        return (
            line.y0 - previous.y1 < height * (_WRAP_GAP - 1) + 1
            and line.x0 >= self._description_x - _COLUMN_SLACK
            and not _has_amount(line.text)
        )

    def _date(self, hit: Hit, group: str) -> date:
        # A statement's rows share a few dozen dates: parse each once per period.
        text = hit.groups[group]
        key = (text, self.period)
        parsed = self._dates.get(key)
        if parsed is None:
            parsed = self._dates[key] = _date(hit, group, period=self.period)
        return parsed

    def _transaction(self, hit: Hit, *, page: int, number: int) -> ExtractedTransaction:
        groups = hit.groups
        credit = groups.get("credit")
        post_date = groups.get("post_date")
        return ExtractedTransaction(
            page,
            number,
            self.cardholder,
            self._date(hit, "date"),
            self._date(hit, "post_date") if post_date else None,
            # Lines are rebuilt with single spaces, so the group needs no further cleaning.
            groups["description"].strip(),
            _amount(hit, "amount", credit=bool(credit and credit.strip())),
        )


@dataclass
class ReceiptReader(PageByPage):
    """Reads receipts, one per page: the merchant, the date and the total."""

    patterns: PatternSet
    pages_without_total: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._merchant = self.patterns.usable(PatternKind.RECEIPT_MERCHANT)
        self._date = self.patterns.usable(PatternKind.RECEIPT_DATE)
        self._total = self.patterns.usable(PatternKind.RECEIPT_TOTAL)

    def read_page(self, lines: list[Line], *, page: int) -> list[ReceiptRow]:
        """The receipt on this page, or none if no total is on it."""
        total = _first(self._total, lines)
        if total is None:
            if lines:
                self.pages_without_total.append(page)
            return []
        merchant = _first(self._merchant, lines)
        when = _first(self._date, lines)
        merchant_name = " ".join(merchant.groups["merchant"].split()) if merchant else ""
        return [
            ReceiptRow(
                page=page,
                merchant=merchant_name[:300],
                receipt_date=_date(when, "date", period=None) if when else None,
                total=abs(_amount(total, "total")),
            )
        ]

    def warnings(self, *, name: str, pages_with_text: int) -> list[tuple[str, list[int]]]:
        """Pages with text but no total are named."""
        if not self.pages_without_total:
            return []
        pages = self.pages_without_total
        return [(f"No receipt total was found on {page_ranges(pages)} of “{name}”.", pages)]


def _first(patterns, lines: list[Line]) -> Hit | None:
    # Patterns in priority order, each over the page top to bottom: a specific pattern that
    # matches anywhere beats a general one that matches earlier.
    for pattern in patterns:
        for line in lines:
            match = search(pattern, line.text)
            if match:
                return Hit(pattern.name, match.groupdict(), match, line)
    return None


def _date(hit: Hit, group: str, *, period: Period | None) -> date:
    try:
        return parse_date(hit.groups[group], period=period)
    except ValueNotUnderstood as exc:
        raise _misread(hit, group, exc) from exc


def _amount(hit: Hit, group: str, *, credit: bool = False) -> Decimal:
    try:
        return parse_amount(hit.groups[group], credit=credit)
    except ValueNotUnderstood as exc:
        raise _misread(hit, group, exc) from exc


def _misread(hit: Hit, group: str, exc: Exception) -> RegexExtractionError:
    return RegexExtractionError(
        f"The pattern “{hit.pattern}” matched the line “{hit.line.text[:120]}”, "
        f"but its {group} is wrong: {exc}."
    )


def _has_amount(text: str) -> bool:
    return bool(_AMOUNT_IN_TEXT.search(text))
