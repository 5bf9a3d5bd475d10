"""One raw row from its lines: dates as printed, amount with its sign evidence, description.

Sign codes: "C" a credit for certain (credit column, "CR", a credits section), "D" a debit
for certain, "N" printed negative (minus or parentheses), "P" printed with a plus, "U"
unsigned. What N, P and U mean depends on the statement's convention (a bank account prints
money out negative; a card prints credits negative), settled once the whole document is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .lineclass import FX, Item, currency_named
from .tokens import AMOUNT, DATE, MONTHS
from .vocabulary import CHEQUE_WORDS, CREDIT, DEBIT, POST
from .vocabulary import DATE as DATE_ROLE

# Letters, two or more together (a month's name among them is not a description).
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_ASCII_LETTERS = re.compile(r"[A-Za-z]{2,}")
_MONTH = re.compile("(?i)" + "|".join(sorted(MONTHS, key=len, reverse=True)))
_HOW = {"(": ("N", "in parentheses"), "-": ("N", "a minus sign"), "+": ("P", "a plus sign")}


class RawRow:
    """A row before the document-level decisions (date order, year, sign convention)."""

    __slots__ = (
        "above",  # for a row printed without a date: a balance line's date above it, if any
        "balance",
        "ccy",  # the currency of a multi-currency account's row ("" for the account's own)
        "cents",
        "code",
        "column",
        "date",
        "desc",
        "fx",
        "holder",
        "last4",
        "page",
        "post",
        "text",
        "why",
        "year",
    )


_LETTER = re.compile(r"[^\W\d_]")
# Who made a card payment, named in its description.
# ("Card payment to TESCO" names the merchant: a refund goes to the cardholder.)
# ("Card •4821 · Alex Kim": the card's last digits, then who holds it.)
_PAID_BY = re.compile(
    r"\b(?i:card (?:payment|purchase|transaction|withdrawal) by|card refund to"
    r"|card [•*x]?\d{4} [·-])"
    r" ([A-Z][\w'’-]+(?: [A-Z][\w'’.-]*){1,3})"
)


def build_row(
    lines: Sequence[Item],
    marks: Sequence[str],
    year: int | None,
    page: int,
    section: tuple[int, str],
    holder: tuple,
    warnings: list,
) -> RawRow | None:
    """The row that lines make (with the markers and the year printed on lines of their own),
    or None (with a warning) when it has no amount."""
    if len(lines) == 1:  # the common case, without gathering from several lines
        item = lines[0]
        dates, money = item.dates, item.money
        # Only the first marker counts: one on a line of its own before the line's own.
        markers = marks or item.markers
        cells = item.cells
        desc = " ".join([t[3] for t in cells])
        if item.dated_text:
            desc = _joined(cells)
        balance, fx = item.bal, item.fx
    else:
        spelled = _spelled_out(lines)
        if spelled is not None:
            lines = [*lines[: spelled[0]], *lines[spelled[0] + 2 :]]
        dates = [d for item in lines for d in item.dates]
        money = [m for item in lines for m in item.money]
        markers = [*marks, *(m for item in lines for m in item.markers)]
        cells = [t for item in lines for t in item.cells]
        desc = _description(lines)
        balance = fx = None  # the last balance printed, the first foreign amount
        for item in lines:
            balance = item.bal or balance
            if item.fx is not None:
                # The amount and its currency may come on lines of their own ("EURO" over
                # "412.00 X 1.083700").
                if fx is None:
                    fx = item.fx
                elif not fx[1] and fx[0] and item.fx[0] and item.fx[1] and item.kind == FX:
                    # A line of its own naming the amount and its currency ("USD 45.00") over
                    # a figure without one in the column of original amounts (the billed
                    # amount again, in a statement whose original column repeats it).
                    fx = item.fx
                elif not fx[0] or not fx[1]:
                    fx = (fx[0] or item.fx[0], fx[1] or item.fx[1])
        if fx is None and spelled is not None:
            fx = spelled[1]
    if not money:
        if dates and desc and not any(item.bal for item in lines):
            warnings.append(
                f"page {page}: “{dates[0][2]} {desc}” has a date but no amount; not read as a row"
            )
        return None
    if not desc and not dates:
        return None
    if desc and not _has_words(cells):
        return None  # only dates and figures: a table of balances, not a transaction
    if not desc:
        # Nothing in the description column (a paper cheque): the row's reference says
        # which it is ("1041").
        # ("1190 * ^": the marks beside it are footnotes, not its name.)
        # (Of two reference columns, "Check number" and "Reference number", the first.)
        desc = cheque_number(lines)
    # Filled field by field (an __init__ called through the class costs more).
    row = RawRow()
    row.page, row.desc, row.year, row.above = page, desc, year, None
    row.holder, row.last4 = holder
    users = (
        [t[3] for item in lines if item.users for t in item.users if _LETTER.search(t[3])]
        if any(item.users for item in lines)
        else None
    )
    if users:
        row.holder = " ".join(users)  # a cardholder's column: each row names its own
    elif row.holder is None and (
        "by " in desc or "BY " in desc or "und to" in desc or " · " in desc or " - " in desc
    ):
        paid = _PAID_BY.search(desc)
        if paid:
            row.holder = paid[1]  # "Figma Card payment by Laura Moretti"
    if not dates:
        row.date, row.post, row.text = None, None, ""
    elif len(dates) == 1:
        trans = dates[0]
        row.date, row.post, row.text = trans[1], None, trans[2]
    else:
        # Commonly a transaction date then a posting date; otherwise by the columns' titles.
        trans, post = dates if len(dates) == 2 and dates[0][0] == DATE_ROLE else _dates(dates)
        row.date, row.post, row.text = trans[1], post[1], trans[2]
    row.balance = balance[4][:2] if balance else None
    row.ccy = lines[0].ccy if len(lines) == 1 else next((i.ccy for i in lines if i.ccy), "")
    row.fx = fx
    if len(money) == 1:  # the common case: one amount, nothing to weigh against another
        role, title, token = money[0]
        row.cents, row.column = token[4][0], title
        marker = markers[0] if markers else None
        row.code, row.why = _sign(role, title, token[4][1], marker, section)
    else:
        _amounts(row, money, markers, section, warnings)
    if fx is not None and fx[0] == row.cents:
        row.fx = None  # the same amount in the column of original amounts: not foreign
    elif fx is not None and not fx[1] and row.cents and _instalments(fx[0], row.cents):
        # The whole price of a purchase paid in instalments, in no other currency ("1,200,000
        # 6M 4/6  200,000"): not an original foreign amount.
        row.fx = None
    return row


def _instalments(whole: int, share: int) -> bool:
    times, rest = divmod(abs(whole), abs(share))
    return rest == 0 and 2 <= times <= 60


def _dates(dates: list[tuple]) -> tuple[tuple, tuple]:
    """The transaction date and the posting date of a row printed with two dates or more: by
    their columns' titles, else in order."""
    trans = dates[0]
    for d in dates:
        if d[0] == DATE_ROLE:
            trans = d
            break
    post = None
    for d in dates:
        if d is not trans and d[0] == POST:
            post = d
            break
    if post is None:
        post = dates[1] if dates[1] is not trans else dates[0]
    return trans, post


