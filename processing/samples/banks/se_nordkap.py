"""Nordkap Bank (Sweden) corporate card transaction list: a ruled grid without any totals.

Style: ruled grid with vertically centred cells: every cell is boxed, descriptions wrap in a
narrow column over 1-5 lines and the dates and amounts are centred vertically in the row, so
they sit on the middle line (or between two lines).
Features: ISO `YYYY-MM-DD` transaction and booking dates; amounts with space grouping and a
decimal point `2 795.35` (the space splits the number), the currency code after it and a
leading minus for credits (`-1 200.00 SEK`); original amount and currency in two columns
(`45.00` / `EUR`); merchant category and reference columns right of the amount; an account
section (payments, no cardholder) and one section per cardholder; no totals, balances or
summaries at all: nothing to check the rows against.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .ledger import day_in, people, period, purchases, refund, split

GRID = (
    ("Transaction date", 36, 92),
    ("Booking date", 92, 148),
    ("Description", 148, 262),
    ("Orig. amount", 262, 322),
    ("Curr.", 322, 352),
    ("Billed amount", 352, 428),
    ("Merchant category", 428, 510),
    ("Ref", 510, 560),
)
CATEGORIES = (
    ("HOTEL", "Hotels"),
    ("SCANDIC", "Hotels"),
    ("MARRIOTT", "Hotels"),
    ("TAXI", "Taxi"),
    ("UBER", "Taxi"),
    ("SAS", "Airlines"),
    ("AIR", "Airlines"),
    ("SJ AB", "Rail"),
    ("DB VERTRIEB", "Rail"),
    ("ESPRESSO", "Restaurants"),
    ("STARBUCKS", "Restaurants"),
    ("ICA", "Grocery"),
    ("REWE", "Grocery"),
)
PITCH = 9.5


def _sek(cents: int) -> str:
    whole, frac = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole:,}.{frac:02d}".replace(",", " ")


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.3)
    holders = people(rng, rng.choice((2, 3, 4)))
    paid = day_in(rng, start, start + dt.timedelta(days=12))
    account = [
        Entry(
            paid, paid, "INBETALNING PAYMENT RECEIVED BANKGIRO", -rng.randint(8_000_00, 120_000_00)
        )
    ]
    sections: list[tuple[str, list[Entry]]] = [("Account transactions", account)]
    for holder, count in zip(holders, split(rows - 1, len(holders), rng), strict=True):
        spends = purchases(rng, region="se", span=(start, end), count=count, fx_share=0.3)
        if count > 5 and rng.random() < 0.5:
            spends.append(refund(rng, rng.choice(spends), end))
        entries = [
            Entry(s.date, s.posted, s.text, s.cents, holder, s.fx)
            for s in sorted(spends, key=lambda s: (s.date, s.posted))
        ]
        sections.append((f"Cardholder: {holder.name}, card **** {holder.card_last4}", entries))

    def furniture(pen: Pen, number: int) -> float:
        pen.text(36, 48, "NORDKAP BANK", font="hebo", size=15, gray=0.2)
        pen.text(36, 60, "Corporate Card  -  Transaction list", size=8)
        pen.right(560, 48, f"Period {start.isoformat()} - {end.isoformat()}", size=8)
        pen.right(560, 60, "Company: ADVENTURE WORKS NORDIC AB", size=8)
        top = 80.0 if number > 1 else 96.0
        for title, x0, x1 in GRID:
            pen.rect(x0, top, x1, top + 22, fill=0.85)
            for offset, part in enumerate(title.split(" ", 1)):
                pen.text(x0 + 3, top + 9 + offset * 8, part, font="hebo", size=6.5)
        return top + 22

    sheet = Sheet(size=A4, top=80, bottom=790, on_new_page=furniture)
    for title, entries in sections:
        sheet.need(40)
        sheet.pen.rect(GRID[0][1], sheet.y, GRID[-1][2], sheet.y + 14, fill=0.95)
        sheet.pen.text(40, sheet.y + 10, title, font="hebo", size=7.5)
        sheet.y += 14
        for entry in entries:
            lines = wrap(entry.description, GRID[2][2] - GRID[2][1] - 8, size=7.5)
            height = 6 + PITCH * len(lines)
            sheet.need(height)
            pen, top = sheet.pen, sheet.y
            for _, x0, x1 in GRID:
                pen.rect(x0, top, x1, top + height, gray=0.5, lw=0.3)
            first = top + 3 + 7.5
            middle = first + PITCH * (len(lines) - 1) / 2
            for offset, line in enumerate(lines):
                pen.text(GRID[2][1] + 3, first + PITCH * offset, line, size=7.5)
            pen.text(GRID[0][1] + 3, middle, entry.date.isoformat(), size=7.5)
            pen.text(GRID[1][1] + 3, middle, entry.posted.isoformat(), size=7.5)
            billed = f"{_sek(entry.cents)} SEK"
            shown = [entry.date.isoformat(), entry.posted.isoformat(), billed]
            if entry.fx:
                pen.right(GRID[3][2] - 3, middle, _sek(entry.fx[0]), size=7.5)
                pen.text(GRID[4][1] + 3, middle, entry.fx[1], size=7.5)
                shown += [_sek(entry.fx[0]), entry.fx[1]]
            pen.right(GRID[5][2] - 3, middle, billed, size=7.5)
            category = next((c for key, c in CATEGORIES if key in entry.description), "Other")
            if entry.holder is not None:
                pen.text(GRID[6][1] + 3, middle, category, size=7)
            pen.text(GRID[7][1] + 3, middle, f"{rng.randrange(10**6):06d}", size=6.5)
            sheet.place(entry, *shown)
            sheet.y += height

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.text(
            36,
            812,
            "Nordkap Bank AB (publ), org.nr 502017-7753. This list is not an invoice.",
            size=6,
        )
        pen.right(560, 812, f"{number} ({total})", size=7)

    pdf = sheet.finish(title="Nordkap Bank transaction list", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, {}, (start, end))


LAYOUT = Layout(
    key="se_nordkap",
    bank="Nordkap Bank",
    country="SE",
    currency="SEK",
    date_order="YMD",
    decimal_style="point",
    style="ruled grid with vertically centred cells (dates on the middle line)",
    features="YYYY-MM-DD dates; '-1 200.00 SEK' amounts (space groups, code after, leading "
    "minus); original amount and currency columns; merchant-category and reference columns; "
    "account and per-cardholder sections; no totals at all",
    build=build,
    rows=(30, 72),
    per_page=30,
)
