"""Albion Card Services (UK) corporate card statement whose row dates are all ambiguous.

Style: row by row in Times (base-14 `tiro`), foreign amounts beside the billed amount.
Features: `DD-MM` transaction and posting dates where every day is 12 or less, so the rows
alone cannot tell day-first from month-first; the answer is in words elsewhere: "Statement
date 12 March 2024" and "Statement period 13 February 2024 to 12 March 2024" (read
month-first, `05-03` would be 3 May, outside the period), and the currency is GBP. Amounts
`£1,234.56` with a separate `CR` for credits; foreign spend as `USD 500.00 @ 0.7893` on the
same line, left of the billed amount; per-cardholder sections with totals, a company summary
(previous balance, payments, purchases, credits, new balance), minimum payment and credit
limit.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet
from .fmt import d_month_y, dmy, money
from .ledger import people, purchases, refund, split
from .merchants import RATES

X_TD, X_PD, X_DESC, R_FX, R_AMT = 46.0, 92.0, 138.0, 470.0, 552.0
FONT, BOLD = "tiro", "tibo"


def _gbp(cents: int) -> str:
    return f"£{money(cents)}" + (" CR" if cents < 0 else "")


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    year, month = rng.randint(2019, 2025), rng.randint(2, 12)
    end = dt.date(year, month, 12)
    start = dt.date(year, month - 1, 13)
    # The cardholders were on leave in the first weeks: only days 1-12 of the closing month.
    spend_start = dt.date(year, month, 1)

    def keep(day: dt.date) -> bool:
        return day.day <= 12

    holders = people(rng, rng.choice((2, 3)))
    previous = rng.randint(1_000_00, 30_000_00)
    sections: list[tuple] = []
    for index, (holder, count) in enumerate(
        zip(holders, split(rows - 1, len(holders), rng), strict=True)
    ):
        spends = purchases(
            rng, region="uk", span=(spend_start, end), count=count, fx_share=0.2, keep=keep
        )
        if count > 4:
            spends.append(refund(rng, rng.choice(spends), end))
        entries = [Entry(s.date, s.posted, s.text, s.cents, holder, s.fx) for s in spends]
        if index == 0:
            paid = dt.date(year, month, rng.randint(1, 6))
            entries.append(Entry(paid, paid, "DIRECT DEBIT PAYMENT - THANK YOU", -previous, holder))
        sections.append((holder, sorted(entries, key=lambda e: (e.posted, e.date))))
    every = [e for _, es in sections for e in es]
    payments = -previous
    credits = sum(e.cents for e in every if e.cents < 0) - payments
    charges = sum(e.cents for e in every if e.cents > 0)
    new_balance = previous + payments + credits + charges
    minimum = max(25_00, new_balance // 50)
    limit = rng.choice((10_000_00, 20_000_00, 35_000_00))

    def furniture(pen: Pen, number: int) -> float:
        pen.text(46, 52, "ALBION CARD SERVICES", font=BOLD, size=16)
        pen.text(46, 64, "Corporate Card Statement", font=FONT, size=9)
        pen.right(552, 52, f"Statement date {d_month_y(end)}", font=FONT, size=9)
        if number > 1:
            return 92.0
        pen.text(
            46, 92, f"Statement period {d_month_y(start)} to {d_month_y(end)}", font=FONT, size=9
        )
        pen.text(46, 106, f"Account holder: {holders[0].name}", font=FONT, size=9)
        pen.rect(330, 78, 552, 168)
        lines = (
            ("Previous balance", f"£{money(previous)}"),
            ("Payments", _gbp(payments)),
            ("Other credits", _gbp(credits)),
            ("Purchases", f"£{money(charges)}"),
            ("New balance", f"£{money(new_balance)}"),
        )
        for row, (label, value) in enumerate(lines):
            font = BOLD if label == "New balance" else FONT
            pen.text(338, 92 + row * 14, label, font=font, size=9)
            pen.right(544, 92 + row * 14, value, font=font, size=9)
        pen.text(
            46,
            130,
            f"Minimum payment £{money(minimum)} will be collected by direct "
            f"debit on {d_month_y(end + dt.timedelta(days=14))}.",
            font=FONT,
            size=8.5,
        )
        pen.text(46, 143, f"Credit limit £{money(limit)}", font=FONT, size=8.5)
        return 196.0

    sheet = Sheet(size=A4, top=92, bottom=780, on_new_page=furniture, font=FONT, fontsize=8.5)

    def heads() -> None:
        pen, y = sheet.pen, sheet.y
        for x, title in ((X_TD, "Date"), (X_PD, "Posted"), (X_DESC, "Transaction details")):
            pen.text(x, y + 10, title, font=BOLD)
        pen.right(R_FX, y + 10, "Foreign currency", font=BOLD)
        pen.right(R_AMT, y + 10, "Amount", font=BOLD)
        pen.rule(46, 552, y + 14, lw=0.6)
        sheet.y += 20

    holder_totals: dict[str, int] = {}
    for holder, entries in sections:
        sheet.need(60)
        sheet.pen.text(
            46, sheet.y + 12, f"{holder.name}  card ending {holder.card_last4}", font=BOLD, size=9.5
        )
        sheet.y += 18
        heads()
        for entry in entries:
            if sheet.need(12):
                heads()
            pen, y = sheet.pen, sheet.y + 8
            pen.text(X_TD, y, dmy(entry.date, "-", year=0))
            pen.text(X_PD, y, dmy(entry.posted, "-", year=0))
            pen.text(X_DESC, y, entry.description)
            fx = ""
            if entry.fx:
                rate = RATES["uk"]["us" if entry.fx[1] == "USD" else "de"]
                fx = f"{entry.fx[1]} {money(entry.fx[0])} @ {rate}"
                pen.right(R_FX, y, fx, size=7.5)
            pen.right(R_AMT, y, _gbp(entry.cents))
            sheet.place(
                entry,
                dmy(entry.date, "-", year=0),
                dmy(entry.posted, "-", year=0),
                _gbp(entry.cents),
                fx,
            )
            sheet.y += 12
        holder_totals[holder.name] = sum(e.cents for e in entries)
        sheet.need(20)
        sheet.pen.text(X_DESC, sheet.y + 12, f"Total for {holder.name}", font=BOLD)
        sheet.pen.right(R_AMT, sheet.y + 12, _gbp(holder_totals[holder.name]), font=BOLD)
        sheet.y += 26

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.text(
            46,
            806,
            "Albion Card Services Ltd is authorised and regulated by the "
            "Financial Conduct Authority.",
            font=FONT,
            size=6.5,
        )
        pen.right(552, 806, f"{number}/{total}", font=FONT, size=7.5)

    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "charges": charges,
        "credits": payments + credits,
        "cardholders": holder_totals,
        "minimum_due": minimum,
        "credit_limit": limit,
    }
    pdf = sheet.finish(title="Albion Card Services statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="uk_albion",
    bank="Albion Card Services",
    country="GB",
    currency="GBP",
    date_order="DMY",
    decimal_style="point",
    style="row by row in Times; foreign amount beside the billed amount",
    features="DD-MM dates all with days <= 12: day-first only from 'Statement date 12 March "
    "2024', the period in words and GBP; £ amounts with separate CR; 'USD 500.00 @ 0.7893' "
    "beside the amount; per-cardholder totals; summary",
    build=build,
    rows=(40, 72),
    per_page=44,
)
