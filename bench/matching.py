"""Matching time at 1,000 and at 10,000 transactions (and receipts), side by side.

    python bench/matching.py [--rounds 3]

Both sets come from the sample generator (its truth.json, no PDFs read), so they have the same
shape: charges, credits, receipts for about 70% of the charges, decoys. Prints the medians, the
ratio (target <= 15 for ten times the rows: near-linear) and the accuracy against the truth.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from processing.matching import Charge, Slip, match
from processing.samples import write_sample_set


def sample(transactions: int, scratch: Path) -> tuple[list[Charge], list[Slip], set]:
    # About 24 rows per statement page; receipts as many as transactions.
    truth = write_sample_set(
        out_dir=scratch / str(transactions),
        seed=3,
        statements=1,
        pages=max(1, transactions // 24),
        receipts=transactions,
    )
    charges = [
        Charge(i, date.fromisoformat(t["transaction_date"]), Decimal(t["amount"]), t["description"])
        for i, t in enumerate(truth["transactions"])
        if Decimal(t["amount"]) > 0
    ]
    slips = [
        Slip(i, date.fromisoformat(r["date"]), Decimal(r["total"]), r["merchant"])
        for i, r in enumerate(truth["receipts"])
    ]
    expected = {(m["transaction"], m["receipt"]) for m in truth["matches"]}
    return charges, slips, expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="recon-bench-matching-"))
    sets = {size: sample(size, scratch) for size in (1_000, 10_000)}

    times: dict[int, list[float]] = {size: [] for size in sets}
    for _ in range(args.rounds):
        for size, (charges, slips, _) in sets.items():
            started = time.perf_counter()
            match(charges, slips)
            times[size].append(time.perf_counter() - started)

    print(f"Matching, {args.rounds} rounds, medians:")
    for size, (charges, slips, expected) in sets.items():
        found = {(p.transaction_id, p.receipt_id) for p in match(charges, slips)}
        print(
            f"  {size:>6} transactions: {len(charges):>6} charges, {len(slips):>6} receipts, "
            f"{statistics.median(times[size]) * 1000:8.1f} ms; "
            f"found {len(found & expected)}/{len(expected)} true matches, "
            f"{len(found - expected)} false"
        )
    ratio = statistics.median(times[10_000]) / statistics.median(times[1_000])
    print(f"  ratio 10,000 / 1,000: {ratio:.1f}  (target <= 15)")


if __name__ == "__main__":
    main()
