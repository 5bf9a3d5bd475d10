"""The column model: which part of the page is the date, the description, each amount column.

Built from a header line's titles, or, on statements without titles, from the rows
themselves (dates at the left, amounts right-aligned in one to three columns). Tokens are
placed by overlap with a column; numbers right-aligned beyond a short title go to the nearest
numeric column; text right of the description title without a title of its own (city,
country) belongs to the description; anything well outside the table is a sidebar.
"""

from __future__ import annotations

import re
from itertools import pairwise
from operator import itemgetter
from statistics import median

from .tokens import AMOUNT, CURRENCY_CODES, DATE, SYMBOL_CODES, TEXT
from .vocabulary import (
    AMOUNT as AMT,
)
from .vocabulary import (
    BALANCE,
    CHEQUE_WORDS,
    CREDIT,
    CURRENCY,
    DEBIT,
    DESC,
    FOREIGN,
    MONEY_ROLES,
    NUMERIC_ROLES,
    POINTS,
    POST,
    REF,
    SIGN,
    title_word,
)
from .vocabulary import (
    DATE as DATE_ROLE,
)

_TEXT_ROLES = frozenset({DESC})
_FEE_WORDS = frozenset({"fee", "fees", "commission", "charges", "charge"})
_OUTSIDE = 30.0  # points beyond the outermost column that still belong to the table


