"""The real, public, anonymised statement: read exactly, with no configuration."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pymupdf

from processing.statement_reader import DateOrder, Verdict, read_statement
from processing.statement_reader.pdf import document_pages

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"


def read(name: str):
    with pymupdf.open(FIXTURES / name) as document:
        return read_statement(list(document_pages(document)))


def test_monopoly_statement_rows_are_exact():
    expected = json.loads((FIXTURES / "monopoly_example.expected.json").read_text())
    result = read("monopoly_example.pdf")

    got = [(r.date.isoformat(), r.description, str(r.amount)) for r in result.rows]
    want = [(t["date"], t["description"], t["amount"]) for t in expected["transactions"]]
    assert got == want


def test_monopoly_statement_agrees_with_its_own_totals():
    result = read("monopoly_example.pdf")

    assert result.check.verdict == Verdict.AGREES
    assert any("412.16" in phrase and "702.10" in phrase for phrase in result.check.checked)
    assert result.date_order == DateOrder.DAY_FIRST
    assert not [w for w in result.warnings if "either way" in w]


def test_monopoly_rows_carry_their_evidence():
    result = read("monopoly_example.pdf")
    payment = result.rows[0]

    assert payment.amount == Decimal("-412.16")
    assert payment.date == date(2023, 7, 2)
    assert "parentheses" in payment.evidence.sign
    assert "day first" in payment.evidence.date_order
    assert "STATEMENT DATE" in payment.evidence.year
    assert payment.cardholder == "DJ PARANCA"
    assert payment.card_last4 == "9473"
