"""`StatementReader`: pages in, in order; `finish()` makes the document-level decisions.

Decisions that need every page are taken once, at the end: the date order (from all dates),
the year of each row (from the statement's dates, wherever printed), the sign convention (from
the statement's own balances), and the checks against its totals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from itertools import pairwise
from operator import attrgetter

from .assemble import Assembler
from .checks import figure_value, opening_closing, running, totals, verdict
from .contract import (
    DateOrder,
    DecimalStyle,
    Evidence,
    PageWords,
    Profile,
    StatementResult,
    TotalsCheck,
    Verdict,
    statement_row,
)
from .dates import OrderStats, anchor_of, decide_order, full_date, month_day, with_year
from .page import PageLayout, read_page
from .rowbuild import RawRow
from .signs import (
    choose,
    order_untitled,
    settle_by_balance,
    signed,
    unsigned_under_signed_credits,
)


class StatementReader:
    """Document-level reader: `add` each page's layout in page order, then `finish`."""

    def __init__(self, profile: Profile | None = None) -> None:
        self.profile = profile or Profile()
        self._assembler = Assembler(self.profile)
        self._stats = OrderStats()
        self._currencies: dict[str, int] = {}
        self._decimals: dict[str, int] = {}
        # Whether amounts are whole numbers (a currency without minor units), once a page
        # decides; pages that do not wait for one that does.
        self._whole: bool | None = None
        self._waiting: list[PageLayout] = []

    def add(self, layout: PageLayout) -> None:
        """Take one page (its words are not kept)."""
        if self._whole is None:
            self._whole = _whole_numbers(layout, self.profile)
            if self._whole is None:
                self._waiting.append(layout)
                return
            waiting, self._waiting = self._waiting, []
            for page in waiting:
                self._take(page)
        self._take(layout)

    def _take(self, layout: PageLayout) -> None:
        if self._whole and layout.whole is not None:
            layout = layout.whole
        try:
            self._clues(layout)
            self._assembler.add(layout)
        except Exception as error:  # one odd page must not lose the others
            self._assembler.warnings.append(
                f"page {layout.number}: could not be read ({type(error).__name__})"
            )

    def _settle(self) -> None:
        """No page decided: amounts have decimals."""
        if self._whole is None:
            self._whole = False
            waiting, self._waiting = self._waiting, []
            for page in waiting:
                self._take(page)

    @property
    def rows_so_far(self) -> int:
        """Rows found in the pages added so far (their dates and signs are settled at finish)."""
        return len(self._assembler.rows)

    def finish(self) -> StatementResult:
        """Rows, checked against the statement's totals; never raises. Once: the reader hands
        its rows on."""
        try:
            self._settle()
            return self._finish()
        except Exception as error:
            warnings = [
                *self._assembler.warnings,
                f"the statement could not be read ({type(error).__name__})",
            ]
            check = TotalsCheck(
                Verdict.UNCHECKED, "the statement could not be read: nothing checked"
            )
            return StatementResult([], check, None, self._decimal_style(), warnings)

    def _clues(self, layout: PageLayout) -> None:
        stats = self._stats
        stats.first_high = stats.first_high or layout.first_high
        stats.second_high = stats.second_high or layout.second_high
        if layout.ambiguous and not stats.ambiguous:
            stats.ambiguous, stats.ambiguous_page = layout.ambiguous, layout.number
        stats.worded_dm += layout.worded.get("W", 0)
        stats.worded_md += layout.worded.get("V", 0)
        stats.has_numeric = stats.has_numeric or layout.numeric > 0
        for key, count in layout.currencies.items():
            self._currencies[key] = self._currencies.get(key, 0) + count
        for key, count in layout.decimals.items():
            self._decimals[key] = self._decimals.get(key, 0) + count

    def _decimal_style(self) -> DecimalStyle:
        if self.profile.decimal_style is not None:
            return self.profile.decimal_style
        if self._whole:
            return DecimalStyle.WHOLE
        comma, point = self._decimals.get("comma", 0), self._decimals.get("point", 0)
        return DecimalStyle.COMMA if comma > point else DecimalStyle.POINT

    def _finish(self) -> StatementResult:
        assembler = self._assembler
        warnings = assembler.warnings
        raw = assembler.rows
        # Rows share few distinct printed dates: each is looked at once.
        for value, count in Counter(map(_DATE, raw)).items():
            if value is not None and value[0] == "N":
                self._stats.has_numeric = True  # (a date the page did not type: "04 15")
                self._stats.row_first_high += count * (value[1] > 12)
                self._stats.row_second_high += count * (value[2] > 12)
        order, order_why, order_warning = decide_order(
            self._stats, self._currencies, self.profile.date_order
        )
        # Only rows dated in numbers need the order (a number such as "3/12" in a description,
        # an instalment's count, is no row's date).
        if order_warning and any(v is not None and v[0] == "N" for v in map(_DATE, raw)):
            warnings.append(order_warning)
        if assembler.guessed_pages and raw:
            pages = ", ".join(str(p) for p in assembler.guessed_pages[:5])
            warnings.append(f"page {pages}: no column titles; columns taken from the rows' layout")
        # Dated lines without an amount among the rows (rows before and after them on their
        # page), not an address over the table or the small print after it.
        unread = [
            page
            for page, k in assembler.unread
            if 0 < k < len(raw) and raw[k - 1].page == page == raw[k].page
        ]
        rows, dated = self._dated(raw, order, warnings)
        if len(rows) < len(raw):
            _renumber(assembler.figures, raw, rows)
        # Handed on: each raw row becomes a result row in its place, so a long statement's rows
        # are never held twice (less memory, and less for the garbage collector to go through).
        assembler.rows = []
        del raw
        balances = list(map(_BALANCE, rows))
        with_balance = len(balances) - balances.count(None)  # rows printing a running balance
        # A statement listing its newest rows first runs its balance from the bottom up: the
        # balances are followed in the order the rows happened.
        newest_first = with_balance and _newest_first(dated)
        forward = rows[::-1] if newest_first else rows
        unsigned_under_signed_credits(forward)
        if with_balance:
            order_untitled(forward)
        bank, flip, convention = choose(forward, assembler.figures, with_balance)
        amounts = signed(rows, flip)
        prev = opening_closing(assembler.figures)[0]
        opening = figure_value(prev[1], prev[2], bank) if prev else None
        covered = bytearray(len(amounts))
        currencies = len({row.ccy for row in rows})
        if with_balance:
            moved = amounts[::-1] if newest_first else amounts
            settle_by_balance(forward, moved, bank, opening)
            if newest_first:
                amounts[:] = moved[::-1]
        agreements, problems, notes = totals(assembler.figures, amounts, bank, covered, currencies)
        if with_balance:
            if newest_first:
                seen = bytearray(len(covered))
                agreed, wrong = running(
                    amounts[::-1], balances[::-1], opening, bank, forward, seen, ()
                )
                covered[:] = bytes(a or b for a, b in zip(covered, seen[::-1], strict=True))
            else:
                agreed, wrong = running(
                    amounts, balances, opening, bank, rows, covered, assembler.figures
                )
            problems.extend(wrong)
            if agreed and not wrong:
                agreements.append(f"{agreed} running balances")
        uncovered = (
            [
                row.page
                for row, seen, amount in zip(rows, covered, amounts, strict=True)
                if not seen and amount
            ]
            if 0 in covered
            else []
        )
        check = verdict(agreements, problems, notes, len(rows), uncovered, unread)
        _statement_rows(rows, amounts, dated, order_why, flip, convention)
        return StatementResult(rows, check, order, self._decimal_style(), warnings)

    def _dated(
        self, raw: list[RawRow], order: DateOrder | None, warnings: list[str]
    ) -> tuple[list[RawRow], list[tuple]]:
        """Rows whose dates exist under the chosen order, each with its `(date, posting date,
        year evidence)`."""
        anchor = anchor_of(self._assembler.anchors, order)
        if anchor is not None:
            _year_first(raw, anchor[0])
        if anchor is None:
            anchor = _latest_printed(raw, order, warnings, self._assembler.printed_dates)
        kept, dated = [], []
        previous: tuple | None = None
        # Rows share few distinct printed dates: resolve each once.
        cache: dict[tuple, tuple] = {}
        for row in raw:
            if row.date is None:
                if row.above is not None:
                    value, text, phrase = row.above
                    when = _resolve(value, None, order, anchor)[0]
                    if when is not None:
                        kept.append(row)
                        why = f"the date of “{phrase} {text}” above it (not printed on this row)"
                        dated.append((when, None, why))
                        continue
                if previous is None:
                    warnings.append(
                        f"page {row.page}: “{row.desc}” has an amount but no date; not read"
                    )
                    continue
                kept.append(row)
                dated.append((*previous[:2], "the date of the row above (not printed on this row)"))
                continue
            key = (row.date, row.year, row.post)
            found = cache.get(key)
            if found is None:
                when, why = _resolve(row.date, row.year, order, anchor)
                posted = _resolve(row.post, None, order, anchor)[0] if row.post else None
                found = cache[key] = (when, posted, why)
            if found[0] is None:
                warnings.append(
                    f"page {row.page}: the date “{row.text}” of “{row.desc}” does not exist when "
                    f"read {found[2]}; the row is left out"
                )
                continue
            previous = found
            kept.append(row)
            dated.append(found)
        return kept, dated


