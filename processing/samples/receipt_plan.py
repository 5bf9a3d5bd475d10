"""Decide which transactions get receipts and which receipts are decoys, unambiguously."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from processing.samples.data import CITIES, PERSONAL_MERCHANTS, City, Merchant
from processing.samples.ledger import Txn
from processing.samples.people import Person

ReceiptKind = Literal["match", "far_date_decoy", "same_day_decoy", "personal"]

COVERAGE = 0.7
# A true match has the same amount and a receipt dated 0-3 days before the transaction. Keeping
# every other transaction with that amount (refunds included) more than UNIQUE_DAYS away, and
# every decoy's amount more than DECOY_CLEAR_DAYS from any transaction with it, leaves a
# sensible matcher exactly one answer per receipt, even if it also tries the posting date.
UNIQUE_DAYS = 10
DECOY_CLEAR_DAYS = 14
_RECEIPT_LAGS = (0, 1, 2, 3)
_RECEIPT_LAG_WEIGHTS = (55, 25, 12, 8)


@dataclass(frozen=True, slots=True)
class ReceiptSpec:
    """One receipt page's facts; transaction indexes the set's transactions if it matches."""

    kind: ReceiptKind
    merchant: Merchant
    city: City
    date: dt.date
    cents: int
    card_last4: str
    customer: Person
    transaction: int | None
    detail_seed: int


class _AmountIndex:
    """Transaction days by absolute amount, for 'is any transaction this close?' questions."""

    def __init__(self, txns: Sequence[Txn]) -> None:
        days: defaultdict[int, list[int]] = defaultdict(list)
        for txn in txns:
            days[abs(txn.cents)].append(txn.transaction_date.toordinal())
        self._days = {cents: sorted(values) for cents, values in days.items()}

    def count_near(self, *, cents: int, day: dt.date, days: int) -> int:
        """Return how many transactions of abs amount cents lie within days of day."""
        values = self._days.get(cents, [])
        ordinal = day.toordinal()
        return bisect.bisect_right(values, ordinal + days) - bisect.bisect_left(
            values, ordinal - days
        )


def choose_receipts(*, rng: random.Random, txns: Sequence[Txn], count: int) -> list[ReceiptSpec]:
    """Return count receipts: ~70% of debits matched, the rest (>=~10%) matching nothing."""
    index = _AmountIndex(txns)
    debits = [i for i, txn in enumerate(txns) if txn.cents > 0]
    min_unmatched = max(1, round(count / 10)) if count >= 2 else 0
    wanted = min(round(COVERAGE * len(debits)), count - min_unmatched)
    # Walk the debits in random order and keep the unambiguous ones until enough are found;
    # testing all 50,000 rows of a 2,000-page statement for 40 receipts would be wasted work.
    chosen: list[int] = []
    for i in rng.sample(debits, len(debits)):
        if len(chosen) == wanted:
            break
        txn = txns[i]
        if index.count_near(cents=txn.cents, day=txn.transaction_date, days=UNIQUE_DAYS) == 1:
            chosen.append(i)
    matched = len(chosen)
    specs = [_matching(rng, txns[i], i) for i in sorted(chosen)]
    kinds: list[ReceiptKind] = ["far_date_decoy", "same_day_decoy", "personal"]
    rng.shuffle(kinds)
    for number in range(count - matched):
        spec = _unmatched(rng, txns, debits, index, kinds[number % len(kinds)])
        specs.append(spec)
    rng.shuffle(specs)
    return specs


def _matching(rng: random.Random, txn: Txn, position: int) -> ReceiptSpec:
    lag = rng.choices(_RECEIPT_LAGS, weights=_RECEIPT_LAG_WEIGHTS)[0]
    return ReceiptSpec(
        kind="match",
        merchant=txn.merchant,
        city=txn.city,
        date=txn.transaction_date - dt.timedelta(days=lag),
        cents=txn.cents,
        card_last4=txn.person.card_last4,
        customer=txn.person,
        transaction=position,
        detail_seed=rng.randrange(2**32),
    )


def _unmatched(
    rng: random.Random,
    txns: Sequence[Txn],
    debits: list[int],
    index: _AmountIndex,
    kind: ReceiptKind,
) -> ReceiptSpec:
    for _ in range(50 if debits and kind != "personal" else 0):
        base = txns[rng.choice(debits)]
        if kind == "far_date_decoy":
            # Same merchant and amount, but weeks away from the charge.
            offset = rng.randint(21, 45) * rng.choice((-1, 1))
            day, cents = base.transaction_date + dt.timedelta(days=offset), base.cents
        else:
            # Same merchant and day, different amount: the second coffee was personal.
            low = max(100, base.cents // 20)
            cents = base.cents + rng.randint(low, max(low + 100, base.cents // 3)) * rng.choice(
                (-1, 1)
            )
            day = base.transaction_date
        if cents > 0 and index.count_near(cents=cents, day=day, days=DECOY_CLEAR_DAYS) == 0:
            return ReceiptSpec(
                kind=kind,
                merchant=base.merchant,
                city=base.city,
                date=day,
                cents=cents,
                card_last4=base.person.card_last4,
                customer=base.person,
                transaction=None,
                detail_seed=rng.randrange(2**32),
            )
    return _personal(rng, txns, index)


def _personal(rng: random.Random, txns: Sequence[Txn], index: _AmountIndex) -> ReceiptSpec:
    first = min((txn.transaction_date for txn in txns), default=dt.date(2026, 1, 1))
    last = max((txn.transaction_date for txn in txns), default=first)
    customer = rng.choice(txns).person if txns else Person("ALEX MORGAN", "0000", "ALEX", "MORGAN")
    ceiling = max((abs(txn.cents) for txn in txns), default=0)
    for attempt in itertools.count():
        merchant = rng.choice(PERSONAL_MERCHANTS)
        cents = rng.randint(merchant.low_cents, merchant.high_cents)
        if attempt >= 200:
            # Huge statements can use up every small amount; nothing charges more than ceiling.
            cents = ceiling + rng.randint(1, 10_000)
        day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        if index.count_near(cents=cents, day=day, days=DECOY_CLEAR_DAYS) == 0:
            return ReceiptSpec(
                kind="personal",
                merchant=merchant,
                city=rng.choice(CITIES),
                date=day,
                cents=cents,
                card_last4=f"{rng.randrange(10_000):04d}",
                customer=customer,
                transaction=None,
                detail_seed=rng.randrange(2**32),
            )
    raise AssertionError("itertools.count() never ends")
