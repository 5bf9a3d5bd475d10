"""Kaveri Bank (India) credit card statement, Axis/ICICI-like.

Style: word by word: every word is its own insert_text call at its computed x, so no span
holds more than one word.
Features: `DD-MM-YYYY` dates; amounts without thousands separators (`40500.00`) followed by
a separate `Dr` or `Cr` word on every row; a cashback column with its own `12.50 Cr` figures
right of the amount; a serial-number (reference) column and a merchant-category column; a
"cashback credit" row among the transactions; summary equation boxes (previous balance,
payments, credits, purchases, total payment due), minimum payment, credit limit and available
credit, all with Dr/Cr; single cardholder; the table header repeated on every page.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, width
from .fmt import dmy, money
from .ledger import day_in, people, period, purchases, refund

X_DATE, X_SER, X_DESC, X_CAT, R_AMT, R_CASH = 38.0, 96.0, 160.0, 352.0, 484.0, 557.0
CATEGORY = {
    "SWIGGY": "FOOD PRODUCTS",
    "ZOMATO": "FOOD PRODUCTS",
    "AMAZON": "DEPT STORES",
    "UBER": "TRAVEL",
    "INDIGO": "AIRLINES",
    "MAKEMYTRIP": "TRAVEL",
    "RELIANCE": "DEPT STORES",
    "BHARAT": "FUEL",
    "TAJ": "HOTELS",
    "CROMA": "ELECTRONICS",
    "IRCTC": "RAILWAYS",
    "FLIPKART": "DEPT STORES",
    "BIGBASKET": "GROCERY",
    "DMART": "GROCERY",
    "ITC": "HOTELS",
}


def _words(
    pen: Pen,
    x: float,
    y: float,
    text: str,
    *,
    font: str = "helv",
    size: float = 7.5,
    right: bool = False,
) -> None:
    """Draw text one word per insert_text; right=True makes it end at x."""
    space = width(" ", font, size)
    if right:
        x -= width(text, font, size)
    for word in text.split(" "):
        if word:
            pen.text(x, y, word, font=font, size=size)
        x += width(word, font, size) + space


def _drcr(cents: int) -> str:
    return f"{money(cents, 'plain')} {'Cr' if cents < 0 else 'Dr'}"


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.3)
    holder = people(rng, 1)[0]
    previous = rng.randint(5_000_00, 1_20_000_00)
    limit = rng.choice((10_00_000_00, 15_00_000_00, 25_00_000_00))
    spends = purchases(rng, region="in", span=(start, end), count=max(1, rows - 3), posting=False)
    spends.append(refund(rng, rng.choice(spends), end))
    entries = [Entry(s.date, None, s.text, s.cents, holder) for s in spends]
    paid = day_in(rng, start, start + dt.timedelta(days=12))
    entries.append(Entry(paid, None, "PAYMENT RECEIVED BBPS", -previous, holder))
    cashback = rng.randint(50_00, 900_00)
    entries.append(Entry(day_in(rng, start, end), None, "CASHBACK CREDIT", -cashback, holder))
    entries.sort(key=lambda e: e.date)
    payments = -previous
    credits = sum(e.cents for e in entries if e.cents < 0) - payments
    charges = sum(e.cents for e in entries if e.cents > 0)
    due_total = previous + payments + credits + charges
    minimum = max(100_00, due_total // 20)
    due = end + dt.timedelta(days=20)

    def furniture(pen: Pen, number: int) -> float:
        _words(pen, 38, 46, "KAVERI BANK", font="hebo", size=15)
        _words(pen, 38, 58, "Credit Card Statement", size=8)
        _words(pen, 557, 46, f"Statement Date {dmy(end, '-')}", right=True, size=8)
        _words(pen, 557, 58, f"Card No. 5177 19XX XXXX {holder.card_last4}", right=True, size=8)
        top = 100.0
        if number == 1:
            _words(pen, 38, 80, holder.name, font="hebo", size=9)
            _words(pen, 38, 92, f"Statement Period {dmy(start, '-')} to {dmy(end, '-')}", size=8)
            boxes = (
                ("Previous Balance", _drcr(previous)),
                ("Payments", _drcr(payments)),
                ("Other Credits", _drcr(credits)),
                ("Purchase & Other Charges", _drcr(charges)),
                ("Total Payment Due", _drcr(due_total)),
            )
            for col, (label, value) in enumerate(boxes):
                x = 38 + col * 104
                pen.rect(x, 104, x + 98, 136)
                _words(pen, x + 4, 116, label, size=6.5)
                _words(pen, x + 4, 130, value, font="hebo", size=8.5)
                if col < 4:
                    _words(pen, x + 99, 124, "+" if col == 3 else "-", size=9)
            pairs = (
                ("Minimum Payment Due", _drcr(minimum)),
                ("Payment Due Date", dmy(due, "-")),
                ("Credit Limit", money(limit, "plain")),
                ("Available Credit Limit", money(max(0, limit - due_total), "plain")),
            )
            for col, (label, value) in enumerate(pairs):
                _words(pen, 38 + col * 130, 154, label, size=6.5)
                _words(pen, 38 + col * 130, 166, value, font="hebo", size=8)
            top = 196.0
        pen.rect(36, top - 14, 559, top + 2, fill=0.86)
        for x, title in (
            (X_DATE, "DATE"),
            (X_SER, "SERIAL NO."),
            (X_DESC, "TRANSACTION DETAILS"),
            (X_CAT, "MERCHANT CATEGORY"),
        ):
            _words(pen, x, top - 3, title, font="hebo", size=7)
        _words(pen, R_AMT, top - 3, "AMOUNT (Rs.)", font="hebo", size=7, right=True)
        _words(pen, R_CASH, top - 3, "CASHBACK", font="hebo", size=7, right=True)
        return top + 6

    sheet = Sheet(size=A4, top=100, bottom=785, on_new_page=furniture)
    for entry in entries:
        sheet.need(14)
        pen, y = sheet.pen, sheet.y + 9
        _words(pen, X_DATE, y, dmy(entry.date, "-"))
        serial = f"{rng.randrange(10**10):010d}"
        _words(pen, X_SER, y, serial)
        _words(pen, X_DESC, y, entry.description)
        category = CATEGORY.get(entry.description.split()[0], "")
        if entry.description.startswith(("PAYMENT", "CASHBACK")):
            category = ""
        _words(pen, X_CAT, y, category)
        _words(pen, R_AMT, y, _drcr(entry.cents), right=True)
        if category:
            earned = max(1, entry.cents // 100) if entry.cents > 0 else 0
            _words(pen, R_CASH, y, _drcr(-earned) if earned else "", right=True)
        sheet.place(entry, dmy(entry.date, "-"), _drcr(entry.cents))
        sheet.y += 14
    sheet.need(30)
    _words(sheet.pen, 297 - 40, sheet.y + 20, "** End of Statement **", size=8)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(36, 559, 800, gray=0.5)
        _words(
            pen,
            38,
            810,
            "Kaveri Bank Ltd. Cards Division, Chennai 600002. "
            "Cashback is credited in the next statement.",
            size=6,
        )
        _words(pen, 557, 810, f"Page {number} of {total}", right=True, size=7)

    totals = {
        "previous_balance": previous,
        "new_balance": due_total,
        "charges": charges,
        "payments": payments,
        "other_credits": credits,
        "credits": payments + credits,
        "minimum_due": minimum,
        "credit_limit": limit,
    }
    pdf = sheet.finish(title="Kaveri Bank credit card statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="in_kaveri",
    bank="Kaveri Bank",
    country="IN",
    currency="INR",
    date_order="DMY",
    decimal_style="point",
    style="word by word: one insert_text per word",
    features="DD-MM-YYYY; plain amounts 40500.00 with separate Dr/Cr words; cashback column "
    "with its own Cr figures; serial-number and merchant-category columns; summary equation "
    "boxes with Dr/Cr",
    build=build,
    rows=(48, 72),
    per_page=44,
)