class Model:
    """Columns of one transaction table, left to right: `(x0, x1, role, title)`."""

    __slots__ = (
        "_near",
        "account_currency",
        "cheques",
        "columns",
        "date_end",
        "desc_end",
        "desc_splits",
        "desc_start",
        "foreign_currency",
        "has_dates",
        "home",
        "left",
        "money_right",
        "own_currency",
        "right",
        "spots",
        "value_dates_only",
    )

    def __init__(self, columns: list[tuple], home: str = "", account: str = "") -> None:
        # The currency most of the statement's figures are printed in, and the account's
        # currency where a label names it ("" where none is known).
        self.home, self.account_currency = home, account
        columns = sorted(columns)
        money = [c for c in columns if c[2] == AMT]
        if len(money) > 1:
            # "Debit/Credit" beside an "Amount": the column of the words Debit and Credit.
            for column in money:
                if "/" in column[3] and not column[3].lower().startswith(("amount", "amt")):
                    columns[columns.index(column)] = (*column[:2], SIGN, column[3])
            money = [c for c in columns if c[2] == AMT]
            if len(money) > 1 and home:
                # Amount columns titled by their currencies ("Valor (R$)", "Valor (US$)"): the
                # one in the currency the statement prints its figures in is what was billed;
                # the others are originals, wherever they stand.
                named = [c for c in money if home in _title_currencies(c[3])]
                if len(named) == 1 and all(_title_currencies(c[3]) for c in money):
                    money = [c for c in money if c is not named[0]] + named
        # A fee printed beside each row's amount, with no credit column ("Amount of use  Fee
        # Payment this month"), is part of the amount, not money of its own.
        if money and not any(c[2] == CREDIT for c in columns):
            for k, column in enumerate(columns):
                if column[2] == DEBIT and title_word(column[3].split()[0]) in _FEE_WORDS:
                    columns[k] = (column[0], column[1], POINTS, column[3])
        # Two "Amount" columns: the rightmost is what was billed, the other the original;
        # where a column is titled for the original amounts ("Local currency"), the other is
        # a figure of the row's own ("Amount" of use beside "Amount billed this month").
        other = POINTS if any(c[2] == FOREIGN for c in columns) else FOREIGN
        for extra in money[:-1]:
            columns[columns.index(extra)] = (extra[0], extra[1], other, extra[3])
        self.columns = columns
        # "AMOUNT (SGD)": the rows' amounts are billed in the currency their title names
        # ("CCY CONVERSION FEE  SGD 35.12", "Betrag 24,99 EUR" under "Betrag EUR": a figure in
        # it is no foreign amount).
        named = {code for c in columns if c[2] in MONEY_ROLES for code in _title_currencies(c[3])}
        if len(named) == 1:
            titled = named.pop()
            self.home = home or titled
            self.account_currency = account or titled
        self.left = columns[0][0] - _OUTSIDE
        # (A description printed last runs on to the page's edge.)
        last = columns[-1]
        self.right = last[1] + (_OUTSIDE if last[2] != DESC else 20 * _OUTSIDE)
        dates = [c for c in columns if c[2] in (DATE_ROLE, POST)]
        self.date_end = max((c[1] for c in dates), default=columns[0][0])
        self.has_dates = bool(dates)
        descs = [c for c in columns if c[2] == DESC]
        self.desc_start = min((c[0] for c in descs), default=self.date_end + 4)
        # Where each titled description column after the first starts ("Merchant", then
        # "City", "Country"): a wrapped row is read column by column.
        self.desc_splits = tuple(c[0] - 2 for c in descs[1:])
        # Of two currency columns, the one printed just before the amount column ("Curr.
        # Orig. amount  Curr.  Amount") gives the row's own currency: where it starts. (One
        # alone goes with the original amounts, where there are any.)
        currencies = [c for c in columns if c[2] == CURRENCY]
        self.own_currency = tuple(
            c[0]
            for c, nxt in pairwise(columns)
            if c[2] == CURRENCY and nxt[2] in MONEY_ROLES and len(currencies) > 1
        )
        # "VALOR EM US$": the currency the original amounts are in, where the title names it.
        foreign = next((c[3] for c in columns if c[2] == FOREIGN), "")
        self.foreign_currency = next(
            (
                code
                for word in foreign.upper().split()
                if (code := SYMBOL_CODES.get(word.strip("()"), word.strip("()"))) in CURRENCY_CODES
            ),
            "",
        )
        # Value dates and no other ("Concepto  F. Valor  Importe"): the rows' own dates are
        # printed left of the titled columns.
        roles = {c[2] for c in columns}
        self.value_dates_only = POST in roles and DATE_ROLE not in roles
        # "Check No." over the numbers of paper cheques: "Check", as the column prints it.
        ref = next((c[3].split()[0] for c in columns if c[2] == REF), "")
        self.cheques = ref.capitalize() if ref.lower() in CHEQUE_WORDS else ""
        after = [c[0] for c in columns if c[0] > self.desc_start + 1 and c[2] not in _TEXT_ROLES]
        self.desc_end = min(after, default=self.right)
        self.money_right = max((c[1] for c in columns if c[2] in MONEY_ROLES), default=self.right)
        # Rows repeat the same positions (dates, amounts right-aligned): remember answers, for
        # each quarter point (positions that close share an answer), and for the last token
        # starting at each x0, `(x1, numeric, answer)`.
        self._near: dict[tuple, tuple[str, str] | None] = {}
        self.spots: dict[float, tuple] = {}

    def title(self, role: str) -> str:
        return next((c[3] for c in self.columns if c[2] == role), role)

    def place(self, token: tuple) -> tuple[str, str] | None:
        """`(role, title)` of the column a token belongs to, or None outside the table."""
        numeric = token[2] == AMOUNT
        x0, x1 = token[0], (token[4][3] if numeric else token[1])  # a number by its digits
        # Dates are placed a little differently from other text (None: never mistaken for it).
        dated = token[2] == DATE
        kind = None if dated else numeric
        spot = self.spots.get(x0)
        if spot is not None and spot[0] == x1 and spot[1] is kind:
            return spot[2]
        near = (int(x0 * 4), int(x1 * 4), kind)
        found = self._near.get(near, False)
        if found is False:
            found = self._near[near] = self._place(x0, x1, numeric, dated)
        self.spots[x0] = (x1, kind, found)
        return found

    def _place(
        self, x0: float, x1: float, numeric: bool, dated: bool = False
    ) -> tuple[str, str] | None:
        first = self.columns[0]
        if (
            dated
            and (first[2] == POST or self.value_dates_only)
            and first[0] - 2 * (first[1] - first[0]) - 20 < x0 < x1 < first[0]
        ):
            # A date left of the posting dates' column, or of a table whose only dates are
            # value dates, under a title not read ("Date of" over "transaction", "F. Oper."):
            # the row's own date.
            return DATE_ROLE, ""
        if x1 < self.left or x0 > self.right:
            return None
        if not numeric:
            # Text is left-aligned: it belongs to the column it starts in, however far it runs.
            for column in self.columns:
                if column[0] - 2 <= x0 <= column[1]:
                    return column[2], column[3]
            first = self.columns[0]
            if dated and first[0] - (first[1] - first[0]) <= x0 < first[0] < x1:
                # Dates may start left of a short title centred over them ("01/08" under
                # "Date").
                return first[2], first[3]
            return self._text_beyond(x0)
        best, overlap = None, 0.0
        for column in self.columns:
            shared = min(x1, column[1]) - max(x0, column[0])
            # Numbers belong to the numeric column they touch.
            if shared > overlap and column[2] in NUMERIC_ROLES:
                best, overlap = column, shared
        if best is not None:
            return best[2], best[3]
        # (Not a figure starting where the descriptions' title starts, just past the dates':
        # "GBP 9,80" under "Umsatzbeschreibung".)
        text = any(c[2] == DESC and c[0] - 1 <= x0 <= c[1] for c in self.columns)
        for column in self.columns:
            # "14.03" under the dates' title reads as a number: it is a day and month.
            if (
                column[2] in (DATE_ROLE, POST)
                and x0 < column[1] + 2
                and x1 > column[0] - 2
                and not text
            ):
                return column[2], column[3]
            # "0" under "N° Docto.": a reference, left-aligned as text is.
            if column[2] == REF and column[0] - 2 <= x0 <= column[1]:
                return column[2], column[3]
        return self._nearest_number(x0, x1)

    def _text_beyond(self, x0: float) -> tuple[str, str]:
        """Text outside every title: it belongs to the column it starts after (text is left
        aligned), and text between a date and the description is description."""
        left = None
        for column in self.columns:
            if column[0] <= x0 + 1:
                left = column
        if left is None:
            return "other", ""
        role = left[2]
        if role in (DATE_ROLE, POST):
            after = [c for c in self.columns if c[0] > x0]
            if after and after[0][2] == DESC:
                return DESC, after[0][3]
            return role, left[3]
        if role in NUMERIC_ROLES:
            return "other", ""
        after = [c for c in self.columns if c[0] > x0]
        if after and after[0][2] == DESC and after[0][0] - x0 < x0 - left[0]:
            # Nearer the description's title than where the one before starts: a title centred
            # over descriptions that start left of it.
            return DESC, after[0][3]
        return role, left[3]

    def _nearest_number(self, x0: float, x1: float) -> tuple[str, str] | None:
        # The columns either side of the figure.
        left = max((c for c in self.columns if c[1] <= x0), default=None, key=_END)
        right = min((c for c in self.columns if c[0] >= x1), default=None, key=_START)
        if left is not None and right is not None and {left[2], right[2]} <= NUMERIC_ROLES:
            # Between two figures' titles, touching neither: titles printed from the left over
            # figures printed to the right ("Debits  Credits" over "50.00  250,000.00"). No
            # figure ends before its own column's title starts: it is the column on the left's.
            return left[2], left[3]
        if self.desc_start - 2 <= x0 and x1 <= self.desc_end:
            nearest = None
        else:
            gaps = [(max(c[0] - x1, x0 - c[1]), c) for c in self.columns if c[2] in NUMERIC_ROLES]
            nearest = min(gaps, default=None)
        if nearest is not None and nearest[0] < _OUTSIDE:
            return nearest[1][2], nearest[1][3]
        # (In the description: right of the dates, or where it starts when a date column is
        # printed after it, "Rentedato" right of "Forklaring".)
        inside = x0 >= self.date_end - 1 or x0 >= self.desc_start - 2
        if inside and x1 <= self.desc_end + 2:
            return DESC, self.title(DESC)
        return None


