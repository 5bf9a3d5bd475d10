"""Meridian Express (US) corporate charge card statement, Amex-like.

Style: row by row in Helvetica; descriptions wrapped into a narrow column (1-4 lines) with the
date and amount on the first line, and foreign-spend lines (amount, currency name, rate) under
the description.
Features: `Jul 02` dates (month name first, no year: the year only in "Closing Date
01/14/24"), Dec-Jan periods; `$1,234.56` charges and `-$10.41` credits; foreign spend as two
extra lines (`45.60 Pounds Sterling`, `Foreign Spend Rate 1.2705`) that are not part of the
description; a company payments section, then one section per cardholder ("Card Ending
7-81005") with "Total for NAME"; summary (previous balance, payments/credits, new charges,
fees, new balance) and payment due date.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import LETTER, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import MON, mdy
from .ledger import day_in, people, period, purchases, refund, split
from .merchants import RATES

X_DATE, X_DESC, R_AMT = 46.0, 110.0, 566.0
NAMES = {"GBP": "Pounds Sterling", "EUR": "Euros"}


def _d(day: dt.date) -> str:
    return f"{MON[day.month - 1]} {day.day:02d}"


def _usd(cents: int) -> str:
    return f"{'-' if cents < 0 else ''}${abs(cents) / 100:,.2f}"


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.5)
    holders = people(rng, rng.choice((2, 3, 4, 5)))
    company = rng.choice(("TAILSPIN TOYS LLC", "PROSEWARE INC", "COHO WINERY LLC"))
    previous = rng.randint(3_000_00, 80_000_00)
    paid = day_in(rng, start, start + dt.timedelta(days=10))
    payments = [Entry(paid, None, "PAYMENT RECEIVED - THANK YOU", -previous)]
    sections: list[tuple] = []
    for holder, count in zip(holders, split(rows - 1, len(holders), rng), strict=True):
        spends = purchases(
            rng, region="us", span=(start, end), count=count, fx_share=0.15, posting=False
        )
        if count > 4 and rng.random() < 0.7:
            spends.append(refund(rng, rng.choice(spends), end))
        entries = [Entry(s.date, None, s.text, s.cents, holder, s.fx) for s in spends]
        sections.append((holder, sorted(entries, key=lambda e: e.date)))
    every = payments + [e for _, es in sections for e in es]
    credits = sum(e.cents for e in every if e.cents < 0)
    charges = sum(e.cents for e in every if e.cents > 0)
    new_balance = previous + credits + charges
    due = end + dt.timedelta(days=25)
    account = f"XXXX-XXXXX{rng.randint(1, 9)}-{rng.randrange(10**5):05d}"

    def furniture(pen: Pen, number: int) -> float:
        pen.rect(0, 0, 612, 30, fill=0.2)
        pen.text(46, 21, "MERIDIAN EXPRESS", font="hebo", size=14, gray=1.0)
        pen.right(566, 21, "Corporate Platinum Card", size=9, gray=1.0)
        pen.text(46, 48, company, font="hebo", size=9)
        pen.right(566, 48, f"Closing Date {mdy(end, year=2)}", size=8)
        pen.right(566, 60, f"Account Ending {account[-7:]}", size=8)
        if number > 1:
            return 84.0
        pen.rect(46, 72, 330, 178)
        pen.text(54, 86, "Summary of Account Activity", font="hebo", size=9)
        lines = (
            ("Previous Balance", _usd(previous)),
            ("Payments/Credits", _usd(credits)),
            ("New Charges", f"+{_usd(charges)}"),
            ("Fees", "+$0.00"),
            ("New Balance", f"={_usd(new_balance)}"),
        )
        for row, (label, value) in enumerate(lines):
            pen.text(54, 102 + row * 14, label, size=8.5)
            pen.right(322, 102 + row * 14, value, font="hebo", size=8.5)
        pen.rect(342, 72, 566, 178)
        pen.text(350, 86, "Payment Due Date", size=8.5)
        pen.text(350, 100, f"{mdy(due, year=2)}", font="hebo", size=10)
        pen.text(350, 120, "Please pay the New Balance in full.", size=7.5)
        pen.text(350, 132, "Late payment: a fee of up to $39.00 or 2.99%", size=7.5)
        pen.text(350, 144, "of the past due amount may apply.", size=7.5)
        return 200.0

    sheet = Sheet(size=LETTER, top=84, bottom=740, on_new_page=furniture)

    def rows_of(entries: list[Entry]) -> None:
        for entry in entries:
            lines = wrap(entry.description, 220, size=8)
            extra = 2 if entry.fx else 0
            sheet.need(11 * (len(lines) + extra) + 4)
            pen, y = sheet.pen, sheet.y + 9
            pen.text(X_DATE, y, _d(entry.date))
            for offset, line in enumerate(lines):
                pen.text(X_DESC, y + 11 * offset, line)
            pen.right(R_AMT, y, _usd(entry.cents))
            if entry.fx:
                fx_y = y + 11 * len(lines)
                pen.text(X_DESC + 240, fx_y, f"{abs(entry.fx[0]) / 100:,.2f}", size=7.5)
                pen.text(X_DESC + 290, fx_y, NAMES[entry.fx[1]], size=7.5)
                rate = RATES["us"]["uk" if entry.fx[1] == "GBP" else "de"]
                pen.text(X_DESC + 240, fx_y + 11, f"Foreign Spend Rate {rate}", size=7)
            sheet.place(entry, _d(entry.date), _usd(entry.cents))
            sheet.y += 11 * (len(lines) + extra) + 4

    def heading(text: str, right: str = "") -> None:
        sheet.need(40)
        pen = sheet.pen
        pen.rect(46, sheet.y + 2, 566, sheet.y + 16, fill=0.9)
        pen.text(50, sheet.y + 12, text, font="hebo", size=8.5)
        pen.right(562, sheet.y + 12, right, size=8)
        sheet.y += 20

    def total(label: str, cents: int) -> None:
        sheet.need(16)
        sheet.pen.rule(460, 566, sheet.y + 2, lw=0.4)
        sheet.pen.text(X_DESC, sheet.y + 12, label, font="hebo", size=8.5)
        sheet.pen.right(R_AMT, sheet.y + 12, _usd(cents), font="hebo", size=8.5)
        sheet.y += 24

    heading("Payments", "Amount")
    rows_of(payments)
    total("Total Payments", -previous)
    holder_totals: dict[str, int] = {}
    for holder, entries in sections:
        heading(f"New Charges   {holder.name}", f"Card Ending 7-{holder.card_last4}1")
        rows_of(entries)
        holder_totals[holder.name] = sum(e.cents for e in entries)
        total(f"Total for {holder.name}", holder_totals[holder.name])

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(46, 566, 754, gray=0.6)
        pen.text(46, 766, f"{company}  Account {account}", size=6.5)
        pen.right(566, 766, f"p. {number}/{total}", size=7)

    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "credits": credits,
        "charges": charges,
        "cardholders": holder_totals,
    }
    pdf = sheet.finish(title="Meridian Express statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="us_meridian",
    bank="Meridian Express",
    country="US",
    currency="USD",
    date_order="MDY",
    decimal_style="point",
    style="row by row with wrapped descriptions and foreign-spend lines beneath",
    features="Jul 02 dates without year; -$10.41 credits; foreign spend lines (amount, "
    "currency name, rate); company payments then per-cardholder sections with totals; summary",
    build=build,
    rows=(30, 72),
    per_page=34,
)
