"""Banque Lumière (France) current account statement (relevé de compte).

Style: multi-line cells: each row is a set of `insert_textbox` cells (date, narration, value
date, debit, credit); narrations are wrapped in a narrow column over 1-9 lines with the date on
the first line.
Features: `DD/MM` operation and value dates with no year (the year only in "du 15 décembre
2023 au 14 janvier 2024" and in the closing line), periods that cross a new year; French
amounts with space grouping and decimal comma `2 795,35` (the space splits the number into two
words); separate Débit and Crédit columns; SEPA narrations with mandate and reference fields
inside the description, card payments with their own `12/01` date inside it; opening
"SOLDE CREDITEUR AU", "TOTAL DES OPERATIONS" and "NOUVEAU SOLDE CREDITEUR AU" lines.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import A4, Drawn, Entry, Layout, Pen, Sheet, wrap
from .fmt import dmy, money
from .ledger import day_in, merchant, period

COLS = (
    ("Date", 40, 74),
    ("Nature des opérations", 78, 300),
    ("Valeur", 304, 340),
    ("Débit", 344, 440),
    ("Crédit", 444, 540),
)
MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
SIZE = 7.6


def _long(day: dt.date) -> str:
    return f"{day.day} {MOIS[day.month - 1]} {day.year}"


def _narration(rng: random.Random, day: dt.date) -> tuple[str, int]:
    kind = rng.choices(
        ("cb", "prlv", "vir_in", "vir_out", "inst", "chq", "frais"), weights=(8, 3, 2, 2, 1, 1, 1)
    )[0]
    if kind == "cb":
        name, place, cents = merchant(rng, "fr")
        return f"CB {name} {dmy(day, year=0)} {place} CARTE {rng.randrange(10**4):04d}", cents
    if kind == "prlv":
        who = rng.choice(
            ("EDF CLIENTS PARTICULIERS", "ORANGE SA", "URSSAF ILE DE FRANCE", "AXA FRANCE IARD")
        )
        return (
            f"PRLV SEPA {who} ECH/{day:%d%m%y} ID EMETTEUR/FR{rng.randint(10, 99)}ZZZ"
            f"{rng.randrange(10**6):06d} MDT/{rng.randrange(10**7):07d} "
            f"REF/{rng.randrange(10**9):09d} LIB/{rng.choice(('FACTURE', 'ECHEANCE'))} "
            f"{MOIS[day.month - 1].upper()}"
        ), rng.randint(30_00, 2_400_00)
    if kind == "vir_in":
        who = rng.choice(("ACME HOLDINGS SAS", "FABRIKAM FRANCE", "LITWARE EUROPE"))
        return (
            f"VIR SEPA RECU /DE {who} /MOTIF REGLEMENT FACTURE F{rng.randint(2000, 9999)} "
            f"/REF {rng.randrange(10**10):010d} /IBAN FR76 3000 4000 0312 3456 7890 143"
        ), -rng.randint(800_00, 26_000_00)
    if kind == "vir_out":
        who = rng.choice(("SCI LES TILLEULS", "CABINET DURAND AVOCATS", "IMPRIMERIE MOREAU"))
        return (
            f"VIR SEPA EMIS /VERS {who} /MOTIF LOYER {MOIS[day.month - 1].upper()} "
            f"/REF {rng.randrange(10**8):08d}"
        ), rng.randint(400_00, 6_500_00)
    if kind == "inst":  # the longest narrations: 7-9 lines in the column
        numbers = " ".join(f"{day.year}-{rng.randint(100, 999)}" for _ in range(3))
        return (
            f"VIR INST EMIS /VERS IMPRIMERIE MOREAU ET FILS /MOTIF FACTURES {numbers} ACOMPTE "
            f"SUR COMMANDE CATALOGUE PRINTEMPS /REF "
            f"{rng.randrange(10**8):08d} /BIC BNPAFRPPXXX /IBAN FR76 3000 4000 0312 3456 7890 "
            f"143 /EXECUTE LE {dmy(day, year=0)}"
        ), rng.randint(900_00, 14_000_00)
    if kind == "chq":
        return f"CHEQUE N° {rng.randrange(10**7):07d}", rng.randint(50_00, 3_000_00)
    return rng.choice(
        ("FRAIS TENUE DE COMPTE", "COTISATION CARTE VISA BUSINESS", "COMMISSION D'INTERVENTION")
    ), rng.choice((8_00, 12_50, 49_00))


def build(rng: random.Random, rows: int) -> Drawn:
    """Draw a statement with about rows transactions."""
    start, end = period(rng, cross_year=rng.random() < 0.6)
    entries: list[Entry] = []
    for _ in range(rows):
        day = day_in(rng, start, end)
        text, cents = _narration(rng, day)
        value = min(end, day + dt.timedelta(days=rng.choice((0, 0, 1, 2))))
        entries.append(Entry(day, value, text, cents))
    entries.sort(key=lambda e: e.date)
    opening = rng.randint(2_000_00, 60_000_00)
    debit = sum(e.cents for e in entries if e.cents > 0)
    credit = sum(e.cents for e in entries if e.cents < 0)
    closing = opening - debit - credit
    account = f"{rng.randrange(10**11):011d}"

    def furniture(pen: Pen, number: int) -> float:
        pen.text(40, 50, "BANQUE LUMIÈRE", font="tibo", size=18, gray=0.1)
        pen.right(555, 46, "RELEVÉ DE COMPTE", font="hebo", size=10)
        pen.right(555, 58, f"Compte courant n° {account}", size=8)
        pen.right(555, 70, f"du {_long(start)} au {_long(end)}", size=8)
        top = 92.0
        if number == 1:
            pen.text(40, 82, "SARL ATELIER COHO", font="hebo", size=9)
            pen.text(40, 94, "14 RUE DE LA PAIX 75002 PARIS", size=8)
            top = 124.0
        pen.rect(38, top - 12, 542, top + 2, fill=0.88)
        for title, x0, x1 in COLS:
            pen.box(x0, top - 10, x1, [title], font="hebo", size=7.5, align=2 if x0 > 340 else 0)
        return top + 6

    sheet = Sheet(size=A4, top=92, bottom=780, on_new_page=furniture, fontsize=SIZE)
    sheet.pen.box(
        COLS[1][1], sheet.y, COLS[1][2], [f"SOLDE CREDITEUR AU {dmy(start)}"], font="hebo"
    )
    sheet.pen.box(COLS[4][1], sheet.y, COLS[4][2], [money(opening, "fr")], font="hebo", align=2)
    sheet.y += 14
    for entry in entries:
        lines = wrap(entry.description, COLS[1][2] - COLS[1][1] - 90, size=SIZE)
        height = 4 + len(lines) * SIZE * 1.1 * 1.075
        sheet.need(height)
        pen, top = sheet.pen, sheet.y
        pen.box(COLS[0][1], top, COLS[0][2], [dmy(entry.date, year=0)], lineheight=1.1)
        pen.box(COLS[1][1], top, COLS[1][2], lines, lineheight=1.1)
        pen.box(COLS[2][1], top, COLS[2][2], [dmy(entry.posted, year=0)], lineheight=1.1)
        column = COLS[3] if entry.cents > 0 else COLS[4]
        pen.box(column[1], top, column[2], [money(entry.cents, "fr")], align=2, lineheight=1.1)
        sheet.place(
            entry, dmy(entry.date, year=0), dmy(entry.posted, year=0), money(entry.cents, "fr")
        )
        sheet.y += height
    sheet.need(40)
    pen, y = sheet.pen, sheet.y + 4
    pen.rule(38, 542, y, lw=0.6)
    pen.box(COLS[1][1], y + 3, COLS[1][2], ["TOTAL DES OPERATIONS"], font="hebo")
    pen.box(COLS[3][1], y + 3, COLS[3][2], [money(debit, "fr")], font="hebo", align=2)
    pen.box(COLS[4][1], y + 3, COLS[4][2], [money(credit, "fr")], font="hebo", align=2)
    label = "CREDITEUR" if closing >= 0 else "DEBITEUR"
    pen.box(COLS[1][1], y + 17, COLS[1][2], [f"NOUVEAU SOLDE {label} AU {dmy(end)}"], font="hebo")
    column = COLS[4] if closing >= 0 else COLS[3]
    pen.box(column[1], y + 17, column[2], [money(closing, "fr")], font="hebo", align=2)

    def footer(pen: Pen, number: int, total: int) -> None:
        pen.text(
            40,
            806,
            "Banque Lumière SA au capital de 12 000 000 EUR - RCS Paris B 552 "
            "120 222 - ORIAS 07 022 735",
            size=6,
        )
        pen.right(555, 806, f"Page {number}/{total}", size=7)

    totals = {
        "opening_balance": opening,
        "closing_balance": closing,
        "charges": debit,
        "credits": credit,
    }
    pdf = sheet.finish(title="Banque Lumière relevé", footer=footer)
    return Drawn(pdf, len(sheet.pens), sheet.placed, totals, (start, end))


LAYOUT = Layout(
    key="fr_lumiere",
    bank="Banque Lumière",
    country="FR",
    currency="EUR",
    date_order="DMY",
    decimal_style="comma",
    style="multi-line cells: insert_textbox per cell, narrations of 1-9 lines",
    features="DD/MM dates without year, year only in the period in words and the closing "
    "line; 2 795,35 amounts; Débit/Crédit columns; SEPA narrations; opening, total and "
    "closing balance lines",
    build=build,
    rows=(25, 70),
    per_page=24,
)
