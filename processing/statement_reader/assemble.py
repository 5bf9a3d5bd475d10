"""Document-level reading of pages in order: columns carried across pages, section and
cardholder headings, rows with their sign evidence, and every labelled figure and date.

Dates stay as printed (order and year unknown) and signs that depend on the statement's
convention stay unresolved: both need the whole document and are settled in `finish`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from operator import attrgetter, itemgetter

from .blocks import FIRST, LAST, units_of
from .checks import total_side
from .columns import Model, guess_model, with_profile
from .contract import Profile
from .headers import parse_header
from .lineclass import ANCHOR, BREAK, EMPTY, FX, TEXT_LINE, Item, classify
from .page import CARD_KIND, HEADER, HOLDER, LABEL, OTHER_TABLE, SECTION, PageLayout
from .rowbuild import RawRow, build_row, by_columns, cheque_number
from .tokens import AMOUNT, DATE, SYMBOL_CODES, TEXT
from .vocabulary import (
    BALANCE,
    BALANCE_LABEL_RE,
    BALANCE_WORDS,
    CARRIED_RE,
    CHEQUE_WORDS,
    CLOCK_RE,
    CREDIT,
    DEBIT,
    HEADING_WORDS,
    LABEL_RE,
    MONEY_ROLES,
    NAME_NOISE,
    NAME_WORDS,
    POINTS,
    TITLES,
    TOTAL_RE,
    card_number,
    fold,
    title_word,
    words,
)
from .vocabulary import DATE as DATE_ROLE

_KIND = attrgetter("kind")
_TOKEN_KIND = itemgetter(2)
_ROWS_ONLY = frozenset({ANCHOR})  # a run where each line is a row of its own
_AMOUNT_ROLES = frozenset({"prev", "new", "bal_at", "charges", "credits", "other", "total"})
_BALANCE_ROLES = frozenset({"prev", "new", "bal_at"})
_OVERDRAWN = ("débiteur", "debiteur", "overdrawn", "debit balance", "soll")


class Assembler:
    """Reads pages in order into raw rows, figures and anchor dates."""

    def __init__(self, profile: Profile | None) -> None:
        self.profile = profile or Profile()
        self.model: Model | None = None
        # Continuation pages repeat the same titles: their table is the one already built.
        self._tables: dict[tuple, Model] = {}
        self._currencies: dict[str, int] = {}
        self._account_currency = ""
        self.section: tuple[int, str] = (0, "")
        # The heading over a group of sections ("Subtractions" over "Checks", "Payments").
        self.group: tuple[int, str] = (0, "")
        self.holder: tuple[str | None, str | None] = (None, None)
        # `(page, rows before it)` of each dated line left out for want of an amount: among
        # rows, the totals cannot vouch for the statement while they are unread.
        self.unread: list[tuple[int, int]] = []
        # The page of a heading over transactions not yet processed, while its rows go on.
        self.pending: int | None = None
        self.unprocessed = 0
        # The cardholder the account's own heading names (above the titles), for rows under no
        # cardholder heading of their own.
        self.account: tuple[str | None, str | None] | None = None
        self.rows: list[RawRow] = []
        # (role, cents, how, phrase, page, rows before it, block start, holder start, column)
        self.figures: list[tuple] = []
        # The page each (role, ((date value, text), ...), phrase) is first printed on: a
        # statement prints its dates on every page.
        self.anchors: dict[tuple, int] = {}
        # The page each `(date value, text)` printed with a year outside the rows is first on.
        self.printed_dates: dict[tuple, int] = {}
        self.block_start = 0
        self.holder_start = 0
        # Whether a heading has named the current cardholder ("NEW TRANSACTIONS TAN WEI MING").
        self.named = False
        # The date printed on a balance line in the table ("01 Jul 25  BALANCE BROUGHT
        # FORWARD"), for the rows after it printed without one: `(value, text, phrase)`.
        self.date_above: tuple | None = None
        self._beside = 0  # how many figures there were after one printed beside a row
        # Where a payment type's code and the text after it start, once seen (`_type_codes`).
        self._code_at: tuple[float, float] | None = None
        # The other parts of a table printed twice or three times across.
        self._right: list[Model] | None = None
        # The columns the current page's rows gave, on a page without titles or a table
        # carried over.
        self._guess: Model | None = None
        # The first page each card number printed without a name is at, by height on the page.
        self._numbers: dict[tuple, int] = {}
        self.mode: str | None = None
        self.warnings: list[str] = []
        self.guessed_pages: list[int] = []
        self.credit_words = frozenset(self.profile.credit_markers)
        self.skip = tuple(s.lower() for s in self.profile.skip_lines if s)
        self._titles = _profile_titles(self.profile)

    def add(self, layout: PageLayout) -> None:
        """Read one page's lines (pages must come in order)."""
        self.warnings.extend(layout.warnings)
        for currency, count in layout.currencies.items():
            self._currencies[currency] = self._currencies.get(currency, 0) + count
        self._account_currency = self._account_currency or layout.account_currency
        page = layout.number
        for printed in layout.full_dates:
            self.printed_dates.setdefault(printed, page)
        labels: dict[int, list] = {}
        for label in layout.labels:
            labels.setdefault(label[0], []).append(label)
        lines = layout.lines
        header_at = next((i for i, line in enumerate(lines) if line[4] == HEADER), None)
        # A page without titles and no table carried from earlier pages: columns from its rows.
        # (Rows printed above a page's first titles, with no table carried to them, are read
        # by their own layout too.)
        guess = None
        if self.model is None:
            above = lines if header_at is None else lines[:header_at]
            guess = guess_model(above)
            if guess is None and self._guess is not None and _fits(above, self._guess):
                # Too few rows to show columns of their own (the one row of a table's last
                # page), printed where the last page's were: that table's rows.
                guess = self._guess
        if guess is not None:
            self.guessed_pages.append(page)
        run: list[Item] = []
        titles, skip, credit_words = self._titles, self.skip, self.credit_words
        model = self.model or guess
        self._guess = guess
        previous: Item | None = None  # the run's last line
        bottom = 0.0  # where the run's last line ends
        spacing: float | None = None  # the gap between the run's last two lines
        for i, line in enumerate(lines):
            tag = line[4]
            if tag or titles or skip:  # a heading or titles, or a profile's words to look for
                if titles and tag != HEADER and self._names_a_column(line):
                    columns = parse_header(_words(line), line[2], titles)
                    if columns is not None:
                        line, tag = (*line[:4], HEADER, columns), HEADER
                if tag:
                    if tag in (SECTION, HOLDER):
                        # Under a row: one of its wrapped lines. Over the rows, a heading, unless
                        # words other than a heading's show it is a row's first line.
                        inside = self._inside_description(line) and (
                            (
                                not _heading_words(line)
                                if not run
                                else not (
                                    _heading(line, tag, line[0] - bottom, spacing)
                                    or (
                                        self._turns(line, tag)
                                        and not _closer(line, bottom, spacing, lines, i)
                                    )
                                )
                            )
                            or _bare_row_below(lines, i, model)
                            or (tag == SECTION and self._first_line(lines, i, model, spacing))
                        )
                    elif tag == LABEL and line[5] == "weak":
                        # A summary figure printed over the table ("Purchases  4,461.77")
                        # does not start where the descriptions do, as their lines do.
                        inside = self._inside_description(line, aligned=True)
                    elif tag in (OTHER_TABLE, LABEL) and run:
                        # "BALANCE AFTER INSURANCE", "Periode 01-07-2024 t/m 31-07-2024" just
                        # under a row, where its words go, with no amount of its own.
                        inside = (
                            line[0] - bottom < line[2]
                            and self._inside_description(line, True)
                            and AMOUNT not in map(_TOKEN_KIND, line[3])
                        )
                    else:
                        inside = False
                    if tag == LABEL and not inside and model is not None:
                        beside = _row_beside(line, model, credit_words)
                        if beside is not None:
                            if len(beside[3]) < len(line[3]) and beside[3][-1] is not line[3][-1]:
                                # A summary's label and figure right of the table on the row's
                                # baseline ("NEW BALANCE  =$3,677.51"): the figure is kept.
                                side = [t for t in line[3] if t not in beside[3]]
                                self._tagged(
                                    (*line[:3], side, *line[4:]),
                                    i,
                                    header_at,
                                    labels.get(i, ()),
                                    page,
                                    guess,
                                    lines,
                                )
                            line, inside = beside, True  # a sidebar's words beside a row
                        elif run and (wrapped := self._wrapped_beside(line, model, bottom)):
                            # A row's wrapped line, a summary's label and figure printed
                            # right of the table on its baseline ("ON  NEW BALANCE = $3,958.73"):
                            # the figure is kept, the words go to the row.
                            self._tagged(line, i, header_at, labels.get(i, ()), page, guess, lines)
                            self._beside = len(self.figures)  # (recorded before the row is)
                            line, inside = wrapped, True
                    if inside:
                        tag = ""  # a wrapped description line that happens to read like a heading
                if tag and run and model is not None and _right_of(line, model):
                    # A sidebar's line between a row and its wrapped lines ("Your Minimum
                    # Payment includes" right of the table): read, the rows go on.
                    self._tagged(line, i, header_at, labels.get(i, ()), page, guess, lines)
                    continue
                if tag or (skip and self._skipped(line)):
                    self._flush(run, page)
                    run = []
                    self._tagged(line, i, header_at, labels.get(i, ()), page, guess, lines)
                    model = self.model or guess
                    continue
            if model is None:
                self._flush(run, page)
                run = []
                continue
            beside: list[Item] | None = None
            if self._right is not None and model is self.model:
                # A table printed twice across: each line holds a row of each part.
                item, beside = self._parts_of(line, credit_words)
            else:
                item = classify(model, line, credit_words)
            kind = item.kind
            if kind == EMPTY and not beside:
                continue
            if (
                kind == TEXT_LINE
                and not run
                and (_named_over_row(line, model, lines, i) or self._holder_named(line, model))
            ):
                self._new_holder((_name_line(line, model, True), None))
                continue
            if kind == BREAK:
                self._flush(run, page)
                run = []
                # (Above the page's titles, a name is the address's, atop every page.)
                over = header_at is None or i > header_at
                if over and not item.cells and (name := _name_line(line, model)):
                    self._new_holder((name, None))  # "OSCAR C WILLIAMS" over their rows
                continue
            if run:
                height = item.height if item.height > previous.height else previous.height
                if line[0] - bottom > 2.5 * height:
                    self._flush(run, page)
                    run = []
            spacing = line[0] - bottom if run else None
            if kind != EMPTY:
                run.append(item)
            if beside:
                run.extend(beside)
            previous, bottom = item, line[1]
        self._flush(run, page)

    def _holder_named(self, line: tuple, model: Model) -> bool:
        """The line is the name of the cardholder already known, alone (printed again under
        each page's titles): their heading, not a row's text."""
        name = _name_line(line, model, True)
        return name is not None and name in (self.holder[0], (self.account or (None,))[0])

    def _parts_of(self, line: tuple, credit_words) -> tuple[Item, list[Item]]:
        """The line read as the first part's row, and the rows the other parts hold."""
        models = [self.model, *self._right]
        edges = [m.columns[0][0] - max(2.0, line[2]) for m in models[1:]] + [float("inf")]
        first = [t for t in line[3] if t[0] < edges[0]]
        item = classify(self.model, (*line[:3], first, line[4], line[5]), credit_words)
        beside = []
        for model, start, end in zip(models[1:], edges[:-1], edges[1:], strict=True):
            part = [t for t in line[3] if start <= t[0] < end]
            if part:
                other = classify(model, (*line[:3], part, line[4], line[5]), credit_words)
                if other.kind == ANCHOR:
                    other.part = len(beside) + 1
                    beside.append(other)
        return item, beside

    def _names_a_column(self, line: tuple) -> bool:
        text = fold(" ".join(t[3] for t in line[3]))
        return any(" ".join(name) in text for name in self._titles)

    def _inside_description(self, line: tuple, aligned: bool = False) -> bool:
        """The line starts in the description column (margin marks left of the table aside);
        `aligned`: where the descriptions start, as a wrapped line of one does."""
        model = self.model or self._guess
        if model is None:
            return False
        start = _table_edge(model, line)
        for token in line[3]:
            if token[0] < model.desc_start and CLOCK_RE.fullmatch(token[3]):
                continue  # the row's time under its date ("11:05:55  MANDIRI CC 4616 …")
            if token[0] >= start:
                if aligned:
                    return abs(token[0] - model.desc_start) <= max(2.0, line[2])
                # (A title centred over its column starts right of the descriptions under it:
                # they start after the dates.)
                lo = (
                    min(model.desc_start, model.date_end + 2)
                    if model.has_dates
                    else model.desc_start
                )
                return lo - 2 <= token[0] < model.desc_end
        return False

    def _wrapped_beside(self, line: tuple, model: Model, bottom: float) -> tuple | None:
        """The line's words inside the table when they are a wrapped description line (text
        only, where the descriptions start, right under the row) or the row's foreign amount,
        and the rest is printed beside the table (a sidebar left or right of it)."""
        start, end = _table_edge(model, line), model.columns[-1][1] + max(2.0, line[2])
        tokens = line[3]
        inside = [t for t in tokens if start <= t[0] < end]
        if not inside or len(inside) == len(tokens) or line[0] - bottom > line[2]:
            return None
        line = (*line[:3], inside, "", None)
        if TOTAL_RE.match(fold(" ".join(t[3] for t in inside))):
            # "TOTAL PAYMENTS AND OTHER CREDITS FOR THIS PERIOD" with its figure in a column
            # of totals past the amounts: the total's label, no row's text.
            return None
        # (A date among the words, "LTD SALARY MAR 24", is the description's.)
        if any(t[2] != TEXT and not (t[2] == DATE and t[0] > model.desc_start) for t in inside):
            # Or the row's foreign amount ("FOREIGN CURRENCY 412.60 USD @ EXCHANGE RATE
            # 1.36444" beside "Payment Due Date").
            return line if classify(model, line, self.credit_words).kind == FX else None
        return line if self._inside_description(line, True) else None

    def _skipped(self, line: tuple) -> bool:
        text = " ".join(t[3] for t in line[3]).lower()
        return any(s in text for s in self.skip)

    def _tagged(
        self, line: tuple, i: int, header_at: int | None, labels, page: int, guess, lines: list
    ) -> None:
        tag, info = line[4], line[5]
        if tag == HEADER:
            # Not a block boundary: continuation pages repeat the titles mid-section.
            self.model, self._right = self._table(info), None
            roles = [c[2] for c in info]
            for times in (2, 3):
                size = len(info) // times
                if size >= 3 and size * times == len(info) and roles == roles[:size] * times:
                    # The same titles twice or three times across the page ("Check number
                    # Amount  Date paid" twice): parts of one list, read a line at a time
                    # across.
                    parts = [self._table(info[k : k + size]) for k in range(0, len(info), size)]
                    self.model, self._right = parts[0], parts[1:]
                    break
        elif tag == OTHER_TABLE:
            self.model = self._right = None
        elif tag == SECTION and info[0] is None:
            self.pending = page  # "Pending transactions": rows the statement does not count
        elif tag == SECTION and info[0] == 0 and _ACCOUNT_WIDE.search(info[1].lower()):
            # "Other Account Transactions" after the card members' sections: the account's own
            # rows (its fees), nobody's.
            self._new_holder((None, None))
        elif tag == SECTION and info[0]:
            # A heading naming credits or spending starts a section; a neutral one ("Account
            # activity", repeated on every page) changes nothing.
            if self.block_start == len(self.rows) and _GROUP_RE.search(self.section[1].lower()):
                # Straight over another heading, no rows between: "Subtractions" over "Paper
                # Checks", "Payments", "Fees", the group those sections make.
                self.group = self.section
            if info[0] < 0 < self.group[0] and _PAYMENTS_ONLY.fullmatch(info[1].lower()):
                # "Payments" among an account's subtractions: payments made, money out.
                info = (self.group[0], info[1])
            self.section = info
            self.block_start = len(self.rows)
            self.pending = None
        if tag == SECTION and info[0] is not None and (name := _named_heading(line)):
            # "NEW TRANSACTIONS TAN WEI MING": under a card's number, that card's holder; after
            # another's rows, the next cardholder's.
            if self.holder[1] is not None and (self.holder[0] == name or not self.named):
                self.holder = (name, self.holder[1])
                # (A subtotal under it is of the rows the heading names: "SUB-TOTAL" of the
                # new transactions, not of the payment above them.)
                self.holder_start = len(self.rows)
            else:
                # (The account's holder, named with their card over the first titles.)
                account = self.account or (None, None)
                self._new_holder((name, account[1] if account[0] == name else None))
            self.named = True
        elif tag == HOLDER and header_at is not None and i < header_at:
            # Above the table's titles: the account's own heading, naming its holder beside the
            # card number or on the line under it ("Card No. 5177 19XX XXXX 5375" over "MARIA
            # OKAFOR"). (Printed there again atop a later page, it heads that page.)
            self._furniture(info, line, page)
            if self.account is None and not self.rows:
                # (Not a line printed on its baseline: "Capital One" left of "Quicksilver Card
                # | Visa Signature ending in 6218".)
                under = i + 1 < header_at and lines[i + 1][0] > line[0] + line[2] / 2
                below = lines[i + 1][3] if under else ()
                names = [info[0], below[0][3] if len(below) == 1 and below[0][2] == TEXT else None]
                name = next((n for n in names if n and _a_person(n)), None)
                if name:
                    self.account = (name, info[1])
            elif (
                self.rows
                and info[0]
                and info[1] != self.holder[1]
                and tuple(info[:2]) != self.account
                and _a_person(info[0])
            ):
                # Over a later page's titles, another card's holder ("SIDDHARTH VENKATARAMAN
                # Card Number xxxx-xxxxxx-53000"): that card's rows follow. (The account's own
                # heading, printed atop every page, changes nothing: the section goes on.)
                self._new_holder(info[:2])
        elif tag == HOLDER and (self.model or guess) and not self._furniture(info, line, page):
            self.pending = None
            # (Beside the number in a page's heading, the bank's name is nobody's.)
            # (Nor is a line of the page's small print beside the number anybody's name.)
            nobody = info[0] is not None and not _a_person(info[0], 6)
            # (The same card again: its rows go on, see _new_holder.)
            self._new_holder((None, info[1]) if nobody else info[:2])
            if info[2] is not None:  # "New charges  JANE DOE  Card ending 1234"
                self.section = (info[2], " ".join(t[3] for t in line[3]))
        elif tag == LABEL and self.pending is None:
            # (Where two balances share the line, neither is the one under the balance's title.)
            alone = sum(label[1] in _BALANCE_ROLES for label in labels) == 1
            for label in labels:
                self._figure(label, page, self.model or guess, line if alone else None)
            if self.model is not None:
                self._dated_label(line, labels)

    def _first_line(
        self, lines: list[tuple], i: int, model: Model | None, spacing: float | None
    ) -> bool:
        """A heading's words in a table of money-out and money-in columns whose rows print
        their dates on their last line, as close over the line below as a row's lines are
        ("CASH WITHDRAWAL" over "08 JAN  CO-OP BANK CAMDEN  60.00"): that row's first line
        (the columns give the signs; a section has none to give)."""
        if self.mode != LAST or model is None or spacing is None or i + 1 >= len(lines):
            return False
        roles = {c[2] for c in model.columns}
        below = lines[i + 1]
        return {DEBIT, CREDIT} <= roles and not below[4] and below[0] - lines[i][1] <= spacing

    def _turns(self, line: tuple, tag: str) -> bool:
        """A heading's words naming the other kind of rows than the section they are in
        ("PURCHASE" under the last of the "PAYMENTS AND OTHER CREDITS"): the next section, even
        printed as close to the row above as its own lines are."""
        if tag != SECTION or not line[5][0] or not self.section or not self.section[0]:
            return False
        return line[5][0] == -self.section[0] and _heading_words(line)

    def _balance_row(self, row: RawRow, page: int, index: int) -> bool:
        """A row of the table that is a balance ("Previous balance", its figure on the line
        below as the rows print theirs): kept as that figure, not a transaction."""
        text = fold(row.desc).strip(" :")
        m = BALANCE_LABEL_RE.fullmatch(text)
        # (A row whose text is the word for balance alone, "S A L D O", is the balance of the
        # day it is dated.)
        role = m.lastgroup if m else "bal_at" if text in BALANCE_WORDS else None
        if role is None or row.balance is not None:
            return False
        how = {"N": "-", "C": "CR", "D": "DR"}.get(row.code, "")
        figure = (role, row.cents, how, row.desc, page, index)
        self.figures.append((*figure, self.block_start, self.holder_start, row.column))
        return True

    def _new_holder(self, holder: tuple) -> None:
        """The rows from here on are this cardholder's."""
        self.named = False
        if holder[1] is not None and holder[1] == self.holder[1]:
            # The same card again ("… (CONTINUED)  CARD NO.: … 2231"): its rows go on, under
            # its holder's name where this is the first line to print it.
            if self.holder[0] is None and holder[0] is not None:
                self.holder = holder
            return
        if (
            holder[0] is None
            and holder[1] is not None
            and self.holder[0] is not None
            and self.holder[1] is None
            and len(self.rows) == self.holder_start
        ):
            # A name, then its card's number on the next line ("AMIT KUMAR VERMA" over "Card
            # No. XXXX XXXX XXXX 4821 (Primary)"): one cardholder.
            holder = (self.holder[0], holder[1])
        if holder != self.holder:
            self.holder = holder
            self.holder_start = self.block_start = len(self.rows)

    def _furniture(self, info: tuple, line: tuple, page: int) -> bool:
        """A card or account number printed where an earlier page printed it ("Account Ending
        5-06698", "AMANDA REYES  Account Ending 1-41007" atop every page) heads the page, not
        a cardholder's rows (those of the cardholder before the page break go on)."""
        first = self._numbers.setdefault((info[0], info[1], round(line[0])), page)
        return first != page

    def _dated_label(self, line: tuple, labels) -> None:
        """Remember a balance line's date printed in the table's date column, or left of the
        descriptions ("Saturday, March 2, 2024  End-of-day balance" over the day's rows)."""
        for token in line[3]:
            if token[2] != DATE:
                continue
            place = self.model.place(token)
            if (place and place[0] == DATE_ROLE) or token[0] < self.model.desc_start:
                phrase = next((label[4] for label in labels if label[1] in _OPENING_ROLES), None)
                if phrase:
                    self.date_above = (token[4], token[3], phrase)
                return

    def _table(self, columns: list) -> Model:
        """The column model of a header's titles, built once for titles printed page after
        page (it remembers where it placed their rows' dates and amounts)."""
        # (The currency the statement's figures are printed in so far tells which of two
        # amount columns titled by their currencies was billed.)
        home, account = _home(self._currencies), self._account_currency
        key = (*columns, home, account)
        model = self._tables.get(key)
        if model is None:
            p = self.profile
            model = Model(columns, account or home, account)
            model = with_profile(model, p.amount_column, p.debit_column, p.credit_column)
            self._tables[key] = model
        return model

    def _figure(self, label: tuple, page: int, model: Model | None, line: tuple | None) -> None:
        """Keep a labelled figure (`model`: the columns of the table it is printed in, titled
        or taken from the rows; `line`: where the label is printed, when it is its only one)."""
        _, role, strong, values, phrase = label
        if not strong or not values:
            return
        if role in ("stmt_date", "due_date"):
            self.anchors.setdefault((role, tuple([(v[4], v[3]) for v in values]), phrase), page)
            return
        if role not in _AMOUNT_ROLES:
            return
        if role == "total":
            # Every figure of a total line printed in an amount column ("Total  39,553.91
            # 23,866.22" under Debit and Credit) is a total of the rows above.
            placed = [(v, model.place(v)) for v in values] if model else []
            inside = [(v, p[0]) for v, p in placed if p and p[0] in MONEY_ROLES]
            side = total_side(phrase) if model is None else 0
            if side:
                # A summary's total of one side over no table ("Summe Belastungen (Umsätze,
                # Entgelte)  1.913,60"): the charges, or the credits, the rows must add up to.
                role, inside = ("charges" if side > 0 else "credits"), [(values[0], "")]
        else:
            # A balance printed with the totals beside it ("A TRANSPORTAR  3.807,73  2.509,36
            # 1.828,11" across Débito, Crédito and Saldo) is the one under the balance's title.
            # Nor is a figure in a column of points ("Dönem Borcu  45,66  20.878,33" under
            # Bonus and Tutar) the balance.
            balance = []
            if role in _BALANCE_ROLES and model is not None and line is not None:
                figures = [t for t in line[3] if t[2] == AMOUNT]
                if len(figures) > 1:
                    columns = [(t, _placed(model, t)) for t in figures]
                    balance = [(t, c) for t, c in columns if c == BALANCE] or [
                        (t, c) for t, c in columns if c in MONEY_ROLES
                    ]
            if balance:
                inside = balance[:1]
            else:
                place = model.place(values[0]) if model else None
                inside = [(values[0], place[0] if place else "")]
        rows = len(self.rows)
        for value, column in inside:
            if role in _CATEGORY_ROLES and column == POINTS:
                # ("Total charges, credits and returns  $24.54  $1,187.28": the first figure
                # is the rewards column's, no money the rows add up to.)
                continue
            cents, how = value[4][:2]
            if role in _BALANCE_ROLES and not how:
                # A balance printed in the debit column, or called "débiteur", is overdrawn.
                overdrawn = column == DEBIT or any(w in phrase.lower() for w in _OVERDRAWN)
                # ("STATEMENT CLOSING BALANCE  …  2,397.32 OD")
                overdrawn = overdrawn or (line is not None and _od_after(line[3], value))
                how = "DR" if overdrawn else "CR" if column == CREDIT else ""
            self.figures.append(
                (role, cents, how, phrase, page, rows, self.block_start, self.holder_start, column)
            )
        if role == "total" and inside:
            # A total closes its block, and the section it totals.
            self.block_start = rows
            self.section = (0, "")

    def _flush(self, run: list[Item], page: int) -> None:
        if not run:
            return
        if self.pending is not None:
            # Not yet processed: the statement's totals leave them out, and so do its rows.
            count = len([item for item in run if item.money])
            if count:
                self.warnings.append(
                    f"page {page}: {count} pending transaction{'s' if count != 1 else ''} "
                    "(not yet processed, not in the statement's totals) left out"
                )
            return
        section, holder, warnings, rows = self.section, self.holder, self.warnings, self.rows
        if holder == (None, None) and self.account is not None:
            holder = self.account
        start = len(rows)
        if set(map(_KIND, run)) == _ROWS_ONLY:
            # A row on every line, the common run: nothing to group or share out.
            if self._code_at is not None:
                self._drop_codes(run)
            parts = []
            model = self.model or self._guess
            cheques = model is not None and model.cheques
            for item in run:
                said = len(warnings)
                row = build_row((item,), (), None, page, section, holder, warnings)
                if row is not None:
                    if cheques:
                        _numbered_cheque(row, (item,), model)
                    rows.append(row)
                    parts.append(getattr(item, "part", 0))
                elif len(warnings) > said:
                    self.unread.append((page, len(rows)))
            if any(parts) and len(parts) == len(rows) - start:
                _down_the_parts(rows, start, parts)
        else:
            # A page's first lines before its first row end the last page's row.
            rows_here = bool(rows) and rows[-1].page == page
            lead: list | None = [] if rows and not rows_here and self.mode == FIRST else None
            units, seen = units_of(run, self.mode, lead)
            if lead:
                rows[-1].desc = " ".join([rows[-1].desc, *(t[3] for i in lead for t in i.cells)])
            if seen is not None and self.mode is None:
                self.mode = seen
            model = self.model or self._guess
            splits = model.desc_splits if model is not None else ()
            self._type_codes(units)
            for unit in units:
                said = len(warnings)
                row = build_row(
                    unit.lines, unit.markers, unit.year, page, section, holder, warnings
                )
                if row is None and len(warnings) > said:
                    self.unread.append((page, len(rows)))
                if row is not None:
                    _numbered_cheque(row, unit.lines, model)
                    if splits and len(unit.lines) > 1:
                        row.desc = by_columns(unit.lines, splits) or row.desc
                    rows.append(row)
        model = self.model or self._guess
        numbered = [k for k in range(start, len(rows)) if _numbered(rows[k].desc)]
        for k in reversed(numbered):  # a paper cheque, without a description
            row = rows[k]
            if _listed_before(row, rows, start):
                del rows[k]  # a list of the cheques paid, repeating the account's own rows
            elif word := (model.cheques if model is not None else "") or _cheques_of(self.section):
                # Named by its column's word and its number (a footnote's mark aside: "1204*",
                # a break in the sequence), or its section's ("Checks Paid" over "SERIAL NO.").
                row.desc = f"{word} {row.desc.rstrip('*^†')}"
        balances = [
            k
            for k in range(start, len(rows))
            if rows[k].date is not None
            and (
                (text := fold(rows[k].desc).strip(" :")) in BALANCE_WORDS
                or (rows[k].column == "balance" and BALANCE_LABEL_RE.fullmatch(text))
            )
        ]
        for k in reversed(balances):
            # "28/03/2024  S A L D O  877,08 (+)": the balance of that day, no transaction.
            balance = rows[k]
            if self._balance_row(balance, page, k):
                del rows[k]
                # ("15 Dec  Opening balance  1,934.02" over the day's rows printed without
                # their date: the balance line's date is theirs.)
                for row in rows[k:]:
                    if row.date is not None:
                        break
                    row.above = row.above or (balance.date, balance.text, balance.desc)
        undated = [k for k in range(start, len(rows)) if rows[k].date is None]
        if undated and self.date_above is None and self._closed(start):
            # Printed after the closing balance (an annex of fees charged, "Kontoführungs-
            # entgelt  4,95"): no row of the table takes the last row's date from there.
            dated = next((k for k in range(start, len(rows)) if rows[k].date is not None), None)
            for k in undated:
                if dated is not None and k > dated:
                    break  # after a row's own date: that day's rows
                if rows[k].cents:
                    warnings.append(
                        f"page {page}: “{rows[k].desc}” has an amount but no date; not read"
                    )
                    rows[k].cents = 0
        for k in reversed(undated):  # most runs have none
            row = rows[k]
            # Without a date: a balance printed as the rows are ("Previous balance", its figure
            # below), a figure of nothing ("Interest charge on purchases  $0.00"), or what one
            # card spent in a summary of the cards ("JAMES R HOLLOWAY Card Ending 6-71004").
            if (
                not row.cents
                or self._balance_row(row, page, k)
                or _card_total(row.desc)
                or _category_figure(row.desc)
                # ("959.42  Total ATM/Purchases": a section's total, its figure printed before
                # its label where the amounts come before the descriptions.)
                or TOTAL_RE.match(fold(row.desc)) is not None
                # ("Net card spend, all employees  €5,186.12" under the last card's total.)
                or _NET_FIGURE.match(fold(row.desc)) is not None
            ):
                del rows[k]
        if self.date_above is not None:
            for row in rows[start:]:
                if row.date is not None:
                    self.date_above = None  # a row's own date: the rows after it take that
                    break
                row.above = self.date_above

    def _type_codes(self, units: list) -> None:
        """A payment type's code printed in a column of its own where the descriptions start
        ("VIS  TESCO STORES 3217" over "LONDON", ")))  PRET A MANGER"): the row's further lines
        start where the text after the code does. Such codes are no part of descriptions."""
        for unit in units:
            lines = [item for item in unit.lines if item.cells]
            if len(lines) < 2 or len(lines[0].cells) < 2:
                continue
            code, text = lines[0].cells[0], lines[0].cells[1]
            if _CODE.fullmatch(code[3]) and all(
                abs(item.cells[0][0] - text[0]) < 1.5 for item in lines[1:]
            ):
                self._code_at = (code[0], text[0])
                break
        if self._code_at is not None:
            self._drop_codes([next((i for i in unit.lines if i.cells), None) for unit in units])

    def _drop_codes(self, items: list) -> None:
        code_x, text_x = self._code_at
        for item in items:
            if item is None or len(item.cells) < 2:
                continue
            code, text = item.cells[0], item.cells[1]
            if (
                abs(code[0] - code_x) < 1.5
                and abs(text[0] - text_x) < 1.5
                and _CODE.fullmatch(code[3])
            ):
                del item.cells[0]

    def _closed(self, start: int) -> bool:
        """The rows from `start` come right after a closing balance ("New balance",
        "Kontostand am 31.03.2024"), with no row of the table between."""
        figures = self.figures
        # (A balance carried to the next page closes nothing: the day's rows go on there.)
        return (
            len(figures) != self._beside
            and bool(figures)
            and figures[-1][0] in _CLOSING
            and figures[-1][5] == start > 0
            and CARRIED_RE.search(fold(figures[-1][3])) is None
            and self.rows[start - 1].page == figures[-1][4]  # (not atop the next page)
        )


