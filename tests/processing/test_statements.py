"""Statements through the worker with no configuration: every generated bank layout and the
shared real statement come out exact, each file carries its totals verdict, and a statement
that yields nothing or disagrees with its own totals leaves the session *needs attention*."""

import io
import json
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path

import pymupdf
import pytest
from django.core.management import call_command

from processing.samples.banks import write_bank_set
from sessions_app.models import Session
from tests.builders.pdfs import make_pdf
from tests.builders.samples import queued_session_with

pytestmark = pytest.mark.django_db(transaction=True)

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "statements"


@cache
def bank_set() -> tuple[Path, dict]:
    out = Path(tempfile.mkdtemp(prefix="recon-banks-"))
    return out, write_bank_set(out_dir=out, seed=3)


def work() -> str:
    out = io.StringIO()
    call_command("process_sessions", "--once", stdout=out, stderr=out)
    return out.getvalue()


def rows_of(session: Session) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for t in session.transactions.select_related("source_file").order_by(
        "source_file__position", "page", "line"
    ):
        found.setdefault(t.source_file.original_name, []).append(
            (t.transaction_date.isoformat(), t.description, t.amount)
        )
    return found


def test_every_bank_layout_and_the_real_statement_are_read_exactly():
    directory, truth = bank_set()
    real = json.loads((REAL / "monopoly_example.expected.json").read_text())
    files = [(f["name"], (directory / f["name"]).read_bytes()) for f in truth["files"]]
    files.append(("monopoly_example.pdf", (REAL / "monopoly_example.pdf").read_bytes()))
    session = queued_session_with(files)

    work()

    session.refresh_from_db()
    assert session.current_phase == "completed"
    expected: dict[str, list[tuple]] = {}
    for row in truth["transactions"]:
        expected.setdefault(row["file"], []).append(
            (row["transaction_date"], row["description"], Decimal(row["amount"]))
        )
    expected["monopoly_example.pdf"] = [
        (row["date"], row["description"], Decimal(row["amount"])) for row in real["transactions"]
    ]
    assert rows_of(session) == expected
    verdicts = dict(session.files.values_list("original_name", "check_verdict"))
    for file in truth["files"]:
        wanted = "unchecked" if not file["totals"] else "agrees"
        assert verdicts[file["name"]] == wanted, file["name"]
    assert verdicts["monopoly_example.pdf"] == "agrees"
    assert not session.needs_attention
    evidence = session.transactions.filter(evidence__isnull=False).first().evidence
    assert set(evidence) == {"sign", "amount_column", "date_order", "year"}


def test_a_statement_missing_a_row_disagrees_and_needs_attention():
    data = (REAL / "monopoly_example.pdf").read_bytes()
    document = pymupdf.open(stream=data, filetype="pdf")
    page = document[0]
    [hit] = page.search_for("DELIGHTFUL BREAKFAST")
    # Blank the whole row, date to amount, as if the page had lost it.
    page.add_redact_annot(pymupdf.Rect(0, hit.y0 - 1, page.rect.width, hit.y1 + 1))
    page.apply_redactions()
    session = queued_session_with([("cut.pdf", document.tobytes())])

    work()

    session.refresh_from_db()
    assert session.current_phase == "completed"
    file = session.files.get()
    assert file.check_verdict == "disagrees"
    assert file.check_message.startswith("does not agree")
    assert session.needs_attention
    assert "“cut.pdf” does not agree" in session.attention_reason


def test_a_statement_with_no_rows_needs_attention():
    session = queued_session_with([("letter.pdf", make_pdf(["Dear customer,", "Thank you."]))])

    work()

    session.refresh_from_db()
    assert session.current_phase == "completed"
    assert session.needs_attention
    assert session.attention_reason == "No transactions were found in “letter.pdf”."
    assert session.files.get().check_verdict == "unchecked"


def ambiguous_statement() -> bytes:
    """A statement whose every date reads either way (no day above 12, no date in words)."""
    document = pymupdf.open()
    page = document.new_page()
    y = 72
    for x, text in [(72, "Date"), (140, "Description"), (420, "Amount")]:
        page.insert_text((x, y), text, fontsize=9)
    for day, description, amount in [
        ("02/07", "COFFEE HOUSE", "4.50"),
        ("03/07", "TAXI RIDE", "18.20"),
        ("11/07", "PAYMENT", "(40.00)"),
    ]:
        y += 14
        for x, text in [(72, day), (140, description), (420, amount)]:
            page.insert_text((x, y), text, fontsize=9)
    page.insert_text((72, y + 24), "Statement date 12/07/2024", fontsize=9)
    return document.tobytes()


def test_ambiguous_dates_are_read_with_a_warning_naming_the_file_and_the_assumption():
    session = queued_session_with([("july.pdf", ambiguous_statement())])

    work()

    session.refresh_from_db()
    file = session.files.get()
    [warning] = [w for w in file.warnings if "either way" in w]
    assert warning.startswith("“july.pdf”") and "read as day first" in warning
    assert file.reading_notes["date_order"] == "DMY"
    assert [t.transaction_date.isoformat() for t in session.transactions.all()] == [
        "2024-07-02",
        "2024-07-03",
        "2024-07-11",
    ]
