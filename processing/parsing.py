"""Turning matched text into dates and amounts, with statement-period year inference.

Every statement row carries one or two dates, so parsing is on the per-page hot path: the
formats are recognised with precompiled expressions (strptime is ten times slower), and the
same text in the same period is parsed once.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from processing.errors import ValueNotUnderstood

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
_FORMATS = [
    re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})[ -]{_MONTH}(?:[ -](?P<year>\d{{4}}))?$"),
    re.compile(rf"^{_MONTH} (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?$"),
]
_AMOUNT = re.compile(r"^\(?-?\$?-?(\d{1,3}(?:,\d{3})*|\d+)(\.\d{2})\)?$")


@dataclass(frozen=True)
class Period:
    start: date
    end: date


@lru_cache(maxsize=4096)
def parse_date(text: str, *, period: Period | None = None) -> date:
    """A date in one of the usual statement and receipt formats (03/14/2026, 03/14/26,
    14 Mar 2026, March 14, 2026, 2026-03-14); a yearless one (12/28, 14 Mar) takes the year
    that puts it nearest the statement period, so December rows of a December-January
    statement land in the right year."""
    text = " ".join(text.split())
    for pattern in _FORMATS:
        found = pattern.match(text)
        if found:
            break
    else:
        raise ValueNotUnderstood(f"“{text}” is not a date Recon can read")
    parts = found.groupdict()
    month = _month(parts, text)
    day = int(parts["day"])
    if parts["year"] is None:
        if period is None:
            raise ValueNotUnderstood(
                f"the date “{text}” has no year and no statement period was found before it"
            )
        return _nearest_to_period(month, day, period, text)
    year = int(parts["year"])
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueNotUnderstood(f"“{text}” is not a real date") from exc


def parse_amount(text: str, *, credit: bool = False) -> Decimal:
    """An amount like 1,234.56, $1,234.56, -45.00 or (45.00); negative for credits."""
    cleaned = text.strip().replace(" ", "")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise ValueNotUnderstood(f"“{text}” is not an amount Recon can read")
    value = Decimal(match.group(1).replace(",", "") + match.group(2))
    negative = credit or "-" in cleaned or cleaned.startswith("(")
    return -value if negative else value


def _month(parts: dict[str, str | None], text: str) -> int:
    if parts.get("month_name"):
        month = _MONTHS.get(parts["month_name"].lower())
        if month is None:
            raise ValueNotUnderstood(f"“{text}” is not a date Recon can read")
        return month
    return int(parts["month"])


def _nearest_to_period(month: int, day: int, period: Period, text: str) -> date:
    candidates = []
    for year in {period.start.year - 1, period.start.year, period.end.year, period.end.year + 1}:
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 02/29 outside a leap year, or 13/45
            continue
    if not candidates:
        raise ValueNotUnderstood(f"“{text}” is not a real date")

    def distance(day: date) -> int:
        if period.start <= day <= period.end:
            return 0
        return min(abs((day - period.start).days), abs((day - period.end).days))

    return min(candidates, key=distance)
