"""Statements written by an author who had not seen the reader, to real-world layouts: every
row exact and the verdict of their own totals as expected (tests/fixtures/statements/blind)."""

import json
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from processing.statement_reader import read_statement
from processing.statement_reader.pdf import document_pages

BLIND = Path(__file__).resolve().parents[2] / "fixtures" / "statements" / "blind"
KEYS = sorted(BLIND.glob("*.expected.json"))


@pytest.mark.parametrize("key", KEYS, ids=[key.name.split(".")[0] for key in KEYS])
def test_a_statement_written_blind_is_read_exactly(key):
    expected = json.loads(key.read_text(encoding="utf-8"))
    with pymupdf.open(BLIND / expected["file"]) as document:
        result = read_statement(list(document_pages(document)))

    # (Amounts compare as numbers: a yen statement's "12800" is 12800.00.)
    got = [(r.date.isoformat(), r.description, r.amount) for r in result.rows]
    want = [(t["date"], t["description"], Decimal(t["amount"])) for t in expected["transactions"]]
    assert got == want
    assert result.check.verdict.value == expected["verdict"], result.check.message
    # Every original foreign amount printed for a row, and none where none is printed.
    originals = [(r.original_amount, r.original_currency) for r in result.rows]
    assert originals == [
        (Decimal(t["original_amount"]), t["original_currency"])
        if "original_amount" in t
        else (None, None)
        for t in expected["transactions"]
    ]


def test_the_blind_set_is_there():
    assert len(KEYS) >= 9
