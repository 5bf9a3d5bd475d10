"""Labelled figures: "Previous balance 412.16", "Statement date 01 Aug 23", "Total 702.10".

A label counts only where a cell of the line starts with it (so prose such as "if your new
balance is…" is not a figure), and its value is the first fitting token after it in the same
cell, the next cell of the line, or the cell printed just below it (summary tables put the
titles on one line and the figures under them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from operator import itemgetter

from .tokens import AMOUNT, CURRENCY_CODES, CURRENCY_MARKS, DATE, TEXT
from .vocabulary import (
    CJK_RE,
    CLOCK_RE,
    LABEL_RE,
    LABEL_STRONG,
    LABEL_WORDS,
    RATE_WORDS,
    TOTAL_RE,
    cases,
    fold,
)

_DATE_ROLES = frozenset({"stmt_date", "due_date"})
# Label words as printed: lower, upper or capitalised, with a colon or not.
LABEL_LOOKUP = frozenset(
    f"{variant}{end}" for word in LABEL_WORDS for variant in cases(word) for end in ("", ":")
)
_WORD_TEXT = itemgetter(2)
# Totals as Chinese and Japanese print them, at the end of a word ("正卡本期小計").
_CJK_TOTALS = frozenset({"合計", "小計", "合计", "小计", "总计", "소계", "합계", "총계"})
# Totals named after what they total ("Főkártya összesen", "Karta celkem").
_TOTALS_AFTER = frozenset(c for w in ("összesen", "celkem", "spolu", "kokku") for c in cases(w))


def _variants(*words: str) -> frozenset[str]:
    return frozenset(
        f"{variant}{end}"
        for word in words
        for variant in (word, word.upper(), word.capitalize())
        for end in ("", ":")
    )


# Words a label may start with before its own ("Your minimum payment"): they start one only
# where a label's word follows; and the words naming whose figure it is ("Card Total", "Cost
# Center Total", "Company New Balance"), where a total's or a balance's first word follows.
_LEADS = _variants(
    "your",
    "the",
    "this",
    "total",
    "account",
    "grand",
    "a",
    "valor",
    "importe",
    "monto",
    "montant",
    "dein",
)
_NAMING = _variants(
    "card",
    "cardholder",
    "member",
    "employee",
    "cost",
    "center",
    "centre",
    "company",
    "kart",
    "transaction",
)
_AFTER_NAMING = _variants(
    "total", "totals", "subtotal", "new", "previous", "balance", "opening", "closing", "toplamı"
)
_FILLER = frozenset(
    {
        "your",
        "dein",
        "the",
        "this",
        "total",
        "account",
        "company",
        "a",
        "statement",
        "net",
        "*",
        "***",
    }
    | {"-", "–"}
)
_SLASHES = frozenset({"/", "|"})
_BALANCES = frozenset({"prev", "new", "bal_at"})
_PUNCTUATION = frozenset({":", "-", "–", "=", "*", "+"})
# On a line that starts with a date only balance labels stop it being a transaction.
_DATED_STRONG = frozenset({"prev", "new"})
_DUE = re.compile(r"total (?:amount |payment )?due\b")
_DAILY = re.compile(r"\bdia\b|\bday\b|\btag(?:es)?\b|\bjour\b")


def find_labels(
    lines: list[tuple], raw: list[tuple], word_tokens: Callable[[int], list], whole: bool = False
) -> Iterator[tuple]:
    """Yield `(line, role, strong, values, phrase, value_line)` for each labelled figure.
    `raw` holds each line's words, `word_tokens(i)` line i's tokens word by word (`whole`:
    whole numbers among them are amounts)."""
    for i, (_, _, height, words) in enumerate(raw):
        if lines[i][4] == "H" or (
            LABEL_LOOKUP.isdisjoint(map(_WORD_TEXT, words))
            and not any(
                w[2][-2:] in _CJK_TOTALS or w[2] in _TOTALS_AFTER or _slashed_label(w[2])
                for w in words
            )
        ):
            continue
        # What the line says by itself is kept per line: every page repeats its summary.
        key = (tuple(words), height, whole)
        found = _FOUND.get(key)
        if found is None:
            if len(_FOUND) > 256:
                _FOUND.clear()
            # ("Suma tranzacție: 10,99 EUR, curs 4,9759": a row's original amount; "Opening
            # Balance  Earned  Redeemed  Expired  Closing Balance": points or cashback.)
            labelled = (
                _may_label(words, height) and not _rate_line(words) and not _rewards_titles(words)
            )
            found = _FOUND[key] = list(_labels_in(word_tokens(i), height)) if labelled else []
        for role, strong, values, phrase, below in found:
            value_line = None
            if below is not None:
                x0, x1, kind, *line = below
                values, value_line = _below(lines, i, x0, x1, kind)
                strong = _strength(role, values, *line)
            if values or role == "skip":
                yield i, role, strong, list(values), phrase, value_line


_FOUND: dict[tuple, list[tuple]] = {}


def _rate_line(words: list[tuple]) -> bool:
    """A line naming a foreign currency and an exchange rate."""
    said = [w[2].strip(".,:()").lower() for w in words]
    return any(w in RATE_WORDS for w in said) and any(w.upper() in CURRENCY_CODES for w in said)


def _rewards_titles(words: list[tuple]) -> bool:
    """Titles of a table of reward points or cashback: what was earned, redeemed, expired."""
    return len([w for w in words if w[2].strip(".:").lower() in _REWARD_WORDS]) >= 2


_REWARD_WORDS = frozenset({"earned", "redeemed", "expired", "expiring", "forfeited"})


def _slashed_label(text: str) -> bool:
    """A label's word and its other name in one word ("Kontostand/Übertrag auf Seite 2")."""
    return "/" in text and not LABEL_LOOKUP.isdisjoint(text.split("/"))