def _amounts(
    row: RawRow, money: list, markers: list[str], section: tuple[int, str], warnings: list
) -> None:
    """A row printed with several amounts: a debit less a credit, else the first."""
    debits = [m for m in money if m[0] == DEBIT and m[2][4][0]]
    credits = [m for m in money if m[0] == CREDIT and m[2][4][0]]
    if debits and credits:
        debit, credit = debits[0][1], credits[0][1]
        warnings.append(
            f"page {row.page}: “{row.desc}” has both a {debit} and a {credit} amount; "
            f"read as {debit} minus {credit}"
        )
    role, title, token = (debits or credits or money)[0]
    cents, how = token[4][0], token[4][1]
    if role == DEBIT and credits:
        cents -= credits[0][2][4][0]
    row.cents, row.column = cents, title
    row.code, row.why = _sign(role, title, how, markers[0] if markers else None, section)


@lru_cache(maxsize=1024)
def _sign(role: str, title: str, how: str, marker: str | None, section: tuple) -> tuple[str, str]:
    """An amount's sign code and why (rows repeat them: each is worked out once)."""
    if role == DEBIT:
        return "D", f"in the “{title}” column"
    if role == CREDIT:
        return "C", f"in the “{title}” column"
    if how in ("CR", "DR"):
        code, why = ("C" if how == "CR" else "D"), f"“{how}” after the amount"
    elif marker is not None:
        code, why = ("C" if marker == "CR" else "D"), f"“{marker}” printed with the amount"
    elif how in _HOW:
        code, why = _HOW[how]
    else:
        code, why = "U", "no credit marker"
    sign = section[0]
    if sign < 0 and code in ("N", "C"):
        # (A credit marked as such, under a heading of credits: see signs.py.)
        return "C", f"{why}, listed under “{section[1]}”"
    if sign < 0 and code in ("U", "P"):
        return "C", f"listed under “{section[1]}”"
    if sign > 0 and code == "U":
        return "D", f"listed under “{section[1]}”"
    if sign > 0 and code == "N":
        # (Whether the minus means money out here is the statement's convention: see signs.py.)
        return code, f"{why}, under “{section[1]}”"
    return code, why


