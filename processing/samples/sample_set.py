"""Write a complete sample set: statements, receipt bundles and their truth.json."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from processing.samples.data import COMPANIES
from processing.samples.ledger import Txn
from processing.samples.people import CardholderPool
from processing.samples.receipt_plan import choose_receipts
from processing.samples.receipts import BUNDLE_SIZE, bundle_name, write_bundle
from processing.samples.statements import LAYOUTS, plan_statement
from processing.samples.truth import (
    file_entry,
    receipt_entry,
    transaction_entry,
    write_truth,
)

_GENERATED = re.compile(r"(statement|receipts)_\d+\.pdf")


def _rng(seed: int, purpose: str) -> random.Random:
    # String seeds hash with SHA-512, so streams are stable across runs and PYTHONHASHSEED, and
    # e.g. the receipt count cannot shift the statements.
    return random.Random(f"recon-samples:{seed}:{purpose}")


def _check(name: str, value: object, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")


def write_sample_set(
    *,
    out_dir: Path,
    seed: int = 1,
    statements: int = 2,
    pages: int = 6,
    receipts: int = 40,
) -> dict[str, Any]:
    """Write the PDFs and truth.json into out_dir (replacing an earlier set) and return truth."""
    _check("seed", seed, minimum=0)
    _check("statements", statements, minimum=1)
    _check("pages", pages, minimum=1)
    _check("receipts", receipts, minimum=1)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    setup = _rng(seed, "setup")
    company = setup.choice(COMPANIES)
    account_last4s = [f"{setup.randrange(10_000):04d}" for _ in LAYOUTS]
    pool = CardholderPool(rng=_rng(seed, "people"))

    files: list[dict[str, Any]] = []
    employees: dict[tuple[str, str], None] = {}
    txns: list[Txn] = []
    transactions: list[dict[str, Any]] = []
    for index in range(statements):
        plan = plan_statement(
            rng=_rng(seed, f"statement:{index}"),
            pool=pool,
            seed=seed,
            index=index,
            pages=pages,
            company=company,
            account_last4=account_last4s[index % len(LAYOUTS)],
        )
        written = plan.write(out_dir=out_dir)
        files.append(file_entry(name=plan.name, kind="statement", pages=written))
        for person in plan.cardholders():
            employees.setdefault((person.name, person.card_last4), None)
        for page_no, row in plan.rows():
            txns.append(row.txn)
            transactions.append(transaction_entry(file=plan.name, page=page_no, txn=row.txn))

    specs = choose_receipts(rng=_rng(seed, "receipts"), txns=txns, count=receipts)
    receipt_entries: list[dict[str, Any]] = []
    matches: list[dict[str, int]] = []
    for start in range(0, len(specs), BUNDLE_SIZE):
        bundle = specs[start : start + BUNDLE_SIZE]
        name = bundle_name(start // BUNDLE_SIZE + 1)
        files.append(
            file_entry(
                name=name, kind="receipt", pages=write_bundle(path=out_dir / name, specs=bundle)
            )
        )
        for page_no, spec in enumerate(bundle, start=1):
            if spec.transaction is not None:
                matches.append({"transaction": spec.transaction, "receipt": len(receipt_entries)})
            receipt_entries.append(receipt_entry(file=name, page=page_no, spec=spec))

    _remove_stale(out_dir=out_dir, keep={entry["name"] for entry in files})
    truth = {
        "seed": seed,
        "files": files,
        "employees": [{"name": name, "card_last4": last4} for name, last4 in employees],
        "transactions": transactions,
        "receipts": receipt_entries,
        "matches": sorted(matches, key=lambda match: match["transaction"]),
    }
    write_truth(out_dir=out_dir, truth=truth)
    return truth


def _remove_stale(*, out_dir: Path, keep: set[str]) -> None:
    # A smaller set written over a larger one must not leave PDFs that truth.json omits.
    for path in out_dir.iterdir():
        if _GENERATED.fullmatch(path.name) and path.name not in keep and path.is_file():
            path.unlink()
