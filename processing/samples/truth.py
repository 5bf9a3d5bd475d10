"""The truth.json answer key: what an extractor and matcher should find in a sample set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from processing.samples import formats
from processing.samples.ledger import Txn
from processing.samples.receipt_plan import ReceiptSpec

TRUTH_NAME = "truth.json"


def file_entry(*, name: str, kind: str, pages: int) -> dict[str, Any]:
    """Return the truth entry for one PDF."""
    return {"name": name, "kind": kind, "pages": pages}


def transaction_entry(*, file: str, page: int, txn: Txn) -> dict[str, Any]:
    """Return the truth entry for one statement row, with the description exactly as drawn."""
    return {
        "file": file,
        "page": page,
        "employee": txn.person.name,
        "card_last4": txn.person.card_last4,
        "transaction_date": txn.transaction_date.isoformat(),
        "posting_date": txn.posting_date.isoformat() if txn.posting_date else None,
        "description": txn.descriptor,
        "amount": formats.plain(txn.cents),
    }


def receipt_entry(*, file: str, page: int, spec: ReceiptSpec) -> dict[str, Any]:
    """Return the truth entry for one receipt page."""
    return {
        "file": file,
        "page": page,
        "merchant": spec.merchant.receipt_name,
        "date": spec.date.isoformat(),
        "total": formats.plain(spec.cents),
    }


def write_truth(*, out_dir: Path, truth: dict[str, Any]) -> Path:
    """Write truth.json byte-for-byte reproducibly and return its path."""
    path = out_dir / TRUTH_NAME
    path.write_text(dumps(truth), encoding="utf-8")
    return path


def dumps(truth: dict[str, Any]) -> str:
    """Return truth as JSON with one record per line: diffable, and quick for 50,000 rows."""
    # json.dumps(indent=...) falls back to the pure-Python encoder, seconds for big statements.
    parts = []
    for key, value in truth.items():
        if isinstance(value, list) and value:
            records = ",\n".join(f"    {json.dumps(record)}" for record in value)
            parts.append(f"  {json.dumps(key)}: [\n{records}\n  ]")
        else:
            parts.append(f"  {json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
