"""What one line of a transaction table holds, given the table's columns.

A line is an anchor (date and amount), a date without an amount, an amount without a date, a
description continuation, a sign marker or foreign amount belonging to the row above, a
wrapped year, or a break (a heading, a footer, text where a date belongs).
"""

from __future__ import annotations

import re
from operator import itemgetter

from .columns import Model
from .tokens import AMOUNT, CURRENCY_CODES, DATE, MARKER, SYMBOL_CODES, TEXT, YEAR, ZERO_DECIMAL
from .vocabulary import AMOUNT as AMOUNT_ROLE
from .vocabulary import (
    BALANCE,
    BALANCE_LABEL_RE,
    BALANCE_WORDS,
    CARRIED_RE,
    CATEGORY,
    CURRENCY,
    CURRENCY_NAMES,
    DESC,
    FOREIGN,
    FX_LABEL_WORDS,
    MONEY_ROLES,
    NOTE_RE,
    NUMERIC_ROLES,
    POST,
    RATE_WORDS,
    REF,
    SIGN,
    USER,
    fold,
)
from .vocabulary import DATE as DATE_ROLE

ANCHOR, DATE_ONLY, AMOUNT_ONLY, TEXT_LINE, MARK, FX, YEAR_LINE, EMPTY, BREAK = range(9)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})")
_RATE = re.compile(r"\d+[.,]\d{3,10}")  # rates run to nine or ten places
# The dollar, franc or pound of a country, by the word before it ("CANADIAN DOLLAR").
_COUNTRY_DOLLARS = {
    "canadian": "CAD",
    "australian": "AUD",
    "singapore": "SGD",
    "kong": "HKD",
    "zealand": "NZD",
    "us": "USD",
    "u.s": "USD",
    "american": "USD",
    "taiwan": "TWD",
    "swiss": "CHF",
    "british": "GBP",
    "mexican": "MXN",
    "danish": "DKK",
    "norwegian": "NOK",
    "swedish": "SEK",
    "moroccan": "MAD",
    "qatari": "QAR",
}
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:[,.]\d{3})+|\d{1,6}")
_NUMBERED = re.compile(r"[-/.]*\d[-\d/.]*|[-–/]")
_RATE_IN = re.compile(r"\d[.,]\d{3}")
_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?|[AaPp]\.?[Mm]\.?")  # (and "AM", "p.m.")
# (Haben and Soll after a German amount: "89,99 H", "189,90 S".)
_MARKER_START = {"CR": "CR", "DR": "DR", "Cr": "CR", "Dr": "DR", "H": "CR", "S": "DR"}
_SIGN_WORDS = {"C": "CR", "D": "DR", "CR": "CR", "DR": "DR", "Cr": "CR", "Dr": "DR", "-": "CR"}
_SIGN_WORDS.update({w: "DR" for w in ("Debit", "DEBIT", "debit", "DB")})
_SIGN_WORDS.update({w: "CR" for w in ("Credit", "CREDIT", "credit")})
_SIGN_WORDS.update({"Af": "DR", "AF": "DR", "Bij": "CR", "BIJ": "CR"})  # Dutch: out, in
_DATE_ROLES = frozenset({DATE_ROLE, POST})
_OVERDRAWN = frozenset({"OD", "O/D", "od"})
_REFERENCE = re.compile(r"\d{20,30}")  # (an acquirer reference number has 23)
_RULE = re.compile(r"([-=_─━═])\1{3,}")
_RULE_MARKS = frozenset("-=_─━═")
_LONE_SIGNS = {"-": "-", "\u2212": "-", "+": "+", "(-)": "-", "(+)": "+"}
_SIGNED_ROLES = MONEY_ROLES | {SIGN}
# "27 x 0,15 EUR", "47 Posten à 0,25 EUR", "3 @ 1.50": a count's unit price.
_FOOTNOTE_MARKS = "#†‡§"
_TIMES = frozenset({"x", "\u00d7", "à", "@", "je"})
_WORD_BREAK = re.compile(r"\s+|(?<=[^\W\d])-(?=[^\W\d_]|\d)")  # a space; a hyphen after letters


class Item:
    """One classified line (`classify` sets every field)."""

    __slots__ = (
        "bal",  # the running balance's token
        "ccy",  # the currency printed in a currency column for the row's own amount, or ""
        "cells",  # description tokens
        "dated_text",  # a date among the description's words (a period: "01.01.-31.03.")
        "dates",  # (role, value, text)
        "fx",  # (cents, currency)
        "fx_at",  # where the original amount starts
        "height",
        "kind",
        "markers",
        "middle",  # halfway down the line: lines are grouped and shared out by it
        "money",  # (role, title, token)
        "part",  # which of a table printed two or three times across holds the row (unset: 0)
        "refs",  # reference-column tokens (a cheque's number), or None
        "users",  # the cardholder's column's tokens, or None
        "year",
    )


