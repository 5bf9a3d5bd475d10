"""Amount and date spellings of the bank layouts: grouping styles, decimal marks, month names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from processing.samples.formats import MONTHS

MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH = MONTHS  # the English names every sample document uses
MONAT = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def _groups(whole: int, *, lakh: bool) -> list[str]:
    digits = str(whole)
    if len(digits) <= 3:
        return [digits]
    head, tail = digits[:-3], digits[-3:]
    size = 2 if lakh else 3
    groups = [tail]
    while head:
        groups.insert(0, head[-size:])
        head = head[:-size]
    return groups


def money(cents: int, style: str = "us") -> str:
    """Return abs(cents) spelt in one of the styles:

    us 1,234.56 · lakh 1,03,041.15 · plain 40500.00 · space 2 795.35 · fr 2 795,35 ·
    de 2.000,00
    """
    whole, frac = divmod(abs(cents), 100)
    if style == "plain":
        return f"{whole}.{frac:02d}"
    separator, point = {
        "us": (",", "."),
        "lakh": (",", "."),
        "space": (" ", "."),
        "fr": (" ", ","),
        "de": (".", ","),
    }[style]
    return separator.join(_groups(whole, lakh=style == "lakh")) + point + f"{frac:02d}"


def plain(cents: int) -> str:
    """Return cents as the truth file's signed decimal string, e.g. '-45.00'."""
    return str(Decimal(cents).scaleb(-2).quantize(Decimal("0.01")))


def dmy(day: dt.date, sep: str = "/", *, year: int = 4) -> str:
    """Return '03/07/2024' (year=4), '03/07/24' (year=2) or '03/07' (year=0)."""
    text = f"{day.day:02d}{sep}{day.month:02d}"
    if year:
        text += f"{sep}{day.year if year == 4 else day.year % 100:0{year}d}"
    return text


def mdy(day: dt.date, sep: str = "/", *, year: int = 0) -> str:
    """Return '07/03' (year=0), '07/03/24' or '07/03/2024'."""
    text = f"{day.month:02d}{sep}{day.day:02d}"
    if year:
        text += f"{sep}{day.year if year == 4 else day.year % 100:0{year}d}"
    return text


def d_mon(day: dt.date, *, upper: bool = False, year: int = 0, pad: bool = True) -> str:
    """Return '03 Jul', '03 JUL 24', '3 Jul 2024' and the like."""
    month = MON[day.month - 1].upper() if upper else MON[day.month - 1]
    text = f"{day.day:02d} {month}" if pad else f"{day.day} {month}"
    if year:
        text += f" {day.year if year == 4 else day.year % 100:0{year}d}"
    return text


def d_month_y(day: dt.date) -> str:
    """Return '5 March 2024'."""
    return f"{day.day} {MONTH[day.month - 1]} {day.year}"


def month_d_y(day: dt.date) -> str:
    """Return 'March 5, 2024'."""
    return f"{MONTH[day.month - 1]} {day.day}, {day.year}"
