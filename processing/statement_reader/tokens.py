"""Typed tokens: which words of a line are dates, amounts, sign markers, years or text.

A token is a tuple `(x0, x1, kind, text, value)`:

- `DATE`: value `(form, p, q, year)`, see `printed_dates`.
- `AMOUNT`: value `(cents, how, currency, number_end)`; how is "" (unsigned), "-" (minus),
  "(" (in parentheses), "+", "CR" or "DR"; currency the symbol or code printed with it, or "";
  number_end the x where its digits end (a "CR" or "USD" after them is not its column).
- `MARKER`: a stand-alone "CR"/"DR"; `YEAR`: a lone four-digit year; `TEXT`: anything else.

Amounts must carry two decimals: whole numbers are card numbers, references, points and
years far more often than money. The decimal separator is the last "." or "," before the two
final digits, so every amount says which style it is written in. The exception is a statement
in a currency without minor units (yen, won): read `whole`, a grouped whole number ("12,800"),
one of at most three digits or one printed with its currency is an amount too. Read normally,
a page counts the grouped and currency-marked whole numbers it has (`wholes`), which tells the
page reader when such a reading is worth making.
"""

from __future__ import annotations

import re

from .geometry import Box
from .printed_dates import (
    DATE,
    MONTHS,
    PAIR,
    RANGE,
    TEXT,
    YEAR4,
    date_alone,
    date_at,
    range_dates,
    year_of,
)
from .vocabulary import words

AMOUNT, MARKER, YEAR = "a", "k", "y"
Token = tuple  # (x0, x1, kind, text, value)

# ISO codes; those that are also common words in descriptions (ALL, COP, PEN, MAD, TOP, CUP,
# BOB, GEL) are left out.
CURRENCY_CODES = words(
    "USD EUR GBP SGD INR AUD CAD NZD HKD JPY CNY CHF SEK NOK DKK MYR IDR THB PHP ZAR AED "
    "SAR KRW TWD BRL MXN PLN CZK HUF TRY RUB VND MOP PKR LKR BDT NPR EGP ILS QAR KWD BHD OMR "
    "JOD NGN KES GHS ARS CLP UYU ISK RON BGN UAH KZT TND XOF XAF FJD MUR MVR BND KHR LAK MMK "
    "RMB BAM RSD MKD COP PEN UZS AZN BYN MDL DOP GTQ CRC PYG VES TTD JMD ZMW UGX TZS ETB RWF SCR "
    "NAD BWP MZN AOA DZD LYD IQD IRR SYP LBP YER AFN MNT GEL MAD"
    # (Not "ALL", "BOB" or "AMD": words and names printed in descriptions.)
)
_SYMBOLS = words(
    "$ € £ ₹ ¥ Rs Rs. S$ US$ A$ C$ NZ$ HK$ R$ RM ₩ ₫ 円 원 Rp Rp. zł Kč ₽ руб ₺ TL R S/ S/."
)
# A currency printed by itself, by its code or its symbol.
CURRENCY_MARKS = CURRENCY_CODES | _SYMBOLS
# The currency a symbol stands for, where it stands for one.
SYMBOL_CODES = {
    "US$": "USD",
    "NT$": "TWD",
    "€": "EUR",
    "£": "GBP",
    "R$": "BRL",
    "S$": "SGD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "₹": "INR",
    "₩": "KRW",
}
# Currencies whose amounts are printed as whole numbers, by code and by symbol.
ZERO_DECIMAL = words("JPY KRW VND IDR CLP ISK PYG UGX TWD XOF XAF HUF ¥ ₩ ₫ 円 원 Rp Rp. Ft")
_MARKERS = {
    "CR": "CR",
    "DR": "DR",
    "Cr": "CR",
    "Dr": "DR",
    "cr": "CR",
    "dr": "DR",
    "DB": "DR",  # debet
    "Db": "DR",
}
_SINGLE_MARKERS = {"C": "CR", "D": "DR"}
_SIGNS = words("- + \u2212 – (")
# Currency signs of one character, printed against their amounts before or after them.
_SIGN_CHARS = "$€£₹¥₩₫₺₽₪฿₱₦₴"
_AMOUNT_STARTS = frozenset("-+\u2212–=(" + _SIGN_CHARS)
_MONEY_STARTS = frozenset("$€£₹¥₩₫R")  # a symbol's first character ("R$")
# Alphabetic words that may start a date or an amount, in lower case.
_SPECIAL_WORDS = frozenset(
    [*MONTHS, *(c.lower() for c in CURRENCY_CODES), *(s.lower() for s in _SYMBOLS), "cr", "dr"]
)
_SPECIAL_PREFIXES = frozenset(w[:3] for w in _SPECIAL_WORDS)
_SPECIAL_ANY_CASE = frozenset(
    variant for w in _SPECIAL_WORDS for variant in (w, w.upper(), w.capitalize())
)

