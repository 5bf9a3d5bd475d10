"""Keystone Federal Bank (US) business checking statement, Chase-like.

Style: shuffled: every row and total is planned first, then the page's items are drawn in a
random order, so the content stream does not follow reading order.
Features: `December 24` dates (full month name, no year; the year only in the period line
"December 15, 2023 through January 14, 2024"), periods that cross a new year; signs given only
by the section (DEPOSITS AND ADDITIONS vs CHECKS PAID, ATM & DEBIT CARD WITHDRAWALS,
ELECTRONIC WITHDRAWALS, FEES); the checks table puts the date after the description; card
purchases carry their own `12/14` date inside the description; section totals; checking
summary with instance counts (beginning balance, each section, ending balance); a DAILY
ENDING BALANCE table of dates and amounts after the rows.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import LETTER, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import MONTH, mdy, month_d_y
from .ledger import day_in, merchant, period

X_DATE, X_DESC, R_AMT = 46.0, 130.0, 566.0
SECTIONS = (
    "DEPOSITS AND ADDITIONS",
    "CHECKS PAID",
    "ATM & DEBIT CARD WITHDRAWALS",
    "ELECTRONIC WITHDRAWALS",
    "FEES",
)
ELECTRONIC = (
    "ADP PAYROLL FEES ADP FEES",
    "IRS USATAXPYMT",
    "COMCAST BUSINESS BILL PAYMT",
    "ONLINE TRANSFER TO SAV XXXXXX4821",
    "AMERICAN EXPRESS ACH PMT",
    "GUSTO NET PAYROLL",
    "PG&E WEB ONLINE",
)
DEPOSITS = (
    "DEPOSIT",
    "REMOTE ONLINE DEPOSIT",
    "STRIPE TRANSFER ST-{x}",
    "ORIG CO NAME: SHOPIFY",
    "ONLINE TRANSFER FROM CHK XXXXXX7719",
    "WIRE TRANSFER FROM TAILSPIN TOYS LLC",
)


def _d(day: dt.date) -> str:
    return f"{MONTH[day.month - 1]} {day.day:02d}"


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.5)
    opening = rng.randint(8_000_00, 120_000_00)
    by_section: dict[str, list[Entry]] = {title: [] for title in SECTIONS}
    check_no = rng.randint(1001, 4800)
    for _ in range(rows - 1):
        day = day_in(rng, start, end)
        kind = rng.choices(SECTIONS[:4], weights=(2, 2, 6, 3))[0]
        if kind == SECTIONS[0]:
            text = rng.choice(DEPOSITS).replace("{x}", f"{rng.randrange(10**8):08d}")
            cents = -rng.randint(500_00, 25_000_00)
        elif kind == SECTIONS[1]:
            check_no += rng.randint(1, 3)
            text, cents = f"CHECK # {check_no}", rng.randint(80_00, 9_000_00)
        elif kind == SECTIONS[2]:
            name, _, cents = merchant(rng, "us")
            bought = max(start, day - dt.timedelta(days=rng.randint(0, 3)))
            text = f"Card Purchase {mdy(bought)} {name} Card {rng.randrange(10_000):04d}"
        else:
            text, cents = rng.choice(ELECTRONIC), rng.randint(40_00, 12_000_00)
        by_section[kind].append(Entry(day, None, text, cents, section=kind))
    by_section["FEES"].append(Entry(end, None, "MONTHLY SERVICE FEE", 15_00, section="FEES"))
    for entries in by_section.values():
        entries.sort(key=lambda e: e.date)
    sums = {title: sum(e.cents for e in entries) for title, entries in by_section.items()}
    closing = opening - sum(sums.values())
    account = f"000000{rng.randrange(10**9):09d}"

    def furniture(pen: Pen, number: int) -> float:
        pen.text(46, 44, "KEYSTONE FEDERAL BANK", font="hebo", size=13)
        pen.text(46, 56, "P O Box 182051  Columbus, OH 43218-2051", size=7)
        pen.right(566, 44, f"{month_d_y(start)} through {month_d_y(end)}", size=8)
        pen.right(566, 56, f"Account Number: {account}", size=8)
        if number > 1:
            return 80.0
        pen.text(46, 88, "CHECKING SUMMARY", font="hebo", size=9)
        pen.text(300, 88, "INSTANCES", font="hebo", size=7)
        pen.right(566, 88, "AMOUNT", font="hebo", size=7)
        lines = [("Beginning Balance", "", opening)]
        labels = (
            "Deposits and Additions",
            "Checks Paid",
            "ATM & Debit Card Withdrawals",
            "Electronic Withdrawals",
            "Fees",
        )
        for label, title in zip(labels, SECTIONS, strict=True):
            lines.append((label, str(len(by_section[title])), -sums[title]))
        lines.append(("Ending Balance", str(rows), closing))
        for row, (label, count, cents) in enumerate(lines):
            y = 102 + row * 12
            pen.text(56, y, label, font="hebo" if row in (0, len(lines) - 1) else "helv")
            pen.right(330, y, count)
            pen.right(566, y, f"{'-' if cents < 0 else ''}${abs(cents) / 100:,.2f}")
        return 210.0

    sheet = Sheet(size=LETTER, top=80, bottom=730, on_new_page=furniture)
    ops: list[tuple[int, object]] = []

    def put(call: object) -> None:
        ops.append((sheet.number, call))

    for title, entries in by_section.items():
        if not entries:
            continue
        sheet.need(44)
        y = sheet.y
        put(
            lambda pen, y=y, t=title: (
                pen.rect(46, y, 566, y + 14, fill=0.88),
                pen.text(50, y + 10, t, font="hebo", size=8.5),
            )
        )
        checks = title == "CHECKS PAID"
        heads = (
            (("DESCRIPTION", X_DATE), ("DATE PAID", 300))
            if checks
            else (("DATE", X_DATE), ("DESCRIPTION", X_DESC))
        )
        put(
            lambda pen, y=y, h=heads: (
                [pen.text(x, y + 26, t, font="hebo", size=7) for t, x in h]
                + [pen.right(R_AMT, y + 26, "AMOUNT", font="hebo", size=7)]
            )
        )
        sheet.y += 32
        for entry in entries:
            lines = wrap(entry.description, R_AMT - X_DESC - 70)
            sheet.need(12 + 10 * (len(lines) - 1))
            y = sheet.y + 8
            amount = f"${abs(entry.cents) / 100:,.2f}"
            if checks:
                put(
                    lambda pen, y=y, e=entry, a=amount: (
                        pen.text(X_DATE, y, e.description),
                        pen.text(300, y, _d(e.date)),
                        pen.right(R_AMT, y, a),
                    )
                )
            else:
                put(
                    lambda pen, y=y, e=entry, a=amount, ls=lines: (
                        pen.text(X_DATE, y, _d(e.date)),
                        pen.right(R_AMT, y, a),
                        [pen.text(X_DESC, y + 10 * i, line) for i, line in enumerate(ls)],
                    )
                )
            sheet.place(entry, _d(entry.date), amount)
            sheet.y += 12 + 10 * (len(lines) - 1)
        sheet.need(18)
        y, total = sheet.y, abs(sums[title])
        label = f"Total {title.title().replace('Atm', 'ATM')}"
        put(
            lambda pen, y=y, t=label, c=total: (
                pen.rule(46, 566, y + 2, lw=0.3),
                pen.text(X_DESC, y + 12, t, font="hebo"),
                pen.right(R_AMT, y + 12, f"${c / 100:,.2f}", font="hebo"),
            )
        )
        sheet.y += 26
    # Daily ending balances, three pairs to a line.
    balance, daily = opening, []
    for day in sorted({e.date for es in by_section.values() for e in es}):
        balance -= sum(e.cents for es in by_section.values() for e in es if e.date == day)
        daily.append((day, balance))
    sheet.need(40)
    y = sheet.y
    put(lambda pen, y=y: pen.text(50, y + 10, "DAILY ENDING BALANCE", font="hebo", size=8.5))
    sheet.y += 18
    for first in range(0, len(daily), 3):
        sheet.need(12)
        y = sheet.y + 8
        for col, (day, cents) in enumerate(daily[first : first + 3]):
            put(
                lambda pen, y=y, x=46 + col * 176, d=day, c=cents: (
                    pen.text(x, y, _d(d)),
                    pen.right(x + 160, y, f"{'-' if c < 0 else ''}${abs(c) / 100:,.2f}"),
                )
            )
        sheet.y += 12
    order = list(range(len(ops)))
    rng.shuffle(order)
    for index in order:
        number, call = ops[index]
        call(sheet.pens[number - 1])  # type: ignore[operator]

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.text(46, 760, "Member FDIC. Keystone Federal Bank, N.A.", size=6.5)
        pen.right(566, 760, f"Page {number} of {total}", size=7)

    sections_printed = {title: cents for title, cents in sums.items() if by_section[title]}
    totals = {"opening_balance": opening, "closing_balance": closing, "sections": sections_printed}
    pdf = sheet.finish(title="Keystone Federal Bank statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="us_keystone",
    bank="Keystone Federal Bank",
    country="US",
    currency="USD",
    date_order="MDY",
    decimal_style="point",
    style="shuffled: rows and totals drawn in random order",
    features="December 24 dates without year, year in the period line; sign only from the "
    "section; checks table with the date after the description; card purchases with 12/14 "
    "inside the description; section totals; checking summary; daily ending balance table",
    build=build,
    rows=(30, 72),
    per_page=38,
)