def classify(model: Model, line: tuple, credit_words: frozenset[str]) -> Item:
    """Place each token of the line in a column and decide what kind of line it is."""
    tokens = line[3]
    dates: list[tuple] = []
    money: list[tuple] = []
    cells: list[tuple] = []
    markers: tuple[str, ...] = ()  # seldom any
    bal = fx = fx_at = year = refs = users = loose_numbers = whole = None
    own = ""
    dated_text = numbered = False
    junk = lead_fx = False
    fx_token = None
    fx_currency = ""
    # Text starting inside the description's span is description: decided without placing it
    # (most tokens of a page are such words).
    # (A mark printed just before the next column's title, "##" under "Service fee", is that
    # column's.)
    lo, hi = model.desc_start - 2, model.desc_end - 2
    beyond = hi + 2  # text reaching well past the description: perhaps a currency over it
    if credit_words and not credit_words.isdisjoint(w for t in tokens for w in t[3].split()):
        markers += ("CR",)  # a word the bank's profile says marks a credit
    spots = model.spots
    # "Depuis le 01.01.2024  20,12 EUR": words under the dates' title leading into a date, a
    # sentence of a box under the table, no row. (A sidebar's words left of the table, on a
    # row's baseline, are not the row's.)
    first = tokens[0]
    worded = (
        first[2] == TEXT
        and model.columns[0][0] - 1 <= first[0] < lo
        and " " in first[3]
        and first[3][:1].isalpha()
        and len(tokens) > 1
        and tokens[1][2] == DATE
        and tokens[1][0] < lo
    )
    for token in tokens:
        x0, x1, kind, text, value = token
        if kind == TEXT and lo <= x0 < hi:
            if text[:1] in _RULE_MARKS and _RULE.fullmatch(text):
                continue  # a rule drawn in characters ("------------"), nobody's text
            if x1 > beyond and text in CURRENCY_CODES:
                fx_currency = text  # the foreign column's currency, printed over the text
            else:
                cells.append(token)
            continue
        # A position placed before (rows repeat theirs), looked up as `Model.place` keeps it.
        numeric = kind == AMOUNT
        end = value[3] if numeric else x1  # a number ends where its digits do
        spot = spots.get(x0)
        # Keyed as `Model.place` keys it: dates apart from other text.
        if spot is not None and spot[0] == end and spot[1] is (None if kind == DATE else numeric):
            placed = spot[2]
        else:
            placed = model.place(token)
        if placed is None:
            continue
        role, title = placed
        if kind == DATE:
            if role in _DATE_ROLES:
                dates.append((role, value, text))
            elif (
                role == DESC
                and not cells
                and len(dates) == 1
                and dates[0][0] == DATE_ROLE
                and _full_date(value)
                and not any(c[2] == POST for c in model.columns)
            ):
                # "19 Feb 24  20 Feb 24  TESCO STORES": a second date before the description,
                # under a title not read, is the posting date, not the description's first words
                # (where no column is titled for posting dates: "Valeur").
                dates.append((POST, value, text))
            elif role == DESC:
                cells.append(token)
                dated_text = True
        elif kind == AMOUNT:
            if role in MONEY_ROLES:  # the common case: a row's amount
                money.append((role, title, token))
            elif role == BALANCE:
                # (Of two balances, "SALDO OPERACIÓN  LIQUIDACIÓN", the first follows the rows.)
                bal = bal or token
            elif role == FOREIGN:
                fx = (value[0], value[2] if value[2].isalpha() else model.foreign_currency)
                fx_at = x0
            elif role in _DATE_ROLES:
                head, _, rest = text.partition(" ")
                m = _DOTTED.fullmatch(head)
                if m:  # "14.07" in the date column is a date, not an amount
                    dates.append((role, ("N", int(m[1]), int(m[2]), None), head))
                    if rest:
                        # ("21.02 DB VERTRIEB": the word after it, read as a debit's mark, is
                        # the description's first.)
                        cells.append((x1 - (x1 - x0) * len(rest) / len(text), x1, TEXT, rest, None))
            elif role == DESC:
                if cells and cells[-1][3].rsplit(" ", 1)[-1] in _TIMES:
                    cells.append(token)  # "Buchungsposten 27 x 0,15 EUR": a price, the text's
                elif _percent_of(cells):
                    cells.append(token)  # "1,00 % v. 50,77 EUR": what a fee is a share of
                elif (
                    (code := _code_of(value[2]))
                    and code not in (model.account_currency, model.home)
                    and value[0]  # ("Withholding tax 35% CHF 0.00": nothing was converted)
                ):
                    fx, fx_at = (value[0], code), x0
                    fx_token = token
                    # "USD 45.00 incl. foreign transaction fee": a line that opens with the
                    # foreign amount is that amount's line, all of it.
                    lead_fx = token is tokens[0]
                else:
                    cells.append(token)
        elif kind == MARKER:
            if role == DESC and not money:
                cells.append(token)
            else:
                markers += (value,)
        elif kind == YEAR and role in _DATE_ROLES:
            if cells and cells[-1][1] < x0:
                cells.append(token)  # after words of the text ("Miete Maerz 2024"), the text's
            else:
                year = value
        elif role == CATEGORY and kind == TEXT and x0 < lo < x1 - 10 and (rest := _past(token, lo)):
            # "Domestic Transfer J THORNE SALARY" in one string from the type's column: the
            # words from where the descriptions start are the description's.
            cells.append(rest)
        elif role == DESC and not (x0 < model.desc_start and _TIME.fullmatch(text)):
            cells.append(token)
        elif role == REF:
            refs = [*refs, token] if refs else [token]
        elif role == USER:
            users = [*users, token] if users else [token]
        elif role in _DATE_ROLES:
            if len(text) <= 2 and text.isdigit():
                loose_numbers = (
                    [*loose_numbers, (role, token)] if loose_numbers else [(role, token)]
                )
            elif _NUMBERED.fullmatch(text):
                numbered = True  # a document's number under the date ("5078 - 40125")
            else:
                junk = junk or not _TIME.fullmatch(text)
        elif text[:2] in _MARKER_START and (
            abs(x0 - model.money_right) < 2 * line[2]
            or (money and 0 <= x0 - money[-1][2][1] < line[2])
        ):
            # "CR" just right of the amounts, run into whatever is printed beyond the table;
            # "H" or "S" right after the row's amount, under its column's title.
            markers += (_MARKER_START[text[:2]],)
        elif (
            text in _LONE_SIGNS
            and money
            # ("1.348,72 +": the sign just past the amounts' column is the amount's too.)
            and (role in _SIGNED_ROLES or x0 - money[-1][2][1] < line[2])
            and not money[-1][2][4][1]
        ):
            # "67,34 -", "24,50 +": the amount's sign set apart from it; like a sign printed
            # with the amount, the statement's habit tells money in from money out.
            column, title, token = money[-1]
            cents, _, *rest = token[4]
            money[-1] = (column, title, (*token[:4], (cents, _LONE_SIGNS[text], *rest)))
        elif role == SIGN or (role in MONEY_ROLES and text in _SIGN_WORDS):
            if text in _SIGN_WORDS:
                markers += (_SIGN_WORDS[text],)
        elif role == CURRENCY and text.upper() in CURRENCY_CODES:
            if model.own_currency and x0 + 2 >= model.own_currency[-1]:
                own = text.upper()  # the currency of the row's own amount
            else:
                fx_currency = text.upper()
        elif role == FOREIGN and _WHOLE_NUMBER.fullmatch(text):
            whole = (int(text.replace(",", "").replace(".", "")) * 100, "")
        elif role == FOREIGN and text.lower().strip(".,:()") in RATE_WORDS:
            pass  # "árf.: 392,87" under the original amounts: a rate, nothing out of place
        elif role == FOREIGN and fx is not None and (named := currency_named(token)):
            # "612.40 U.S. Dollars" under the foreign amounts' title: their currency, named.
            fx_currency = named
        elif role == FOREIGN and _overflow(text):
            cells.append(token)  # a long description running under the next column
        elif bal is not None and text in _OVERDRAWN and x0 - bal[1] < 2 * line[2]:
            # "79.16 OD": the balance printed with its overdrawn mark after it.
            cents, _, *rest = bal[4]
            bal = (*bal[:4], (cents, "DR", *rest))
        elif role in NUMERIC_ROLES and sum(map(str.isalpha, text)) >= 2:
            junk = junk or text.upper() not in CURRENCY_CODES
    if fx_at is not None and cells and cells[-1][0] > fx_at:
        # "LONDON GBR  25.00 GBP @ 1.27360": the rate after the foreign amount is that
        # amount's, not the row's text.
        # ("USD 45.00 CONVERTED AT 0.6421": the rate named in words.)
        after = [t for t in cells if t[0] > fx_at]
        if (after[0][3][:1] == "@" and all(_RATE.search(t[3]) or t[3] == "@" for t in after)) or (
            _fx_label(after) and any(_RATE.search(t[3]) for t in after)
        ):
            cells[:] = [t for t in cells if t[0] < fx_at]
    if fx_token is not None and money and cells and cells[-1][1] <= fx_at:
        # "11/03/2024  FOREIGN CURRENCY AMOUNT  150.00 USD  229.36": on the row's line, the
        # words naming its original amount are no more its text than that amount is.
        words = cells[-1][3].split()
        if all(map(_fx_label_word, words)):
            cells.pop()
    if fx_token is not None and _in_sentence(cells, fx_at):
        # "Card transaction of 29.99 USD issued by OPENAI": the original amount inside the
        # row's sentence is its text as well.
        cells.append(fx_token)
        cells.sort(key=_X0)
    if numbered and not cells:
        junk = True  # numbers alone in the dates' column: no row's line
    if money and cells and not cells[-1][3].strip(_FOOTNOTE_MARKS) and cells[-1][3] != "#":
        # "MONTHLY MANAGEMENT FEE  ##  160.00": a mark pointing to a footnote ("## These are
        # fees charged to your account"), no part of the description ("REF #" is).
        cells.pop()
    if loose_numbers is not None:
        # "04 15" under the dates' title: a date printed as two numbers; "15 02  16 02" under
        # two dates' titles, two such dates.
        pairs = len(loose_numbers) // 2
        if len(loose_numbers) in (2, 4) and not dates:
            for k in range(pairs):
                (role, a), (other, b) = loose_numbers[2 * k : 2 * k + 2]
                first, second = int(a[3]), int(b[3])
                if role != other or not (
                    1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12
                ):
                    junk = True
                    break
                dates.append((role, ("N", first, second, None), f"{a[3]} {b[3]}"))
        else:
            junk = True
    if whole is not None and fx is None and fx_currency in ZERO_DECIMAL:
        fx = whole  # "3,600" beside "JPY": an original amount in a currency without cents
    ccy = own
    if fx_currency:
        if fx is not None:
            fx = (fx[0], fx_currency)
        elif not own:
            ccy = fx_currency  # a wallet's currency: the row's own amount is in it
    # Filled field by field (an __init__ called through the class costs more).
    item = Item()
    item.height, item.middle = line[2], (line[0] + line[1]) / 2
    item.dates, item.money, item.cells, item.markers = dates, money, cells, markers
    item.bal, item.fx, item.year, item.refs, item.ccy = bal, fx, year, refs, ccy
    item.users = users
    item.fx_at, item.dated_text = fx_at, dated_text
    # A date and an amount make a row whatever else the line holds (but words leading into it).
    if worded:
        item.kind = BREAK
    elif not model.has_dates and not money and _date_under(tokens, lo, line[2]):
        # "31 March 2024  Transaction: CARD-1517725098" under a row of a table whose titles
        # name no date: that row's date (and the rest of its text), whose amount is above.
        item.dates = [(DATE_ROLE, tokens[0][4], tokens[0][3])]
        item.cells = [t for t in cells if t is not tokens[0]]
        item.dated_text = False
        item.kind = FX
    elif dates and not money and bal is not None and _balance_words(cells):
        # "29.02.24  Kontostand  4'312.85" under the balances' title: the balance of that day,
        # read as a balance line is (see the assembler), not a row's date.
        item.money, item.bal = [(AMOUNT_ROLE, "balance", bal)], None
        item.kind = ANCHOR
    else:
        item.kind = ANCHOR if dates and money else _kind(item, junk, model.account_currency)
    if item.kind == TEXT_LINE and fx is not None and (lead_fx or _fx_label(cells)):
        item.cells.clear()
        item.kind = FX
    elif item.kind == TEXT_LINE and _fee_rate(cells):
        # "Bearbeitungsgebühr 1.75%" under a foreign amount's line: what the conversion cost,
        # a note of the foreign amount's, not the row's text.
        item.cells.clear()
        item.kind = FX
    elif lead_fx and item.kind == AMOUNT_ONLY:
        # "USD 45.99 @ 1.2683  36.26": the foreign amount's line ends with the row's amount.
        item.cells[:] = [t for t in cells if not _fx_word(t)]
    elif (
        item.kind == AMOUNT_ONLY
        and fx is None
        and len(cells) == 2
        and cells[0][2] == AMOUNT
        and currency_named(cells[1])
    ):
        # "89.00 Pounds Sterling  $113.21": the original amount, named by its currency's name,
        # on the line of the row's amount.
        item.fx, item.fx_at = (cells[0][4][0], currency_named(cells[1])), cells[0][0]
        item.cells.clear()
    return item