_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?")
_SIMPLE_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+\.\d\d|\d+\.\d\d|\d{1,3}(?:\.\d{3})+,\d\d|\d+,\d\d")
_AMOUNT_PATTERN = (
    r"=?(?P<o>\()?(?P<s1>[-+\u2212–])?"
    r"(?P<c1>(?:[A-Z]{0,3}[" + _SIGN_CHARS + r"]|Rs\.?|RM|Rp\.?|S/\.?|R(?=\d)|[A-Z]{3}) ?)?"
    r"(?P<s2>[-+\u2212–])?"
    r"(?P<int>\d{1,3}(?:[,.'’\u00a0\u202f ]\d{2,3})+|\d{1,13})(?P<dec>[.,]\d\d)DECIMALS"
    r"(?P<s3>[-+\u2212–])? ?/?(?P<c2>[" + _SIGN_CHARS + r"円원]|[A-Z]{3})?"
    r"(?P<cl>\))?(?P<s4>[-+\u2212–])? ?"
    # ("8,452.30/RMB(存入)": deposited, "46.80/RMB(支出)": spent)
    r"(?P<mk>CR|DR|Cr|Dr|cr|dr|C|D|\((?:存入|支出)\))?\.?"
    # ("GBP 23.40@ 0.8551": the rate's "@" printed against the original amount; "USD 120.00,
    # rate 0.9184": a comma after it)
    r"@?,?"
)
_AMOUNT = re.compile(_AMOUNT_PATTERN.replace("DECIMALS", ""))
# The same with no decimals, for currencies without minor units.
_WHOLE_AMOUNT = re.compile(_AMOUNT_PATTERN.replace(r"(?P<dec>[.,]\d\d)DECIMALS", ""))
# A whole number a page in such a currency is made of: grouped, or with its currency.
_WHOLE_NUMBER = re.compile(
    r"[-(]?(?:[¥₩₫$]|Rp\.?)?(?:\d{1,3}(?:[,.]\d{3})+|(?<=[¥₩₫p.])\d+)\)?(?:[-円원]|CR|DR)?"
)
_SPACED_HEAD = re.compile(r"[-+\u2212]?\d{1,3}")
_THOUSANDS = re.compile(r"\d{3}")
_GROUP_HEAD = re.compile(r"[-+\u2212(]?(?:[A-Z]{0,3}[$€£₹]|Rs\.? ?|R)?\d{1,3}")
_GROUP_TAIL = re.compile(r"\d{3}(?:[.,]\d\d)?\)?(?:CR|DR|Cr|Dr|-|\+)?")


def tokenize(
    words: list[Box],
    height: float,
    typed: list,
    runs: bool = False,
    whole: bool = False,
    wholes: list | None = None,
) -> tuple[list[Token], int]:
    """Type the words of one line, joining words that together form a date or an amount;
    returns the tokens and how many are dates or amounts (also added to `typed`). With `whole`,
    whole numbers are amounts too (see above); otherwise the grouped whole numbers go to
    `wholes`, where given.

    With `runs`, neighbouring words of text are joined into one token ("KOPITIAM @
    VIVOCITY"): fewer, larger tokens to send between processes and to place in columns. Only
    words with letters join, and never across overlapping or widely spaced words (the next
    column printed close by, or over the text)."""
    out: list[Token] = []
    first_typed = len(typed)
    gap = 0.6 * height
    i, n = 0, len(words)
    kinds = _WHOLE_KINDS if whole else _KINDS
    while i < n:
        x0, x1, text = words[i]
        # Most words are settled by their text alone, without any pattern (once per text).
        try:
            kind = kinds[text]
        except KeyError:
            kind = _new_kind(text, whole)
        i += 1
        if kind is _LETTERED:
            # With runs, the following words with letters, close by, continue this one.
            while runs and i < n:
                nx0, nx1, nxt = words[i]
                if not -1.0 <= nx0 - x1 < gap:
                    break
                try:
                    lettered = kinds[nxt] is _LETTERED
                except KeyError:
                    lettered = _new_kind(nxt, whole) is _LETTERED
                if not lettered:
                    break
                text = f"{text} {nxt}"
                x1 = nx1
                i += 1
            out.append((x0, x1, TEXT, text, None))
        elif kind is _UNLETTERED:
            out.append((x0, x1, TEXT, text, None))
        elif kind is _LEADER:
            continue  # dots leading the eye from a description to its amount
        elif kind is _WHOLE:
            out.append((x0, x1, TEXT, text, None))
            if wholes is not None:
                wholes.append(text)
        elif kind is _OTHER or kind is _NO_DATE or kind is _RANGE:
            found, i = _unusual(words, i - 1, kind, height, whole)
            out.extend(found)
            # "-12 800": a whole number grouped by a space, the next word its thousands.
            if (
                wholes is not None
                and found[-1][2] == TEXT
                and i < n
                and _SPACED_HEAD.fullmatch(text)
                and _THOUSANDS.fullmatch(words[i][2])
            ):
                wholes.append(text)
            typed.extend([t for t in found if t[2] == DATE or t[2] == AMOUNT])
        elif kind[0] == AMOUNT:
            if i < n:  # a sign marker or a currency may follow
                token, i = _after_amount(words, i - 1, i, x1, text, *kind[1:], height)
            else:
                token = (x0, x1, AMOUNT, text, (*kind[1:], x1))
            out.append(token)
            typed.append(token)
        else:
            token = (x0, x1, kind[0], text, kind[1])
            out.append(token)
            if kind[0] == DATE:
                typed.append(token)
    return out, len(typed) - first_typed


