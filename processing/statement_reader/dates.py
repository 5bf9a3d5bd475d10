"""Date order and years, decided from the whole document.

Order: a first field above 12 anywhere means day first, a second field above 12 means month
first; failing that, dates in words elsewhere in the statement ("15 January 2024" against
"January 15, 2024"), then the currency; and when nothing decides, day first with a warning
that names the assumption. Years: printed on the row, else from the statement's own dates
(statement date or period end, else the payment due date), placing each row on or before
that date, so a December row of a January statement belongs to the year before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .contract import DateOrder
from .vocabulary import words

# Month before day: the United States; and where dates are written year first (2024/03/14),
# so that a date without its year is month and day.
_MDY_CURRENCIES = words("USD US$ JPY ¥ 円 KRW ₩ 원 CNY TWD NT$")
_DMY_CURRENCIES = words(
    "£ € ₹ Rs Rs. INR GBP EUR SGD S$ AUD A$ NZD NZ$ HKD HK$ MYR RM ZAR IDR THB PHP CHF SEK "
    "NOK DKK AED"
)
# A row may be dated a little after the statement date (posted on the closing day, printed
# with the due date as the only year); more than this and it is the year before.
_SLACK = dt.timedelta(days=45)
_NEXT_YEAR = dt.timedelta(days=31)


@dataclass(slots=True)
class OrderStats:
    """What the document's dates and amounts say about the date order."""

    first_high: str = ""  # a printed date whose first field is above 12
    second_high: str = ""
    ambiguous: str = ""
    ambiguous_page: int = 0
    row_first_high: int = 0
    row_second_high: int = 0
    worded_dm: int = 0
    worded_md: int = 0
    has_numeric: bool = False


def decide_order(stats: OrderStats, currencies: dict[str, int], fixed: DateOrder | None) -> tuple:
    """`(order, why, warning)`; order None when no date needs one (all in words or ISO)."""
    if fixed is not None:
        return fixed, f"{_name(fixed)} (set in the bank's profile)", None
    if not stats.has_numeric:
        return None, "month printed in words", None
    day, month = stats.row_first_high, stats.row_second_high
    if day or month:
        if day >= month:
            return (
                DateOrder.DAY_FIRST,
                f"day first (a first field above 12: “{stats.first_high}”)",
                None,
            )
        return (
            DateOrder.MONTH_FIRST,
            f"month first (a second field above 12: “{stats.second_high}”)",
            None,
        )
    if stats.first_high:
        return DateOrder.DAY_FIRST, f"day first, as the statement's date “{stats.first_high}”", None
    if stats.second_high:
        return (
            DateOrder.MONTH_FIRST,
            f"month first, as the statement's date “{stats.second_high}”",
            None,
        )
    example = stats.ambiguous
    if stats.worded_dm != stats.worded_md:
        order = DateOrder.DAY_FIRST if stats.worded_dm > stats.worded_md else DateOrder.MONTH_FIRST
        how = "day before month" if order is DateOrder.DAY_FIRST else "month before day"
        return order, f"{_name(order)}, as the statement writes dates in words {how}", None
    top = max(currencies, key=currencies.get, default="")
    if top in _MDY_CURRENCIES or top == "$":
        order = DateOrder.MONTH_FIRST
        why = f"month first because amounts are in {top}"
    elif top in _DMY_CURRENCIES:
        order = DateOrder.DAY_FIRST
        why = f"day first because amounts are in {top}"
    else:
        order, why = DateOrder.DAY_FIRST, "day first, as most of the world writes dates"
    warning = (
        f"page {stats.ambiguous_page}: dates such as “{example}” could be read either way; "
        f"read as {why}"
    )
    return order, why, warning


def _name(order: DateOrder) -> str:
    return {"DMY": "day first", "MDY": "month first", "YMD": "year first"}[order.value]


def month_day(value: tuple, order: DateOrder | None) -> tuple[int, int, int | None] | None:
    """`(month, day, year)` of a printed date, None when impossible under the order."""
    form, p, q, year = value
    if form == "N":
        month, day = (q, p) if order is not DateOrder.MONTH_FIRST else (p, q)
    else:
        month, day = p, q
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return month, day, year


def full_date(value: tuple, order: DateOrder | None, year: int | None = None) -> dt.date | None:
    """A printed date as a date, when it has a year (its own, else `year`) and exists."""
    parts = month_day(value, order)
    if parts is None or (parts[2] or year) is None:
        return None
    try:
        return dt.date(parts[2] or year, parts[0], parts[1])
    except ValueError:
        return None


def anchor_of(anchors: dict[tuple, int], order: DateOrder | None) -> tuple[dt.date, str] | None:
    """The statement's closing date (or failing that its due date) and where it is printed
    (`anchors`: the page each `(role, ((date value, text), ...), phrase)` is first on)."""
    best: dict[str, tuple[dt.date, str]] = {}
    for (role, values, phrase), page in anchors.items():
        for value, text in values:
            day = full_date(value, order)
            if day is None:
                continue
            if role not in best or day > best[role][0]:
                best[role] = (day, f"from “{phrase} {text}” (page {page})")
    return best.get("stmt_date") or best.get("due_date")


def with_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date on or before the anchor (with a little slack), None if it does not exist; in
    the next year where that is within a month after it (an anchor of December 16 and a row of
    January 3, a period across the new year)."""
    try:
        after = dt.date(anchor.year + 1, month, day)
    except ValueError:
        after = None
    if after is not None and after <= anchor + _NEXT_YEAR:
        return after
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            if year == anchor.year:
                continue
            return None
        if candidate <= anchor + _SLACK:
            return candidate
    return None