def _may_label(words: list[tuple], height: float) -> bool:
    """Whether a label word starts a cell (the line's first word, a word after a wide gap or
    after a figure such as a date): a cheap test before the patterns."""
    previous = None
    for k, word in enumerate(words):
        starts = (
            previous is None
            or word[0] - previous[1] > 1.2 * height
            or previous[2][-1:].isdigit()
            or previous[2][-1:] == ":"
            or previous[2] in _SLASHES  # a label after its translation ("BAKI SEMASA / …")
            or not previous[2].strip("*")  # ("*** Kontostand zum 28.02.2025")
            or CJK_RE.fullmatch(previous[2]) is not None  # ("本期結欠 NEW BALANCE")
        )
        if starts:
            text = word[2]
            if text in LABEL_LOOKUP or text[-2:] in _CJK_TOTALS or _total_after(words, k):
                return True
            if _slashed_label(text):
                return True
            # A lead word or two, then a label's word.
            after = k + 1
            while after <= k + 2 and after < len(words):
                if text in _LEADS:
                    found = LABEL_LOOKUP
                elif text in _NAMING:
                    found = _AFTER_NAMING
                else:
                    break
                text = words[after][2]
                if text in found:
                    return True
                after += 1
        previous = word
    return False


_RANGE_WORDS = frozenset(
    {"to", "through", "thru", "till", "until", "-", "–", "bis", "au", "al", "t/m", "~", "～"}
)


def _total_after(words: list[tuple], k: int) -> bool:
    """A total's word among the first four of a cell ("Számlaszintű tételek összesen")."""
    return any(w[2] in _TOTALS_AFTER for w in words[k : k + 4])


