"""The bank statement generators: deterministic PDFs whose rows and totals match their truth.

No database: the generators are plain Python; only the command test goes through Django.
"""

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from functools import cache
from io import StringIO
from pathlib import Path

import pymupdf
import pytest
from django.core.management import call_command

from processing.samples.banks import LAYOUTS, write_bank_set, write_bank_statement
from processing.samples.banks.fmt import money
from processing.samples.truth import dumps

SEEDS = (1, 2)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("banks")


@cache
def _statement(out: Path, layout: str, seed: int):
    return write_bank_statement(layout=layout, out_dir=out / f"seed{seed}", seed=seed)


@cache
def _page_words(path: Path) -> tuple[Counter, ...]:
    with pymupdf.open(path) as document:
        return tuple(Counter(word[4] for word in page.get_text("words")) for page in document)


def _cases() -> list[tuple[str, int]]:
    return [(layout, seed) for layout in LAYOUTS for seed in SEEDS]


def test_at_least_twelve_layouts_from_the_regions() -> None:
    assert len(LAYOUTS) >= 12
    banks = {layout.bank for layout in LAYOUTS.values()}
    assert len(banks) == len(LAYOUTS)
    countries = {layout.country for layout in LAYOUTS.values()}
    assert {"SG", "IN", "US", "GB"} <= countries
    assert countries & {"DE", "FR", "SE", "NL", "ES", "IT"}
    assert {layout.date_order for layout in LAYOUTS.values()} == {"DMY", "MDY", "YMD"}
    assert {layout.decimal_style for layout in LAYOUTS.values()} == {"point", "comma"}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_same_seed_same_bytes(tmp_path, layout) -> None:
    first = write_bank_statement(layout=layout, out_dir=tmp_path / "a", seed=7)
    second = write_bank_statement(layout=layout, out_dir=tmp_path / "b", seed=7)
    other = write_bank_statement(layout=layout, out_dir=tmp_path / "c", seed=8)
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.rows == second.rows and first.totals == second.totals
    assert first.path.read_bytes() != other.path.read_bytes()


@pytest.mark.parametrize(("layout", "seed"), _cases())
def test_truth_rows_are_on_their_pages(out, layout, seed) -> None:
    statement = _statement(out, layout, seed)
    pages = _page_words(statement.path)
    assert statement.file["pages"] == len(pages)
    assert 2 <= len(pages) <= 6
    assert 20 <= len(statement.rows) <= 80
    for row, shown in zip(statement.rows, statement.shown, strict=True):
        words = pages[row["page"] - 1]
        wanted = Counter(row["description"].split()) + Counter(shown)
        missing = [word for word, count in wanted.items() if words[word] < count]
        assert not missing, f"{layout} page {row['page']}: {missing} of {row}"
        assert row["description"] == " ".join(row["description"].split())
        assert shown, "every row prints at least its amount"


@pytest.mark.parametrize(("layout", "seed"), _cases())
def test_truth_values_are_well_formed(out, layout, seed) -> None:
    statement = _statement(out, layout, seed)
    for row in statement.rows:
        amount = Decimal(row["amount"])
        assert amount != 0 and row["amount"] == f"{amount:.2f}"
        if row["original_amount"] is not None:
            assert row["original_currency"] in {"USD", "GBP", "EUR", "SGD", "INR", "SEK"}
            assert Decimal(row["original_amount"]).copy_sign(1) > 0
        else:
            assert row["original_currency"] is None
        assert (row["employee"] is None) == (row["card_last4"] is None)
    amounts = [Decimal(row["amount"]) for row in statement.rows]
    assert any(a > 0 for a in amounts) and any(a < 0 for a in amounts)


@pytest.mark.parametrize(("layout", "seed"), _cases())
def test_dates_fall_in_the_statement_period(out, layout, seed) -> None:
    statement = _statement(out, layout, seed)
    start = dt.date.fromisoformat(statement.file["period"]["start"])
    end = dt.date.fromisoformat(statement.file["period"]["end"])
    assert 27 <= (end - start).days <= 31
    for row in statement.rows:
        day = dt.date.fromisoformat(row["transaction_date"])
        assert start <= day <= end, row
        if row["posting_date"]:
            posted = dt.date.fromisoformat(row["posting_date"])
            assert day <= posted <= end, row