def _whole_numbers(layout: PageLayout, profile: Profile) -> bool | None:
    """Whether the statement's amounts are whole numbers, as far as this page tells: yes on
    a page of whole numbers that names a currency without minor units (or when the profile
    says so), no on a page of amounts with decimals, else None."""
    if profile.decimal_style is not None:
        return profile.decimal_style is DecimalStyle.WHOLE
    if layout.whole is not None:
        return True if layout.whole.whole_currency else None
    return False if layout.decimals else None


_DATE = attrgetter("date")
_BALANCE = attrgetter("balance")
# Cents as money, always with two decimals: _CENT * 25259 is 252.59, _CENT * 100 is 1.00.
_CENT = Decimal("0.01")


def _renumber(figures: list[tuple], raw: list[RawRow], kept: list[RawRow]) -> None:
    """The figures' places among the rows (the rows before each total, its block, its
    cardholder's) once rows without a date that exists are left out."""
    left = {id(row) for row in kept}
    before = [0]
    for row in raw:
        before.append(before[-1] + (id(row) in left))
    for k, figure in enumerate(figures):
        at, block, holder = figure[5:8]
        figures[k] = (*figure[:5], before[at], before[block], before[holder], *figure[8:])


def _newest_first(dated: list[tuple]) -> bool:
    """Rows listed newest first: their dates mostly fall from one row to the next."""
    falls = rises = 0
    for (a, *_), (b, *_) in pairwise(dated):
        falls += b < a
        rises += b > a
    return falls >= 3 and falls > 3 * rises


