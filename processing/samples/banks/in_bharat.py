"""Bharat Premier Bank (India) corporate credit card statement, HDFC-like.

Style: row by row with bottom-aligned cells: a description wraps upwards over 1-3 lines and
the date, time, reward points and amount are printed on its last line.
Features: `DD/MM/YYYY` dates, some followed by a `HH:MM:SS` time; Indian lakh grouping
`1,03,041.15`; credits with `Cr` glued to the amount (`2,60,000.00Cr`); a Reward Points column
with its own numbers (reversals as `- 40`); Domestic and International sections, the latter with
an original-amount column (`45.00 USD`); primary and add-on cardholders, each introduced by a
name line inside each section; an account summary in Rs. (opening balance, payment/credits,
purchase/debits, finance charges, total dues), minimum amount due, credit limit, available
limits; an EMI table at the end (loan amount, principal, interest, balance) whose
installments also appear as rows.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import dmy, money
from .ledger import day_in, people, period, purchases, refund, split

X_DATE, X_DESC, R_ORIG, R_PTS, R_AMT = 40.0, 150.0, 420.0, 470.0, 555.0
DESC_WIDTH = 150.0


def _amount(cents: int) -> str:
    return money(cents, "lakh") + ("Cr" if cents < 0 else "")


def _when(rng: random.Random, day: dt.date) -> str:
    if rng.random() < 0.6:
        return (
            f"{dmy(day)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        )
    return dmy(day)


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.4)
    holders = people(rng, rng.choice((1, 2, 2, 3)))
    opening = rng.randint(1_000_00, 3_00_000_00)
    limit = rng.choice((5_00_000_00, 8_00_000_00, 12_00_000_00))
    emi_total = rng.choice((36_000_00, 89_990_00, 1_44_990_00))
    tenure, paid_so_far = 12, rng.randint(1, 9)
    emi_principal = emi_total // tenure
    emi_interest = rng.randint(300_00, 1_400_00)
    domestic: list[tuple] = []
    international: list[tuple] = []
    for index, (holder, count) in enumerate(
        zip(holders, split(rows - 3, len(holders), rng), strict=True)
    ):
        spends = purchases(rng, region="in", span=(start, end), count=count, fx_share=0.15)
        if count > 4:
            spends.append(refund(rng, rng.choice([s for s in spends if not s.fx] or spends), end))
        rows_d = [Entry(s.date, None, s.text, s.cents, holder, s.fx) for s in spends if not s.fx]
        rows_i = [Entry(s.date, None, s.text, s.cents, holder, s.fx) for s in spends if s.fx]
        if index == 0:
            paid = day_in(rng, start, start + dt.timedelta(days=10))
            rows_d.append(Entry(paid, None, "PAYMENT RECEIVED - NETBANKING", -opening, holder))
            day = day_in(rng, start, end)
            n = paid_so_far + 1
            rows_d.append(
                Entry(
                    day,
                    None,
                    f"EMI {n} OF {tenure} PRINCIPAL CROMA INFINITI RETAIL",
                    emi_principal,
                    holder,
                )
            )
            rows_d.append(Entry(day, None, f"EMI {n} OF {tenure} INTEREST", emi_interest, holder))
        domestic.append((holder, sorted(rows_d, key=lambda e: e.date)))
        if rows_i:
            international.append((holder, sorted(rows_i, key=lambda e: e.date)))
    every = [e for part in (domestic, international) for _, es in part for e in es]
    credits = sum(e.cents for e in every if e.cents < 0)
    charges = sum(e.cents for e in every if e.cents > 0)
    total_dues = opening + credits + charges
    minimum = max(200_00, total_dues // 20)
    due = end + dt.timedelta(days=18)
    lines_of = {id(e): wrap(e.description, DESC_WIDTH) for e in every}

    def furniture(pen: Pen, number: int) -> float:
        pen.text(40, 48, "BHARAT PREMIER BANK", font="hebo", size=15)
        pen.text(40, 60, "Regalia Corporate Credit Card Statement", size=8)
        pen.right(555, 48, f"Statement for Card No: 4893 77XX XXXX {holders[0].card_last4}", size=8)
        pen.right(555, 60, f"Statement Date: {dmy(end)}", font="hebo", size=8)
        if number > 1:
            return 96.0
        pen.text(40, 82, f"Name : {holders[0].name}", size=8)
        pen.text(40, 94, f"Billing Period : {dmy(start)} - {dmy(end)}", size=8)
        pairs = (
            ("Payment Due Date", dmy(due)),
            ("Total Dues", money(total_dues, "lakh")),
            ("Minimum Amount Due", money(minimum, "lakh")),
        )
        for col, (label, value) in enumerate(pairs):
            pen.rect(300 + col * 85, 74, 385 + col * 85, 104)
            pen.text(304 + col * 85, 84, label, size=6.5)
            pen.text(304 + col * 85, 98, value, font="hebo", size=8.5)
        pen.text(40, 122, "Account Summary", font="hebo", size=9)
        heads = (
            "Opening Balance",
            "Payment/ Credits",
            "Purchase/ Debits",
            "Finance Charges",
            "Total Dues",
        )
        values = (opening, -credits, charges, 0, total_dues)
        for col, (head, value) in enumerate(zip(heads, values, strict=True)):
            pen.text(40 + col * 104, 136, head, size=7)
            pen.text(40 + col * 104, 150, f"Rs. {money(value, 'lakh')}", font="hebo", size=8)
        pen.text(
            40,
            168,
            f"Credit Limit {money(limit, 'lakh')}   Available Credit Limit "
            f"{money(max(0, limit - total_dues), 'lakh')}   Available Cash Limit "
            f"{money(limit // 5, 'lakh')}",
            size=7,
        )
        return 190.0

    sheet = Sheet(size=A4, top=96, bottom=782, on_new_page=furniture)

    def table_head(title: str, fx: bool) -> None:
        sheet.need(44)
        pen, y = sheet.pen, sheet.y
        pen.text(40, y + 10, title, font="hebo", size=9)
        pen.rect(40, y + 16, 555, y + 30, fill=0.88)
        pen.text(X_DATE + 2, y + 26, "Date", font="hebo", size=7.5)
        pen.text(X_DESC, y + 26, "Transaction Description", font="hebo", size=7.5)
        if fx:
            pen.right(R_ORIG, y + 26, "Original Amt", font="hebo", size=7.5)
        pen.right(R_PTS, y + 26, "Reward Points", font="hebo", size=7.5)
        pen.right(R_AMT, y + 26, "Amount (in Rs.)", font="hebo", size=7.5)
        sheet.y += 36

    for title, part in (
        ("Domestic Transactions", domestic),
        ("International Transactions", international),
    ):
        if not part:
            continue
        table_head(title, part is international)
        for holder, entries in part:
            sheet.need(26)
            sheet.pen.text(X_DATE + 2, sheet.y + 9, holder.name, font="hebo", size=8)
            sheet.y += 14
            for entry in entries:
                lines = lines_of[id(entry)]
                height = 12 + 10 * (len(lines) - 1)
                if sheet.need(height):
                    table_head(f"{title} (continued)", part is international)
                pen = sheet.pen
                base = sheet.y + 9 + 10 * (len(lines) - 1)
                for offset, line in enumerate(lines):
                    pen.text(X_DESC, sheet.y + 9 + 10 * offset, line)
                when = _when(rng, entry.date)
                pen.text(X_DATE + 2, base, when)
                points = abs(entry.cents) // 15000
                points_text = f"- {points}" if entry.cents < 0 else str(points)
                if entry.description.startswith(("PAYMENT", "EMI")):
                    points_text = ""
                pen.right(R_PTS, base, points_text)
                orig = f"{money(entry.fx[0])} {entry.fx[1]}" if entry.fx else ""
                pen.right(R_ORIG, base, orig)
                pen.right(R_AMT, base, _amount(entry.cents))
                sheet.place(entry, when, _amount(entry.cents), orig)
                sheet.y += height + 3
        sheet.y += 8

    sheet.need(110)
    pen, y = sheet.pen, sheet.y + 12
    pen.text(40, y, "EMI / Loan Details", font="hebo", size=9)
    heads = (
        "Loan No.",
        "Description",
        "Loan Amount",
        "Tenure",
        "Principal",
        "Interest",
        "Balance Principal",
    )
    xs = (40, 110, 300, 350, 420, 480, 555)
    for x, head in zip(xs, heads, strict=True):
        (pen.text if x < 300 else pen.right)(x, y + 16, head, font="hebo", size=7)
    pen.rule(40, 555, y + 20, lw=0.3)
    balance = emi_total - emi_principal * (paid_so_far + 1)
    values = (
        f"LN{rng.randrange(10**9):09d}",
        "CROMA INFINITI RETAIL",
        money(emi_total, "lakh"),
        f"{tenure}",
        money(emi_principal, "lakh"),
        money(emi_interest, "lakh"),
        money(balance, "lakh"),
    )
    for x, value in zip(xs, values, strict=True):
        (pen.text if x < 300 else pen.right)(x, y + 30, value, size=7.5)
    pen.text(
        40,
        y + 48,
        "Reward Points Summary: Opening 12,480  Earned "
        f"{charges // 15000:,}  Redeemed 0  Closing {12_480 + charges // 15000:,}",
        size=7,
    )

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(40, 555, 798, gray=0.5)
        pen.text(
            40,
            808,
            "Bharat Premier Bank Ltd. GSTIN 27AAACB1234F1ZX  "
            "Registered Office: Nariman Point, Mumbai 400021",
            size=6,
        )
        pen.right(555, 808, f"Page {number} of {total}", size=7)

    totals = {
        "previous_balance": opening,
        "new_balance": total_dues,
        "credits": credits,
        "charges": charges,
        "minimum_due": minimum,
        "credit_limit": limit,
    }
    pdf = sheet.finish(title="Bharat Premier Bank statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="in_bharat",
    bank="Bharat Premier Bank",
    country="IN",
    currency="INR",
    date_order="DMY",
    decimal_style="point",
    style="row by row, bottom-aligned cells: date and amount on a wrapped row's last line",
    features="DD/MM/YYYY with times; lakh grouping; Cr glued on; reward points column with "
    "'- 40' reversals; domestic/international sections with original amounts; add-on "
    "cardholders; account summary; EMI table and EMI rows",
    build=build,
    rows=(30, 72),
    per_page=34,
)