def _fx_label(cells: list) -> bool:
    """Only the words that name a foreign amount ("Original amount:", "Foreign currency")
    beside it, and its rate ("@ 1.362222")."""
    return all(
        t[2] == DATE  # (the day it was converted on: "Částka: 186,00 EUR 16.02.2024")
        or all(
            _fx_label_word(w) or not w.strip(".,:()") or _RATE.fullmatch(w.lstrip("$"))
            for w in t[3].split()
        )
        # ("Original 48,60 CHF  1 EUR=0,9573 CHF": the rate as an equation of currencies.)
        or all(map(_equation_word, _EQUATION_BREAK.split(t[3])))
        for t in cells
    )


def _full_date(value: tuple) -> bool:
    """A date printed as a row's date is: with its year, or its month in words."""
    return value[3] is not None or value[0] in ("W", "V")


_X0 = itemgetter(0)


def _in_sentence(cells: list, at: float) -> bool:
    """Words run on both sides of the amount at `at`, "of" before it ("… of 29.99 USD issued
    by …"): the amount is part of what the row says."""
    before = [t for t in cells if t[0] < at]
    after = [t for t in cells if t[0] > at]
    return (
        bool(before and after)
        and before[-1][3].rsplit(" ", 1)[-1].lower() in _OF
        and any(not _fx_word(t) for t in after)
    )


