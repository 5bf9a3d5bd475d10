"""Text formats for money and dates as the different documents print them."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def grouped(cents: int) -> str:
    """Return abs(cents) as '1,234.56'."""
    whole, frac = divmod(abs(cents), 100)
    return f"{whole:,}.{frac:02d}"


def signed(cents: int) -> str:
    """Return cents as '1,234.56' or '-1,234.56'."""
    return ("-" if cents < 0 else "") + grouped(cents)


def dollars(cents: int) -> str:
    """Return cents as '$1,234.56' or '-$1,234.56'."""
    return ("-$" if cents < 0 else "$") + grouped(cents)


def credit_suffixed(cents: int) -> str:
    """Return cents as '1,234.56' or, for credits, '1,234.56 CR'."""
    return grouped(cents) + (" CR" if cents < 0 else "")


def plain(cents: int) -> str:
    """Return cents as the truth file's decimal string, e.g. '-45.00'."""
    whole, frac = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}.{frac:02d}"


def mm_dd(day: dt.date) -> str:
    """Return '01/03'."""
    return f"{day.month:02d}/{day.day:02d}"


def mm_dd_yyyy(day: dt.date) -> str:
    """Return '01/03/2026'."""
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


def mm_dd_yy(day: dt.date) -> str:
    """Return '01/03/26'."""
    return f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}"


def dd_mon_yyyy(day: dt.date) -> str:
    """Return '03 Jan 2026'."""
    return f"{day.day:02d} {MONTHS[day.month - 1][:3]} {day.year}"


def d_month_yyyy(day: dt.date) -> str:
    """Return '3 January 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def mon_d_yyyy(day: dt.date) -> str:
    """Return 'Jan 3, 2026'."""
    return f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def clock(minutes: int, *, twelve_hour: bool) -> str:
    """Return minutes after midnight as '13:05' or '1:05 PM'."""
    hour, minute = divmod(minutes % 1440, 60)
    if not twelve_hour:
        return f"{hour:02d}:{minute:02d}"
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