_CLOSING = frozenset({"new", "bal_at"})
_CODE = re.compile(r"[A-Z]{2,4}|[^\w\s]{1,4}")  # "VIS", "DD", "SO", ")))"
# Balances whose date the rows printed under them without one take ("BALANCE BROUGHT FORWARD",
# "End-of-day balance" over the day's rows); not a closing balance.
_OPENING_ROLES = frozenset({"prev", "bal_at"})


def _placed(model: Model, token: tuple) -> str | None:
    place = model.place(token)
    return place[0] if place else None


def _table_edge(model: Model, line: tuple) -> float:
    """Where the table starts, give or take a character: a heading printed a little left of the
    first column starts in it; marks in the margin and a sidebar further left do not."""
    return model.columns[0][0] - max(2.0, line[2])


def _row_beside(line: tuple, model: Model, credit_words) -> tuple | None:
    """The line without the words printed well left or right of the table ("Your minimum
    payment" in a sidebar on a row's baseline), when what is left is a row: date and amount."""
    edge = _table_edge(model, line)
    right = model.columns[-1][1] + max(2.0, line[2])
    tokens = line[3]
    if tokens[0][1] >= edge and tokens[-1][0] <= right:
        return None
    # (Or right of it: "Previous Statement Balance  $2,104.38" in a sidebar right of the rows.)
    kept = [t for t in tokens if t[1] >= edge and t[0] <= right]
    if not kept:
        return None
    row = (*line[:3], kept, "", None)
    return row if classify(model, row, credit_words).kind == ANCHOR else None