def _date_under(tokens: list, lo: float, height: float) -> bool:
    """The line opens with a full date where the descriptions start."""
    first = tokens[0]
    return first[2] == DATE and abs(first[0] - lo - 2) <= height and _full_date(first[4])


def _balance_words(cells: list) -> bool:
    """The line's words name a balance, and nothing else ("Kontostand", "Opening balance")."""
    if len(cells) != 1:
        return False
    text = fold(cells[0][3]).strip(" :")
    return text in BALANCE_WORDS or BALANCE_LABEL_RE.fullmatch(text) is not None


def _percent_of(cells: list) -> bool:
    """The words before an amount give a share of it ("1,00 % v.", "1.75% of"), or begin a
    line of their own under the share ("auf" under "Auslandseinsatzentgelt 1,75 %")."""
    words = " ".join(t[3] for t in cells[-3:]).split()
    if len(cells) == 1 and len(words) == 1:
        return words[0].lower() in _OF
    return len(words) >= 2 and words[-1].lower() in _OF and words[-2].endswith("%")


# Words that say an amount is what a share or a sentence is of ("1,00 % v. 50,77 EUR",
# "Card transaction of 29.99 USD issued by …").
_OF = frozenset({"v.", "von", "of", "of:", "for", "de", "du", "sur", "auf", "vom", "aus", "über"})