def find_periods(lines: list[tuple], figures: list[int]) -> Iterator[tuple]:
    """Yield `(line, "stmt_date", True, dates, phrase, None)` for an unlabelled period:
    "December 16, 2021 through January 15, 2022"."""
    for i, count in enumerate(figures):
        if count < 2:
            continue
        _, _, _, tokens, tag, _ = lines[i]
        if tag:
            continue
        # (On a row's line, its own date then its amount, only a period that opens the line
        # is one: "29-03  Kosten Rabo BasisPakket 01-03-2024 t/m 31-03-2024  4,60" is a row.)
        last = 3 if tokens[0][2] == DATE and tokens[-1][2] == AMOUNT else len(tokens)
        # Date, word, date: the dates with another date two tokens before them.
        for k in range(2, min(last, len(tokens))):
            after = tokens[k]
            if after[2] != DATE:
                continue
            before, word = tokens[k - 2], tokens[k - 1]
            dates = before[2] == DATE
            if dates and word[3].lower() in _RANGE_WORDS and (before[4][3] or after[4][3]):
                yield i, "stmt_date", True, [before, after], "period", None
                break


def _labels_in(tokens: list, height: float) -> Iterator[tuple]:
    """The line's labels by itself: `(role, strong, values, phrase, below)`, where below is
    None, or where to look for a figure printed under the label and what the line holds
    `(x0, x1, kind, has_date, dated, total)` when the line does not settle it."""
    # (Lower case without the dot "İ" leaves over its "i": one character each, as printed.)
    folded = [fold(t[3]) for t in tokens]
    lower = " ".join(folded)
    kinds = [t[2] for t in tokens]
    cells = _cell_numbers(tokens, height)
    # Labels are tried only where a cell starts (after any dates or filler words).
    starts, matches = [], []
    offset, end, cell, opens = 0, -1, 0, True
    for k, token in enumerate(tokens):
        if cells[k] != cell:
            cell, opens = cells[k], True
        starts.append(offset)
        if token[2] == TEXT and offset >= end:
            m = LABEL_RE.match(lower, offset) if opens else None
            if m is None and "/" in folded[k]:
                # A label after its translation ("Số dư khả dụng/Available balance").
                m = LABEL_RE.match(lower, offset + folded[k].index("/") + 1)
            if m:
                matches.append((m, k))
                end = m.end()
        if token[2] != DATE and token[3].lower() not in _FILLER:
            # ("Totals / Closing balance": a second label after a slash.)
            opens = token[3] in _SLASHES or CJK_RE.fullmatch(token[3]) is not None
        offset += len(folded[k]) + 1
    # A line opening with a date is a row's, not one opening with a period ("16 February 2024
    # to 15 March 2024  Balance on 16 February 2024  £1,012.84").
    dated = kinds[0] == DATE and not (
        len(tokens) > 2 and kinds[2] == DATE and folded[1] in _RANGE_WORDS
    )
    # (A row printed with its time only, under a heading giving the day: "11:59 PM Interest
    # paid +$0.87".)
    dated = dated or CLOCK_RE.fullmatch(folded[0]) is not None
    # A total at the line's start, or after a card's number ("JOHN A MARSH #1234: Total
    # Transactions").
    total = (
        not dated
        and (
            TOTAL_RE.match(lower) is not None
            or any(
                folded[k - 1].endswith(":") and TOTAL_RE.match(lower, starts[k])
                for k in range(1, len(tokens))
                if tokens[k][2] == TEXT
            )
            # ("711,378.26  700,000.00  Total": its figures before it, where the descriptions
            # are the table's last column.)
            or (
                len(tokens) > 1
                and kinds[-1] == TEXT
                and all(kind == AMOUNT for kind in kinds[:-1])
                and TOTAL_RE.fullmatch(folded[-1].strip(" :")) is not None
            )
        )
    )
    if total and _DUE.match(lower) is None:
        # "Total …" lines are never rows; their figure is checked against the rows above.
        # ("TOTAL AMOUNT DUE" is the new balance, not a total of the rows above it.)
        # ("Total Paid In £2,550.57  Total Withdrawn £1,624.70": two totals, each with its
        # figure.)
        begin = 0
        for k in range(1, len(tokens) + 1):
            if k < len(tokens) and not (
                kinds[k] == TEXT
                and kinds[k - 1] == AMOUNT
                and TOTAL_RE.match(lower, starts[k]) is not None
            ):
                continue
            part = tokens[begin:k]
            amounts = [t for t in part if t[2] == AMOUNT]
            if amounts:
                # Named by its words up to the first figure ("GRAND TOTAL FOR ALL CARD
                # ACCOUNTS").
                named = [t[3] for t in part[: part.index(amounts[0])] if t[2] == TEXT]
                phrase = " ".join(named[:8]).rstrip(" :") or part[0][3]
                yield "total", True, amounts, phrase, None
            begin = k
    has_date = DATE in kinds
    taken: list[tuple] = []
    for n, (m, first) in enumerate(matches):
        last = _token_at(starts, m.end() - 1)
        role = m.lastgroup
        if (
            dated
            and first == last
            and " " not in m.group().strip()
            and any(kinds[k] == TEXT for k in range(1, first))
        ):
            # One word after a row's date and its description ("05/01/2025  UBER INDIA
            # SYSTEMS PVT LTD  TRANSPORT  412.37 Dr"): the row's category, no balance's label.
            continue
        stop = matches[n + 1][1] if n + 1 < len(matches) else len(tokens)
        values, below = _values(tokens, cells, height, last + 1, stop, role, total)
        if below is not None and last + 1 == len(tokens) and role in _BALANCES:
            # Ending the line, its figures before it ("1,515,161.61  Closing Balance" where the
            # descriptions are the last column).
            # (Not another label's: "Kontostand am 28.02.2025  EUR + 2.318,64   Neuer Saldo".)
            before = [t for t in tokens[:first] if t[2] == AMOUNT and t not in taken]
            if before:
                values, below = before[-1:], None
        phrase = " ".join([t[3] for t in tokens[first : last + 1]])
        if role in _CATEGORIES and values and _named_after(tokens, last + 1, values[0]):
            # "NEW TRANSACTIONS TAN WEI MING  594.76 CR": what one cardholder's rows come to,
            # not a figure of the statement's charges.
            role = "skip"
        taken += values
        if below is not None:
            yield role, False, values, phrase, (*below, has_date, dated, total)
        elif values or role == "skip":
            # (A balance of the day, printed dated among the rows, "05/03  SALDO TOTAL
            # DISPONÍVEL DIA  2.712,96", is that balance, not a row.)
            daily = role == "bal_at" and _DAILY.search(fold(phrase)) is not None
            yield (
                role,
                _strength(role, values, has_date, dated and not daily, total),
                values,
                phrase,
                None,
            )


