"""The two issuers' statement designs: page furniture and how one row is drawn."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass

from processing.samples import formats
from processing.samples.ledger import Period, Txn
from processing.samples.pdfwriter import Canvas
from processing.samples.people import Person

LEFT = 40.0
RIGHT = 572.0
BODY_BOTTOM = 744.0


@dataclass(frozen=True, slots=True)
class Heading:
    """A cardholder section heading; continued repeats it at the top of a page."""

    person: Person
    continued: bool


@dataclass(frozen=True, slots=True)
class Row:
    """A transaction row; lines holds the description as wrapped onto baselines."""

    txn: Txn
    lines: tuple[str, ...]
    reference: str


@dataclass(frozen=True, slots=True)
class Total:
    """A cardholder's total line, which is not a transaction."""

    person: Person
    cents: int


Item = Heading | Row | Total


@dataclass(frozen=True, slots=True)
class StatementInfo:
    """Everything page furniture prints: who, which period, and the account summary."""

    company: str
    account_last4: str
    period: Period
    previous_balance_cents: int
    purchases_cents: int
    credits_cents: int

    @property
    def closing_date(self) -> dt.date:
        """Return the last day of the billing period."""
        return self.period.end

    @property
    def due_date(self) -> dt.date:
        """Return the payment due date."""
        return self.period.end + dt.timedelta(days=25)

    @property
    def new_balance_cents(self) -> int:
        """Return the closing balance, the previous balance having been paid in full."""
        return self.purchases_cents - self.credits_cents