def _category_figure(text: str) -> bool:
    """A summary's figure of charges or credits printed as the rows are, without a date
    ("Purchases & Other Charges  3,330.08" under a cardholder's rows)."""
    m = LABEL_RE.fullmatch(fold(text).strip(" :"))
    return m is not None and m.lastgroup in ("charges", "credits", "other")


def _card_total(text: str) -> bool:
    """A cardholder's name and card number, and nothing else."""
    card = card_number(text)
    return card is not None and not text[card[1] :].strip() and _a_person(text[: card[0]], 4)


def _a_name(text: str, most: int) -> bool:
    """Two to `most` words of letters once the words around a card number are set aside
    ("JAMES R HOLLOWAY Card" is a name; "Nr karty", "APPLE PAY" are not)."""
    name = [w for w in text.split() if w.lower().strip(":") not in NAME_NOISE]
    return 2 <= len(name) <= most and all(_name_letters(w).isalpha() for w in name)


def _name_letters(word: str) -> str:
    """A name's word without its hyphens and apostrophes ("D'ANGELO", "SMITH-JONES")."""
    return word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")  # ("M.")


def _a_person(text: str, most: int = 5) -> bool:
    """A person's name, not the company a corporate card is issued to ("COMPANY ADVENTURE
    WORKS CYCLES") nor the statement's words ("HSBC VISA PAYMENT")."""
    lower = [
        w
        for w in text.lower().split()
        if len(w) > 1
        and w.strip(":") not in NAME_NOISE  # (initials and "Card ending" aside)
        and w not in _PARTICLES
    ]
    return (
        _a_name(text, most)
        # (A name's words begin with capitals, its particles aside: "EXPRESS de compte" is not
        # one.)
        and all(w[0].isupper() or w.lower() in _PARTICLES for w in text.split() if w[0].isalpha())
        # (Two words besides its particles: "LA CUENTA" after "MOVIMIENTOS DE" is no name.)
        and len([w for w in text.split() if w.lower() not in _PARTICLES]) >= 2
        and NAME_WORDS.isdisjoint(lower)
        and _COMPANY.isdisjoint(lower)
        and _ADDRESS.isdisjoint(lower)
    )


