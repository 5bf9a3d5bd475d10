"""Card transactions as data: who, where, when and how much, before any layout."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import string
from dataclasses import dataclass

from processing.samples.data import BIG_TICKET, CITIES, MERCHANTS, City, Merchant
from processing.samples.people import Person

_PLACEHOLDER = re.compile(r"\{(n\d+|x\d+|city|dow|hour)\}")
_WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_ALPHANUMERIC = string.ascii_uppercase + string.digits
_MERCHANT_WEIGHTS = list(itertools.accumulate(merchant.weight for merchant in MERCHANTS))
# Posting usually follows the purchase by a day or two.
_POSTING_LAGS = (0, 1, 1, 1, 2, 2, 3)


@dataclass(frozen=True, slots=True)
class Period:
    """A statement's billing period, both ends inclusive."""

    start: dt.date
    end: dt.date

    def random_day(self, rng: random.Random) -> dt.date:
        """Return a uniformly chosen day inside the period."""
        return self.start + dt.timedelta(days=rng.randrange((self.end - self.start).days + 1))


@dataclass(frozen=True, slots=True)
class Txn:
    """One statement line; cents is negative for credits."""

    person: Person
    merchant: Merchant
    city: City
    descriptor: str
    transaction_date: dt.date
    posting_date: dt.date | None
    cents: int


def fill_descriptor(*, rng: random.Random, template: str, city: City) -> str:
    """Return the template with its placeholders replaced by random but plausible values."""

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "city":
            return city.descriptor
        if key == "dow":
            return rng.choice(_WEEKDAYS)
        if key == "hour":
            return str(rng.randint(1, 12))
        length = int(key[1:])
        if key[0] == "n":
            return f"{rng.randrange(10**length):0{length}d}"
        return "".join(rng.choices(_ALPHANUMERIC, k=length))

    return _PLACEHOLDER.sub(value, template)


def _amount(rng: random.Random, merchant: Merchant) -> int:
    low, high = merchant.low_cents, merchant.high_cents
    # Skew towards the low end: most lunches are cheap, a few team dinners are not.
    cents = low + int((high - low) * rng.random() ** 2.2)
    if merchant.category == "software" and rng.random() < 0.5:
        cents = cents // 100 * 100 - 1  # subscription price points such as 149.99
    return max(cents, low)


def section_transactions(
    *,
    rng: random.Random,
    person: Person,
    period: Period,
    count: int,
    with_posting: bool,
    big_ticket: bool,
    with_credit: bool,
) -> list[Txn]:
    """Return count transactions for one cardholder, sorted as the statement lists them."""
    home = rng.choice(CITIES)
    txns: list[Txn] = []
    for index in range(count):
        if big_ticket and index == 0:
            merchant = rng.choice(BIG_TICKET)
            cents = rng.randint(1_000_000, merchant.high_cents)
        else:
            merchant = rng.choices(MERCHANTS, cum_weights=_MERCHANT_WEIGHTS)[0]
            cents = _amount(rng, merchant)
        city = home if rng.random() < 0.6 else rng.choice(CITIES)
        txns.append(_txn(rng, person, merchant, city, period, cents, with_posting))
    if with_credit and txns:
        txns.append(_refund(rng, rng.choice(txns), period, with_posting))
    return sorted(txns, key=lambda t: (t.posting_date or t.transaction_date, t.transaction_date))


def _txn(
    rng: random.Random,
    person: Person,
    merchant: Merchant,
    city: City,
    period: Period,
    cents: int,
    with_posting: bool,
) -> Txn:
    descriptor = fill_descriptor(rng=rng, template=merchant.descriptor, city=city)
    if with_posting:
        posted = period.random_day(rng)
        # A purchase made just before the period starts still posts inside it.
        bought = posted - dt.timedelta(days=rng.choice(_POSTING_LAGS))
        return Txn(person, merchant, city, descriptor, bought, posted, cents)
    return Txn(person, merchant, city, descriptor, period.random_day(rng), None, cents)


def _refund(rng: random.Random, original: Txn, period: Period, with_posting: bool) -> Txn:
    # Full refunds repeat the purchase amount, so a matcher comparing absolute values would see
    # two candidates; receipt_plan.choose_receipts keeps such amounts out of the true matches.
    if rng.random() < 0.5:
        cents = original.cents
    else:
        cents = max(100, original.cents * rng.randint(10, 60) // 100)
    # The refund follows the purchase, still inside the period.
    later = min(period.end, original.transaction_date + dt.timedelta(days=rng.randint(2, 20)))
    posted = None
    if with_posting:
        posted = max(later, original.posting_date or later)
        lag = dt.timedelta(days=rng.choice(_POSTING_LAGS))
        later = max(original.transaction_date, posted - lag)
    return Txn(
        original.person,
        original.merchant,
        original.city,
        original.descriptor,
        later,
        posted,
        -cents,
    )