_CATEGORIES = frozenset({"charges", "credits", "other"})


def _named_after(tokens: list, start: int, value: tuple) -> bool:
    """A person's name in capitals between a label and its figure."""
    words = [w for t in tokens[start:] if t[0] < value[0] and t[2] == TEXT for w in t[3].split()]
    return (
        2 <= len(words) <= 4
        and all(w.isupper() and w.isalpha() for w in words)
        and LABEL_LOOKUP.isdisjoint(words)
    )


def _strength(role: str, values: list, has_date: bool, dated: bool, total: bool) -> bool | str:
    """Whether the label's line is a figure, not a row: True, False or "weak"."""
    # Category labels ("Purchases", "Payments") also name rows; only a line without a date
    # is their figure.
    strong = (LABEL_STRONG[role] or not has_date) and (role == "skip" or bool(values))
    if dated and role not in _DATED_STRONG:
        strong = False
    if strong and not LABEL_STRONG[role] and not total:
        strong = "weak"  # a figure, unless it turns out to be a wrapped row's last line
    return strong


def _cell_numbers(tokens: list, height: float) -> list[int]:
    cells, cell, prev = [], 0, None
    for t in tokens:
        if prev is not None and t[0] - prev > 1.2 * height:
            cell += 1
        cells.append(cell)
        prev = t[1]
    return cells


def _token_at(starts: list[int], offset: int) -> int:
    k = 0
    while k + 1 < len(starts) and starts[k + 1] <= offset:
        k += 1
    return k