# The small words of a family name ("MICHAEL H DE LA CRUZ", "ANNA VAN DER BERG").
_PARTICLES = words("de la del della der den van von da das do dos du di le bin binti al el")
# Words of an address printed beside the card number ("14 RIVONIA BOULEVARD  Card Number").
_ADDRESS = words(
    "street st road rd avenue ave boulevard blvd lane drive way court crescent place unit "
    "suite floor apt apartment building box strasse straße rue via calle avenida rua"
)
_COMPANY = frozenset(
    {"company", "corporate", "business", "employer", "organisation", "organization", "firm"}
    | {"bank", "banka", "banco", "banque", "banca", "banken", "group", "grupa"}
    # (A company's legal form: "NORTHWIND ROBOTICS INC." beside its account's number.)
    | {"inc", "inc.", "llc", "ltd", "ltd.", "limited", "corp", "corp.", "plc", "gmbh", "co."}
)


def _heading(line: tuple, tag: str, gap: float, spacing: float | None) -> bool:
    """A heading even right under a row: a cardholder's name with their card number set apart
    from it ("TDC ****4821 BANCA MÓVIL" tight under its row is that row's text), or a section's
    words, two or more ("OTHER ACCOUNT TRANSACTIONS"), or one set apart ("PURCHASE"; "REFUND"
    tight under its row is that row's last line)."""
    # Set apart: further from the row above than the run's lines are from one another.
    apart = gap > (0.6 * line[2] if spacing is None else max(1.5 * spacing, 0.25 * line[2]))
    if tag == HOLDER:
        # (Or a person's name set apart, then words naming their card's number, no closer to
        # the row above than the rows are to each other: "DANIEL J REYES  Card ending in
        # 8802" where the next row would be.)
        name, tokens = line[5][0] or "", line[3]
        level = (
            spacing is not None
            and gap >= spacing - 1
            and len(tokens) >= 3
            and tokens[0][3] == name
            and tokens[1][3][:1].isalpha()
            and _a_person(name)
        )
        return (apart or level) and _a_name(name, 5)
    words = sum(len(t[3].split()) for t in line[3])
    return (words >= 2 or apart) and _heading_words(line)


