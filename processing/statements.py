"""Card and bank statements: read with the zero-configuration statement reader
(processing.statement_reader), with an admin's saved profile where one fits the statement,
and with the extraction patterns as a last resort.

The reader processes run `statement_page` on each page; `StatementFileReader` takes the pages
in order in the worker and, once the file is read, yields its rows with the verdict of the
statement's own totals.
"""

import json
from dataclasses import dataclass, replace
from functools import lru_cache

import pymupdf

from processing.lines import Line
from processing.models import PatternKind, StatementProfile
from processing.patterns import PatternSet
from processing.readers import StatementReader as PatternReader
from processing.rows import FileCheck, TransactionRow
from processing.statement_reader import (
    DateOrder,
    DecimalStyle,
    Evidence,
    PageLayout,
    PageWords,
    Profile,
    StatementReader,
    StatementResult,
    StatementRow,
    Verdict,
    read_page,
)
from processing.statement_reader.pdf import displayed_words

# The first page's text is kept to choose a profile by; a page of text is well under this.
_FIRST_PAGE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class StatementPage:
    """What a reader process makes of one page: the reader's layout (and, for the first
    page, its text, to choose a profile by)."""

    layout: PageLayout
    text: str = ""


def statement_page(page: pymupdf.Page) -> StatementPage | None:
    """One page for the statement reader; None for a page without text."""
    return page_content(page, displayed_words(page))


def page_content(page: pymupdf.Page, words: list[tuple]) -> StatementPage | None:
    """What `statement_page` makes of a page, given the words MuPDF found on it."""
    if not words:
        return None
    number = page.number + 1
    layout = read_page(
        PageWords(number=number, width=page.rect.width, height=page.rect.height, words=words)
    )
    text = " ".join(word[4] for word in words)[:_FIRST_PAGE_CHARS] if number == 1 else ""
    return StatementPage(layout, text)


def profile_for(text: str, profiles: list[StatementProfile]) -> StatementProfile | None:
    """The first enabled profile (by name) all of whose words are on the first page."""
    folded = text.casefold()
    for profile in profiles:
        words = [word.strip().casefold() for word in profile.match_words.split(",")]
        words = [word for word in words if word]
        if words and all(word in folded for word in words):
            return profile
    return None


def reader_profile(profile: StatementProfile | None) -> Profile:
    """The statement reader's Profile for a saved one (None: detect everything)."""
    if profile is None:
        return Profile()
    return Profile(
        date_order=DateOrder(profile.date_order) if profile.date_order else None,
        decimal_style=DecimalStyle(profile.decimal_style) if profile.decimal_style else None,
        amount_column=profile.amount_column or None,
        debit_column=profile.debit_column or None,
        credit_column=profile.credit_column or None,
        credit_markers=_items(profile.credit_markers, ","),
        skip_lines=_items(profile.skip_lines, "\n"),
    )


