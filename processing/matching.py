"""Matching transactions to receipts: each side in at most one match.

A receipt matches a charge of exactly its total, dated the same day or a few days before the
charge (hotels and car hires bill at checkout; card networks post late), from a merchant whose
name resembles the statement's descriptor ("Amazon.com" and "AMZN MKTP US*2K3LL"). Receipts are
indexed by total, so each transaction only looks at receipts of its own amount: the work grows
with the number of rows, not with their product. Within one amount, pairs are taken best first
(most similar merchant, then nearest date), which settles two charges of the same amount
correctly; pairs of different amounts never compete, so each amount is settled on its own and
the count of matches is exact as the work goes.

Where two receipts are equally good for one charge (or one receipt for two charges), nothing is
paired automatically: guessing would be right half the time and look certain. The accountant
settles it on the review page, which lists the candidates.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import groupby

# How many days a receipt may be dated before the charge, and after it.
DAYS_BEFORE = 5
DAYS_AFTER = 1
# Below this merchant similarity, equal amounts and dates alone are not trusted.
MIN_SIMILARITY = 0.5

_NOISE = frozenset(
    {"com", "www", "inc", "llc", "ltd", "the", "and", "co", "corp", "store", "help", "bill"}
)
_TOKEN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Charge:
    id: int
    when: date
    amount: Decimal
    description: str


@dataclass(frozen=True)
class Slip:
    id: int
    when: date | None
    total: Decimal
    merchant: str


@dataclass(frozen=True)
class Pairing:
    transaction_id: int
    receipt_id: int
    score: float
    days_apart: int


def match(
    charges: list[Charge],
    slips: list[Slip],
    *,
    progress: Callable[[int, int], None] = lambda done, matched: None,
) -> list[Pairing]:
    """The best one-to-one pairing of charges and receipts; `progress(done, matched)` is
    called as charges are settled."""
    slips_by_total: dict[Decimal, list[Slip]] = defaultdict(list)
    for slip in slips:
        if slip.when is not None:
            slips_by_total[slip.total].append(slip)
    charges_by_amount: dict[Decimal, list[Charge]] = defaultdict(list)
    for charge in charges:
        charges_by_amount[charge.amount].append(charge)

    pairings: list[Pairing] = []
    done = 0
    for amount, group in charges_by_amount.items():
        pairings.extend(_settle(group, slips_by_total.get(amount, ())))
        done += len(group)
        progress(done, len(pairings))
    return pairings


def _settle(charges: list[Charge], slips: list[Slip]) -> Iterator[Pairing]:
    """Pair charges and receipts of one amount, best pairs first."""
    candidates = [
        (score, -abs(days), charge.id, slip.id, days)
        for charge in charges
        for slip, score, days in _candidates(charge, slips)
    ]
    taken_charges: set[int] = set()
    taken_slips: set[int] = set()
    ordered = sorted(candidates, reverse=True)
    for _, level in groupby(ordered, key=lambda candidate: candidate[:2]):
        # Pairs equally good: those still free at this level compete with one another.
        free = [c for c in level if c[2] not in taken_charges and c[3] not in taken_slips]
        per_charge = Counter(c[2] for c in free)
        per_slip = Counter(c[3] for c in free)
        for score, _, charge_id, slip_id, days in free:
            if charge_id in taken_charges or slip_id in taken_slips:
                continue
            if per_charge[charge_id] > 1 or per_slip[slip_id] > 1:
                # A tie: this charge is left for the accountant, never paired by a coin toss.
                taken_charges.add(charge_id)
                continue
            taken_charges.add(charge_id)
            taken_slips.add(slip_id)
            yield Pairing(charge_id, slip_id, score, days)


def candidates(charge: Charge, slips) -> Iterator[tuple[Slip, float, int]]:
    """The receipts among `slips` that could be `charge`'s: its amount is assumed; the date
    window and the merchant likeness are checked. Yields (slip, likeness, days apart)."""
    return _candidates(charge, slips)


def _candidates(charge: Charge, slips) -> Iterator[tuple[Slip, float, int]]:
    for slip in slips:
        days = (charge.when - slip.when).days
        if not -DAYS_AFTER <= days <= DAYS_BEFORE:
            continue
        score = similarity(charge.description, slip.merchant)
        if score >= MIN_SIMILARITY:
            yield slip, score, days


@lru_cache(maxsize=65536)
def similarity(descriptor: str, merchant: str) -> float:
    """How much a statement descriptor looks like a receipt's merchant name, 0 to 1.

    Word by word: the same word scores 1, a prefix ("AIR" in "AIRLINES") 0.9, an abbreviation
    that keeps the letters in order ("AMZN" for "AMAZON") 0.7; the score is the best word's.
    """
    ours = _words(descriptor)
    theirs = _words(merchant)
    best = 0.0
    for word in theirs:
        for other in ours:
            best = max(best, _word_similarity(word, other))
            if best == 1.0:
                return best
    return best


def _words(text: str) -> tuple[str, ...]:
    return tuple(
        word
        for word in _TOKEN.findall(text.lower().replace("'", "").replace("’", ""))
        if len(word) >= 3 and word not in _NOISE
    )


def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long.startswith(short):
        return 0.9
    if short[0] == long[0] and _is_subsequence(short, long):
        return 0.7
    return 0.0


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(ch in remaining for ch in short)