def _heading_words(line: tuple) -> bool:
    """Only the words headings are made of ("PAYMENTS AND OTHER CREDITS"), or a cardholder's
    card number; or two such words or more and then the cardholder's name, in capitals ("NEW
    TRANSACTIONS TAN WEI MING")."""
    text = " ".join(t[3] for t in line[3])
    if card_number(text) or CARD_KIND.match(text.lower()):
        return True
    words = [w.strip(".,:()/&-").lower() for w in text.split()]
    k = 0
    while k < len(words) and words[k] in HEADING_WORDS:
        k += 1
    if k == len(words):
        return True
    name = words[k:]
    return (
        len([w for w in words[:k] if w]) >= 2
        and text.isupper()
        and NAME_WORDS.isdisjoint(name)
        and _a_name(" ".join(name), 4)
    )


def _named_heading(line: tuple) -> str | None:
    """The cardholder's name after a heading's words, in capitals ("NEW TRANSACTIONS TAN WEI
    MING"), or None."""
    text = " ".join(t[3] for t in line[3])
    words = text.split()
    k = 0
    while k < len(words) and words[k].strip(".,:()/&-").lower() in HEADING_WORDS:
        k += 1
    # ("New Transactions for DANIELLE K OKAFOR (CONTINUED)": the name in capitals after the
    # heading's words in small letters; the note that the section goes on is no name.)
    end = len(words)
    while end > k and words[end - 1].lower() in _CONTINUED:
        end -= 1
    name = " ".join(words[k:end])
    if k >= 2 and (text.isupper() or name.isupper()) and _a_person(name, 4):
        return name
    return None