def _year_first(raw: list[RawRow], anchor: dt.date) -> None:
    """Rows dated with two-digit fields and the year first ("24.02.29", as Korea and Japan
    print them): read so where that puts every such row near the statement's own date, and
    the year last would put them years away."""
    rows = [
        r
        for r in raw
        if r.date and r.date[3] and len(r.text) == 8 and r.date[0] == "N"
        if _YY_MM_DD.fullmatch(r.text)
    ]
    if not rows:
        return
    near = last = 0
    for row in rows:
        _, first, second, year = row.date
        try:
            day = dt.date(2000 + first, second, year % 100)
        except ValueError:
            return
        near += abs((day - anchor).days) <= 400
        last += year is not None and abs(year - anchor.year) <= 1
    if near == len(rows) and last < len(rows):
        for row in rows:
            _, first, second, year = row.date
            row.date = ("Y", second, year % 100, 2000 + first)


_YY_MM_DD = re.compile(r"\d\d([./-])\d\d\1\d\d")


def _resolve(value: tuple, year: int | None, order, anchor) -> tuple[dt.date | None, str]:
    parts = month_day(value, order)
    if parts is None:
        return None, "in this statement's date order"
    month, day, printed = parts
    printed = printed or year
    if printed is not None:
        try:
            return dt.date(printed, month, day), "printed on the row"
        except ValueError:
            return None, "with its printed year"
    if anchor is None:
        return None, "without a year anywhere in the statement"
    when = with_year(month, day, anchor[0])
    if when is None:
        return None, "with the statement's year"
    why = anchor[1]
    if when.year < anchor[0].year:
        why += ", the year before as the row falls after that date's month"
    return when, why


