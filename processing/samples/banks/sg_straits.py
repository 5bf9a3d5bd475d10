"""Straits Orient Bank (Singapore) corporate credit card statement.

Style: row by row, one insert_text per field, but every credit marker `CR` is a separate,
smaller word drawn about 4 points below the amount's baseline, so rebuilding lines by baseline
may put it on the next line.
Features: `01 AUG 23` transaction and posting dates (two-digit years on every row); amounts
`1,234.56` with a separate `CR`; a 16-digit transaction reference column; foreign spend shown
on a second description line as `(500.00 USD)` (looks like a credit, is not a row); a balance
brought forward line; per-cardholder sections with SUB-TOTAL lines and a TOTAL; a summary
strip (previous balance, payments and credits, new transactions, new balance), minimum
payment, credit limit and a rewards-points box full of other numbers; a right-hand promo
sidebar whose lines share baselines with the rows; table header repeated on every page.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import d_mon, money
from .ledger import people, period, purchases, refund, split

X_TD, X_PD, X_DESC, X_REF, R_AMT = 40.0, 92.0, 144.0, 360.0, 508.0
PROMO = (
    "EARN 5X",
    "POINTS",
    "ON DINING",
    "WITH YOUR",
    "STRAITS",
    "ORIENT",
    "CARD.",
    "T&Cs",
    "APPLY",
)


def _date(day: dt.date) -> str:
    return d_mon(day, upper=True, year=2)


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.3)
    holders = people(rng, rng.choice((2, 3, 3, 4)))
    previous = rng.randint(50_000, 900_000)
    limit = rng.choice((20_000_00, 30_000_00, 50_000_00))
    sections: list[tuple] = []
    for index, (holder, count) in enumerate(
        zip(holders, split(rows - 1, len(holders), rng), strict=True)
    ):
        spends = purchases(rng, region="sg", span=(start, end), count=count, fx_share=0.2)
        if count > 3 and rng.random() < 0.6:
            spends.append(refund(rng, rng.choice(spends), end))
        entries = [
            Entry(s.date, s.posted, s.text, s.cents, holder, s.fx)
            for s in sorted(spends, key=lambda s: (s.posted, s.date))
        ]
        if index == 0:
            paid = start + dt.timedelta(days=rng.randint(2, 10))
            entries.append(Entry(paid, paid, "PAYMENT - THANK YOU", -previous, holder))
            entries.sort(key=lambda e: (e.posted, e.date))
        sections.append((holder, entries))
    all_rows = [e for _, entries in sections for e in entries]
    credits = sum(e.cents for e in all_rows if e.cents < 0)
    charges = sum(e.cents for e in all_rows if e.cents > 0)
    new_balance = previous + credits + charges
    minimum = max(50_00, new_balance // 100)
    due = end + dt.timedelta(days=22)
    company = rng.choice(("FABRIKAM ASIA PTE LTD", "COHO TRADING PTE LTD", "PROSEWARE SG PTE LTD"))

    def furniture(pen: Pen, number: int) -> float:
        pen.text(40, 50, "STRAITS ORIENT BANK", font="hebo", size=15, gray=0.2)
        pen.text(40, 62, "Corporate Card Services  |  Statement of Account", size=7.5)
        pen.right(555, 50, f"Statement Date: {_date(end)}", font="hebo", size=9)
        pen.right(555, 62, f"Company: {company}", size=7.5)
        top = 112.0
        if number == 1:
            pen.rect(40, 80, 555, 128)
            heads = ("Previous Balance", "Payments & Credits", "New Transactions", "New Balance")
            values = (money(previous), f"{money(credits)} CR", money(charges), money(new_balance))
            for col, (head, value) in enumerate(zip(heads, values, strict=True)):
                pen.text(48 + col * 128, 94, head, size=7.5)
                pen.text(48 + col * 128, 110, f"SGD {value}", font="hebo", size=9)
            pen.text(
                48,
                122,
                f"Minimum Payment Due SGD {money(minimum)}   Payment Due Date "
                f"{_date(due)}   Credit Limit SGD {money(limit)}",
                size=7,
            )
            pen.rect(40, 136, 555, 170)
            opening = rng.randint(1_000, 90_000)
            earned = charges // 500
            pen.text(48, 149, "360 REWARDS POINTS SUMMARY", font="hebo", size=7.5)
            pen.text(
                48,
                162,
                f"Opening {opening:,}   Earned {earned:,}   Redeemed 0   "
                f"Expiring 31 DEC {end.year % 100 + 1:02d}   Closing {opening + earned:,}",
                size=7.5,
            )
            top = 196.0
        pen.rule(40, 555, top - 16)
        pen.text(X_TD, top - 6, "TRANS DATE", font="hebo", size=6.5)
        pen.text(X_PD, top - 6, "POST DATE", font="hebo", size=6.5)
        pen.text(X_DESC, top - 6, "DESCRIPTION", font="hebo", size=6.5)
        pen.text(X_REF, top - 6, "TRANSACTION REF", font="hebo", size=6.5)
        pen.right(R_AMT, top - 6, "AMOUNT (SGD)", font="hebo", size=6.5)
        pen.rule(40, 555, top - 2)
        return top + 8

    sheet = Sheet(size=A4, top=120, bottom=780, on_new_page=furniture)
    promo_line = 0

    def promo(pen: Pen, y: float) -> None:
        nonlocal promo_line
        pen.text(528, y, PROMO[promo_line % len(PROMO)], size=5.5, gray=0.35)
        promo_line += 1

    holder_totals: dict[str, int] = {}
    for index, (holder, entries) in enumerate(sections):
        sheet.need(40)
        pen = sheet.pen
        pen.text(X_TD, sheet.y + 6, f"CARDHOLDER: {holder.name}", font="hebo", size=8)
        pen.text(300, sheet.y + 6, f"CARD NO: 5412 75XX XXXX {holder.card_last4}", size=8)
        sheet.y += 16
        if index == 0:
            pen.text(X_DESC, sheet.y + 6, "BALANCE FROM PREVIOUS STATEMENT", size=8)
            pen.right(R_AMT, sheet.y + 6, money(previous), size=8)
            sheet.y += 13
        for entry in entries:
            wrapped = wrap(entry.description, X_REF - X_DESC - 8)
            lines = len(wrapped) + (1 if entry.fx else 0)
            sheet.need(13 + 10 * (lines - 1))
            pen, y = sheet.pen, sheet.y + 6
            pen.text(X_TD, y, _date(entry.date))
            pen.text(X_PD, y, _date(entry.posted))
            for offset, line in enumerate(wrapped):
                pen.text(X_DESC, y + 10 * offset, line)
            ref = f"7454{rng.randrange(10**12):012d}"
            pen.text(X_REF, y, ref, size=7)
            pen.right(R_AMT, y, money(entry.cents))
            if entry.cents < 0:
                pen.text(R_AMT + 2.5, y + 4, "CR", size=6.5)
            if entry.fx:
                fx_y = y + 10 * len(wrapped)
                pen.text(X_DESC + 6, fx_y, f"({money(entry.fx[0])} {entry.fx[1]})", size=7)
            if rng.random() < 0.45:
                promo(pen, y)
            credit = ("CR",) if entry.cents < 0 else ()
            sheet.place(entry, _date(entry.date), _date(entry.posted), money(entry.cents), *credit)
            sheet.y += 13 + 10 * (lines - 1)
        subtotal = sum(e.cents for e in entries)
        holder_totals[holder.name] = subtotal
        sheet.need(18)
        pen = sheet.pen
        pen.rule(R_AMT - 60, R_AMT, sheet.y + 1, lw=0.3)
        pen.text(X_REF, sheet.y + 10, "SUB-TOTAL", font="hebo", size=8)
        pen.right(R_AMT, sheet.y + 10, money(subtotal), font="hebo", size=8)
        if subtotal < 0:
            pen.text(R_AMT + 2.5, sheet.y + 10, "CR", font="hebo", size=8)
        sheet.y += 22
    sheet.need(20)
    sheet.pen.text(X_REF, sheet.y + 8, "TOTAL", font="hebo", size=9)
    sheet.pen.right(R_AMT, sheet.y + 8, money(new_balance), font="hebo", size=9)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(40, 555, 795, gray=0.6)
        pen.text(
            40, 806, "Straits Orient Bank (Singapore) Limited. Co. Reg. No. 201201234K", size=6
        )
        pen.right(555, 806, f"Page {number} / {total}", size=7)
        pen.text(568, 420, f"SOB-CC-{end:%y%m%d}-{number:03d}", size=5.5, rotate=90, gray=0.4)

    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "charges": charges,
        "credits": credits,
        "cardholders": holder_totals,
        "minimum_due": minimum,
        "credit_limit": limit,
    }
    pdf = sheet.finish(title="Straits Orient Bank statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="sg_straits",
    bank="Straits Orient Bank",
    country="SG",
    currency="SGD",
    date_order="DMY",
    decimal_style="point",
    style="row by row; CR drawn as a separate word a few points below the amount",
    features="01 AUG 23 transaction and posting dates; CR below the amount; reference column; "
    "(500.00 USD) foreign lines; per-cardholder sub-totals; rewards box; promo sidebar on "
    "row baselines",
    build=build,
    rows=(45, 72),
    per_page=42,
)