# What a word's text alone says it is, kept per text (statements repeat their words): plain
# text with letters (`_LETTERED`, may join a run) or without, `(AMOUNT, cents, how, currency)`
# for an amount by itself ("1,234.56" without the general patterns), `(kind, value)` for a
# one-word date ("13/07" likewise), a sign marker or a year, `_RANGE` for a period printed as
# one word, or, when the words around it decide, `_OTHER` (a date or an amount may start here)
# or `_NO_DATE` (only an amount may); `_WHOLE` is a whole number that is text unless read
# `whole`. Read `whole`, kinds are kept apart.
_LETTERED, _UNLETTERED, _OTHER, _NO_DATE, _RANGE, _LEADER, _WHOLE = (object() for _ in range(7))
_KINDS: dict[str, object] = {}
_WHOLE_KINDS: dict[str, object] = {}
_KINDS_MAX = 50_000


def _new_kind(text: str, whole: bool = False) -> object:
    kinds = _WHOLE_KINDS if whole else _KINDS
    if len(kinds) > _KINDS_MAX:
        kinds.clear()
    kind = kinds[text] = _kind_of(text, whole)
    return kind


def _kind_of(text: str, whole: bool = False) -> object:
    if len(text) >= 3 and not text.strip(".…·_"):
        return _LEADER
    alpha = text.isalpha()
    if (text not in _SPECIAL_ANY_CASE) if alpha else _plain(text):
        return _LETTERED if alpha or _LETTER.search(text) is not None else _UNLETTERED
    if text[0].isdigit():
        if _SIMPLE_AMOUNT.fullmatch(text):
            return (AMOUNT, int(text.replace(",", "").replace(".", "")), "", "")
        m = _SLASH_DATE.fullmatch(text)
        if m:
            a, b = int(m[1]), int(m[2])
            if 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12):
                return (DATE, ("N", a, b, year_of(m[3])))
    alone = date_alone(0.0, 0.0, text)
    if alone is True:
        return _OTHER
    if alone is not False:
        return alone
    amount = _amount_alone(text, whole)
    if amount is True:
        return _NO_DATE
    if amount is not None:
        return (AMOUNT, *amount)
    return _unmatched(text)


def _unmatched(text: str) -> object:
    """The kind of a word that starts neither a date nor an amount: a sign marker, a period
    printed as one word, a year, a whole number, or text."""
    if text in _MARKERS:
        return (MARKER, _MARKERS[text])
    if ("-" in text[6:] and RANGE.fullmatch(text)) or ("/" in text[5:] and PAIR.fullmatch(text)):
        return _RANGE
    if len(text) == 4 and YEAR4.fullmatch(text):
        return (YEAR, int(text))
    if _WHOLE_NUMBER.fullmatch(text):
        return _WHOLE
    return _UNLETTERED


