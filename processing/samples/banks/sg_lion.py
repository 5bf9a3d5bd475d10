"""Lion City Bank (Singapore) credit card statement: the column-drawn layout.

Style: column-drawn. Rows are planned first, then each column is drawn on its own, top to
bottom of the page (dates, descriptions, cities, countries, foreign amounts, amounts), so the
content stream is far from reading order.
Features: `DD/MM` transaction dates with no year (the year is only in "Statement Date
14 Jan 2024"), periods that often cross a new year; amounts `1,234.56` in SGD; credits in
parentheses `(412.16)`; merchant, city and country in separate columns (the description joins
them with single spaces); a foreign-currency column (`USD 45.00`); a PREVIOUS BALANCE line,
per-card SUBTOTAL lines (the principal's includes the previous balance) and a TOTAL; principal
and supplementary cardholders with their own sections; a summary box with credit limit,
minimum payment and total due; long descriptors wrapped onto a second line.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import d_mon, dmy, money
from .ledger import people, period, purchases, refund, split

X_DATE, X_DESC, X_CITY, X_CTRY, R_FX, R_AMT = 42.0, 92.0, 318.0, 398.0, 486.0, 553.0
COUNTRY = {"SINGAPORE SG": ("SINGAPORE", "SG")}


def _columns(spend_name: str, location: str, fx_currency: str | None) -> tuple[str, str, str]:
    if location in COUNTRY:
        return (spend_name, *COUNTRY[location])
    if fx_currency == "GBP":
        return spend_name, location, "GB"
    return spend_name, location, "US"


def _amount(cents: int) -> str:
    return f"({money(cents)})" if cents < 0 else money(cents)


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.6)
    holders = people(rng, rng.choice((2, 2, 3)))
    card = {p.name: f"4563-12XX-XXXX-{p.card_last4}" for p in holders}
    previous = rng.randint(20_000, 400_000)
    credit_limit = rng.choice((12_000_00, 15_000_00, 25_000_00, 40_000_00))

    items: list[tuple] = []
    for index, (holder, count) in enumerate(
        zip(holders, split(rows - 1, len(holders), rng), strict=True)
    ):
        spends = purchases(rng, region="sg", span=(start, end), count=count, fx_share=0.15)
        if count > 4 and rng.random() < 0.7:
            spends.append(refund(rng, rng.choice(spends), end))
            spends.sort(key=lambda s: s.date)
        entries = []
        for spend in spends:
            name, city, country = _columns(spend.name, spend.location, spend.fx and spend.fx[1])
            text = " ".join(part for part in (name, city, country) if part)
            entries.append((Entry(spend.date, None, text, spend.cents, holder, spend.fx), name))
        items.append(("heading", holder))
        if index == 0:
            items.append(("previous", previous))
            paid = start + dt.timedelta(days=rng.randint(1, 8))
            payment = Entry(paid, None, "PAYMENT BY INTERNET", -previous, holder)
            entries.insert(0, (payment, payment.description))
            entries.sort(key=lambda pair: pair[0].date)
        for entry, name in entries:
            items.append(("row", entry, name))
        subtotal = sum(e.cents for e, _ in entries) + (previous if index == 0 else 0)
        items.append(("subtotal", subtotal, holder))
    new_balance = sum(item[1] for item in items if item[0] == "subtotal")
    items.append(("total", new_balance))
    due = end + dt.timedelta(days=21)
    minimum = max(50_00, new_balance // 100 * 3) if new_balance > 0 else 0
    company = rng.choice(("ACME HOLDINGS PTE LTD", "TREY RESEARCH PTE LTD", "LITWARE PTE LTD"))

    def furniture(pen: Pen, number: int) -> float:
        pen.text(42, 52, "LION CITY BANK", font="hebo", size=16)
        pen.text(42, 64, "Lion City Bank Limited  Co. Reg. No. 193200032W", size=7)
        pen.text(400, 52, "CREDIT CARD STATEMENT", font="hebo", size=10)
        pen.text(400, 66, f"Statement Date  {d_mon(end, year=4)}", size=8)
        top = 150.0
        if number == 1:
            pen.text(42, 100, holders[0].name, font="hebo", size=9)
            pen.text(42, 111, "c/o " + company, size=8)
            pen.text(42, 122, "1 RAFFLES PLACE #20-01 SINGAPORE 048616", size=8)
            pen.rect(330, 86, 553, 170)
            labels = (
                ("Credit Limit", f"S$ {money(credit_limit)}"),
                ("Payment Due Date", d_mon(due, year=4)),
                ("Minimum Payment", f"S$ {money(minimum)}"),
                ("Total Amount Due", f"S$ {money(new_balance)}"),
            )
            for row, (label, value) in enumerate(labels):
                pen.text(338, 102 + row * 18, label, size=8)
                pen.right(545, 102 + row * 18, value, font="hebo", size=9)
            top = 214.0
        pen.rect(40, top - 24, 555, top - 8, fill=0.85)
        pen.text(X_DATE, top - 13, "DATE", font="hebo", size=7.5)
        pen.text(X_DESC, top - 13, "DESCRIPTION", font="hebo", size=7.5)
        pen.right(R_FX, top - 13, "FOREIGN CURRENCY", font="hebo", size=7.5)
        pen.right(R_AMT, top - 13, "AMOUNT (S$)", font="hebo", size=7.5)
        return top

    sheet = Sheet(size=A4, top=150, bottom=775, on_new_page=furniture)
    # Plan: (page, cells) where a cell is (column, x, y, text, right-aligned, font).
    cells: dict[int, list[tuple[int, float, float, str, bool, str]]] = {}
    for item in items:
        kind = item[0]
        lines = wrap(item[2], X_CITY - X_DESC - 6) if kind == "row" else [""]
        height = 12.0 + 10.0 * (len(lines) - 1) + (8 if kind in ("heading", "total") else 0)
        sheet.need(height)
        page_cells = cells.setdefault(sheet.number, [])
        y = sheet.y + (18 if kind in ("heading", "total") else 10)
        if kind == "heading":
            holder = item[1]
            label = f"LION PLATINUM VISA {card[holder.name]}  {holder.name}"
            page_cells.append((1, X_DATE, y, label, False, "hebo"))
        elif kind == "previous":
            page_cells.append((1, X_DESC, y, "PREVIOUS BALANCE", False, "helv"))
            page_cells.append((5, R_AMT, y, _amount(item[1]), True, "helv"))
        elif kind == "row":
            entry: Entry = item[1]
            name, city, country = item[2], "", ""
            if entry.description != item[2]:
                city_country = entry.description[len(item[2]) :].split()
                city, country = " ".join(city_country[:-1]), city_country[-1]
            page_cells.append((0, X_DATE, y, dmy(entry.date, year=0), False, "helv"))
            for offset, line in enumerate(lines):
                page_cells.append((1, X_DESC, y + 10 * offset, line, False, "helv"))
            page_cells.append((2, X_CITY, y, city, False, "helv"))
            page_cells.append((3, X_CTRY, y, country, False, "helv"))
            fx = f"{entry.fx[1]} {money(entry.fx[0])}" if entry.fx else ""
            page_cells.append((4, R_FX, y, fx, True, "helv"))
            page_cells.append((5, R_AMT, y, _amount(entry.cents), True, "helv"))
            sheet.place(entry, dmy(entry.date, year=0), _amount(entry.cents), fx)
        elif kind == "subtotal":
            page_cells.append((1, X_CITY, y, "SUBTOTAL", False, "hebo"))
            page_cells.append((5, R_AMT, y, _amount(item[1]), True, "hebo"))
        else:
            page_cells.append((1, X_CITY, y, "TOTAL", False, "hebo"))
            page_cells.append((5, R_AMT, y, _amount(item[1]), True, "hebo"))
        sheet.y += height
    for number, page_cells in cells.items():
        pen = sheet.pens[number - 1]
        for _, x, y, text, right, font in sorted(page_cells, key=lambda c: (c[0], c[2])):
            (pen.right if right else pen.text)(x, y, text, font=font, size=8)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(40, 555, 792, gray=0.5)
        pen.text(42, 804, "LCB/CC/STMT  Please examine this statement carefully.", size=6.5)
        pen.right(553, 804, f"Page {number} of {total}", size=7)

    holder_totals = {}
    for item in items:
        if item[0] == "subtotal" and item[2] != holders[0]:
            holder_totals[item[2].name] = item[1]
    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "cardholders": holder_totals,
        "principal_subtotal": items[[i[0] for i in items].index("subtotal")][1],
        "minimum_due": minimum,
        "credit_limit": credit_limit,
    }
    pdf = sheet.finish(title="Lion City Bank statement", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="sg_lion",
    bank="Lion City Bank",
    country="SG",
    currency="SGD",
    date_order="DMY",
    decimal_style="point",
    style="column-drawn: each column drawn separately top to bottom",
    features="DD/MM without year, year from the statement date, Dec-Jan periods; credits in "
    "parentheses; merchant/city/country columns; foreign-currency column; previous balance, "
    "per-card subtotals and total; supplementary cardholders",
    build=build,
    rows=(45, 72),
    per_page=48,
)