def _equation_word(word: str) -> bool:
    """A word of a rate written as an equation ("1 EUR = 0,9573 CHF", "1 Euro=1,0389 USD")."""
    return (
        word in ("", "1")
        or word.upper() in CURRENCY_CODES
        or word.lower() in CURRENCY_NAMES
        or bool(_RATE.fullmatch(word))
    )


_EQUATION_BREAK = re.compile(r"[\s=]+")


def _fx_label_word(word: str) -> bool:
    bare = word.strip(".,:()").lower()
    return bare in FX_LABEL_WORDS or (not bare.isascii() and fold(bare) in FX_LABEL_WORDS)


def _fx_word(token: tuple) -> bool:
    """A word of a foreign-amount line that is not the row's text: the amount, its currency,
    the rate and the words naming them."""
    if token[2] == AMOUNT:
        return True
    return all(
        _fx_label_word(w)
        or w.strip(".,:()").lower() in CURRENCY_NAMES
        or w.strip(".,:()").upper() in CURRENCY_CODES
        or _RATE.fullmatch(w.strip("()"))
        or w.lower() == "x"
        or not w.strip(".,:()=@-–")  # a colon or a dash set apart ("Montant en devise  :  120,00")
        for w in _WORD_BREAK.split(token[3])
    )


def _code_of(mark: str) -> str:
    """The currency code an amount is printed with: its code, or a symbol that names its
    country ("US$ 12,40"; "$" or "€" alone may be the statement's own)."""
    if mark in CURRENCY_CODES:
        return mark
    return SYMBOL_CODES.get(mark, "") if len(mark) > 1 else ""


def _overflow(text: str) -> bool:
    """Words of a description printed past its column (under the foreign-amount column), not
    that column's own currency names, rates or "@"."""
    word = text.lower().strip(".,:()")
    if word.isdigit():
        return True  # a postcode or store number; rates and amounts carry decimals
    return (
        sum(map(str.isalpha, word)) >= 2
        and word.upper() not in CURRENCY_CODES
        and word not in CURRENCY_NAMES
        and word not in RATE_WORDS
    )