def _unusual(
    words: list[Box], i: int, kind: object, height: float, whole: bool
) -> tuple[list[Token], int]:
    """The tokens of a less common word, and where the next word is: a period printed as one
    word, or a word the words after it decide (`_OTHER`: a date or an amount may start here,
    `_NO_DATE`: only an amount)."""
    x0, x1, text = words[i]
    if kind is not _RANGE:
        found = (kind is _OTHER and date_at(words, i, height)) or _amount_at(
            words, i, height, whole
        )
        if found:
            return [found[0]], found[1]
        kind = _unmatched(text)
    if kind is _RANGE:
        return range_dates(x0, x1, text), i + 1
    if kind is _UNLETTERED or kind is _WHOLE:
        return [(x0, x1, TEXT, text, None)], i + 1
    return [(x0, x1, kind[0], text, kind[1])], i + 1


def _amount_alone(text: str, whole: bool) -> tuple[int, str, str] | bool | None:
    """What `_amount_at` makes of this word from its text alone: None if never an amount,
    `(cents, how, currency)` if one by itself, True when the words around it decide."""
    if text in _SYMBOLS or text in CURRENCY_CODES or text in _SIGNS:
        return True
    if text[0] in _SIGNS and (text[1:] in _SYMBOLS or text[1:] in CURRENCY_CODES):
        return True  # a sign on the currency, the figure set apart ("-R$ 2.845,10", "-GBP 12.00")
    if _DIGIT.search(text, 0, 6) is None:
        return None
    if _GROUP_HEAD.fullmatch(text) or (text[0] == "(" and ")" not in text):
        return True
    return parse_amount(text, whole)


def _plain(text: str) -> bool:
    """A word that cannot start a date, an amount or a marker (decided from its first
    characters only)."""
    first = text[0]
    if first.isdigit():
        # Long digit runs are references; "2 795.35" starts with at most three digits.
        return len(text) > 4 and text.isdigit()
    if first in _AMOUNT_STARTS:
        return False
    if text.isalpha():
        return text.lower() not in _SPECIAL_WORDS
    if first.isalpha():
        if first == "R" and text[1:2].isdigit():
            return False  # the rand's "R" glued to its amount: "R950,00", "R1 284,56"
        return text[:3].lower() not in _SPECIAL_PREFIXES and text.rstrip(".") not in _SYMBOLS
    return True


def parse_amount(text: str, whole: bool = False) -> tuple[int, str, str] | None:
    """`(cents, how, currency)` for an amount written as one string, or None. With `whole`,
    an amount without decimals too: grouped, of at most three digits, or with its currency."""
    m = _AMOUNT.fullmatch(text)
    if m is None:
        if not whole:
            return None
        m = _WHOLE_AMOUNT.fullmatch(text)
        if m is None:
            return None
    digits, dec = m["int"], m["dec"] if m.re is _AMOUNT else ".00"
    # (A whole number has no decimal separator: "7.500.000" is grouped by its dots.)
    if not _grouped(digits, dec[0] if m.re is _AMOUNT else ""):
        return None
    currency = (m["c1"] or m["c2"] or "").strip()
    if currency.isalpha() and currency not in CURRENCY_CODES and currency not in _SYMBOLS:
        return None
    if bool(m["o"]) != bool(m["cl"]):
        return None
    # An ungrouped whole number of four or more digits: a reference, a year; so is one with
    # letters glued before it ("SGD123456", an invoice's number).
    glued = currency.isalpha() and m["c1"] and not m["c1"].endswith(" ")
    if m.re is _WHOLE_AMOUNT and digits.isdigit() and len(digits) > 3 and (not currency or glued):
        return None
    cents = int("".join(ch for ch in digits if ch.isdigit()) + dec[1:])
    if m["mk"]:
        how = "CR" if m["mk"] in ("CR", "Cr", "cr", "C", "(存入)") else "DR"
    elif m["o"]:
        how = "("
    elif m["s1"] or m["s2"] or m["s3"] or m["s4"]:
        signs = (m["s1"] or "") + (m["s2"] or "") + (m["s3"] or "") + (m["s4"] or "")
        how = "+" if signs == "+" else "-"
    else:
        how = ""
    return cents, how, currency


def _grouped(whole: str, decimal: str) -> bool:
    """Digit groups are consistent: one separator, not the decimal one, thousands or lakhs."""
    seps = {ch for ch in whole if not ch.isdigit()}
    if not seps:
        return True
    if len(seps) > 1 or decimal in seps:
        return False
    groups = re.split(r"\D", whole)
    if len(groups[-1]) != 3:
        return False
    middle = {len(g) for g in groups[1:-1]}
    # Western thousands (3s) or Indian lakh grouping (2s, then the last 3).
    return middle <= {3} or (middle == {2} and len(groups[0]) <= 2)


