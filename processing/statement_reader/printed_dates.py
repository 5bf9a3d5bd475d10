"""Dates as statements print them: `13/07`, `07/13/2023`, `2024-03-05`, `01AUG23`,
`22 Jul 25`, `3 May 2018`, `SEP 14`, `December 24`, and periods printed as one word.

A date token's value is `(form, p, q, year)`: form `N` is numeric with the order still
unknown (p and q are the first and second fields); `Y` is year-first, `W` a day-month date
with the month in words, `V` month-day in words; for those three p is the month and q the
day. year is None when not printed. The document decides the order of `N` dates later.
"""

from __future__ import annotations

import re

from .geometry import Box

DATE, TEXT = "d", "t"  # token kinds (see `tokens`)
Token = tuple  # (x0, x1, kind, text, value)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january janv janvier jän jänner januar ene enero gen gennaio januari janeiro",
            "feb february févr fevr février fév fev febrero febbraio februar februari fevereiro",
            "mar march mars mär märz mrz marzo maart maret março",
            "apr april avr avril abr abril aprile",
            "may mai mayo maggio mei maio",
            "jun june juin junio giu giugno juni junho",
            "jul july juil juillet julio lug luglio juli julho",
            "aug august août aou ago agosto augustus agustus",
            "sep sept september septembre septiembre set settembre setembro",
            "oct october octobre okt oktober octubre ott ottobre outubro",
            "nov november novembre noviembre novembro",
            "dec december décembre déc dez dezember dic diciembre dicembre desember dezembro",
        ),
        start=1,
    )
    for name in names.split()
}
RANGE = re.compile(r"(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s?[-–]\s?(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})")
# Two days and months printed as one word, the booking day then the value day ("01.03./29.02.").
PAIR = re.compile(r"(\d{1,2}\.\d{1,2}\.)/(\d{1,2}\.\d{1,2}\.?)")
# (A footnote mark may follow: "03/04/24*" where "*" says the posting date.)
_NUM_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(\.?)[*†]?")
_ISO_DATE = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})\.?")  # ("2024.02.15.")
_GLUED_DM = re.compile(r"(\d{1,2})[-/. ]?([^\W\d_]{3,9})\.?(?:[-/. ,]?(\d{4}|\d{2}))?")
_GLUED_MD = re.compile(r"([^\W\d_]{3,9})[-/. ]?(\d{1,2})(?:[-/, ]?(\d{4})|/(\d\d))?")
_DAY_YEAR = re.compile(r"(\d{1,2})/(\d\d)")  # "DEC 29/23": December 29, 2023
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[.,]?")
YEAR4 = re.compile(r"(?:19|20)\d\d[.,]?")
_YEAR2 = re.compile(r"'?\d\d")
_DOTTED_YY = re.compile(r"\d{1,2}\.\d{1,2}\.\d\d")


def range_dates(x0: float, x1: float, text: str) -> list[Token]:
    """A period printed as one word, "12/09/25-01/08/26", or a booking day and its value day,
    "01.03./29.02.": two dates."""
    m = RANGE.fullmatch(text) or PAIR.fullmatch(text)
    middle = x0 + (x1 - x0) * m.end(1) / len(text)
    out = []
    for part, left, right in ((m[1], x0, middle), (m[2], middle, x1)):
        found = date_at([(left, right, part)], 0, 1.0)
        out.append(found[0] if found else (left, right, TEXT, part, None))
    return out


