"""Turning matched text into dates and amounts, with statement-period year inference."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

_FULL_FORMATS = (
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d-%b-%Y",
    "%Y-%m-%d",
)
_YEARLESS_FORMATS = ("%m/%d", "%d %b", "%b %d")
_AMOUNT = re.compile(r"^\(?-?\$?-?(\d{1,3}(?:,\d{3})*|\d+)(\.\d{2})\)?$")


class ValueNotUnderstood(ValueError):
    """Matched text that is not a date or amount Recon can read."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date


def parse_date(text: str, *, period: Period | None = None) -> date:
    """A date in one of the usual statement and receipt formats; a yearless one (12/28) takes
    the year that puts it nearest the statement period, so December rows of a December-January
    statement land in the right year."""
    text = " ".join(text.split())
    for fmt in _FULL_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    for fmt in _YEARLESS_FORMATS:
        try:
            # A leap year, so that 02/29 parses; the real year is chosen below.
            parsed = datetime.strptime(f"{text} 2000", f"{fmt} %Y").date()
        except ValueError:
            continue
        if period is None:
            raise ValueNotUnderstood(
                f"the date “{text}” has no year and no statement period was found before it"
            )
        return _nearest_to_period(parsed, period, text)
    raise ValueNotUnderstood(f"“{text}” is not a date Recon can read")


def parse_amount(text: str, *, credit: bool = False) -> Decimal:
    """An amount like 1,234.56, $1,234.56, -45.00 or (45.00); negative for credits."""
    cleaned = text.strip().replace(" ", "")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise ValueNotUnderstood(f"“{text}” is not an amount Recon can read")
    try:
        value = Decimal(match.group(1).replace(",", "") + match.group(2))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise ValueNotUnderstood(f"“{text}” is not an amount Recon can read") from exc
    negative = credit or "-" in cleaned or cleaned.startswith("(")
    return -value if negative else value


def _nearest_to_period(parsed: date, period: Period, text: str) -> date:
    candidates = []
    for year in {period.start.year - 1, period.start.year, period.end.year, period.end.year + 1}:
        try:
            candidates.append(parsed.replace(year=year))
        except ValueError:  # 02/29 in a non-leap year
            continue
    if not candidates:
        raise ValueNotUnderstood(f"“{text}” is not a date in or near the statement period")

    def distance(day: date) -> int:
        if period.start <= day <= period.end:
            return 0
        return min(abs((day - period.start).days), abs((day - period.end).days))

    return min(candidates, key=distance)
