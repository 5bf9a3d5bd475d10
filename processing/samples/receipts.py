"""Receipt pages in four designs (till slip, invoice, hotel/car folio, ride), one per page."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Iterable
from pathlib import Path

from processing.samples import formats
from processing.samples.data import ITEMS, STREETS, City
from processing.samples.pdfwriter import Canvas, write_pdf
from processing.samples.receipt_plan import ReceiptSpec

BUNDLE_SIZE = 25
_TAX_RATES = (0.0625, 0.0725, 0.08, 0.0825, 0.0875, 0.1025)


def bundle_name(number: int) -> str:
    """Return the file name of the number-th (1-based) receipt bundle."""
    return f"receipts_{number:02d}.pdf"


def write_bundle(*, path: Path, specs: Iterable[ReceiptSpec]) -> int:
    """Write one scanned bundle, a receipt per page, and return its page count."""
    return write_pdf(path=path, pages=(draw_receipt(spec) for spec in specs), title=path.name)


def draw_receipt(spec: ReceiptSpec) -> Canvas:
    """Return the page for one receipt whose grand total is exactly spec.cents."""
    # Each receipt has its own generator so that its cosmetic details never shift other data.
    rng = random.Random(spec.detail_seed)
    canvas = Canvas()
    _DRAWERS[spec.merchant.layout](canvas, spec, rng)
    return canvas


def _split(rng: random.Random, cents: int, parts: int) -> list[int]:
    """Return up to parts positive amounts (at least 0.50 each where possible) summing to cents."""
    parts = max(1, min(parts, cents // 50))
    cuts = sorted(rng.sample(range(1, cents), parts - 1)) if parts > 1 else []
    bounds = [0, *cuts, cents]
    return [high - low for low, high in itertools.pairwise(bounds)]


def _item_names(rng: random.Random, category: str, count: int) -> list[str]:
    """Return count item names, distinct while the category has enough of them."""
    names = list(dict.fromkeys(ITEMS[category]))
    picked = rng.sample(names, min(count, len(names)))
    return picked + [rng.choice(names) for _ in range(count - len(picked))]


def _even(cents: int, parts: int) -> list[int]:
    """Return parts near-equal amounts summing to cents, the odd cents on the first."""
    share, remainder = divmod(cents, parts)
    return [share + remainder, *[share] * (parts - 1)]


def _address(rng: random.Random, city: City) -> tuple[str, str]:
    return (
        f"{rng.randint(10, 9899)} {rng.choice(STREETS)}",
        f"{city.name}, {city.state} {rng.randint(10000, 99950)}",
    )


def _phone(rng: random.Random) -> str:
    return f"({rng.randint(201, 989)}) 555-{rng.randint(100, 199):04d}"


def _tax_split(cents: int, *, rate: float, tip: float = 0.0) -> tuple[int, int, int]:
    """Return (subtotal, tax, tip) summing exactly to cents."""
    subtotal = max(1, round(cents / (1 + rate + tip)))
    if not tip:
        # Rounding leftovers belong to the tax; a stray one-cent tip would look fabricated.
        return subtotal, cents - subtotal, 0
    tax = min(round(subtotal * rate), cents - subtotal)
    return subtotal, tax, cents - subtotal - tax


def _till(canvas: Canvas, spec: ReceiptSpec, rng: random.Random) -> None:
    x0, x1, center = 200.0, 412.0, 306.0
    y = 64.0

    def line(left: str, right: str = "", *, bold: bool = False) -> None:
        nonlocal y
        font = "cobo" if bold else "cour"
        canvas.text(x=x0, y=y, text=left, fontname=font)
        if right:
            canvas.text_right(right=x1, y=y, text=right, fontname=font)
        y += 11

    def centered(text: str) -> None:
        nonlocal y
        canvas.text_center(center=center, y=y, text=text, fontname="cour")
        y += 11

    canvas.text_center(
        center=center, y=y, text=spec.merchant.receipt_name, fontname="cobo", fontsize=11
    )
    y += 16
    street, town = _address(rng, spec.city)
    for text in (f"Store #{rng.randint(100, 99999)}", street, town, f"Tel {_phone(rng)}"):
        centered(text)
    centered("-" * 40)
    minutes = rng.randint(6 * 60, 22 * 60)
    line(f"Date: {formats.mm_dd_yyyy(spec.date)} {formats.clock(minutes, twelve_hour=False)}")
    line(
        f"Reg {rng.randint(1, 12):02d}  Trans {rng.randint(1000, 9999)}  Op {rng.randint(100, 999)}"
    )
    centered("-" * 40)
    category = spec.merchant.category
    if category == "fuel":
        price = rng.randint(3199, 4899) / 1000
        line(f"Pump {rng.randint(1, 16):02d}  {rng.choice(ITEMS['fuel'])}")
        line(f"{spec.cents / 100 / price:.3f} GAL @ ${price:.3f}/GAL", formats.grouped(spec.cents))
    else:
        rate = 0.0 if category == "parking" else rng.choice(_TAX_RATES)
        tip_rate = rng.choice((0.15, 0.18, 0.2)) if category == "meal" else 0.0
        subtotal, tax, tip = _tax_split(spec.cents, rate=rate, tip=tip_rate)
        amounts = _split(rng, subtotal, rng.randint(1, 5))
        for name, amount in zip(_item_names(rng, category, len(amounts)), amounts, strict=True):
            line(name[:24], formats.grouped(amount))
        line("", "-" * 10)
        line("Subtotal", formats.grouped(subtotal))
        line(f"Tax {rate * 100:.2f}%", formats.grouped(tax))
        if tip:
            line("Tip", formats.grouped(tip))
    line("TOTAL", formats.dollars(spec.cents), bold=True)
    y += 4
    line(f"VISA ************{spec.card_last4}", formats.dollars(spec.cents))
    line(f"AUTH CODE {rng.randint(0, 999999):06d}  APPROVED")
    if category in ("office", "electronics"):
        # A second date on the slip: only the purchase date is the receipt's date.
        line(f"Return by {formats.mm_dd_yyyy(spec.date + dt.timedelta(days=30))}")
    y += 6
    centered("Thank you for visiting!")
    canvas.rect(x0=x0 - 14, y0=40, x1=x1 + 14, y1=y + 4, gray=0.6)


def _invoice(canvas: Canvas, spec: ReceiptSpec, rng: random.Random) -> None:
    left, right = 50.0, 562.0
    canvas.text(x=left, y=64, text=spec.merchant.receipt_name, fontname="hebo", fontsize=16)
    canvas.text_right(right=right, y=64, text="INVOICE", fontname="hebo", fontsize=20)
    street, town = _address(rng, spec.city)
    for offset, text in enumerate((street, town, f"Tel {_phone(rng)}")):
        canvas.text(x=left, y=82 + 12 * offset, text=text, fontsize=9)
    for offset, text in enumerate(
        (
            f"Invoice no. INV-{spec.date.year}-{rng.randint(1, 999999):06d}",
            f"Invoice date: {formats.d_month_yyyy(spec.date)}",
            f"Customer no. C-{rng.randint(10000, 99999)}",
        )
    ):
        canvas.text(x=360, y=82 + 12 * offset, text=text, fontsize=9)
    canvas.text(x=left, y=140, text="Bill to", fontname="hebo", fontsize=9)
    canvas.text(x=left, y=152, text=spec.customer.name.title(), fontsize=9)
    y = 176.0
    category = spec.merchant.category
    if category == "air":
        # Flight dates lie after the purchase; the invoice date is the receipt's date.
        passenger = f"{spec.customer.surname.replace(' ', '')}/{spec.customer.given}"
        canvas.text(x=left, y=y, text=f"Passenger: {passenger}", fontsize=9)
        y += 12
        for _ in range(rng.randint(1, 2)):
            flight = spec.date + dt.timedelta(days=rng.randint(3, 40))
            canvas.text(
                x=left,
                y=y,
                fontsize=9,
                text=f"Flight {rng.randint(100, 2999)}  Departs "
                f"{formats.dd_mon_yyyy(flight)} {rng.randint(6, 21):02d}:"
                f"{rng.choice(('05', '20', '35', '50'))}",
            )
            y += 12
    y += 16
    for x, title in ((left, "Description"), (330, "Qty")):
        canvas.text(x=x, y=y, text=title, fontname="hebo", fontsize=9)
    canvas.text_right(right=460, y=y, text="Unit price", fontname="hebo", fontsize=9)
    canvas.text_right(right=right, y=y, text="Amount", fontname="hebo", fontsize=9)
    canvas.hline(x0=left, x1=right, y=y + 5)
    y += 20
    rate = 0.075 if category in ("air", "rail") else rng.choice((0.0, *_TAX_RATES))
    subtotal, tax, _ = _tax_split(spec.cents, rate=rate)
    amounts = _split(rng, subtotal, rng.randint(1, 4))
    for name, amount in zip(_item_names(rng, category, len(amounts)), amounts, strict=True):
        quantity = rng.choice([q for q in (1, 1, 2, 3, 4, 5, 10) if amount % q == 0])
        canvas.text(x=left, y=y, text=name, fontsize=9)
        canvas.text(x=330, y=y, text=str(quantity), fontsize=9)
        canvas.text_right(right=460, y=y, text=formats.grouped(amount // quantity), fontsize=9)
        canvas.text_right(right=right, y=y, text=formats.grouped(amount), fontsize=9)
        y += 14
    canvas.hline(x0=360, x1=right, y=y)
    y += 16
    tax_label = "Taxes and carrier fees" if category in ("air", "rail") else "Sales tax"
    for label, amount in (("Subtotal", subtotal), (tax_label, tax)):
        canvas.text(x=360, y=y, text=label, fontsize=9)
        canvas.text_right(right=right, y=y, text=formats.grouped(amount), fontsize=9)
        y += 14
    canvas.text(x=360, y=y + 4, text="Amount due:", fontname="hebo", fontsize=10)
    canvas.text_right(
        right=right,
        y=y + 4,
        text=f"USD {formats.grouped(spec.cents)}",
        fontname="hebo",
        fontsize=10,
    )
    canvas.text(
        x=left,
        y=y + 40,
        fontsize=9,
        text=f"Paid in full by Visa ending in {spec.card_last4}. Thank you for your business.",
    )
    canvas.text_right(right=right, y=760, text="Page 1 of 1", fontsize=8, gray=0.4)


def _folio(canvas: Canvas, spec: ReceiptSpec, rng: random.Random) -> None:
    left, right = 50.0, 562.0
    is_car = spec.merchant.category == "car"
    canvas.text(x=left, y=64, text=spec.merchant.receipt_name, fontname="hebo", fontsize=18)
    canvas.text_right(
        right=right,
        y=64,
        text="Rental Record" if is_car else "Guest Folio",
        fontname="hebo",
        fontsize=12,
    )
    street, town = _address(rng, spec.city)
    canvas.text(x=left, y=82, text=f"{street}, {town} \u00b7 Tel {_phone(rng)}", fontsize=9)
    base = round(spec.cents / 1.14)
    nights = max(1, min(10, round(base / rng.randint(9000 if is_car else 15000, 42000))))
    arrival = spec.date - dt.timedelta(days=nights)
    guest = f"{spec.customer.surname}, {spec.customer.given}"
    facts = (
        (
            f"{'Renter' if is_car else 'Guest'}: {guest}",
            f"Vehicle: {rng.choice(('Toyota Camry', 'Ford Escape', 'Nissan Altima'))}"
            if is_car
            else f"Room: {rng.randint(2, 31)}{rng.randint(1, 40):02d}",
        ),
        (
            f"{'Pickup' if is_car else 'Arrival'}: {formats.mm_dd_yy(arrival)}",
            f"{'Return' if is_car else 'Departure'}: {formats.mm_dd_yy(spec.date)}",
        ),
        (
            f"Folio No. {rng.randint(100000, 999999)}",
            f"Confirmation: {rng.randint(10**7, 10**8 - 1)}",
        ),
    )
    for offset, (first, second) in enumerate(facts):
        canvas.text(x=left, y=114 + 12 * offset, text=first, fontsize=9)
        canvas.text(x=330, y=114 + 12 * offset, text=second, fontsize=9)
    y = 164.0
    canvas.text(x=left, y=y, text="Date", fontname="hebo", fontsize=9)
    canvas.text(x=120, y=y, text="Description", fontname="hebo", fontsize=9)
    canvas.text_right(right=right, y=y, text="Charges", fontname="hebo", fontsize=9)
    canvas.hline(x0=left, x1=right, y=y + 5)
    y += 20
    # Dated charge lines carry amounts too; only the balance is the receipt total.
    rooms = _even(base, 1 if is_car else nights)
    taxes = _even(spec.cents - base, len(rooms)) if spec.cents > base else []
    for number, room in enumerate(rooms):
        day = arrival + dt.timedelta(days=number)
        charges = [("Time and Mileage" if is_car else "Room Charge", room)]
        if number < len(taxes):
            charges.append(("Taxes and Fees" if is_car else "Occupancy Tax", taxes[number]))
        for label, amount in charges:
            canvas.text(
                x=left, y=y, text=formats.mm_dd_yy(spec.date if is_car else day), fontsize=9
            )
            canvas.text(x=120, y=y, text=label, fontsize=9)
            canvas.text_right(right=right, y=y, text=formats.grouped(amount), fontsize=9)
            y += 13
    canvas.hline(x0=360, x1=right, y=y)
    y += 16
    canvas.text(x=360, y=y, text="Total charges", fontsize=9)
    canvas.text_right(right=right, y=y, text=formats.dollars(spec.cents), fontsize=9)
    canvas.text(x=360, y=y + 16, text="Balance due", fontname="hebo", fontsize=10)
    canvas.text_right(
        right=right, y=y + 16, text=formats.dollars(spec.cents), fontname="hebo", fontsize=10
    )
    canvas.text(
        x=left,
        y=y + 48,
        fontsize=9,
        text=f"Settled to VISA XXXXXXXXXXXX{spec.card_last4} at "
        f"{'return' if is_car else 'checkout'}. We hope to see you again.",
    )


def _ride(canvas: Canvas, spec: ReceiptSpec, rng: random.Random) -> None:
    left, right = 50.0, 400.0
    start = rng.randint(0, 1439)
    minutes = rng.randint(8, 55)
    canvas.text(x=left, y=70, text=spec.merchant.receipt_name, fontname="hebo", fontsize=24)
    canvas.text(
        x=left,
        y=98,
        fontsize=10,
        text=f"{formats.mon_d_yyyy(spec.date)} {formats.clock(start, twelve_hour=True)}",
    )
    first_name = spec.customer.given.split()[0].title()
    canvas.text(
        x=left, y=126, text=f"Thanks for riding, {first_name}", fontname="hebo", fontsize=16
    )
    canvas.text(x=left, y=186, text="Total", fontname="hebo", fontsize=14)
    canvas.text_right(
        right=right, y=186, text=formats.dollars(spec.cents), fontname="hebo", fontsize=14
    )
    canvas.hline(x0=left, x1=right, y=196)
    fee = min(rng.randint(150, 350), spec.cents // 5)
    tip = 0 if rng.random() < 0.4 else spec.cents * rng.randint(8, 15) // 100
    lines = [("Trip fare", spec.cents - fee - tip), ("Booking Fee", fee)]
    if tip:
        lines.append(("Tip", tip))
    y = 214.0
    for label, amount in lines:
        canvas.text(x=left, y=y, text=label, fontsize=10)
        canvas.text_right(right=right, y=y, text=formats.dollars(amount), fontsize=10)
        y += 16
    canvas.hline(x0=left, x1=right, y=y - 8)
    canvas.text(x=left, y=y + 6, text="Trip total", fontname="hebo", fontsize=10)
    canvas.text_right(
        right=right, y=y + 6, text=formats.dollars(spec.cents), fontname="hebo", fontsize=10
    )
    y += 40
    canvas.text(x=left, y=y, text="Payments", fontname="hebo", fontsize=10)
    canvas.text(
        x=left, y=y + 16, text=f"Visa \u2022\u2022\u2022\u2022{spec.card_last4}", fontsize=10
    )
    canvas.text_right(right=right, y=y + 16, text=formats.dollars(spec.cents), fontsize=10)
    street, town = _address(rng, spec.city)
    other, _ = _address(rng, spec.city)
    canvas.text(
        x=left, y=y + 48, fontsize=9, text=f"{rng.randint(2, 250) / 10:.1f} miles | {minutes} min"
    )
    canvas.text(
        x=left,
        y=y + 62,
        fontsize=9,
        text=f"{formats.clock(start, twelve_hour=True)}  {street}, {town}",
    )
    canvas.text(
        x=left,
        y=y + 76,
        fontsize=9,
        text=f"{formats.clock(start + minutes, twelve_hour=True)}  {other}, {town}",
    )


_DRAWERS: dict[str, Callable[[Canvas, ReceiptSpec, random.Random], None]] = {
    "till": _till,
    "invoice": _invoice,
    "folio": _folio,
    "ride": _ride,
}