def _amount_at(
    words: list[Box], i: int, height: float, whole: bool = False
) -> tuple[Token, int] | None:
    _, x1, text = words[i]
    j = i + 1
    n = len(words)
    # A currency or sign printed as its own word just before the number; a sign before a
    # currency and its number ("- $1,842.17", "- R$ 3.218,47").
    loose = text in _SYMBOLS or text in CURRENCY_CODES or text in _SIGNS
    # ("-R$ 2.845,10", with a minus sign or a hyphen: the sign on the currency.)
    loose = loose or (text[0] in _SIGNS and (text[1:] in _SYMBOLS or text[1:] in CURRENCY_CODES))
    if loose and j < n and words[j][0] - x1 < height:
        after = words[j][2]
        if text in _SIGNS and after[:1] in _MONEY_STARTS:
            text, x1, j = f"{text}{after}", words[j][1], j + 1
            if after in _SYMBOLS and j < n and words[j][0] - x1 < height:
                text, x1, j = f"{text} {words[j][2]}", words[j][1], j + 1
        elif after[:1].isdigit() or (
            # ("$ -2.345.678,00": the sign between the currency and its number)
            text not in _SIGNS and after[:1] in _SIGNS and after[1:2].isdigit()
        ):
            text = f"{text}{after}" if text in _SIGNS else f"{text} {after}"
            x1 = words[j][1]
            j += 1
    if _DIGIT.search(text, 0, 6) is None:
        return None
    # Space-grouped thousands (`2 795.35`) arrive as several words.
    if _GROUP_HEAD.fullmatch(text):
        while j < n:
            nx0, nx1, nxt = words[j]
            if nx0 - x1 > 0.6 * height or not _GROUP_TAIL.fullmatch(nxt):
                break
            text, x1, j = f"{text} {nxt}", nx1, j + 1
            if len(nxt) > 3:
                break
    # "(500.00 USD)": the closing parenthesis comes with the currency code.
    closing = j < n and words[j][2][-1:] == ")" and words[j][2][:-1] in CURRENCY_CODES
    if text[0] == "(" and ")" not in text and closing and words[j][0] - x1 < height:
        text, x1, j = f"{text} {words[j][2]}", words[j][1], j + 1
    # "JPY 12,800": a currency without minor units says its whole number is money.
    parsed = parse_amount(text, whole or (loose and words[i][2] in ZERO_DECIMAL))
    if parsed is None:
        return None
    cents, how, currency = parsed
    return _after_amount(words, i, j, x1, text, cents, how, currency, height)


def _figure_follows(words: list[Box], j: int, x1: float, height: float) -> bool:
    """Whether a number follows word j, close by: the currency printed before it is its own
    ("38,543  USD 254.86": the foreign amount's currency, not the yen amount's)."""
    if j + 1 >= len(words):
        return False
    nx0, _, nxt = words[j + 1]
    # (An amount with its decimals: "1 EURO = 1,0962 USD" after "186,40 USD" is a rate.)
    return nx0 - x1 < height and _DECIMAL_FIGURE.match(nxt) is not None


_DECIMAL_FIGURE = re.compile(r"\d[\d,.'’\u00a0]*[.,]\d\d(?!\d)")


def _after_amount(
    words: list[Box],
    i: int,
    j: int,
    x1: float,
    text: str,
    cents: int,
    how: str,
    currency: str,
    height: float,
) -> tuple[Token, int]:
    """The amount token, with a sign marker or currency code printed after it."""
    n = len(words)
    number_end = x1  # where the digits end, for placing the amount in its column
    # A sign marker or currency code as the next word, close by, belongs to this amount.
    while j < n:
        nx0, nx1, nxt = words[j]
        gap = nx0 - x1
        bare = nxt.rstrip(".")
        if not how and gap < 4 * height and (bare in _MARKERS or bare in _SINGLE_MARKERS):
            how = _MARKERS.get(bare) or _SINGLE_MARKERS[bare]
        elif not how and nxt in ("-", "\u2212") and gap < 0.6 * height:
            how = "-"
        elif (
            not currency
            and gap < height
            and (nxt in _SYMBOLS or nxt in CURRENCY_CODES)
            and not _figure_follows(words, j, nx1, height)
        ):
            currency = nxt
        else:
            break
        text, x1, j = f"{text} {nxt}", nx1, j + 1
    return (words[i][0], x1, AMOUNT, text, (cents, how, currency, number_end)), j
