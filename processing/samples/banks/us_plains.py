"""Great Plains Bancorp (US) corporate card statement printed like a mainframe report.

Style: one string per line: every line of the page, rows included, is a single Courier string
padded with spaces into columns; wrapped descriptions continue on a padded line of their own.
Features: `MM/DD` transaction and posting dates with no year anywhere above the rows (the
header says "STATEMENT PERIOD 12/16 - 01/15"); the year appears only in the summary printed
after the last row ("STATEMENT CLOSING DATE 01/15/24"); periods often cross a new year;
23-digit reference numbers and 4-digit MCC codes in their own columns; unsigned amounts with a
separate `D`/`C` column; a company-level account activity section (payments, no cardholder)
then one section per cardholder with its own total line; company summary (previous balance,
payments, credits, purchases, fees, new balance).
"""

from __future__ import annotations

import datetime as dt
import random

from .base import LETTER, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import mdy, money
from .ledger import day_in, people, period, purchases, refund, split

SIZE = 7.2
PITCH = 9.6
DESC = 40  # characters of description per line


def _mcc(text: str) -> str:
    words = text.upper()
    for needle, code in (
        ("AIR", "3058"),
        ("HOTEL", "7011"),
        ("HILTON", "3504"),
        ("MARRIOTT", "3509"),
        ("UBER", "4121"),
        ("LYFT", "4121"),
        ("SHELL", "5541"),
        ("EXXON", "5541"),
        ("AMZN", "5942"),
        ("STARBUCKS", "5814"),
        ("HERTZ", "3357"),
    ):
        if needle in words:
            return code
    return "5999"


def _row(trans: str, post: str, ref: str, desc: str, mcc: str, amount: str, dc: str) -> str:
    return f"{trans:<6} {post:<6} {ref:<24} {desc:<{DESC}} {mcc:<4} {amount:>12} {dc}"


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.6)
    holders = people(rng, rng.choice((2, 3, 4)))
    company = rng.choice(("ACME HOLDINGS INC", "WINGTIP TOYS CORP", "ADVENTURE WORKS CYCLES"))
    previous = rng.randint(2_000_00, 60_000_00)
    paid = day_in(rng, start, start + dt.timedelta(days=9))
    activity = [Entry(paid, paid, "PAYMENT RECEIVED - THANK YOU", -previous, None)]
    sections: list[tuple] = []
    for holder, count in zip(holders, split(rows - 1, len(holders), rng), strict=True):
        spends = purchases(rng, region="us", span=(start, end), count=count)
        if count > 5 and rng.random() < 0.6:
            spends.append(refund(rng, rng.choice(spends), end))
        entries = [Entry(s.date, s.posted, s.text, s.cents, holder) for s in spends]
        sections.append((holder, sorted(entries, key=lambda e: (e.posted, e.date))))
    every = activity + [e for _, es in sections for e in es]
    payments = -previous
    credits = sum(e.cents for e in every if e.cents < 0) - payments
    purchases_total = sum(e.cents for e in every if e.cents > 0)
    new_balance = previous + payments + credits + purchases_total
    due = end + dt.timedelta(days=25)
    account = f"XXXX-XXXX-XXXX-{rng.randrange(10_000):04d}"

    def line(pen: Pen, y: float, text: str, *, bold: bool = False) -> None:
        pen.text(30, y, text, font="cobo" if bold else "cour", size=SIZE)

    def furniture(pen: Pen, number: int) -> float:
        line(pen, 40, f"{'GREAT PLAINS BANCORP':<60}{'CORPORATE CARD STATEMENT':>50}", bold=True)
        line(pen, 40 + PITCH, f"COMPANY: {company:<40}ACCOUNT: {account}")
        line(pen, 40 + 2 * PITCH, f"STATEMENT PERIOD {mdy(start)} - {mdy(end)}")
        line(
            pen,
            40 + 4 * PITCH,
            _row("TRANS", "POST", "REFERENCE NUMBER", "DESCRIPTION", "MCC", "AMOUNT", "D/C"),
            bold=True,
        )
        line(pen, 40 + 5 * PITCH, "-" * 110)
        del number
        return 40 + 6 * PITCH

    sheet = Sheet(size=LETTER, top=100, bottom=740, on_new_page=furniture)

    def write(text: str, *, bold: bool = False) -> None:
        sheet.need(PITCH)
        line(sheet.pen, sheet.y, text, bold=bold)
        sheet.y += PITCH

    def rows_of(entries: list[Entry]) -> None:
        for entry in entries:
            chunks = wrap(entry.description, DESC * 0.6 * SIZE, font="cour", size=SIZE)
            sheet.need(PITCH * len(chunks))
            amount, dc = money(entry.cents), "C" if entry.cents < 0 else "D"
            ref = f"{rng.choice('257')}{rng.randrange(10**22):022d}"
            trans, post = mdy(entry.date), mdy(entry.posted)
            write(_row(trans, post, ref, chunks[0], _mcc(entry.description), amount, dc))
            sheet.place(entry, trans, post, amount, dc)
            for chunk in chunks[1:]:
                write(_row("", "", "", chunk, "", "", ""))

    write("ACCOUNT ACTIVITY", bold=True)
    rows_of(activity)
    write("")
    holder_totals: dict[str, int] = {}
    for holder, entries in sections:
        sheet.need(PITCH * 4)
        write(f"CARDHOLDER: {holder.name:<34}CARD XXXX-XXXX-XXXX-{holder.card_last4}", bold=True)
        rows_of(entries)
        total = sum(e.cents for e in entries)
        holder_totals[holder.name] = total
        label = f"TOTAL ACTIVITY FOR {holder.name}"
        write(
            _row("", "", "", label[:DESC], "", money(total), "C" if total < 0 else "D"), bold=True
        )
        write("")
    summary = (
        ("PREVIOUS BALANCE", previous),
        ("PAYMENTS", payments),
        ("OTHER CREDITS", credits),
        ("PURCHASES", purchases_total),
        ("CASH ADVANCES", 0),
        ("FEES", 0),
        ("NEW BALANCE", new_balance),
    )
    sheet.need(PITCH * 14)
    write("=" * 110)
    write(f"{'ACCOUNT SUMMARY':<44}STATEMENT CLOSING DATE {mdy(end, year=2)}", bold=True)
    for label, cents in summary:
        sign = "C" if cents < 0 else "D" if cents else " "
        write(f"  {label:<30}{money(cents):>16} {sign}")
    write(f"  {'PAYMENT DUE DATE':<30}{mdy(due, year=2):>16}")
    write(f"  {'TOTAL CARDHOLDERS':<30}{len(holders):>16}")

    def footer(pen: Pen, number: int, total: int) -> None:
        line(pen, 760, f"{'GPB-CCS-R0412':<90}PAGE {number:>3} OF {total:>3}")

    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "credits": payments + credits,
        "charges": purchases_total,
        "cardholders": holder_totals,
    }
    pdf = sheet.finish(title="Great Plains Bancorp statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="us_plains",
    bank="Great Plains Bancorp",
    country="US",
    currency="USD",
    date_order="MDY",
    decimal_style="point",
    style="one string per line: whole rows as padded Courier strings",
    features="MM/DD dates, year only in the summary after the rows; Dec-Jan periods; reference "
    "and MCC columns; D/C column; company activity plus per-cardholder sections and totals",
    build=build,
    rows=(40, 72),
    per_page=52,
)