def _closer(line: tuple, bottom: float, spacing: float | None, lines: list[tuple], i: int) -> bool:
    """The line is closer to the line above than the run's last two lines are to each other:
    a row's wrapped line ("ACH DEBIT VERIZON WIRELESS" over "PAYMENTS", 9.5 points apart among
    rows 13.5 apart), not a heading printed where the next row would be."""
    if spacing is None and i + 1 < len(lines):
        # The run's only row so far: a heading sits no nearer the row above it than the line
        # under it ("REFUND" 11.2 points under its row, the next row 13.2 under it).
        spacing = lines[i + 1][0] - line[1]
    return spacing is not None and line[0] - bottom < spacing - 1


def _right_of(line: tuple, model: Model) -> bool:
    """Every word of the line is printed right of the table's last column."""
    return line[3][0][0] > model.columns[-1][1] + max(2.0, line[2])


def _numbered_cheque(row: RawRow, lines: Sequence[Item], model: Model | None) -> None:
    """ "Check" under the descriptions, its number under "Check Number": both."""
    if (
        model is not None
        and model.cheques
        and row.desc.lower() in CHEQUE_WORDS
        and (number := cheque_number(lines))
    ):
        row.desc = f"{row.desc} {number}"


def _cheques_of(section: tuple) -> str:
    """ "Check" for the rows under a heading of cheques ("Checks Paid"), else ""."""
    m = _CHEQUE_HEADING.search(section[1].lower()) if section and section[1] else None
    return m[1].capitalize() if m else ""