_START = itemgetter(0)
_END = itemgetter(1)


def guess_model(lines: list[tuple]) -> Model | None:
    """Columns of a table without titles, from lines that start with a date and end with an
    amount; None when fewer than two such lines."""
    starts, firsts, seconds, descs, rights = [], [], [], [], []
    rows = 0
    for line in lines:
        tokens = line[3]
        if line[4] or len(tokens) < 3 or tokens[0][2] != DATE or tokens[-1][2] != AMOUNT:
            continue
        rows += 1
        starts.append(tokens[0][0])
        firsts.append(tokens[0][1])
        if tokens[1][2] == DATE:
            seconds.append((tokens[1][0], tokens[1][1]))
        text = next((t for t in tokens if t[2] == TEXT), None)
        if text is not None:
            descs.append(text[0])
        rights.extend(t[1] for t in tokens if t[2] == AMOUNT and t[0] > (text or tokens[0])[1])
    if rows < 2 or not descs:
        return None
    columns = [(min(starts), median(firsts), DATE_ROLE, "date")]
    if len(seconds) * 2 > rows:
        columns.append((min(s[0] for s in seconds), median(s[1] for s in seconds), POST, "date"))
    columns.append((median(descs), median(descs) + 1, DESC, "description"))
    clusters = _clusters(sorted(rights), tolerance=6.0, minimum=max(2, rows // 4))
    roles = {1: [AMT], 2: [AMT, BALANCE], 3: [DEBIT, CREDIT, BALANCE]}.get(len(clusters))
    if roles is None:
        return None
    for (right, _), role in zip(clusters, roles, strict=True):
        columns.append((right - 40, right, role, f"{role} (no title)"))
    return Model(columns)


def _clusters(values: list[float], tolerance: float, minimum: int) -> list[tuple[float, int]]:
    """Right edges grouped: `(edge, count)` for groups of at least `minimum` values."""
    groups: list[list[float]] = []
    for value in values:
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [(max(g), len(g)) for g in groups if len(g) >= minimum]


def with_profile(model: Model, amount: str | None, debit: str | None, credit: str | None) -> Model:
    """The model with a saved profile's column choices applied (titles matched loosely)."""
    wanted = [(amount, AMT), (debit, DEBIT), (credit, CREDIT)]
    if not any(name for name, _ in wanted):
        return model
    columns = []
    for x0, x1, role, title in model.columns:
        for name, forced in wanted:
            if name and name.lower() in title.lower():
                role = forced
        columns.append((x0, x1, role, title))
    return Model(columns, model.home, model.account_currency)


def _title_currencies(title: str) -> set[str]:
    """The currencies a column's title names, as codes ("Valor (US$)": USD; "Amount (EUR)":
    EUR)."""
    words = [w.strip("()[]:") for w in title.split()]
    return {
        SYMBOL_CODES.get(w, w) for w in words if w in CURRENCY_CODES or _CURRENCY_SIGN.fullmatch(w)
    }


_CURRENCY_SIGN = re.compile(r"[A-Z]{0,3}[$€£¥₹₩]")