def _values(
    tokens: list,
    cells: list[int],
    height: float,
    begin: int,
    stop: int,
    role: str,
    wordy: bool = False,
) -> tuple[list, tuple | None]:
    """The label's figure(s) in its own line: the same cell, else the next cell; or where to
    look below, `(x0, x1, kind)`, for a label whose figure may be printed under it."""
    kind = DATE if role in _DATE_ROLES else AMOUNT
    if begin < stop:
        own = cells[begin - 1] if begin else 0
        same = [t for k, t in enumerate(tokens[begin:stop], begin) if cells[k] == own]
        found = [t for t in same if t[2] == kind]
        words = len([t for t in same if t[2] == TEXT and t[3] not in _PUNCTUATION])
        if found and (words <= 4 or wordy):
            return (found if kind == DATE else found[:1]), None
        after = own + 1
        while True:
            nxt = [
                t
                for k, t in enumerate(tokens[begin:stop], begin)
                if cells[k] == after and t[3] not in _PUNCTUATION
            ]
            # A count, a date or a currency printed between a label and its amount ("Checks
            # paid  4  1,475.00", "Saldovortrag  30.09.2024  6'824.35", "Brought forward  CHF
            # 2'945.87", "Previous balance  £  612.35"), or a colon set apart.
            if (
                kind == AMOUNT
                and nxt
                and all(_count(t) or t[2] == DATE or t[3] in CURRENCY_MARKS for t in nxt)
            ):
                after += 1
                continue
            if not nxt and any(cells[k] == after for k in range(begin, stop)):
                after += 1
                continue
            break
        if kind == AMOUNT:
            # (Its currency in the same cell: "Übertrag auf Seite 2      EUR + 846,08".)
            nxt = [t for t in nxt if t[3] not in CURRENCY_CODES] or nxt
        if nxt and nxt[0][2] == kind:
            return ([t for t in nxt if t[2] == kind] if kind == DATE else nxt[:1]), None
        if found:
            return [], None
    if not LABEL_STRONG[role]:
        return [], None
    own = cells[begin - 1] if begin else 0
    cell = [t for k, t in enumerate(tokens) if cells[k] == own]
    return [], (cell[0][0] - height, cell[-1][1] + height, kind)


def _count(token: tuple) -> bool:
    """A whole number short enough to count things (not a figure)."""
    return token[2] == TEXT and len(token[3]) <= 4 and token[3].isdigit()


def _below(lines: list[tuple], i: int, x0: float, x1: float, kind: str) -> tuple[list, int | None]:
    """The figure printed under a label, between x0 and x1, and its line."""
    y1, height = lines[i][1], lines[i][2]
    for j in range(i + 1, min(i + 4, len(lines))):
        below = lines[j]
        if below[0] - y1 > 2.5 * height or below[4] == "H":
            break
        found = [t for t in below[3] if t[2] == kind and t[0] < x1 and t[1] > x0]
        if found:
            if _wordy(below[3]):
                break
            if kind == DATE:
                return found, j
            # (Not a figure ending left of where the label starts, another title's: "Total
            # Outstanding" over "59,796.31", not over "1,852.41" ending just left of it.)
            return ([t for t in found if t[1] > x0 + height] or found)[:1], j
        y1 = below[1]
    return [], None


def _wordy(tokens: list) -> bool:
    """A line with words in it is a row or prose, not a line of figures under titles (a
    currency printed before a figure, "SAR  -4,410.76", is not a word)."""
    return any(
        t[2] == TEXT
        and sum(ch.isalpha() for ch in t[3]) >= 2
        and t[3] not in CURRENCY_CODES
        and t[3].rstrip(".").lower() not in _CURRENCY_WORDS
        for t in tokens
    )


# Currencies printed as words after their figures ("14.015,94 kr.", "12 800 Ft").
_CURRENCY_WORDS = frozenset({"kr", "kn", "ft", "zł", "kč", "lei", "lv", "грн", "руб", "tl"})
