"""Card statements: plan rows onto a fixed number of pages, then draw them."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from processing.samples.ledger import Period, section_transactions
from processing.samples.pdfwriter import Canvas, text_width, write_pdf
from processing.samples.people import CardholderPool, Person
from processing.samples.statement_layouts import (
    BODY_BOTTOM,
    ContosoLayout,
    Heading,
    Item,
    NorthwindLayout,
    Row,
    StatementInfo,
    StatementLayout,
    Total,
)

LAYOUTS: tuple[StatementLayout, ...] = (NorthwindLayout(), ContosoLayout())

Page = list[tuple[float, Item]]


@dataclass(frozen=True)
class StatementPlan:
    """A statement fully laid out: every item with its page and y position."""

    name: str
    layout: StatementLayout
    info: StatementInfo
    pages: list[Page]

    def rows(self) -> Iterator[tuple[int, Row]]:
        """Yield (1-based page, row) for every transaction in document order."""
        for page_no, page in enumerate(self.pages, start=1):
            for _, item in page:
                if isinstance(item, Row):
                    yield page_no, item

    def cardholders(self) -> Iterator[Person]:
        """Yield the cardholders in the order their sections start."""
        for page in self.pages:
            for _, item in page:
                if isinstance(item, Heading) and not item.continued:
                    yield item.person

    def canvases(self) -> Iterator[Canvas]:
        """Yield the drawn pages one at a time, so memory stays flat for long statements."""
        for page_no, page in enumerate(self.pages, start=1):
            canvas = Canvas()
            self.layout.draw_frame(canvas, info=self.info, page_no=page_no, pages=len(self.pages))
            for y, item in page:
                self.layout.draw_item(canvas, y=y, item=item)
            yield canvas

    def write(self, *, out_dir: Path) -> int:
        """Write the statement PDF and return its page count."""
        return write_pdf(path=out_dir / self.name, pages=self.canvases(), title=self.name)


def statement_period(*, seed: int, index: int) -> Period:
    """Return the billing period of the index-th statement (0-based) of a sample set."""
    # Seed 1 starts in December 2025 so its first statement straddles the year end.
    months = (seed - 1) * 5 % 12 + index // 2
    year, month_index = divmod(2025 * 12 + 11 + months, 12)
    month = month_index + 1
    if index % 2 == 0:
        next_year, next_index = divmod(year * 12 + month, 12)
        return Period(dt.date(year, month, 15), dt.date(next_year, next_index + 1, 14))
    year, month_index = divmod(year * 12 + month, 12)
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return Period(dt.date(year, month_index + 1, 1), dt.date(year, month_index + 1, last_day))


def plan_statement(
    *,
    rng: random.Random,
    pool: CardholderPool,
    seed: int,
    index: int,
    pages: int,
    company: str,
    account_last4: str,
) -> StatementPlan:
    """Return the index-th statement of the set laid out on exactly pages pages."""
    layout = LAYOUTS[index % len(LAYOUTS)]
    period = statement_period(seed=seed, index=index)
    sections = _sections(rng=rng, pool=pool, layout=layout, period=period)
    planned = _paginate(layout=layout, sections=sections, pages=pages)
    cents = [item.txn.cents for page in planned for _, item in page if isinstance(item, Row)]
    purchases = sum(c for c in cents if c > 0)
    info = StatementInfo(
        company=company,
        account_last4=account_last4,
        period=period,
        # The account is new this period: the summary adds up from the rows alone, as the
        # statement reader checks (a previous balance would need its payment among the rows).
        previous_balance_cents=0,
        purchases_cents=purchases,
        credits_cents=-sum(c for c in cents if c < 0),
    )
    return StatementPlan(
        name=f"statement_{index + 1:02d}.pdf", layout=layout, info=info, pages=planned
    )


def wrap(*, text: str, width: float) -> tuple[str, ...]:
    """Return text split at spaces into lines no wider than width (a lone long word overflows)."""
    if text_width(text, fontsize=8) <= width:
        return (text,)
    space = text_width(" ", fontsize=8)
    lines: list[list[str]] = []
    used = 0.0
    for word in text.split(" "):
        word_width = text_width(word, fontsize=8)
        if lines and used + space + word_width <= width:
            lines[-1].append(word)
            used += space + word_width
        else:
            lines.append([word])
            used = word_width
    return tuple(" ".join(words) for words in lines)


def _sections(
    *,
    rng: random.Random,
    pool: CardholderPool,
    layout: StatementLayout,
    period: Period,
) -> Iterator[tuple[Person, list[Row]]]:
    for number, person in enumerate(pool.for_statement()):
        txns = section_transactions(
            rng=rng,
            person=person,
            period=period,
            count=rng.randint(3, 45),
            with_posting=layout.with_posting_date,
            # Early sections always carry a credit and a five-figure charge, so even a short
            # statement shows both.
            big_ticket=number == 1 or rng.random() < 0.03,
            with_credit=number < 2 or rng.random() < 0.35,
        )
        rows = []
        for txn in txns:
            reference = "" if layout.with_posting_date else _reference(rng)
            lines = wrap(text=txn.descriptor, width=layout.description_width)
            rows.append(Row(txn=txn, lines=lines, reference=reference))
        yield person, rows


def _reference(rng: random.Random) -> str:
    # 23-digit acquirer reference numbers, all digits, between description and amount.
    return f"{rng.choice('257')}4{rng.randrange(10**21):021d}"


def _paginate(
    *,
    layout: StatementLayout,
    sections: Iterator[tuple[Person, list[Row]]],
    pages: int,
) -> list[Page]:
    planned: list[Page] = []
    upcoming: tuple[Person, list[Row]] | None = None
    person: Person | None = None
    open_rows: deque[Row] | None = None
    total = 0
    for page_no in range(1, pages + 1):
        last_page = page_no == pages
        page: Page = []
        y = layout.body_top(page_no=page_no)

        def place(item: Item, page: Page = page) -> None:
            nonlocal y
            page.append((y, item))
            y += layout.item_height(item)

        if open_rows is not None and person is not None:
            place(Heading(person=person, continued=True))
        while True:
            if open_rows is None:
                upcoming = upcoming or next(sections)
                first_row = upcoming[1][0]
                needed = layout.heading_height + layout.item_height(first_row) + layout.total_height
                if y + needed > BODY_BOTTOM:
                    break
                (person, rows), upcoming = upcoming, None
                open_rows, total = deque(rows), 0
                place(Heading(person=person, continued=False))
            assert person is not None
            if open_rows:
                row = open_rows[0]
                # Room for the total is reserved before a section's last row (and before every
                # row on the last page), so a total never starts a page on its own.
                closes = last_page or len(open_rows) == 1
                needed = layout.item_height(row) + (layout.total_height if closes else 0)
                if y + needed <= BODY_BOTTOM:
                    place(open_rows.popleft())
                    total += row.txn.cents
                    continue
                if not last_page:
                    break
            # Either every row is placed, or the statement ends and the section is cut short.
            place(Total(person=person, cents=total))
            open_rows = None
        planned.append(page)
    return planned