def _foreign_line(item: Item, home: str = "") -> bool:
    """A line under a row giving the original currency amount or the exchange rate."""
    if not any(t[2] == AMOUNT or _RATE_IN.search(t[3]) for t in item.cells):
        return False
    if any(_percent_of(item.cells[: k + 1]) for k in range(len(item.cells))):
        return False  # "1,00 % v. 50,77 EUR": a fee's share of an amount, the row's text
    named_amount = _named_amount(item.cells)
    if named_amount is not None and named_amount[0][1] != home:
        # "SINGAPORE SG  U. S. DOLLAR 45.99", "TOKYO JP  JAPANESE YEN 12,800": the row's last
        # words, then its original amount after its currency's name.
        item.fx, item.fx_at = named_amount
        return True
    # ("Foreign Currency-USD 45.00 Exchange rate-1.366667": words joined by hyphens.)
    text = " ".join(t[3] for t in item.cells).lower()
    words = [w.strip(".,:()@") for w in _WORD_BREAK.split(text) if w]
    amounts = [t for t in item.cells if t[2] == AMOUNT]
    named = [
        _COUNTRY_AFTER.get(
            words[k + 1] if k + 1 < len(words) else "",
            _COUNTRY_DOLLARS.get(words[k - 1], CURRENCY_NAMES[w]) if k else CURRENCY_NAMES[w],
        )
        for k, w in enumerate(words)
        if w in CURRENCY_NAMES
    ]
    named += [w.upper() for w in words if w.upper() in CURRENCY_CODES]
    # (An amount in the account's own currency, "auf Zinsgutschrift CHF 3.15", is the text's.)
    named = [c for c in named if c != home]
    # "1 EURO = 1,0962 USD": a rate written as an equation; "412.00 X 1.083700 (EXCHG RATE)",
    # the original amount and its rate (the currency named on the line above).
    rated = any(w in RATE_WORDS for w in words) or "=" in words or " @ " in text
    rate = rated and any(_RATE.fullmatch(w) for w in words)
    # ("Foreign Spend Amount: 212.00 US Dollars  Commission Amount: 5.01": named as such.)
    labelled = sum(map(_fx_label_word, words)) >= 3
    if len(words) == 2 and words[0] in RATE_WORDS and len(amounts) == 1:
        # "Kurs 746,17", a line of its own: the rate (of a hundred units), not the row's text.
        return True
    if (rate or (rated and labelled)) and item.fx is not None and item.fx[0]:
        # "DKK 14,920.00  €1.00 = DKK 7.4602": the original amount, then its rate (whose one
        # euro is no original amount); "Monto origen USD 12,99  T/C 965,40", a rate to two
        # places where the line names what it gives.
        return True
    if (
        amounts
        and named
        and (len(words) <= 5 or rate or labelled)
        and not _unit_price(item.cells, amounts[0])
    ):
        # ("58.40 CANADIAN DOLLAR 0.7440171 Exchange Rate")
        item.fx = (amounts[0][4][0], named[0])
        item.fx_at = amounts[0][0]
        return True
    if not rate:
        return False
    if amounts and not named and amounts[0] is item.cells[0]:
        item.fx = (amounts[0][4][0], "")
    return True


def _fee_rate(cells: list) -> bool:
    """A fee's name and its rate, and nothing else ("Bearbeitungsgebühr 1.75%"); not a row's
    last words ending in a rate ("MAINTENANCE FEE 5%")."""
    words = " ".join(t[3] for t in cells).lower().split()
    return (
        2 <= len(words) <= 4
        and _PERCENT.fullmatch(words[-1]) is not None
        and words[0].strip(".:") in _FEE_WORDS
    )


_PERCENT = re.compile(r"\d{1,2}(?:[.,]\d{1,3})?%")
_FEE_WORDS = frozenset(
    {"bearbeitungsgebühr", "auslandseinsatzentgelt", "fremdwährungsgebühr", "gebühr", "entgelt"}
    | {"fee", "commission", "frais", "comisión", "comision", "processing", "markup"}
)


def _unit_price(cells: list, amount: tuple) -> bool:
    """The amount is what each of a count costs ("47 Posten à 0,25 EUR"), the row's text."""
    k = cells.index(amount)
    if k == 0:
        return False
    before = cells[k - 1][3].split()
    return before[-1] in _TIMES and any(w.isdigit() for t in cells[:k] for w in t[3].split())