_CHEQUE_HEADING = re.compile(r"\b(check|cheque|chèque)s?\b")
_NET_FIGURE = re.compile(
    r"net (?:\w+ ){0,2}(?:spend|spending|charges|purchases|amount|total|activity)\b"
)


def _home(currencies: dict[str, int]) -> str:
    """The currency most of the statement's figures are printed in, where it is clearly so
    (five marks or more, twice any other's), else "". ("£" and "GBP" are one currency.)"""
    merged: dict[str, int] = {}
    for mark, count in currencies.items():
        code = SYMBOL_CODES.get(mark, mark)
        merged[code] = merged.get(code, 0) + count
    counts = sorted(merged.values(), reverse=True)
    if not counts or counts[0] < 5 or (len(counts) > 1 and counts[0] < 2 * counts[1]):
        return ""
    return max(merged, key=merged.get)


def _od_after(tokens: list, value: tuple) -> bool:
    """Whether "OD" is printed right after the figure."""
    k = next((i for i, t in enumerate(tokens) if t[0] == value[0] and t[3] == value[3]), -1)
    return 0 <= k < len(tokens) - 1 and tokens[k + 1][3] in ("OD", "O/D")


_CATEGORY_ROLES = frozenset({"charges", "credits", "other"})
_ACCOUNT_WIDE = re.compile(r"\bother (?:account )?transactions\b")
_GROUP_RE = re.compile(r"\b(?:subtractions|withdrawals|debits|deductions|money out|paid out)\b")
_PAYMENTS_ONLY = re.compile(r"(?:other )?payments?(?: \(continued\))?")
_CONTINUED = frozenset({"(continued)", "continued", "(cont.)", "(cont'd)", "cont'd"})