class StatementFileReader:
    """Reads one statement file (processing.rows.FileReader): every row at the end of the file,
    when the date order, the years and the signs have been decided from all of it."""

    def __init__(
        self, patterns: PatternSet, *, profiles: list[StatementProfile] | None = None
    ) -> None:
        self.profiles = (
            list(StatementProfile.objects.filter(enabled=True)) if profiles is None else profiles
        )
        self.profile: StatementProfile | None = None
        self.reader: StatementReader | None = None
        self.result: StatementResult | None = None
        # The patterns are the last resort: read alongside, used only if the reader finds none.
        self.fallback = PatternReader(patterns) if patterns.has(PatternKind.TRANSACTION) else None
        self.fallback_rows: list[TransactionRow] = []
        self.used_patterns = False
        self.rows_read = 0

    def read_page(self, content: StatementPage | None, *, page: int) -> list[TransactionRow]:
        """Take one page; rows come at `finish`."""
        if content is None:
            return []
        if self.reader is None:
            self.profile = profile_for(content.text, self.profiles)
            self.reader = StatementReader(reader_profile(self.profile))
        self.reader.add(content.layout)
        if self.fallback is not None:
            self.fallback_rows += self.fallback.read_page(layout_lines(content.layout), page=page)
        return []

    @property
    def held(self) -> int:
        """Rows found so far; written once the whole statement is read."""
        return self.reader.rows_so_far if self.reader is not None else 0

    def finish(self) -> list[TransactionRow]:
        """Every row of the statement, in its order."""
        if self.reader is None:
            return []
        result = self.reader.finish()
        self.reader = None  # the document's working state goes before the rows are built
        rows = result.rows
        self.result = replace(result, rows=[])
        self.rows_read = len(rows)
        if not rows and self.fallback_rows:
            self.used_patterns = True
            return self.fallback_rows
        # Converted in place: a long statement's rows are never held twice.
        for line, row in enumerate(rows):
            rows[line] = transaction_row(row, line)
        return rows

    def warnings(self, *, name: str, pages_with_text: int) -> list[tuple[str, list[int]]]:
        """The reader's own warnings, and a word when nothing could be read."""
        if self.result is None:
            return []
        found = [(f"“{name}”, {warning}", []) for warning in self.result.warnings]
        if not self.rows_read and not self.used_patterns and pages_with_text:
            found.append(
                (
                    f"No transactions were found in “{name}”: it may not be a card or bank "
                    "statement, or its layout is one Recon cannot read yet (an administrator "
                    "can preview it and save a statement profile).",
                    [],
                )
            )
        return found

    def check(self) -> FileCheck | None:
        """The rows compared with the statement's totals, and how the file was read."""
        if self.result is None:
            return FileCheck(Verdict.UNCHECKED, "no text could be read: nothing checked", {})
        result = self.result
        notes = {
            "date_order": result.date_order.value if result.date_order else None,
            "decimal_style": result.decimal_style.value,
            "profile": self.profile.name if self.profile else None,
            "patterns": self.used_patterns,
            "rows": self.rows_read,
        }
        if self.used_patterns:
            message = "read with the extraction patterns: no totals check"
            return FileCheck(Verdict.UNCHECKED, message, notes)
        return FileCheck(result.check.verdict, result.check.message, notes)


def transaction_row(row: StatementRow, line: int) -> TransactionRow:
    """A reader row as the transactions table takes it."""
    cardholder = (row.cardholder[:200], row.card_last4 or "") if row.cardholder else None
    return TransactionRow(
        cardholder=cardholder,
        page=row.page,
        line=line,
        transaction_date=row.date,
        posting_date=row.posting_date,
        description=row.description,
        amount=row.amount,
        original_amount=row.original_amount,
        original_currency=(row.original_currency or "")[:3],
        evidence=_evidence_json(row.evidence),
    )


@lru_cache(maxsize=1024)
def _evidence_json(evidence: Evidence) -> str:
    # A statement's rows share a handful of explanations: each is encoded once.
    return json.dumps(
        {
            "sign": evidence.sign,
            "amount_column": evidence.amount_column,
            "date_order": evidence.date_order,
            "year": evidence.year,
        },
        ensure_ascii=False,
    )


def layout_lines(layout: PageLayout) -> list[Line]:
    """The reader's rebuilt lines as the extraction patterns take them."""
    lines = []
    for y0, y1, _height, tokens, _tag, _info in layout.lines:
        if not tokens:
            continue
        words: list[str] = []
        lefts: list[float] = []
        for x0, x1, _kind, text, _value in tokens:
            parts = text.split()
            step = (x1 - x0) / max(len(parts), 1)
            for index, part in enumerate(parts):
                words.append(part)
                lefts.append(x0 + index * step)
        if words:
            lines.append(Line(" ".join(words), lefts[0], y0, y1, tuple(lefts)))
    return lines


def _items(text: str, separator: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(separator) if item.strip())
