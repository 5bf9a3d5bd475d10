"""Thames & Mercer (UK) business current account statement, HSBC/Barclays-like.

Style: row by row; a multi-line entry prints its date on the first line and its amounts on the
last line; the date is printed only on the first entry of each day and the balance only after
the last entry of each day.
Features: `22 Jul 25` dates; Paid out / Paid in / Balance columns (`1,234.56`, no signs);
BALANCE BROUGHT FORWARD and BALANCE CARRIED FORWARD lines at every page break; details
wrapped over 1-3 lines; an account summary (opening balance, payments in, payments out,
closing balance) in pounds with `£`; sort code `40-12-34` (looks like a date); OMR marks and
a mailing code printed in the left margin on row baselines.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import MONTH, d_mon, money
from .ledger import day_in, merchant

X_DATE, X_DESC, R_OUT, R_IN, R_BAL = 44.0, 100.0, 405.0, 480.0, 555.0
PAYEES = ("HMRC VAT", "BRITISH GAS BUSINESS", "VODAFONE LTD", "AVIVA INSURANCE", "XERO UK LTD")
FROM = ("FABRIKAM UK LTD", "LITWARE EUROPE LTD", "TREY RESEARCH LTD", "COHO WINES LTD")


def _d(day: dt.date) -> str:
    return d_mon(day, year=2)


def _one(rng: random.Random, start: dt.date, end: dt.date) -> Entry:
    day = day_in(rng, start, end)
    kind = rng.choices(("card", "dd", "bp", "in", "atm"), weights=(8, 3, 3, 3, 1))[0]
    if kind == "card":
        name, place, cents = merchant(rng, "uk")
        text = f"Card Payment to {name} {place}"
    elif kind == "dd":
        text, cents = f"Direct Debit to {rng.choice(PAYEES)}", rng.randint(25_00, 3_800_00)
    elif kind == "bp":
        text = f"Bill Payment to {rng.choice(('ACME SUPPLIES LTD', 'WINGTIP LOGISTICS'))}"
        cents = rng.randint(120_00, 9_500_00)
    elif kind == "in":
        text, cents = (
            f"Received From {rng.choice(FROM)} Faster Payment",
            -rng.randint(400_00, 24_000_00),
        )
    else:
        text, cents = "Cash Withdrawal LLOYDS BANK LONDON", rng.choice((50_00, 100_00, 200_00))
    return Entry(day, None, text, cents)


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start = dt.date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(2, 26))
    end = start + dt.timedelta(days=30)
    entries = sorted((_one(rng, start, end) for _ in range(rows)), key=lambda e: e.date)
    opening = rng.randint(5_000_00, 60_000_00)
    closing = opening - sum(e.cents for e in entries)
    paid_in = -sum(e.cents for e in entries if e.cents < 0)
    paid_out = sum(e.cents for e in entries if e.cents > 0)
    sort_code = f"40-{rng.randint(10, 30)}-{rng.randint(10, 12):02d}"
    account = f"{rng.randrange(10**8):08d}"
    period_text = (
        f"{start.day} {MONTH[start.month - 1]} to {end.day} {MONTH[end.month - 1]} {end.year}"
    )

    def furniture(pen: Pen, number: int) -> float:
        pen.text(44, 50, "THAMES & MERCER", font="tibo", size=17)
        pen.text(44, 62, "Business Banking", font="tiro", size=9)
        pen.right(555, 50, "Your Business Current Account statement", font="hebo", size=9)
        pen.right(555, 62, period_text, size=8)
        pen.right(555, 74, f"Sort Code {sort_code}   Account Number {account}", size=8)
        top = 108.0
        if number == 1:
            pen.rect(330, 88, 555, 166)
            pen.text(338, 102, "Account Summary", font="hebo", size=9)
            lines = (
                ("Opening Balance", opening),
                ("Payments In", paid_in),
                ("Payments Out", paid_out),
                ("Closing Balance", closing),
            )
            for row, (label, cents) in enumerate(lines):
                pen.text(338, 118 + row * 13, label, size=8.5)
                sign = "-" if cents < 0 else ""
                pen.right(547, 118 + row * 13, f"{sign}£{money(cents)}", size=8.5)
            pen.text(44, 100, "WINGTIP TOYS UK LTD", font="hebo", size=9)
            pen.text(44, 112, "12 CANNON STREET", size=8)
            pen.text(44, 124, "LONDON EC4M 6XH", size=8)
            pen.text(
                44,
                146,
                f"International Bank Account Number GB{rng.randint(10, 99)}TMER"
                f"{sort_code.replace('-', '')}{account}",
                size=7,
            )
            top = 196.0
        pen.text(44, top - 14, "Your Business Current Account details", font="hebo", size=9)
        pen.rule(44, 555, top - 8, lw=0.8)
        for x, title in ((X_DATE, "Date"), (X_DESC, "Payment type and details")):
            pen.text(x, top + 2, title, font="hebo", size=7.5)
        for x, title in ((R_OUT, "Paid out"), (R_IN, "Paid in"), (R_BAL, "Balance")):
            pen.right(x, top + 2, title, font="hebo", size=7.5)
        pen.rule(44, 555, top + 6, lw=0.4)
        return top + 10

    sheet = Sheet(size=A4, top=108, bottom=770, on_new_page=furniture)
    marks = itertools.cycle((True, False, False, True, False))
    balance = opening

    def line(label: str, y: float) -> None:
        sheet.pen.text(X_DESC, y, label, font="hebo")
        sheet.pen.right(R_BAL, y, money(balance) + (" D" if balance < 0 else ""), font="hebo")

    sheet.pen  # noqa: B018 - start page 1
    line("BALANCE BROUGHT FORWARD", sheet.y + 9)
    sheet.y += 13
    last_day = None
    for index, entry in enumerate(entries):
        lines = wrap(entry.description, 165)
        height = 11 * len(lines) + 2
        if sheet.y + height + 14 > sheet.bottom:
            line("BALANCE CARRIED FORWARD", sheet.y + 9)
            sheet.new_page()
            line("BALANCE BROUGHT FORWARD", sheet.y + 9)
            sheet.y += 13
            last_day = None
        pen, y = sheet.pen, sheet.y + 9
        shown = []
        if entry.date != last_day:
            pen.text(X_DATE, y, _d(entry.date))
            shown.append(_d(entry.date))
            last_day = entry.date
        for offset, text in enumerate(lines):
            pen.text(X_DESC, y + 11 * offset, text)
        last = y + 11 * (len(lines) - 1)
        pen.right(R_OUT if entry.cents > 0 else R_IN, last, money(entry.cents))
        balance -= entry.cents
        if index + 1 == len(entries) or entries[index + 1].date != entry.date:
            pen.right(R_BAL, last, money(balance) + (" D" if balance < 0 else ""))
        if next(marks):
            pen.rect(8, last - 3, 26, last - 1, fill=0.0)
        if index % 17 == 5:
            pen.text(6, y, f"TM{index:04d}", size=5)
        sheet.place(entry, money(entry.cents), *shown)
        sheet.y += height
    line("BALANCE CARRIED FORWARD", sheet.y + 9)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(44, 555, 790, gray=0.5)
        pen.text(
            44,
            800,
            "Thames & Mercer plc. Authorised by the Prudential Regulation "
            "Authority. Registered in England No. 14259.",
            size=6,
        )
        pen.right(555, 800, f"Sheet {number} of {total}", size=7)

    totals = {
        "opening_balance": opening,
        "closing_balance": closing,
        "charges": paid_out,
        "credits": -paid_in,
    }
    pdf = sheet.finish(title="Thames & Mercer statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="uk_thames",
    bank="Thames & Mercer",
    country="GB",
    currency="GBP",
    date_order="DMY",
    decimal_style="point",
    style="row by row; date only on a day's first entry, amounts on an entry's last line",
    features="22 Jul 25 dates printed once per day; Paid out/Paid in/Balance with the balance "
    "once per day; brought/carried forward lines; wrapped details; £ summary; sort code; "
    "margin OMR marks and codes on row baselines",
    build=build,
    rows=(30, 72),
    per_page=40,
)