def date_at(words: list[Box], i: int, height: float) -> tuple[Token, int] | None:
    x0, x1, text = words[i]
    if not text[0].isdigit() and not text[0].isalpha():
        return None
    if text[0].isdigit():
        amount_like = text[-3:-2] in (".", ",") or (len(text) > 2 and text.isdigit())
        if amount_like and not _DOTTED_YY.fullmatch(text):
            return None  # an amount ("12.50") or a number, never a date
        m = _NUM_DATE.fullmatch(text)
        if m:
            a, b, year = int(m[1]), int(m[3]), m[4]
            # A lone "12.07" is an amount far more often than a date.
            if m[2] == "." and not year and not m[5]:
                return None
            if 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12:
                return (x0, x1, DATE, text, ("N", a, b, year_of(year))), i + 1
            return None
        m = _ISO_DATE.fullmatch(text)
        if m and 1 <= int(m[3]) <= 12 and 1 <= int(m[4]) <= 31:
            return (x0, x1, DATE, text, ("Y", int(m[3]), int(m[4]), int(m[1]))), i + 1
        m = _GLUED_DM.fullmatch(text)
        if m and m[2].lower() in MONTHS and 1 <= int(m[1]) <= 31:
            value = ("W", MONTHS[m[2].lower()], int(m[1]), year_of(m[3]))
            return _with_year(words, i, i + 1, height, (x0, x1, text, value))
        m = _DAY.fullmatch(text)
        if m and i + 1 < len(words) and 1 <= int(m[1]) <= 31:
            # ("16 de diciembre de 2024": the day, "de", the month.)
            k = i + 2 if words[i + 1][2].lower() in _OF and i + 2 < len(words) else i + 1
            nx0, nx1, month = words[k]
            number = MONTHS.get(month.rstrip(".,").lower())
            if number and nx0 - words[k - 1][1] < 1.5 * height:
                value = ("W", number, int(m[1]), None)
                said = " ".join(w[2] for w in words[i : k + 1])
                return _with_year(words, i, k + 1, height, (x0, nx1, said, value))
        return None
    if not text[:3].isalpha():
        return None
    key = text.rstrip(".,").lower()
    if key in MONTHS and i + 1 < len(words):
        nx0, nx1, day = words[i + 1]
        m = _DAY.fullmatch(day)
        if m and 1 <= int(m[1]) <= 31 and nx0 - x1 < 1.5 * height:
            value = ("V", MONTHS[key], int(m[1]), None)
            return _with_year(words, i, i + 2, height, (x0, nx1, f"{text} {day}", value))
        m = _DAY_YEAR.fullmatch(day)
        if m and 1 <= int(m[1]) <= 31 and nx0 - x1 < 1.5 * height:
            value = ("V", MONTHS[key], int(m[1]), year_of(m[2]))
            return (x0, nx1, DATE, f"{text} {day}", value), i + 2
        return None
    m = _GLUED_MD.fullmatch(text)
    if m and m[1].lower() in MONTHS and 1 <= int(m[2]) <= 31:
        value = ("V", MONTHS[m[1].lower()], int(m[2]), year_of(m[3] or m[4]))
        return (x0, x1, DATE, text, value), i + 1
    return None


def date_alone(x0: float, x1: float, text: str) -> tuple[str, tuple] | bool:
    """What `date_at` makes of this word from its text alone, for words that are a whole date
    or never start one: `(DATE, value)` for a one-word date, False when `date_at` returns None
    whatever follows, True when the words after it decide (call `date_at`)."""
    first = text[0]
    if first.isdigit():
        # "2024.03.14" and "14.12.23" end like an amount's cents, but no amount has two
        # such dots.
        m = _ISO_DATE.fullmatch(text)
        if m and 1 <= int(m[3]) <= 12 and 1 <= int(m[4]) <= 31:
            return (DATE, ("Y", int(m[3]), int(m[4]), int(m[1])))
        amount_like = text[-3:-2] in (".", ",") or (len(text) > 2 and text.isdigit())
        if amount_like and not _DOTTED_YY.fullmatch(text):
            return False
        m = _NUM_DATE.fullmatch(text)
        if m:
            found = date_at([(x0, x1, text)], 0, 1.0)
            return (DATE, found[0][4]) if found else False
        m = _GLUED_DM.fullmatch(text)
        if m and m[2].lower() in MONTHS and 1 <= int(m[1]) <= 31:
            return True
        return _DAY.fullmatch(text) is not None
    if not first.isalpha() or not text[:3].isalpha():
        return False
    if text.rstrip(".,").lower() in MONTHS:
        return True
    m = _GLUED_MD.fullmatch(text)
    if m and m[1].lower() in MONTHS and 1 <= int(m[2]) <= 31:
        return (DATE, ("V", MONTHS[m[1].lower()], int(m[2]), year_of(m[3] or m[4])))
    return False


def _with_year(
    words: list[Box], i: int, j: int, height: float, partial: tuple
) -> tuple[Token, int]:
    """Extend a worded date with the year printed after it (`22 Jul 25`, `Jan 15, 2024`)."""
    x0, x1, text, value = partial
    if (
        value[3] is None
        and j + 1 < len(words)
        and words[j][2].lower() in _OF
        and YEAR4.fullmatch(words[j + 1][2])
        and words[j][0] - x1 < 1.2 * height
    ):
        # ("16 de diciembre de 2024": the year after "de".)
        nx1, nxt = words[j + 1][1], words[j + 1][2]
        year = year_of(nxt)
        return (x0, nx1, DATE, f"{text} {words[j][2]} {nxt}", (*value[:3], year)), j + 2
    if value[3] is None and j < len(words):
        nx0, nx1, nxt = words[j]
        close = nx0 - x1 < 1.2 * height
        # (Not the day of a second date, "02 Dec  03 Dec": a month's name after it.)
        two_digit = (
            value[0] == "W"
            and _YEAR2.fullmatch(nxt)
            and not (j + 1 < len(words) and words[j + 1][2].lower().rstrip(".") in MONTHS)
        )
        if close and (YEAR4.fullmatch(nxt) or two_digit):
            year = year_of(nxt.strip("'.,"))
            return (x0, nx1, DATE, f"{text} {nxt}", (*value[:3], year)), j + 1
    return (x0, x1, DATE, text, value), j


_OF = frozenset({"de", "del"})


def year_of(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year
