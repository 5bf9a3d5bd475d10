"""Transactions for the bank layouts: periods, purchases with foreign spend, refunds."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from processing.samples.data import CITIES, MERCHANTS
from processing.samples.ledger import fill_descriptor
from processing.samples.people import CardholderPool, Person

from .merchants import CURRENCY, RATES, TABLES

_US_WEIGHTS = list(itertools.accumulate(m.weight for m in MERCHANTS))
_LAGS = (0, 1, 1, 1, 2, 2, 3)


@dataclass(frozen=True, slots=True)
class Spend:
    """One card transaction before layout: cents in the billing currency, > 0 for charges."""

    date: dt.date
    posted: dt.date | None
    name: str
    location: str
    cents: int
    fx: tuple[int, str] | None = None

    @property
    def text(self) -> str:
        """Return the descriptor as one line: name then location."""
        return f"{self.name} {self.location}".strip()


def period(
    rng: random.Random, *, cross_year: bool = False, years: Sequence[int] = range(2018, 2026)
) -> tuple[dt.date, dt.date]:
    """Return a monthly statement period; cross_year makes it run from December into January."""
    year = rng.choice(list(years))
    first = rng.randint(8, 20)
    month = 12 if cross_year else rng.randint(1, 11)
    start = dt.date(year, month, first)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return start, dt.date(next_year, next_month, first) - dt.timedelta(days=1)


def day_in(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """Return a uniformly chosen day between start and end inclusive."""
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _skewed(rng: random.Random, low: float, high: float) -> int:
    return round((low + (high - low) * rng.random() ** 2.2) * 100)


def merchant(rng: random.Random, region: str) -> tuple[str, str, int]:
    """Return (name, location, cents in the region's currency) for one purchase."""
    if region == "us":
        chosen = rng.choices(MERCHANTS, cum_weights=_US_WEIGHTS)[0]
        city = rng.choice(CITIES)
        name = fill_descriptor(rng=rng, template=chosen.descriptor, city=city)
        cents = _skewed(rng, chosen.low_cents / 100, min(chosen.high_cents / 100, 2400))
        return name, "", cents
    template, location, low, high, _ = rng.choices(
        TABLES[region], weights=[m[4] for m in TABLES[region]]
    )[0]
    name = fill_descriptor(rng=rng, template=template, city=CITIES[0])
    return name, location, _skewed(rng, low, high)


def purchases(
    rng: random.Random,
    *,
    region: str,
    span: tuple[dt.date, dt.date],
    count: int,
    fx_share: float = 0.0,
    posting: bool = True,
    keep: Callable[[dt.date], bool] | None = None,
) -> list[Spend]:
    """Return count purchases inside span, sorted by posting (or transaction) date.

    Both dates stay inside the span; keep, when given, must accept both of them."""
    start, end = span
    foreign = list(RATES[region])
    spends: list[Spend] = []
    while len(spends) < count:
        posted = day_in(rng, start, end)
        bought = max(start, posted - dt.timedelta(days=rng.choice(_LAGS)))
        if keep is not None and not (keep(bought) and keep(posted)):
            continue
        fx = None
        if foreign and rng.random() < fx_share:
            origin = rng.choice(foreign)
            name, location, original = merchant(rng, origin)
            cents = round(original * RATES[region][origin])
            fx = (original, CURRENCY[origin])
        else:
            name, location, cents = merchant(rng, region)
        spends.append(
            Spend(bought, posted if posting else None, name, location, max(cents, 100), fx)
        )
    return sorted(spends, key=lambda s: (s.posted or s.date, s.date))


def refund(rng: random.Random, of: Spend, end: dt.date) -> Spend:
    """Return a full or partial refund of a purchase, dated after it but by end."""
    cents = of.cents if rng.random() < 0.5 else max(100, of.cents * rng.randint(10, 60) // 100)
    later = min(end, of.date + dt.timedelta(days=rng.randint(2, 12)))
    posted = min(end, later + dt.timedelta(days=1)) if of.posted else None
    fx = None if of.fx is None else (-round(of.fx[0] * cents / of.cents), of.fx[1])
    return replace(of, date=later, posted=posted, cents=-cents, fx=fx)


def insert_sorted(spends: list[Spend], extra: Spend) -> list[Spend]:
    """Return spends with extra added in date order."""
    return sorted([*spends, extra], key=lambda s: (s.posted or s.date, s.date))


def people(rng: random.Random, count: int) -> list[Person]:
    """Return count distinct cardholders."""
    pool = CardholderPool(rng=rng)
    return [pool.new_person() for _ in range(count)]


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split total rows into parts positive counts, roughly evenly."""
    sizes = [max(1, total // parts)] * parts
    sizes[rng.randrange(parts)] += total - sum(sizes)
    return [max(1, size) for size in sizes]