def _latest_printed(
    raw: list[RawRow], order, warnings: list[str], printed: dict[tuple, int]
) -> tuple[dt.date, str] | None:
    """With no statement date labelled: the latest date printed with a year on a row, else the
    date printed elsewhere with its year that lies nearest the rows."""
    latest = None
    for row in raw:
        day = full_date(row.date, order, row.year) if row.date is not None else None
        if day is not None:
            latest = max(latest or day, day)
    if latest is not None:
        return latest, f"from the latest row printed with a year ({latest.isoformat()})"
    nearest = _nearest_printed(raw, order, printed)
    if nearest is not None:
        return nearest
    if any(row.date is not None and month_day(row.date, order) for row in raw):
        today = dt.date.today()
        warnings.append(
            f"no year is printed anywhere in the statement; rows read as in the year to {today}"
        )
        return today, "no year printed: assumed the twelve months to today"
    return None


def _nearest_printed(
    raw: list[RawRow], order, printed: dict[tuple, int]
) -> tuple[dt.date, str] | None:
    """Of the dates printed with a year outside the rows (when the statement was made, a
    balance's date), the one the rows lie nearest before: each row placed on or before it, the
    latest row is closest to it. A card's expiry or an account's opening date lie far off."""
    days = set()
    for row in raw:
        parts = month_day(row.date, order) if row.date is not None else None
        if parts is not None:
            days.add(parts[:2])
    best = None
    for (value, text), page in printed.items():
        candidate = full_date(value, order)
        if candidate is None:
            continue
        placed = [when for m, d in days if (when := with_year(m, d, candidate)) is not None]
        if not placed:
            continue
        key = (abs((candidate - max(placed)).days), page)
        if best is None or key < best[0]:
            best = (
                key,
                candidate,
                f"from “{text}” (page {page}), the date printed nearest the rows",
            )
    return best[1:] if best else None


def _statement_rows(
    rows: list, amounts: list[int], dated: list[tuple], order_why: str, flip: bool, convention: str
) -> None:
    """Each raw row made, in its place, the row the contract gives, with its evidence."""
    evidences: dict[tuple, Evidence] = {}  # rows share a handful of distinct evidences
    for i, (row, amount, (when, posted, year)) in enumerate(zip(rows, amounts, dated, strict=True)):
        key = (row.why, row.code, amount > 0, row.column, year)
        evidence = evidences.get(key)
        if evidence is None:
            why = row.why
            if row.code in ("N", "P", "U") and not why.startswith("the running balance"):
                if flip:
                    meaning = "money out" if amount > 0 else "money in"
                else:
                    meaning = "a charge" if amount > 0 else "a credit"
                why = f"{why}: {meaning}, {convention}"
            evidence = evidences[key] = Evidence(why, row.column, order_why, year)
        fx = row.fx
        rows[i] = statement_row(
            when,  # date
            posted,  # posting_date
            row.desc,  # description
            _CENT * amount,  # amount
            # original_amount: the same transaction in its own currency, signed as the row
            (_CENT * fx[0] if amount > 0 else -_CENT * fx[0]) if fx else None,
            (fx[1] or None) if fx else None,  # original_currency
            row.holder,  # cardholder
            row.last4,  # card_last4
            row.page,
            evidence,
        )


def read_statement(
    pages: Iterable[PageWords], *, profile: Profile | None = None
) -> StatementResult:
    """Read a whole statement in one process: every page, then the document-level decisions."""
    reader = StatementReader(profile)
    for page in pages:
        reader.add(read_page(page))
    return reader.finish()