def _listed_before(row: RawRow, rows: list[RawRow], end: int) -> bool:
    """An earlier row of the same amount and date names this cheque's number ("Draft
    001042")."""
    number = row.desc.strip(_MARKS).lstrip("0")
    return any(
        other.cents == row.cents
        and other.date == row.date
        and any(word.strip(_MARKS).lstrip("0") == number for word in other.desc.split())
        for other in rows[:end]
    )


_MARKS = "*^†#№"  # a number's marks ("#1042", "1046*": a break in the sequence)


def _numbered(desc: str) -> bool:
    """A description that is only a number (a paper cheque's), marks aside."""
    if desc.isdigit():
        return True
    return (desc[:1] in _MARKS or desc[-1:] in _MARKS) and desc.strip(_MARKS).isdigit()


def _bare_row_below(lines: list[tuple], i: int, model: Model | None) -> bool:
    """Right under line i, a date and an amount with no description beside them, or an amount
    with no date: a row whose text is printed around its figures ("IKEDC PREPAID TOKEN METER
    4501****2231" over "12-Mar-24  30,000.00"), line i its first line, not a heading."""
    if model is None or i + 1 >= len(lines):
        return False
    line, below = lines[i], lines[i + 1]
    if below[0] - line[1] > line[2] or below[4]:
        return False
    kinds = {t[2] for t in below[3]}
    if AMOUNT in kinds and not any(t[2] == DATE and t[0] < model.desc_start - 2 for t in below[3]):
        # An amount with no date of its own under words of a heading ("DEBIT INTEREST" over
        # "TO 15MAR24  3.62  440.69DR"): that row's lines, where a day's date heads its rows.
        return True
    return (
        DATE in kinds
        and AMOUNT in kinds
        and not any(
            t[2] == TEXT and t[0] >= model.desc_start - 2 and sum(map(str.isalpha, t[3])) >= 2
            for t in below[3]
        )
    )


def _named_over_row(line: tuple, model: Model, lines: list[tuple], i: int) -> bool:
    """A person's name alone where the descriptions go, just under the column titles and over
    a row that prints its own description beside its date: the cardholder whose rows follow,
    not that row's first line."""
    if not 0 < i < len(lines) - 1 or lines[i - 1][4] != HEADER:
        return False
    if _name_line(line, model, True) is None:
        return False
    # The rows below print date and description on one line each (where a merchant's name
    # is printed over the line with its date, every row is printed so).
    for below in (lines[i + 1][3], lines[i + 2][3] if i + 2 < len(lines) else ()):
        if not any(t[2] == DATE for t in below) or not any(
            t[2] == TEXT and t[0] >= model.desc_start - 2 and sum(map(str.isalpha, t[3])) >= 2
            for t in below
        ):
            return False
    return True


def _name_line(line: tuple, model: Model, anywhere: bool = False) -> str | None:
    """A person's name alone on a line of the table, left of the descriptions where the dates
    go (`anywhere`: or elsewhere): the cardholder whose rows follow."""
    tokens = line[3]
    if not tokens or any(t[2] != TEXT for t in tokens):
        return None
    # (Its words drawn apart, "ANANYA  R  IYER", are one name where they are spaced as words.)
    if any(b[0] - a[1] > line[2] for a, b in pairwise(tokens)):
        return None
    if not anywhere and tokens[0][0] >= model.desc_start - 2:
        return None
    text = " ".join([t[3] for t in tokens])
    words = text.split()
    if not 2 <= len(words) <= 4 or not text.isupper():
        return None
    # (An initial is no word of a heading's, whatever titles are made of.)
    if not all(w.isalpha() for w in words) or not NAME_WORDS.isdisjoint(
        w.lower() for w in words if len(w) > 1
    ):
        return None
    return text


def _down_the_parts(rows: list, start: int, parts: list[int]) -> None:
    """Rows of a list printed in two or three parts across the page ("Check #  Amount" twice),
    read a line at a time across: put in the order of their numbers where that is reading
    each part down ("1051, 1052 | 1054, 1055"), not across."""
    numbers = [_number_of(row.desc) for row in rows[start:]]
    if None in numbers:
        return
    down = sorted(range(len(parts)), key=lambda k: (parts[k], k))
    if _ascending([numbers[k] for k in down]) and not _ascending(numbers):
        rows[start:] = [rows[start + k] for k in down]


def _number_of(text: str) -> int | None:
    m = _CHEQUE_NUMBER.search(text)
    return int(m[1]) if m else None


def _ascending(numbers: list) -> bool:
    return all(a < b for a, b in pairwise(numbers))


_CHEQUE_NUMBER = re.compile(r"(\d{3,})\*?\s*$")


def _fits(lines: list, model: Model) -> bool:
    """A line that starts with a date at the model's date column and ends with an amount at
    one of its money columns."""
    dates = [c[0] for c in model.columns if c[2] == DATE_ROLE]
    rights = [c[1] for c in model.columns if c[2] in MONEY_ROLES]
    for line in lines:
        tokens = line[3]
        if line[4] or len(tokens) < 3 or tokens[0][2] != DATE or tokens[-1][2] != AMOUNT:
            continue
        if any(abs(tokens[0][0] - x) < 3 for x in dates) and any(
            abs(tokens[-1][4][3] - x) < 6 for x in rights
        ):
            return True
    return False


def _words(line: tuple) -> list[tuple]:
    return [(t[0], t[1], t[3]) for t in line[3]]


def _profile_titles(profile: Profile) -> dict:
    """Extra column titles from a saved profile, so its own words make a header."""
    extra = {}
    for name, role in (
        (profile.amount_column, "amount"),
        (profile.debit_column, "debit"),
        (profile.credit_column, "credit"),
    ):
        if name:
            key = tuple(map(title_word, name.split()))
            if TITLES.get(key) != role:
                extra[key] = role
    return extra
