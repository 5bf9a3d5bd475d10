"""Deccan State Bank (India) current account statement, SBI-like.

Style: multi-line cells. Every cell of a row is its own `insert_textbox` (date, value date,
narration, reference, debit, credit, balance), in a ruled grid; narrow columns wrap.
Features: `3 May 2018` dates wrapped in a narrow column as `3 May` / `2018` (transaction and
value date); narrations of 2-6 lines (UPI / NEFT / POS / ATM strings); a Ref No./Cheque No.
column with its own numbers and words; separate Debit and Credit columns with a running
Balance (lakh grouping `1,03,041.15`, no signs); "Balance as on" opening line in the header,
closing balance and debit/credit totals after the rows; a rotated "DUPLICATE" stamp over the
rows of page 1.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import MON, money
from .ledger import day_in, merchant

COLS = (
    ("Txn Date", 36, 72),
    ("Value Date", 74, 110),
    ("Description", 112, 250),
    ("Ref No./Cheque No.", 252, 340),
    ("Debit", 342, 410),
    ("Credit", 412, 480),
    ("Balance", 482, 559),
)
SIZE = 7.5
NAMES = ("RAVI KUMAR", "SUNITA RAO", "ANIL MEHTA", "KAVYA IYER", "ARJUN NAIR", "MEERA JOSHI")
BANKS = ("HDFC", "ICIC", "UTIB", "YESB", "KKBK")


def _date(day: dt.date) -> list[str]:
    return [f"{day.day} {MON[day.month - 1]}", str(day.year)]


def _one(rng: random.Random, company: str, start: dt.date, end: dt.date) -> tuple:
    """Return (date, narration, reference, cents) with cents > 0 for money out."""
    day = day_in(rng, start, end)
    utr = f"{rng.randrange(10**12):012d}"
    kind = rng.choices(
        ("upi", "pos", "neft_in", "atm", "chq", "upi_in", "imps"), weights=(8, 4, 2, 2, 1, 2, 2)
    )[0]
    if kind == "upi":
        name, _, cents = merchant(rng, "in")
        handle = name.split()[0].lower()
        text = (
            f"TO TRANSFER- UPI/DR/{utr}/ {name}/{rng.choice(BANKS)}/ "
            f"{handle}.rzp@ {rng.choice(('okhdfc', 'ybl', 'paytm'))}/Payment--"
        )
        return day, text, f"TRANSFER TO {rng.randrange(10**13):013d}", cents
    if kind == "pos":
        name, place, cents = merchant(rng, "in")
        return day, f"BY DEBIT CARD- OTHPOS{utr} {name} {place}--", "", cents
    if kind == "neft_in":
        cents = -rng.randint(25_000_00, 4_50_000_00)
        text = f"BY TRANSFER- NEFT*HDFC0000240*N{utr[:9]}* {company}--"
        return day, text, f"TRANSFER FROM {rng.randrange(10**13):013d}", cents
    if kind == "atm":
        cents = rng.choice((2_000_00, 5_000_00, 10_000_00, 20_000_00))
        return day, f"ATM WDL- ATM CASH {rng.randint(1000, 9999)} MG ROAD BANGALORE--", "", cents
    if kind == "chq":
        cheque = f"{rng.randint(100, 999999):06d}"
        who = rng.choice(NAMES)
        cents = rng.randint(5_000_00, 2_50_000_00)
        return day, f"TO CLEARING- CHQ PAID TO {who} CTS--", cheque, cents
    who = rng.choice(NAMES)
    if kind == "upi_in":
        text = f"BY TRANSFER- UPI/CR/{utr}/ {who}/{rng.choice(BANKS)}/ reimbursement--"
        return (
            day,
            text,
            f"TRANSFER FROM {rng.randrange(10**13):013d}",
            -rng.randint(500_00, 60_000_00),
        )
    text = f"TO TRANSFER- IMPS/P2A/{utr}/ {who}/ vendor payment--"
    return day, text, f"TRANSFER TO {rng.randrange(10**13):013d}", rng.randint(1_000_00, 90_000_00)


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    year, month = rng.randint(2017, 2025), rng.randint(1, 12)
    start = dt.date(year, month, 1)
    end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    company = rng.choice(("ACME HOLDINGS INDIA PVT LTD", "LITWARE SOFTWARE LLP", "TREY EXPORTS"))
    raw = sorted((_one(rng, company, start, end) for _ in range(rows - 1)), key=lambda r: r[0])
    charges_day = day_in(rng, start, end)
    raw.append((charges_day, "DEBIT- SMS ALERT CHARGES FOR QTR INCL GST--", "", 17_70))
    raw.sort(key=lambda r: r[0])
    opening = rng.randint(40_000_00, 9_00_000_00)
    balance = opening
    table: list[tuple[Entry, str, int]] = []
    for day, text, ref, cents in raw:
        if balance - cents < 0:  # a current account here never goes overdrawn: a credit first
            cents = -cents
            text = text.replace("TO TRANSFER", "BY TRANSFER").replace("/DR/", "/CR/")
        balance -= cents
        value = day
        if ("NEFT" in text or "CHQ" in text) and rng.random() < 0.5 and day < end:
            value = day + dt.timedelta(days=1)  # cleared the next working day
        table.append((Entry(day, value, text, cents), ref, balance))
    debits = sum(e.cents for e, _, _ in table if e.cents > 0)
    credits = sum(e.cents for e, _, _ in table if e.cents < 0)
    printed = f"{end.day + 5 if end.day < 25 else 5} {MON[(month) % 12]} {year + month // 12}"

    def furniture(pen: Pen, number: int) -> float:
        pen.text(36, 46, "DECCAN STATE BANK", font="hebo", size=14, gray=0.15)
        pen.right(559, 46, f"Date : {printed}", size=8)
        if number > 1:
            top = 70.0
        else:
            info = (
                ("Account Name", company),
                ("Address", "4TH FLOOR, PRESTIGE TOWERS, BANGALORE 560001"),
                ("Account Number", f"0000000{rng.randrange(10**11):011d}"),
                ("Account Description", "CURRENT ACCOUNT"),
                ("Branch", "MG ROAD BANGALORE"),
                ("IFS Code", "DSBN0001234"),
                ("Balance as on " + " ".join(_date(start)), money(opening, "lakh")),
            )
            for row, (label, value) in enumerate(info):
                pen.text(36, 72 + row * 12, label, size=8)
                pen.text(150, 72 + row * 12, f": {value}", size=8)
            pen.text(
                36,
                170,
                f"Account Statement from {' '.join(_date(start))} to {' '.join(_date(end))}",
                font="hebo",
                size=8.5,
            )
            top = 180.0
        pen.rect(COLS[0][1] - 2, top, COLS[-1][2], top + 14, fill=0.85)
        for title, x0, x1 in COLS:
            pen.box(x0, top + 3, x1, [title], font="hebo", size=7, align=1 if x0 > 340 else 0)
        return top + 16

    sheet = Sheet(size=A4, top=70, bottom=790, on_new_page=furniture, fontsize=SIZE)
    for entry, ref, after in table:
        cells = [
            _date(entry.date),
            _date(entry.posted),
            wrap(entry.description, 134, size=SIZE),
            wrap(ref, 84, size=SIZE) if ref else [""],
        ]
        lines = max(len(cell) for cell in cells)
        height = 6 + lines * SIZE * 1.15 * 1.075
        sheet.need(height)
        pen, top = sheet.pen, sheet.y + 2
        for (_, x0, x1), cell in zip(COLS[:4], cells, strict=True):
            pen.box(x0, top, x1, cell)
        debit = money(entry.cents, "lakh") if entry.cents > 0 else ""
        credit = money(entry.cents, "lakh") if entry.cents < 0 else ""
        for (_, x0, x1), value in zip(COLS[4:], (debit, credit, money(after, "lakh")), strict=True):
            pen.box(x0, top, x1 - 2, [value], align=2)
        pen.rule(COLS[0][1] - 2, COLS[-1][2], sheet.y + height, lw=0.3, gray=0.4)
        sheet.place(entry, *_date(entry.date), debit or credit)
        sheet.y += height
    closing = table[-1][2]
    sheet.need(60)
    pen, y = sheet.pen, sheet.y + 16
    pen.text(
        36,
        y,
        f"Total Debit : {money(debits, 'lakh')}    Total Credit : {money(-credits, 'lakh')}",
        font="hebo",
        size=8,
    )
    pen.text(
        36,
        y + 13,
        f"Closing Balance as on {' '.join(_date(end))} : {money(closing, 'lakh')}",
        font="hebo",
        size=8,
    )
    pen.center(297, y + 34, "**** END OF STATEMENT ****", size=8)
    sheet.pens[0].stamp(170, 560, "DUPLICATE", angle=32, size=54, gray=0.82)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.text(
            36,
            818,
            "This is a computer generated statement and does not require a "
            "signature. Please do not share your OTP or PIN.",
            size=6,
        )
        pen.right(559, 818, f"Page no. {number}", size=7)
        del total

    totals = {
        "opening_balance": opening,
        "closing_balance": closing,
        "charges": debits,
        "credits": credits,
    }
    pdf = sheet.finish(title="Deccan State Bank account statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="in_deccan",
    bank="Deccan State Bank",
    country="IN",
    currency="INR",
    date_order="DMY",
    decimal_style="point",
    style="multi-line cells: every cell an insert_textbox in a ruled grid",
    features="3 May 2018 dates wrapped onto two lines; 2-6 line UPI/NEFT narrations; ref/"
    "cheque column; Debit/Credit/Balance columns in lakh grouping; opening and closing "
    "balance, debit/credit totals; rotated DUPLICATE stamp",
    build=build,
    rows=(22, 60),
    per_page=16,
)
