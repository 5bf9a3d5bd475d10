"""Rheinische Kreditbank (Germany) credit card statement (Kreditkartenabrechnung).

Style: character by character: every row is drawn one glyph per insert_text with a little
extra tracking (words still form), and the page titles with wide tracking (`K O P I E`-like,
one word per letter).
Features: `DD.MM.YYYY` receipt and booking dates (Belegdatum, Buchungsdatum); decimal comma
with dot grouping `2.000,00`; signs after the amount with the German card convention:
charges `12,50-`, payments and credits `500,00+`; a foreign-currency column (`USD 500,00`)
and an exchange-rate column (`1,0856`), each foreign charge followed by its own
Auslandseinsatzentgelt (1.75% fee) row; "Saldo aus letzter Abrechnung" and "Neuer Saldo"
lines, sums of charges and credits; one or two cardholders; a rotated "KOPIE" stamp over
the rows; German umlauts (KÖLN, MÜNCHEN).
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, width, wrap
from .fmt import dmy, money
from .ledger import day_in, people, period, purchases, refund, split
from .merchants import RATES

X_BELEG, X_BUCH, X_TEXT, R_FX, R_KURS, R_AMT = 40.0, 92.0, 146.0, 408.0, 456.0, 556.0
TRACK = 0.35


def _eur(cents: int) -> str:
    """Return the German card spelling: charges with a trailing minus, credits with a plus."""
    return money(cents, "de") + ("-" if cents > 0 else "+")


def _draw(pen: Pen, x: float, y: float, text: str, *, right: bool = False, **kw: object) -> None:
    size = float(kw.get("size", 7.8))  # type: ignore[arg-type]
    font = str(kw.get("font", "helv"))
    if right:
        x -= width(text, font, size) + TRACK * len(text)
    pen.spaced(x, y, text, tracking=TRACK, font=font, size=size)


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.5)
    holders = people(rng, rng.choice((1, 2)))
    previous = rng.randint(300_00, 9_000_00)
    groups: list[tuple] = []
    for index, (holder, count) in enumerate(
        zip(holders, split(rows, len(holders), rng), strict=True)
    ):
        spends = purchases(
            rng, region="de", span=(start, end), count=max(1, count * 4 // 5), fx_share=0.25
        )
        if count > 4:
            spends.append(refund(rng, rng.choice([s for s in spends if not s.fx] or spends), end))
        entries: list[Entry] = []
        for spend in sorted(spends, key=lambda s: (s.posted, s.date)):
            entries.append(
                Entry(spend.date, spend.posted, spend.text, spend.cents, holder, spend.fx)
            )
            if spend.fx and spend.cents > 0:
                fee = round(spend.cents * 0.0175)
                entries.append(
                    Entry(spend.date, spend.posted, "Auslandseinsatzentgelt 1,75%", fee, holder)
                )
        if index == 0:
            paid = day_in(rng, start, start + dt.timedelta(days=8))
            entries.insert(0, Entry(paid, paid, "Zahlung - Vielen Dank", -previous, holder))
        groups.append((holder, entries))
    every = [e for _, es in groups for e in es]
    charges = sum(e.cents for e in every if e.cents > 0)
    credits = sum(e.cents for e in every if e.cents < 0)
    new_balance = previous + charges + credits
    iban = f"DE{rng.randint(10, 99)} 3705 0198 {rng.randrange(10**8):08d} 00"
    iban = f"{iban[:19]} {iban[19:]}"

    def furniture(pen: Pen, number: int) -> float:
        pen.text(40, 50, "Rheinische Kreditbank AG", font="hebo", size=14, gray=0.15)
        pen.spaced(40, 66, "KREDITKARTENABRECHNUNG", tracking=3.2, font="hebo", size=9)
        pen.right(556, 50, f"Abrechnung vom {dmy(start, '.')} bis {dmy(end, '.')}", size=8)
        pen.right(556, 62, f"Abrechnungsdatum {dmy(end, '.')}", size=8)
        top = 104.0
        if number == 1:
            pen.text(
                40,
                92,
                f"Belastung Ihres Kontos {iban} am {dmy(end + dt.timedelta(days=10), '.')}",
                size=7.5,
            )
            top = 118.0
        pen.rect(38, top - 10, 558, top + 4, fill=0.9)
        for x, title in ((X_BELEG, "Beleg"), (X_BUCH, "Buchung"), (X_TEXT, "Verwendungszweck")):
            pen.text(x, top, title, font="hebo", size=7.5)
        for x, title in ((R_FX, "Fremdwährung"), (R_KURS, "Kurs"), (R_AMT, "Betrag EUR")):
            pen.right(x, top, title, font="hebo", size=7.5)
        return top + 10

    sheet = Sheet(size=A4, top=104, bottom=780, on_new_page=furniture)
    sheet.pen  # noqa: B018 - page 1
    _draw(sheet.pen, X_TEXT, sheet.y + 8, "Saldo aus letzter Abrechnung", font="hebo")
    _draw(sheet.pen, R_AMT, sheet.y + 8, _eur(previous), right=True, font="hebo")
    sheet.y += 16
    for holder, entries in groups:
        sheet.need(30)
        _draw(
            sheet.pen,
            X_BELEG,
            sheet.y + 10,
            f"Karteninhaber {holder.name}   Kartennummer 5232 XXXX XXXX {holder.card_last4}",
            font="hebo",
        )
        sheet.y += 16
        for entry in entries:
            lines = wrap(entry.description, R_FX - X_TEXT - 80, size=8.4)
            sheet.need(12 + 10 * (len(lines) - 1))
            pen, y = sheet.pen, sheet.y + 8
            _draw(pen, X_BELEG, y, dmy(entry.date, "."))
            _draw(pen, X_BUCH, y, dmy(entry.posted, "."))
            for offset, line in enumerate(lines):
                _draw(pen, X_TEXT, y + 10 * offset, line)
            fx = kurs = ""
            if entry.fx:
                fx = f"{entry.fx[1]} {money(entry.fx[0], 'de')}"
                rate = 1 / RATES["de"]["us" if entry.fx[1] == "USD" else "uk"]
                kurs = f"{rate:.4f}".replace(".", ",")
                _draw(pen, R_FX, y, fx, right=True)
                _draw(pen, R_KURS, y, kurs, right=True)
            _draw(pen, R_AMT, y, _eur(entry.cents), right=True)
            sheet.place(
                entry, dmy(entry.date, "."), dmy(entry.posted, "."), _eur(entry.cents), fx, kurs
            )
            sheet.y += 12 + 10 * (len(lines) - 1)
        sheet.y += 6
    sheet.need(64)
    pen, y = sheet.pen, sheet.y + 6
    pen.rule(300, 556, y, lw=0.5)
    for row, (label, cents) in enumerate(
        (
            ("Summe Belastungen", charges),
            ("Summe Gutschriften", credits),
            ("Neuer Saldo", new_balance),
        )
    ):
        _draw(pen, 300, y + 12 + row * 12, label, font="hebo" if row == 2 else "helv")
        _draw(
            pen,
            R_AMT,
            y + 12 + row * 12,
            _eur(cents),
            right=True,
            font="hebo" if row == 2 else "helv",
        )
    for number, page_pen in enumerate(sheet.pens):
        if number % 2 == 0:
            page_pen.stamp(150, 520, "KOPIE", angle=35, size=90, gray=0.75)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.rule(40, 556, 794, gray=0.5)
        pen.text(
            40,
            804,
            "Rheinische Kreditbank AG · Kaiser-Wilhelm-Ring 2 · 50672 Köln · "
            "Amtsgericht Köln HRB 1234",
            size=6,
        )
        pen.right(556, 804, f"Seite {number} von {total}", size=7)

    totals = {
        "previous_balance": previous,
        "new_balance": new_balance,
        "charges": charges,
        "credits": credits,
    }
    pdf = sheet.finish(title="Rheinische Kreditbank Abrechnung", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="de_rhein",
    bank="Rheinische Kreditbank",
    country="DE",
    currency="EUR",
    date_order="DMY",
    decimal_style="comma",
    style="character by character with tracking; titles widely letter-spaced",
    features="DD.MM.YYYY receipt/booking dates; 2.000,00 amounts; charges with trailing '-', "
    "credits with trailing '+'; foreign currency and rate columns; 1.75% foreign fee rows; "
    "Saldo alt/neu and sums; rotated KOPIE stamp",
    build=build,
    rows=(52, 66),
    per_page=50,
)
