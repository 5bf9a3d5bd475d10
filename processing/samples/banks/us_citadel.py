"""Citadel Trust (US) consumer credit card statement, Citi/Chase-like.

Style: out of visual order: on every page the amount column is drawn first (top to bottom),
then the section titles and totals, then dates and descriptions.
Features: `SEP 14` sale and post dates (month name first, no year); the year only in
"Billing Period: 12/15/23-01/14/24" and the year-to-date box; periods that cross a new year;
unsigned `$1,234.56` amounts whose sign comes only from the section (PAYMENTS, CREDITS AND
ADJUSTMENTS vs STANDARD PURCHASES, FEES CHARGED, INTEREST CHARGED); section totals; a page of
terms and conditions (full of dates, rates and dollar figures) between two pages of rows;
account summary (previous balance, payments, credits, purchases, fees, interest, new
balance), minimum payment warning table, interest charge calculation table with APRs, and
year-to-date fee and interest totals.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import LETTER, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import MON, mdy
from .ledger import day_in, people, period, purchases, refund

X_SALE, X_POST, X_DESC, R_AMT = 44.0, 92.0, 140.0, 568.0
TERMS = (
    "Payments: Your payment must reach us by 5:00 p.m. ET on the due date to be credited as of",
    "that date. Payments received after 5:00 p.m. ET will be credited on the next business day.",
    "Late Payment: If we do not receive at least the minimum payment by the due date, you may be",
    "charged a late fee of up to $41.00 and your APRs may increase to the Penalty APR of 29.99%.",
    "How we calculate interest: we use the daily balance method (including new transactions).",
    "Billing Rights Summary: In case of errors or questions about your bill, write to us at",
    "P.O. Box 6500, Sioux Falls, SD 57117 within 60 days after the error appeared on a statement.",
    "Foreign transactions: 3% of each transaction in U.S. dollars. Cash advances: 5% or $10.00.",
    "Minimum interest charge: if you are charged interest, the charge will be no less than $2.00.",
    "Credit reporting: we may report information about your account to credit bureaus. Late",
    "payments, missed payments, or other defaults on your account may be reflected in your report.",
)


def _d(day: dt.date) -> str:
    return f"{MON[day.month - 1].upper()} {day.day:02d}"


def _usd(cents: int) -> str:
    return f"${abs(cents) / 100:,.2f}"


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.6)
    holder = people(rng, 1)[0]
    previous = rng.randint(400_00, 9_000_00)
    paid = day_in(rng, start, start + dt.timedelta(days=12))
    payment = -max(100_00, previous * rng.randint(30, 100) // 100)
    apr = rng.choice((2199, 2374, 2499, 2699))
    interest = round((previous + payment) * apr / 10000 / 12) if previous + payment > 0 else 0
    spends = purchases(rng, region="us", span=(start, end), count=max(1, rows - 3), fx_share=0.1)
    credits = [refund(rng, rng.choice(spends), end)]
    sec_pay = [Entry(paid, paid, "ONLINE PAYMENT, THANK YOU", payment, holder, None, "payments")]
    sec_pay += [Entry(s.date, s.posted, s.text, s.cents, holder, None, "payments") for s in credits]
    sec_pur = [Entry(s.date, s.posted, s.text, s.cents, holder, None, "purchases") for s in spends]
    fees = [
        Entry(
            s.posted,
            s.posted,
            "FOREIGN TRANSACTION FEE",
            round(s.cents * 0.03),
            holder,
            None,
            "fees",
        )
        for s in spends
        if s.fx
    ]
    fees_total = sum(e.cents for e in fees)
    sec_int = (
        [Entry(end, end, "INTEREST CHARGED ON PURCHASES", interest, holder, None, "interest")]
        if interest
        else []
    )
    sections = (
        ("PAYMENTS, CREDITS AND ADJUSTMENTS", sorted(sec_pay, key=lambda e: e.posted)),
        ("STANDARD PURCHASES", sec_pur),
        ("FEES CHARGED", fees),
        ("INTEREST CHARGED", sec_int),
    )
    every = [e for _, es in sections for e in es]
    new_balance = previous + sum(e.cents for e in every)
    pay_total = sum(e.cents for e in sec_pay)
    purchases_total = sum(e.cents for e in sec_pur)
    minimum = min(new_balance, max(35_00, new_balance // 100 + interest))
    due = end + dt.timedelta(days=25)
    ops: dict[int, list[tuple[int, float, object]]] = {}

    def later(order: int, call: object) -> None:
        ops.setdefault(sheet.number, []).append((order, sheet.y, call))

    def furniture(pen: Pen, number: int) -> float:
        if number == 2:
            terms(pen)
            return sheet.bottom
        pen.text(44, 46, "CITADEL TRUST", font="hebo", size=16, gray=0.1)
        pen.text(44, 58, "Citadel Rewards+ Card", size=8)
        pen.right(568, 46, f"Billing Period: {mdy(start, year=2)}-{mdy(end, year=2)}", size=8)
        pen.right(568, 58, f"Account number ending in: {holder.card_last4}", size=8)
        top = 90.0
        if number == 1:
            pen.rect(44, 72, 300, 206)
            pen.text(52, 86, "Account Summary", font="hebo", size=9)
            lines = (
                ("Previous balance", previous, ""),
                ("Payments", payment, "-"),
                ("Credits", pay_total - payment, "-"),
                ("Purchases", purchases_total, "+"),
                ("Cash advances", 0, "+"),
                ("Fees", fees_total, "+"),
                ("Interest", interest, "+"),
                ("New balance", new_balance, ""),
            )
            for row, (label, cents, sign) in enumerate(lines):
                bold = "hebo" if label == "New balance" else "helv"
                pen.text(52, 100 + row * 12, label, font=bold)
                pen.right(292, 100 + row * 12, f"{sign}{_usd(cents)}", font=bold)
            pen.rect(312, 72, 568, 206)
            info = (
                ("Minimum payment due", _usd(minimum)),
                ("Payment due date", f"{MON[due.month - 1]} {due.day}, {due.year}"),
                ("Credit limit", "$15,000"),
                ("Available credit", _usd(max(0, 1_500_000 - new_balance))),
            )
            for row, (label, value) in enumerate(info):
                pen.text(320, 86 + row * 12, label)
                pen.right(560, 86 + row * 12, value, font="hebo")
            pen.text(320, 150, "Minimum Payment Warning: if you make only the minimum", size=6.5)
            years = max(2, new_balance // 40000)
            pen.text(
                320,
                160,
                f"payment, you will pay off the balance in {years} years and pay",
                size=6.5,
            )
            pen.text(
                320,
                170,
                f"an estimated total of {_usd(new_balance * 2)}. Pay "
                f"{_usd(new_balance // 30)} each month to pay it off in 3 years.",
                size=6.5,
            )
            top = 230.0
        pen.text(44, top - 8, "ACCOUNT ACTIVITY", font="hebo", size=9)
        pen.text(X_SALE, top + 4, "Sale Date", font="hebo", size=7)
        pen.text(X_POST, top + 4, "Post Date", font="hebo", size=7)
        pen.text(X_DESC, top + 4, "Description", font="hebo", size=7)
        pen.right(R_AMT, top + 4, "Amount", font="hebo", size=7)
        pen.rule(44, 568, top + 8)
        return top + 14

    def terms(pen: Pen) -> None:
        pen.text(44, 60, "Important information about your account", font="hebo", size=12)
        for row, text in enumerate(TERMS * 3):
            pen.text(44, 86 + row * 14, text, size=8)
        pen.text(
            44,
            580,
            f"Notice of changes effective {MON[due.month - 1]} {due.day}, "
            f"{due.year}: the Penalty APR will be 29.99%.",
            font="hebo",
            size=8,
        )

    sheet = Sheet(size=LETTER, top=90, bottom=740, on_new_page=furniture)
    need = sheet.need
    for title, entries in sections:
        if not entries:
            continue
        need(30)
        later(1, lambda pen, y, t=title: pen.text(X_SALE, y + 12, t, font="hebo", size=8))
        sheet.y += 16
        for entry in entries:
            lines = wrap(entry.description, R_AMT - X_DESC - 70)
            need(11 * len(lines) + 2)
            later(0, lambda pen, y, e=entry: pen.right(R_AMT, y + 9, _usd(e.cents)))
            later(
                2,
                lambda pen, y, e=entry, ls=lines: (
                    [pen.text(X_SALE, y + 9, _d(e.date)), pen.text(X_POST, y + 9, _d(e.posted))]
                    + [pen.text(X_DESC, y + 9 + 11 * i, line) for i, line in enumerate(ls)]
                ),
            )
            sheet.place(entry, _d(entry.date), _d(entry.posted), _usd(entry.cents))
            sheet.y += 11 * len(lines) + 2
        total = sum(e.cents for e in entries)
        need(16)
        later(0, lambda pen, y, c=total: pen.right(R_AMT, y + 11, _usd(c), font="hebo"))
        later(
            1,
            lambda pen, y, t=title: pen.text(
                X_DESC, y + 11, f"TOTAL {t} FOR THIS PERIOD", font="hebo"
            ),
        )
        sheet.y += 20
    need(120)
    y0 = sheet.y + 10
    later(
        1,
        lambda pen, y: [
            pen.text(44, y + 10, f"{end.year} Totals Year-to-Date", font="hebo"),
            pen.text(44, y + 22, "Total fees charged in " + str(end.year)),
            pen.right(300, y + 22, _usd(fees_total if end.month == 1 else fees_total * 3)),
            pen.text(44, y + 34, f"Total interest charged in {end.year}"),
            pen.right(300, y + 34, _usd(interest * (1 if end.month == 1 else 3))),
        ],
    )
    later(
        1,
        lambda pen, y: [
            pen.text(44, y + 56, "Interest Charge Calculation", font="hebo"),
            pen.text(
                44,
                y + 68,
                "Type of Balance   Annual Percentage Rate (APR)"
                "   Balance Subject to Interest Rate   Interest Charge",
            ),
            pen.text(
                44,
                y + 80,
                f"Purchases   {apr / 100:.2f}% (v)   "
                f"{_usd(max(0, previous + payment))}   {_usd(interest)}",
            ),
            pen.text(44, y + 92, "Cash Advances   29.99% (v)   $0.00   $0.00"),
        ],
    )
    del y0
    for number, calls in ops.items():
        pen = sheet.pens[number - 1]
        for _, y, call in sorted(calls, key=lambda op: op[0]):
            call(pen, y)  # type: ignore[operator]

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.text(44, 772, f"{holder.name}", size=6.5)
        pen.right(568, 772, f"Page {number} of {total}", size=7)

    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "sections": {
            "payments": pay_total,
            "purchases": purchases_total,
            "fees": fees_total,
            "interest": interest,
        },
        "minimum_due": minimum,
    }
    pdf = sheet.finish(title="Citadel Trust statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="us_citadel",
    bank="Citadel Trust",
    country="US",
    currency="USD",
    date_order="MDY",
    decimal_style="point",
    style="out of visual order: amounts drawn first, then titles, then dates/descriptions",
    features="SEP 14 dates without year; sign only from the section; section totals; a terms "
    "page between pages of rows; summary, minimum-payment warning, interest calculation and "
    "year-to-date totals",
    build=build,
    rows=(42, 72),
    per_page=45,
)
