"""Document-level reading of pages in order: columns carried across pages, section and
cardholder headings, rows with their sign evidence, and every labelled figure and date.

Dates stay as printed (order and year unknown) and signs that depend on the statement's
convention stay unresolved: both need the whole document and are settled in `finish`.
"""

from __future__ import annotations

from operator import attrgetter

from .blocks import units_of
from .columns import Model, guess_model, with_profile
from .contract import Profile
from .headers import parse_header
from .lineclass import ANCHOR, BREAK, EMPTY, Item, classify
from .page import HEADER, HOLDER, LABEL, OTHER_TABLE, SECTION, PageLayout
from .rowbuild import RawRow, build_row
from .vocabulary import CREDIT, DEBIT, MONEY_ROLES, TITLES

_KIND = attrgetter("kind")
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
        self.section: tuple[int, str] = (0, "")
        self.holder: tuple[str | None, str | None] = (None, None)
        self.rows: list[RawRow] = []
        # (role, cents, how, phrase, page, rows before it, block start, holder start, column)
        self.figures: list[tuple] = []
        # The page each (role, ((date value, text), ...), phrase) is first printed on: a
        # statement prints its dates on every page.
        self.anchors: dict[tuple, int] = {}
        self.block_start = 0
        self.holder_start = 0
        self.mode: str | None = None
        self.warnings: list[str] = []
        self.guessed_pages: list[int] = []
        self.credit_words = frozenset(self.profile.credit_markers)
        self.skip = tuple(s.lower() for s in self.profile.skip_lines if s)
        self._titles = _profile_titles(self.profile)

    def add(self, layout: PageLayout) -> None:
        """Read one page's lines (pages must come in order)."""
        self.warnings.extend(layout.warnings)
        page = layout.number
        labels: dict[int, list] = {}
        for label in layout.labels:
            labels.setdefault(label[0], []).append(label)
        lines = layout.lines
        header_at = next((i for i, line in enumerate(lines) if line[4] == HEADER), None)
        # A page without titles and no table carried from earlier pages: columns from its rows.
        guess = guess_model(lines) if self.model is None and header_at is None else None
        if guess is not None:
            self.guessed_pages.append(page)
        run: list[Item] = []
        titles, skip, credit_words = self._titles, self.skip, self.credit_words
        model = self.model or guess
        previous: Item | None = None  # the run's last line
        bottom = 0.0  # where the run's last line ends
        for i, line in enumerate(lines):
            tag = line[4]
            if tag or titles or skip:  # a heading or titles, or a profile's words to look for
                if titles and tag != HEADER and self._names_a_column(line):
                    columns = parse_header(_words(line), line[2], titles)
                    if columns is not None:
                        line, tag = (*line[:4], HEADER, columns), HEADER
                if tag:
                    heading = tag in (SECTION, HOLDER) or (tag == LABEL and line[5] == "weak")
                    if heading and self._inside_description(line):
                        tag = ""  # a wrapped description line that happens to read like a heading
                if tag or (skip and self._skipped(line)):
                    self._flush(run, page)
                    run = []
                    self._tagged(line, i, header_at, labels.get(i, ()), page, guess)
                    model = self.model or guess
                    continue
            if model is None:
                self._flush(run, page)
                run = []
                continue
            item = classify(model, line, credit_words)
            kind = item.kind
            if kind == EMPTY:
                continue
            if kind == BREAK:
                self._flush(run, page)
                run = []
                continue
            if run:
                height = item.height if item.height > previous.height else previous.height
                if line[0] - bottom > 2.5 * height:
                    self._flush(run, page)
                    run = []
            run.append(item)
            previous, bottom = item, line[1]
        self._flush(run, page)

    def _names_a_column(self, line: tuple) -> bool:
        text = " ".join(t[3] for t in line[3]).lower()
        return any(" ".join(name) in text for name in self._titles)

    def _inside_description(self, line: tuple) -> bool:
        """The line starts in the description column (margin marks left of the table aside)."""
        model = self.model
        if model is None:
            return False
        start = model.columns[0][0] - 2
        for token in line[3]:
            if token[0] >= start:
                return model.desc_start - 2 <= token[0] < model.desc_end
        return False

    def _skipped(self, line: tuple) -> bool:
        text = " ".join(t[3] for t in line[3]).lower()
        return any(s in text for s in self.skip)

    def _tagged(self, line: tuple, i: int, header_at: int | None, labels, page: int, guess) -> None:
        tag, info = line[4], line[5]
        if tag == HEADER:
            # Not a block boundary: continuation pages repeat the titles mid-section.
            self.model = self._table(info)
        elif tag == OTHER_TABLE:
            self.model = None
        elif tag == SECTION and info[0]:
            # A heading naming credits or spending starts a section; a neutral one ("Account
            # activity", repeated on every page) changes nothing.
            self.section = info
            self.block_start = len(self.rows)
        elif tag == HOLDER and (self.model or guess) and (header_at is None or i > header_at):
            if info[:2] != self.holder:
                self.holder = info[:2]
                self.holder_start = self.block_start = len(self.rows)
            if info[2] is not None:  # "New charges  JANE DOE  Card ending 1234"
                self.section = (info[2], " ".join(t[3] for t in line[3]))
        elif tag == LABEL:
            for label in labels:
                self._figure(label, page)

    def _table(self, columns: list) -> Model:
        """The column model of a header's titles, built once for titles printed page after
        page (it remembers where it placed their rows' dates and amounts)."""
        key = tuple(columns)
        model = self._tables.get(key)
        if model is None:
            p = self.profile
            model = with_profile(Model(columns), p.amount_column, p.debit_column, p.credit_column)
            self._tables[key] = model
        return model

    def _figure(self, label: tuple, page: int) -> None:
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
            placed = [(v, self.model.place(v)) for v in values] if self.model else []
            inside = [(v, p[0]) for v, p in placed if p and p[0] in MONEY_ROLES]
        else:
            place = self.model.place(values[0]) if self.model else None
            inside = [(values[0], place[0] if place else "")]
        rows = len(self.rows)
        for value, column in inside:
            cents, how = value[4][:2]
            if role in _BALANCE_ROLES and not how:
                # A balance printed in the debit column, or called "débiteur", is overdrawn.
                overdrawn = column == DEBIT or any(w in phrase.lower() for w in _OVERDRAWN)
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
        section, holder, warnings, rows = self.section, self.holder, self.warnings, self.rows
        if set(map(_KIND, run)) == _ROWS_ONLY:
            # A row on every line, the common run: nothing to group or share out.
            for item in run:
                row = build_row((item,), (), None, page, section, holder, warnings)
                if row is not None:
                    rows.append(row)
            return
        units, seen = units_of(run, self.mode)
        if seen is not None and self.mode is None:
            self.mode = seen
        for unit in units:
            row = build_row(unit.lines, unit.markers, unit.year, page, section, holder, warnings)
            if row is not None:
                rows.append(row)


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
            key = tuple(name.lower().split())
            if TITLES.get(key) != role:
                extra[key] = role
    return extra