def _has_words(cells: list[tuple]) -> bool:
    """Two letters together that are not a month's name: a description, not figures (the
    description's cells say it, each on its own as they are joined with spaces)."""
    for token in cells:
        text = token[3]
        found = _WORDY.get(text)
        if found is None:
            if len(_WORDY) > _WORDY_MAX:
                _WORDY.clear()
            found = _WORDY[text] = _words_in(text)
        if found:
            return True
    return False


# Whether a cell's text has words, kept per text: statements repeat their merchants' names.
_WORDY: dict[str, bool] = {}
_WORDY_MAX = 50_000


def _words_in(text: str) -> bool:
    if text.isascii():  # most text: a letter is simply A-Z or a-z, and lower() is exact
        found = _ASCII_LETTERS.search(text)
        while found is not None:
            if found[0].lower() not in MONTHS:
                return True
            found = _ASCII_LETTERS.search(text, found.end())
        return False
    # Other letters are compared with the months as the pattern's ignoring of case does (which
    # lower() does not quite).
    return any(not _MONTH.fullmatch(letters) for letters in _LETTERS.findall(text))


def by_columns(lines: list, splits: tuple[float, ...]) -> str:
    """A wrapped row's description read column by column where the table titles several
    description columns (merchant, city, country): each column top to bottom, in order.
    Empty when the row's text fills only one of them."""
    columns: dict[int, list[str]] = {}
    # Where the first line's text is set apart: the columns, and the cells within them
    # ("Dauerauftrag  Immobilien Kranz GbR" under "Vorgang" and an untitled column).
    edges = [*splits, *(t[0] for t in lines[0].cells[1:])]
    for item in lines:
        cells = item.cells
        if cells and item is not lines[0]:
            left, right = cells[0][0], cells[-1][1]
            if any(left < edge - 2 < right - 4 for edge in edges):
                return ""  # a line running across the columns: lines of the whole width
        for token in cells:
            k = 0
            while k < len(splits) and token[0] >= splits[k]:
                k += 1
            columns.setdefault(k, []).append(token[3])
    if len(columns) < 2:
        return ""
    return " ".join(" ".join(columns[k]) for k in sorted(columns))


def _description(lines: list) -> str:
    """Description tokens joined line by line, each left to right, single spaces (a merchant
    and its city on the first line, then the lines under them)."""
    if any(item.dated_text for item in lines):
        return _joined([t for item in lines for t in item.cells])
    return " ".join([t[3] for item in lines for t in item.cells])


def _joined(cells: list) -> str:
    """The tokens' text, single spaces; a period printed as one word ("01.01.2024-31.03.2024",
    read as two touching dates) as printed."""
    out: list[str] = []
    previous = None
    for token in cells:
        if previous is not None and token[2] == DATE == previous[2] and token[0] == previous[1]:
            out[-1] = f"{out[-1]}-{token[3]}"
        else:
            out.append(token[3])
        previous = token
    return " ".join(out)


def _spelled_out(lines: Sequence[Item]) -> tuple[int, tuple] | None:
    """A row's original amount on a line of its own over its currency's name on the next
    ("11.75" over "Pounds Sterling"): where the first of the two lines is, and the amount."""
    for k in range(1, len(lines) - 1):
        figure, under = lines[k].cells, lines[k + 1]
        if len(figure) != 1 or figure[0][2] != AMOUNT or lines[k].money or under.money:
            continue
        if under.cells:
            code = currency_named(under.cells[0]) if len(under.cells) == 1 else ""
        else:  # (read already as the name of a currency, with no amount of its own)
            code = under.fx[1] if under.fx and not under.fx[0] else ""
        if code:
            return k, (figure[0][4][0], code)
    return None


def cheque_number(lines: Sequence[Item]) -> str:
    """The number in the row's reference column: a paper cheque's ("1041"), with the word
    printed before it there ("CHECK 1041" under "Check Number")."""
    for item in lines:
        for k, token in enumerate(item.refs or ()):
            if any(map(str.isdigit, token[3])):
                word = item.refs[k - 1][3] if k else ""
                return f"{word} {token[3]}" if word.lower() in CHEQUE_WORDS else token[3]
    return ""