class StatementLayout(ABC):
    """Geometry and drawing for one issuer; heights are in points, y grows downwards."""

    with_posting_date: bool
    description_x: float
    description_width: float
    row_height = 22.0
    wrap_height = 10.0
    heading_height = 28.0
    continued_height = 20.0
    total_height = 26.0
    # Baselines sit this far above the bottom of an item's slot.
    baseline_inset = 7.0

    def body_top(self, *, page_no: int) -> float:
        """Return the y where transaction content may start on the page."""
        return 194.0 if page_no == 1 else 104.0

    def row_height_for(self, *, lines: int) -> float:
        """Return the height of a transaction row whose description takes lines baselines."""
        return self.row_height + self.wrap_height * (lines - 1)

    def draw_frame(self, canvas: Canvas, *, info: StatementInfo, page_no: int, pages: int) -> None:
        """Draw header, footer, column titles and (page 1) the account summary."""
        self.draw_header(canvas, info=info)
        canvas.hline(x0=LEFT, x1=RIGHT, y=752, gray=0.5)
        self.draw_footer(canvas, info=info)
        canvas.text_right(right=RIGHT, y=766, text=f"Page {page_no} of {pages}")
        if page_no == 1:
            self.draw_summary(canvas, info=info)
        titles_y = self.body_top(page_no=page_no) - 10
        self.draw_column_titles(canvas, y=titles_y)
        canvas.hline(x0=LEFT, x1=RIGHT, y=titles_y + 4)

    def draw_item(self, canvas: Canvas, *, y: float, item: Item) -> None:
        """Draw one planned item whose slot starts at y."""
        match item:
            case Heading():
                baseline = y + self.item_height(item) - self.baseline_inset
                self.draw_heading(canvas, y=baseline, item=item)
            case Row():
                self.draw_row(canvas, y=y + self.row_height - self.baseline_inset, row=item)
            case Total():
                self.draw_total(
                    canvas, y=y + self.total_height - self.baseline_inset - 4, item=item
                )

    def item_height(self, item: Item) -> float:
        """Return the vertical space an item takes."""
        match item:
            case Heading():
                return self.continued_height if item.continued else self.heading_height
            case Row():
                return self.row_height_for(lines=len(item.lines))
            case Total():
                return self.total_height

    @abstractmethod
    def draw_header(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw the issuer header."""

    @abstractmethod
    def draw_footer(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw the footer text left of the page number."""

    @abstractmethod
    def draw_summary(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw page 1's account summary block."""

    @abstractmethod
    def draw_column_titles(self, canvas: Canvas, *, y: float) -> None:
        """Draw the column titles on baseline y."""

    @abstractmethod
    def draw_heading(self, canvas: Canvas, *, y: float, item: Heading) -> None:
        """Draw a cardholder heading on baseline y."""

    @abstractmethod
    def draw_row(self, canvas: Canvas, *, y: float, row: Row) -> None:
        """Draw a transaction row whose first baseline is y."""

    @abstractmethod
    def draw_total(self, canvas: Canvas, *, y: float, item: Total) -> None:
        """Draw a cardholder total on baseline y."""


def _summary_pairs(
    canvas: Canvas,
    *,
    x: float,
    right: float,
    pairs: list[tuple[str, str]],
    bold_last: bool,
) -> None:
    for index, (label, value) in enumerate(pairs):
        y = 112 + 12 * index
        font = "hebo" if bold_last and index == len(pairs) - 1 else "helv"
        canvas.text(x=x, y=y, text=label, fontname=font)
        canvas.text_right(right=right, y=y, text=value, fontname=font)


class NorthwindLayout(StatementLayout):
    """Issuer A: MM/DD dates without a year, transaction and posting date, '-' for credits."""

    with_posting_date = True
    description_x = 146.0
    description_width = 290.0

    def draw_header(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw the issuer header."""
        closing = formats.mm_dd_yyyy(info.closing_date)
        period = (
            f"Statement period {formats.mm_dd_yyyy(info.period.start)} - "
            f"{formats.mm_dd_yyyy(info.period.end)}"
        )
        canvas.text(
            x=LEFT, y=42, text="Northwind Bank \u2014 Corporate Card", fontname="hebo", fontsize=13
        )
        canvas.text_right(right=RIGHT, y=42, text=f"Statement closing date {closing}")
        canvas.text(x=LEFT, y=58, text=info.company)
        canvas.text_right(right=RIGHT, y=58, text=f"Account ending in {info.account_last4}")
        canvas.text(x=LEFT, y=70, text=period)
        canvas.text_right(
            right=RIGHT, y=70, text=f"Payment due date {formats.mm_dd_yyyy(info.due_date)}"
        )
        canvas.hline(x0=LEFT, x1=RIGHT, y=78)

    def draw_footer(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw the footer text left of the page number."""
        canvas.text(
            x=LEFT,
            y=766,
            gray=0.35,
            fontsize=7,
            text="Northwind Bank, N.A. \u00b7 P.O. Box 6100, Wilmington, DE 19850 \u00b7 "
            "Customer service 1-800-555-0142",
        )
        canvas.text(
            x=LEFT,
            y=776,
            gray=0.35,
            fontsize=7,
            text=f"Closing date {formats.mm_dd_yyyy(info.closing_date)}",
        )

    def draw_summary(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw page 1's account summary block."""
        canvas.text(x=LEFT, y=98, text="Account Summary", fontname="hebo", fontsize=9)
        _summary_pairs(
            canvas,
            x=LEFT,
            right=260,
            bold_last=True,
            pairs=[
                ("Previous balance", formats.dollars(info.previous_balance_cents)),
                ("Payments", formats.dollars(-info.previous_balance_cents)),
                ("Other credits", formats.dollars(-info.credits_cents)),
                ("Purchases and other charges", formats.dollars(info.purchases_cents)),
                ("New balance", formats.dollars(info.new_balance_cents)),
            ],
        )
        days = (info.period.end - info.period.start).days + 1
        _summary_pairs(
            canvas,
            x=330,
            right=RIGHT,
            bold_last=False,
            pairs=[
                ("Payment due date", formats.mm_dd_yyyy(info.due_date)),
                ("Minimum payment due", formats.dollars(info.new_balance_cents)),
                ("Credit limit", formats.dollars(50_000_000)),
                ("Available credit", formats.dollars(50_000_000 - info.new_balance_cents)),
                ("Days in billing cycle", str(days)),
            ],
        )
        canvas.hline(x0=LEFT, x1=RIGHT, y=168, gray=0.5)

    def draw_column_titles(self, canvas: Canvas, *, y: float) -> None:
        """Draw the column titles on baseline y."""
        canvas.text(x=LEFT, y=y, text="Trans Date", fontname="hebo")
        canvas.text(x=92, y=y, text="Post Date", fontname="hebo")
        canvas.text(x=self.description_x, y=y, text="Description", fontname="hebo")
        canvas.text_right(right=RIGHT, y=y, text="Amount", fontname="hebo")

    def draw_heading(self, canvas: Canvas, *, y: float, item: Heading) -> None:
        """Draw a cardholder heading on baseline y."""
        suffix = " (continued)" if item.continued else ""
        canvas.text(x=LEFT, y=y, text=item.person.name + suffix, fontname="hebo", fontsize=9)
        canvas.text(x=260, y=y, text=f"Card ending in {item.person.card_last4}")

    def draw_row(self, canvas: Canvas, *, y: float, row: Row) -> None:
        """Draw a transaction row whose first baseline is y."""
        txn = row.txn
        assert txn.posting_date is not None
        canvas.text(x=LEFT, y=y, text=formats.mm_dd(txn.transaction_date))
        canvas.text(x=92, y=y, text=formats.mm_dd(txn.posting_date))
        for index, line in enumerate(row.lines):
            canvas.text(x=self.description_x, y=y + self.wrap_height * index, text=line)
        canvas.text_right(right=RIGHT, y=y, text=formats.signed(txn.cents))

    def draw_total(self, canvas: Canvas, *, y: float, item: Total) -> None:
        """Draw a cardholder total on baseline y."""
        canvas.hline(x0=500, x1=RIGHT, y=y - 10, gray=0.5)
        canvas.text(
            x=self.description_x, y=y, text=f"Total for {item.person.name}", fontname="hebo"
        )
        canvas.text_right(right=RIGHT, y=y, text=formats.dollars(item.cents), fontname="hebo")


class ContosoLayout(StatementLayout):
    """Issuer B: '14 Mar 2026' dates, a reference column, and 'CR' after credits."""

    with_posting_date = False
    description_x = 104.0
    description_width = 246.0
    reference_x = 362.0
    amount_right = 536.0

    def draw_header(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw the issuer header."""
        period = (
            f"Billing period: {formats.dd_mon_yyyy(info.period.start)} to "
            f"{formats.dd_mon_yyyy(info.period.end)}"
        )
        statement_date = info.closing_date + dt.timedelta(days=1)
        canvas.text(x=LEFT, y=42, text="Contoso Commercial Card", fontname="hebo", fontsize=14)
        canvas.text_right(right=RIGHT, y=42, text="Corporate Liability Statement")
        canvas.text(x=LEFT, y=58, text=f"Company: {info.company}")
        canvas.text_right(
            right=RIGHT, y=58, text=f"Statement date: {formats.dd_mon_yyyy(statement_date)}"
        )
        canvas.text(x=LEFT, y=70, text=period)
        canvas.text_right(
            right=RIGHT, y=70, text=f"Payment due by {formats.dd_mon_yyyy(info.due_date)}"
        )
        canvas.hline(x0=LEFT, x1=RIGHT, y=78, width=1.2)

    def draw_footer(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw the footer text left of the page number."""
        canvas.text(
            x=LEFT,
            y=766,
            gray=0.35,
            fontsize=7,
            text="Contoso Financial Services Ltd \u00b7 Questions? Call 1-888-555-0199 "
            "\u00b7 contoso.example/commercial",
        )

    def draw_summary(self, canvas: Canvas, *, info: StatementInfo) -> None:
        """Draw page 1's account summary block."""
        canvas.text(x=LEFT, y=98, text="Account summary", fontname="hebo", fontsize=9)
        _summary_pairs(
            canvas,
            x=LEFT,
            right=260,
            bold_last=True,
            pairs=[
                ("Opening balance", formats.credit_suffixed(info.previous_balance_cents)),
                ("Payments received", formats.credit_suffixed(-info.previous_balance_cents)),
                ("New charges", formats.credit_suffixed(info.purchases_cents)),
                ("Credits", formats.credit_suffixed(-info.credits_cents)),
                ("Closing balance", formats.credit_suffixed(info.new_balance_cents)),
            ],
        )
        _summary_pairs(
            canvas,
            x=330,
            right=RIGHT,
            bold_last=False,
            pairs=[
                ("Payment due by", formats.dd_mon_yyyy(info.due_date)),
                ("Direct debit on", formats.dd_mon_yyyy(info.due_date)),
                ("Company credit limit", formats.grouped(100_000_000)),
                # Looks like a card number heading but belongs to the company, not a cardholder.
                ("Central billing account", f"XXXX-XXXX-XXXX-{info.account_last4}"),
            ],
        )
        canvas.hline(x0=LEFT, x1=RIGHT, y=168, gray=0.5)

    def draw_column_titles(self, canvas: Canvas, *, y: float) -> None:
        """Draw the column titles on baseline y."""
        canvas.text(x=LEFT, y=y, text="Date", fontname="hebo")
        canvas.text(x=self.description_x, y=y, text="Description", fontname="hebo")
        canvas.text(x=self.reference_x, y=y, text="Reference", fontname="hebo")
        canvas.text_right(right=self.amount_right, y=y, text="Amount", fontname="hebo")

    def draw_heading(self, canvas: Canvas, *, y: float, item: Heading) -> None:
        """Draw a cardholder heading on baseline y."""
        suffix = " (continued)" if item.continued else ""
        canvas.text(
            x=LEFT, y=y, text=f"Cardholder: {item.person.name}{suffix}", fontname="hebo", fontsize=9
        )
        canvas.text(x=320, y=y, text=f"Account no. XXXX-XXXX-XXXX-{item.person.card_last4}")

    def draw_row(self, canvas: Canvas, *, y: float, row: Row) -> None:
        """Draw a transaction row whose first baseline is y."""
        txn = row.txn
        canvas.text(x=LEFT, y=y, text=formats.dd_mon_yyyy(txn.transaction_date))
        for index, line in enumerate(row.lines):
            canvas.text(x=self.description_x, y=y + self.wrap_height * index, text=line)
        canvas.text(x=self.reference_x, y=y, text=row.reference, fontname="cour", fontsize=7)
        self._amount(canvas, y=y, cents=txn.cents, fontname="helv")

    def draw_total(self, canvas: Canvas, *, y: float, item: Total) -> None:
        """Draw a cardholder total on baseline y."""
        canvas.hline(x0=470, x1=self.amount_right, y=y - 10, gray=0.5)
        canvas.text(
            x=self.description_x, y=y, text=f"Total for {item.person.name}", fontname="hebo"
        )
        self._amount(canvas, y=y, cents=item.cents, fontname="hebo")

    def _amount(self, canvas: Canvas, *, y: float, cents: int, fontname: str) -> None:
        # Digits stay aligned on their right edge; the credit marker hangs to the right.
        canvas.text_right(
            right=self.amount_right, y=y, text=formats.grouped(cents), fontname=fontname
        )
        if cents < 0:
            canvas.text(x=self.amount_right + 4, y=y, text="CR", fontname=fontname)