def _named_amount(cells: list) -> tuple[tuple[int, str], float] | None:
    """`((cents, currency), where)` of an amount printed right after a cell naming only its
    currency ("U. S. DOLLAR", "MALAYSIAN RINGGIT", "JPY"); a currency without cents prints
    whole numbers ("JAPANESE YEN  12,800")."""
    for k in range(len(cells) - 1):
        currency = currency_named(cells[k])
        if not currency:
            continue
        after = cells[k + 1]
        if after[2] == AMOUNT:
            return (after[4][0], currency), cells[k][0]
        if currency in ZERO_DECIMAL and _WHOLE_NUMBER.fullmatch(after[3]) and len(after[3]) >= 3:
            return (int(after[3].replace(",", "").replace(".", "")) * 100, currency), cells[k][0]
    # "Foreign Spend Amount: 25.00 British Pounds": the amount before its currency's name,
    # after the words naming it.
    for k in range(1, len(cells) - 1):
        if not _fx_word(cells[k - 1]):
            continue
        currency = currency_named(cells[k + 1])
        if currency and cells[k][2] == AMOUNT:
            return (cells[k][4][0], currency), cells[k][0]
        if currency in ZERO_DECIMAL and _WHOLE_NUMBER.fullmatch(cells[k][3]):
            return (int(cells[k][3].replace(",", "").replace(".", "")) * 100, currency), cells[k][0]
        # ("Pôvodná suma: 11 580 HUF": its thousands a word of their own.)
        if (
            k + 2 < len(cells)
            and (currency := currency_named(cells[k + 2])) in ZERO_DECIMAL
            and cells[k][3].isdigit()
            and len(cells[k][3]) <= 3
            and cells[k + 1][3].isdigit()
            and len(cells[k + 1][3]) == 3
        ):
            return (int(cells[k][3] + cells[k + 1][3]) * 100, currency), cells[k][0]
    # ("48,200 JPY @ 0.006712": a whole number in a currency without cents, then its code.)
    if (
        len(cells) >= 2
        and (currency := currency_named(cells[1])) in ZERO_DECIMAL
        and _WHOLE_NUMBER.fullmatch(cells[0][3])
        and len(cells[0][3]) >= 3
    ):
        return (int(cells[0][3].replace(",", "").replace(".", "")) * 100, currency), cells[0][0]
    return None


def currency_named(cell: tuple) -> str:
    """The currency a text cell names and nothing else ("U. S. DOLLAR", "British Pounds",
    "JPY"), or ""."""
    words = [w.strip(".,:()").lower() for w in cell[3].split()]
    if cell[2] != TEXT or not words or len(words) > 3:
        return ""
    currency = CURRENCY_NAMES.get(words[-1]) or (
        words[-1].upper() if words[-1].upper() in CURRENCY_CODES else ""
    )
    if currency and len(words) > 1:
        currency = _COUNTRY_DOLLARS.get(words[-2], currency)
    elif not currency and len(words) == 2 and words[0] in CURRENCY_NAMES:
        # The country after the currency's name ("DOLLAR US", "FRANC SUISSE"); an unknown one
        # names no currency for certain.
        currency = _COUNTRY_AFTER.get(words[1], "")
    return currency


_COUNTRY_AFTER = {
    "us": "USD",
    "usa": "USD",
    "américain": "USD",
    "americain": "USD",
    "americano": "USD",
    "canadien": "CAD",
    "canadiense": "CAD",
    "australien": "AUD",
    "australiano": "AUD",
    "suisse": "CHF",
    "suizo": "CHF",
    "svizzero": "CHF",
    "sterling": "GBP",
    # (Plural with a plural currency: "Dólares Estadounidenses", "dollars canadiens".)
    "estadounidense": "USD",
    "estadounidenses": "USD",
    "americanos": "USD",
    "américains": "USD",
    "americains": "USD",
    "americani": "USD",
    "canadiens": "CAD",
    "canadienses": "CAD",
    "canadesi": "CAD",
    "australiens": "AUD",
    "australianos": "AUD",
    "australiani": "AUD",
    "suisses": "CHF",
    "suizos": "CHF",
    "svizzeri": "CHF",
    "esterlinas": "GBP",
    "esterlina": "GBP",
}


def _included(cells: list, fx: tuple | None) -> bool:
    """A note of what the amount above includes, with its figure ("Includes conversion
    commission of $2.06", "incl. VAT 3.50", "INCL OVERSEAS TXN FEE 1.35 AUD")."""
    first = cells[0][3].split()[0].lower().rstrip(".:")
    return first in _INCLUDES and (fx is not None or any(t[2] == AMOUNT for t in cells))


_INCLUDES = frozenset({"includes", "including", "incl", "inkl", "inklusive", "dont", "davon"})