@pytest.mark.parametrize(("layout", "seed"), _cases())
def test_printed_totals_equal_the_rows(out, layout, seed) -> None:
    statement = _statement(out, layout, seed)
    totals = {k: v for k, v in statement.totals.items() if not isinstance(v, dict)}
    amounts = [Decimal(row["amount"]) for row in statement.rows]
    money_ = {key: Decimal(value) for key, value in totals.items()}
    if "previous_balance" in money_:
        assert money_["new_balance"] - money_["previous_balance"] == sum(amounts)
    if "opening_balance" in money_:
        assert money_["opening_balance"] - sum(amounts) == money_["closing_balance"]
    if "charges" in money_:
        assert money_["charges"] == sum(a for a in amounts if a > 0)
    if "credits" in money_:
        assert money_["credits"] == sum(a for a in amounts if a < 0)
    for name, total in statement.totals.get("cardholders", {}).items():
        rows = [Decimal(r["amount"]) for r in statement.rows if r["employee"] == name]
        assert rows and sum(rows) == Decimal(total), name
    for section, total in statement.totals.get("sections", {}).items():
        rows = [a for a, s in zip(amounts, statement.sections, strict=True) if s == section]
        assert rows and sum(rows) == Decimal(total), section
    checked = {"previous_balance", "opening_balance", "charges", "credits"} & set(money_)
    if layout == "se_nordkap":
        assert statement.totals == {}  # the layout without any totals
    else:
        assert checked or statement.totals.get("sections"), "totals that can be checked"


def test_ambiguous_layout_has_only_small_days_and_words_decide(out) -> None:
    statement = _statement(out, "uk_albion", 1)
    assert statement.file["date_order"] == "DMY"
    days = [dt.date.fromisoformat(r["transaction_date"]) for r in statement.rows]
    assert all(day.day <= 12 for day in days)
    start = dt.date.fromisoformat(statement.file["period"]["start"])
    end = dt.date.fromisoformat(statement.file["period"]["end"])
    # Read month-first, at least one row falls outside the period printed in words.
    swapped = [dt.date(day.year, day.day, day.month) for day in days if day.day != day.month]
    assert any(not start <= day <= end for day in swapped)
    text = "".join(page.get_text() for page in pymupdf.open(statement.path))
    assert f"Statement date {end.day} {end.strftime('%B')} {end.year}" in text


def test_day_first_layouts_show_days_above_twelve(out) -> None:
    for layout in ("sg_lion", "in_bharat", "de_rhein", "fr_lumiere"):
        rows = _statement(out, layout, 1).rows
        assert any(dt.date.fromisoformat(r["transaction_date"]).day > 12 for r in rows), layout


def test_a_page_count_can_be_asked_for(tmp_path) -> None:
    for layout in ("sg_straits", "in_deccan", "us_plains"):
        statement = write_bank_statement(layout=layout, out_dir=tmp_path, seed=3, pages=4)
        assert statement.file["pages"] == 4, layout
    with pytest.raises(ValueError):
        write_bank_statement(layout="sg_lion", out_dir=tmp_path, seed=3, pages=0)


def test_amount_spellings() -> None:
    assert money(10304115, "lakh") == "1,03,041.15"
    assert money(-26000000, "lakh") == "2,60,000.00"
    assert money(4050000, "plain") == "40500.00"
    assert money(279535, "space") == "2 795.35"
    assert money(279535, "fr") == "2 795,35"
    assert money(200000, "de") == "2.000,00"
    assert money(123456789, "us") == "1,234,567.89"


def test_bank_set_writes_one_statement_per_layout_and_truth(tmp_path) -> None:
    truth = write_bank_set(out_dir=tmp_path, seed=4)
    on_disk = (tmp_path / "truth.json").read_text(encoding="utf-8")
    assert on_disk == dumps(truth) and json.loads(on_disk) == truth
    assert [f["layout"] for f in truth["files"]] == list(LAYOUTS)
    assert {p.name for p in tmp_path.iterdir()} == {f"{k}.pdf" for k in LAYOUTS} | {"truth.json"}
    names = [f["name"] for f in truth["files"]]
    order = [names.index(t["file"]) for t in truth["transactions"]]
    assert order == sorted(order)
    for file in truth["files"]:
        assert file["kind"] == "statement"
        assert {"pages", "date_order", "decimal_style", "currency", "totals"} <= set(file)
    keys = {
        "file",
        "page",
        "employee",
        "card_last4",
        "transaction_date",
        "posting_date",
        "description",
        "amount",
        "original_amount",
        "original_currency",
    }
    assert all(set(t) == keys for t in truth["transactions"])


def test_command_writes_the_banks_beside_the_sample_set(tmp_path) -> None:
    stdout = StringIO()
    call_command(
        "make_sample_pdfs",
        "--out",
        str(tmp_path),
        "--seed",
        "5",
        "--statements",
        "1",
        "--pages",
        "1",
        "--receipts",
        "3",
        "--banks",
        stdout=stdout,
    )
    assert {p.name for p in tmp_path.iterdir()} == {
        "statement_01.pdf",
        "receipts_01.pdf",
        "truth.json",
        "banks",
    }
    truth = json.loads((tmp_path / "banks" / "truth.json").read_text())
    assert truth == write_bank_set(out_dir=tmp_path / "again", seed=5)
    assert f"Wrote {len(LAYOUTS)} bank statements" in stdout.getvalue()