def _names_original(item: Item) -> bool:
    """The words before the figure name it the original amount, not a fee."""
    words = {w.strip(".,:()").lower() for t in item.cells for w in t[3].split()}
    return not words.isdisjoint(_ORIGINAL_WORDS) and words.isdisjoint(_FEE_WORDS)


_ORIGINAL_WORDS = frozenset({"foreign", "original", "orig", "fremdwährung", "devise", "devises"})


def _currency_only(cells: list) -> str:
    """The currency code of a line whose words name only a currency ("EURO", beside a date),
    else ""."""
    words = [t for t in cells if t[2] != DATE]
    # (A date after the words is the text's: "HORS ZONE EURO 05/04".)
    if len(words) != 1 or len(cells) > 2 or cells[-1][2] == DATE:
        return ""
    # (A name of one word or of several: "EURO", "POUND STERLING", "U. S. DOLLAR".)
    return currency_named(words[0])


def _past(token: tuple, x: float) -> tuple | None:
    """The token's words that start at x or right of it (each character as wide as the
    others, as a string of one font prints them), as a token, or None."""
    x0, x1, _, text, _ = token
    width = (x1 - x0) / len(text)
    start = 0
    for word in text.split(" "):
        if x0 + start * width >= x - width / 2 and start:
            return (x0 + start * width, x1, TEXT, text[start:], None)
        start += len(word) + 1
    return None


def _wrapped(cells: list) -> bool:
    """Words that carry on a row's description: text only (a date among them: "VIA ONLINE -
    PYMT FP 04/03/24 10"), no label's words."""
    return (
        all(t[2] == TEXT or t[2] == DATE for t in cells)
        and cells[0][2] == TEXT
        and not any(w.strip(".,:").lower() in _CARRIED for t in cells for w in t[3].split())
        and not CARRIED_RE.search(" ".join([t[3] for t in cells]).lower())
    )


_CARRIED = frozenset(
    {"transport", "report", "übertrag", "balance", "saldo", "solde", "forward", "carried"}
)


def _kind(item: Item, junk: bool, home: str = "") -> int:
    if junk and not item.dates:
        return BREAK
    if item.dates and item.money:
        return ANCHOR
    if item.dates:
        currency = _currency_only(item.cells)
        if currency:
            # "03/01  EURO" under a row: the date and currency of its original amount.
            item.fx = (0, currency)
            item.cells.clear()
            return FX
        return DATE_ONLY
    if item.money:
        return AMOUNT_ONLY
    if item.bal is not None:
        # A balance alone ("Transport  10.783,13"): carried, not a row's text; beside a row's
        # wrapped line ("TORONTO HYDRO  4,104.36"), that row's balance; beside a note that the
        # table goes on ("Continued on next page  1,852.10"), carried.
        if item.cells and NOTE_RE.search(" ".join([t[3] for t in item.cells]).lower()):
            return BREAK
        return TEXT_LINE if item.cells and _wrapped(item.cells) else BREAK
    if item.fx is not None and not any(sum(map(str.isalpha, t[3])) > 1 for t in item.cells):
        item.cells.clear()
        return FX
    if item.markers and not item.cells:
        return MARK
    if item.year is not None:
        return YEAR_LINE
    if item.cells and _foreign_line(item, home):
        # "STOCKHOLM SE  USD 11.99  TC 17.0517": the row's last words before its original
        # amount and rate stay its text.
        at = item.fx_at
        if at is None:
            # A rate alone, far right of the row's words ("Amazon.de LUX  …  Kurs 0.948700"
            # under the original amount): those words are still the row's.
            k = next((k for k, t in enumerate(item.cells) if _fx_word(t)), 0)
            if k and item.cells[k][0] - item.cells[k - 1][1] > 3 * item.height:
                at = item.cells[k][0]
        item.cells[:] = [t for t in item.cells if at is not None and t[1] < at and not _fx_word(t)]
        return FX
    currency = _currency_only(item.cells)
    if currency:
        item.fx = (0, currency)
        item.cells.clear()
        return FX
    if item.cells and all(_REFERENCE.fullmatch(t[3]) for t in item.cells):
        item.cells.clear()  # a long reference number on a line of its own under its row
        return FX
    if item.cells and _included(item.cells, item.fx):
        if item.fx_at is not None and item.fx_at > item.cells[0][0] and not _names_original(item):
            # (Nor is its figure after the note an original amount, unless the note says it is:
            # "INCL. FOREIGN AMOUNT USD 180.00".)
            item.fx = None
        item.cells.clear()  # what the row's amount includes: no text of the row's
        return FX
    if item.cells:
        return TEXT_LINE
    return EMPTY
