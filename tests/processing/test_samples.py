"""The sample PDF generator: deterministic sets whose PDFs read back exactly as truth.json says.

No database: these run with pytest-django (the command test then uses call_command) and without
it (`pytest -p no:django --noconftest tests/processing/test_samples.py`).
"""

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pymupdf
import pytest

from processing.samples import write_sample_set
from processing.samples.formats import MONTHS as FULL_MONTHS

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ROW_A = re.compile(r"\d\d/\d\d \d\d/\d\d .+ -?[\d,]+\.\d\d")
ROW_B = re.compile(r"\d\d [A-Z][a-z]{2} \d{4} .+ \d{23} [\d,]+\.\d\d( CR)?")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("samples")
    return out, write_sample_set(out_dir=out, seed=1)


# -- reading the PDFs back the way the product does ------------------------------------------


@cache
def _pages(path: Path) -> tuple[list[list[tuple[float, float, str]]], ...]:
    """Every page as lines rebuilt from get_text("words"): grouped by baseline, sorted by x."""
    pages = []
    with pymupdf.open(path) as document:
        for page in document:
            words = sorted(page.get_text("words"), key=lambda w: (w[3], w[0]))
            lines: list[list[tuple[float, float, str]]] = []
            for x0, _, _, y1, text, *_ in words:
                if lines and abs(lines[-1][0][1] - y1) <= 2:
                    lines[-1].append((x0, y1, text))
                else:
                    lines.append([(x0, y1, text)])
            pages.append([sorted(line) for line in lines])
    return tuple(pages)


def _text(line: list[tuple[float, float, str]]) -> str:
    return " ".join(word for _, _, word in line)


def _parse_rows(path: Path, page_no: int) -> list[tuple[str, ...]]:
    """Transactions on a page as (date(s)..., description, amount), wrapped lines joined."""
    rows: list[tuple[str, ...]] = []
    desc_x = y = None
    for line in _pages(path)[page_no - 1]:
        text, words = _text(line), [word for _, _, word in line]
        if ROW_A.fullmatch(text):
            rows.append((words[0], words[1], " ".join(words[2:-1]), words[-1]))
            desc_x, y = line[2][0], line[0][1]
        elif ROW_B.fullmatch(text):
            credit = words[-1] == "CR"
            amount_at = -2 if credit else -1
            amount = words[amount_at] + (" CR" if credit else "")
            rows.append((" ".join(words[:3]), " ".join(words[3 : amount_at - 1]), amount))
            desc_x, y = line[3][0], line[0][1]
        elif desc_x is not None and abs(line[0][0] - desc_x) < 1 and line[0][1] - y < 12:
            # A wrapped description: next baseline, description column, no date, no amount.
            *head, description, amount = rows[-1]
            rows[-1] = (*head, f"{description} {text}", amount)
            desc_x = None
        else:
            desc_x = None
    return rows


def _layout(path: Path) -> str:
    return "A" if _text(_pages(path)[0][0]).startswith("Northwind Bank") else "B"


def _grouped(amount: str) -> str:
    cents = round(abs(float(amount)) * 100)
    return f"{cents // 100:,}.{cents % 100:02d}"


def _expected_row(txn: dict, layout: str) -> tuple[str, ...]:
    day = dt.date.fromisoformat(txn["transaction_date"])
    credit = txn["amount"].startswith("-")
    if layout == "A":
        posted = dt.date.fromisoformat(txn["posting_date"])
        amount = ("-" if credit else "") + _grouped(txn["amount"])
        return (f"{day:%m/%d}", f"{posted:%m/%d}", txn["description"], amount)
    amount = _grouped(txn["amount"]) + (" CR" if credit else "")
    return (f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}", txn["description"], amount)


def _digest(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


# -- determinism -----------------------------------------------------------------------------


def test_same_arguments_give_identical_files_truth_and_text(tmp_path, sample) -> None:
    out, truth = sample
    again = write_sample_set(out_dir=tmp_path, seed=1)
    assert again == truth
    assert _digest(tmp_path) == _digest(out)
    for entry in truth["files"]:
        with pymupdf.open(out / entry["name"]) as a, pymupdf.open(tmp_path / entry["name"]) as b:
            assert [p.get_text() for p in a] == [p.get_text() for p in b]
            assert a.metadata == b.metadata


def test_different_seeds_give_different_data(tmp_path, sample) -> None:
    _, truth = sample
    other = write_sample_set(out_dir=tmp_path, seed=2)
    assert other["transactions"] != truth["transactions"]
    assert other["employees"] != truth["employees"]
    assert other["receipts"] != truth["receipts"]


def test_generator_does_not_import_django() -> None:
    code = (
        "import sys, processing.samples; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


# -- files and pages -------------------------------------------------------------------------


def test_truth_lists_every_file_with_its_real_page_count(sample) -> None:
    out, truth = sample
    names = [entry["name"] for entry in truth["files"]]
    assert names == ["statement_01.pdf", "statement_02.pdf", "receipts_01.pdf", "receipts_02.pdf"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "truth.json"])
    for entry in truth["files"]:
        with pymupdf.open(out / entry["name"]) as document:
            assert len(document) == entry["pages"]
            assert not document.is_repaired
            # Base-14 fonts only, nothing embedded.
            assert {f[3] for f in document.get_page_fonts(0)} <= {
                "Helvetica",
                "Helvetica-Bold",
                "Courier",
                "Courier-Bold",
            }
            assert all(f[1] == "n/a" for f in document.get_page_fonts(0))
    assert [e["pages"] for e in truth["files"]] == [6, 6, 25, 15]
    assert json.loads((out / "truth.json").read_text()) == truth


def test_one_receipt_per_page_in_bundles_of_at_most_25(tmp_path) -> None:
    truth = write_sample_set(out_dir=tmp_path, seed=4, statements=1, pages=3, receipts=51)
    bundles = [e for e in truth["files"] if e["kind"] == "receipt"]
    assert [(e["name"], e["pages"]) for e in bundles] == [
        ("receipts_01.pdf", 25),
        ("receipts_02.pdf", 25),
        ("receipts_03.pdf", 1),
    ]
    per_page = Counter((r["file"], r["page"]) for r in truth["receipts"])
    assert len(per_page) == 51 and set(per_page.values()) == {1}


def test_a_smaller_set_replaces_a_larger_one_without_leftovers(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    write_sample_set(out_dir=tmp_path, statements=3, pages=1, receipts=60)
    truth = write_sample_set(out_dir=tmp_path, statements=1, pages=1, receipts=10)
    expected = {e["name"] for e in truth["files"]} | {"truth.json", "notes.txt"}
    assert {p.name for p in tmp_path.iterdir()} == expected


@pytest.mark.parametrize(
    "bad",
    [
        {"pages": 0},
        {"statements": -1},
        {"receipts": 0},
        {"seed": -3},
        {"pages": True},
        {"pages": "6"},
    ],
)
def test_bad_arguments_are_refused(tmp_path, bad) -> None:
    with pytest.raises(ValueError, match=next(iter(bad))):
        write_sample_set(out_dir=tmp_path, **bad)


def test_a_2000_page_statement_generates(tmp_path) -> None:
    truth = write_sample_set(out_dir=tmp_path, seed=7, statements=1, pages=2000, receipts=5)
    assert truth["files"][0] == {"name": "statement_01.pdf", "kind": "statement", "pages": 2000}
    rows = Counter(t["page"] for t in truth["transactions"])
    assert set(rows) == set(range(1, 2001))
    # About 20-28 rows on a full page; fewer only where many short sections meet.
    full_pages = sorted(rows[p] for p in range(2, 2000))
    assert 20 <= full_pages[len(full_pages) // 2] <= 28
    assert full_pages[0] >= 15 and full_pages[-1] <= 28
    with pymupdf.open(tmp_path / "statement_01.pdf") as document:
        assert "Page 2000 of 2000" in document[-1].get_text()


# -- statements ------------------------------------------------------------------------------


def test_baseline_lines_rebuild_every_truth_transaction_and_nothing_else(sample) -> None:
    out, truth = sample
    expected: defaultdict[tuple[str, int], list[tuple[str, ...]]] = defaultdict(list)
    for txn in truth["transactions"]:
        expected[txn["file"], txn["page"]].append(_expected_row(txn, _layout(out / txn["file"])))
    for entry in truth["files"]:
        if entry["kind"] == "statement":
            for page_no in range(1, entry["pages"] + 1):
                path = out / entry["name"]
                assert _parse_rows(path, page_no) == expected[entry["name"], page_no]


def test_plain_get_text_never_puts_a_date_and_its_amount_on_one_line(sample) -> None:
    out, truth = sample
    documents = {e["name"]: pymupdf.open(out / e["name"]) for e in truth["files"][:2]}
    for txn in truth["transactions"]:
        lines = documents[txn["file"]][txn["page"] - 1].get_text().splitlines()
        date, *_, amount = _expected_row(txn, _layout(out / txn["file"]))
        assert not [line for line in lines if date in line and amount.split()[0] in line]
    for document in documents.values():
        document.close()


def test_statements_carry_the_furniture_of_real_ones(sample) -> None:
    out, truth = sample
    for entry in truth["files"][:2]:
        with pymupdf.open(out / entry["name"]) as document:
            texts = [page.get_text() for page in document]
        for number, text in enumerate(texts, start=1):
            assert f"Page {number} of {entry['pages']}" in text
        assert "New balance" in texts[0] or "Closing balance" in texts[0]
        assert not any("balance" in text for text in texts[1:])
        assert any("(continued)" in text for text in texts)
    first = "\n".join(_text(line) for line in _pages(out / "statement_01.pdf")[0])
    assert "Northwind Bank \u2014 Corporate Card" in first
    # Seed 1's first period crosses the year end, so MM/DD dates need the period's years.
    assert "Statement period 12/15/2025 - 01/14/2026" in first
    years = {
        t["transaction_date"][:4] for t in truth["transactions"] if t["file"] == "statement_01.pdf"
    }
    assert years == {"2025", "2026"}
    second = "\n".join(_text(line) for line in _pages(out / "statement_02.pdf")[0])
    assert "Contoso Commercial Card" in second and "Billing period: " in second
    assert all(
        t["posting_date"] is None for t in truth["transactions"] if t["file"] == "statement_02.pdf"
    )


def test_amounts_descriptions_and_cardholders_are_varied(tmp_path) -> None:
    truth = write_sample_set(out_dir=tmp_path, seed=1, statements=4, pages=6)
    txns = truth["transactions"]
    for name in ("statement_01.pdf", "statement_02.pdf"):
        amounts = [float(t["amount"]) for t in txns if t["file"] == name]
        assert any(a < 0 for a in amounts)
        assert any(a > 1000 for a in amounts) and any(a > 10000 for a in amounts)
        counts = Counter(t["employee"] for t in txns if t["file"] == name)
        assert len(counts) >= 3
    assert any(re.search(r"\d{5,}", t["description"]) for t in txns)
    files_per_card = defaultdict(set)
    for txn in txns:
        files_per_card[txn["employee"], txn["card_last4"]].add(txn["file"])
    assert any(len(files) > 1 for files in files_per_card.values())
    assert set(files_per_card) == {(e["name"], e["card_last4"]) for e in truth["employees"]}
    assert len(truth["employees"]) == len({e["name"] for e in truth["employees"]})


def test_long_descriptions_wrap_onto_a_second_baseline(sample) -> None:
    out, truth = sample
    wrapped = 0
    for txn in truth["transactions"]:
        lines = [_text(line) for line in _pages(out / txn["file"])[txn["page"] - 1]]
        if not any(txn["description"] in line for line in lines):
            wrapped += 1
    assert wrapped >= 2


def test_cardholder_totals_add_up_and_continued_headings_continue(sample) -> None:
    out, truth = sample
    sums: Counter[tuple[str, str]] = Counter()
    for txn in truth["transactions"]:
        sums[txn["file"], txn["employee"]] += round(float(txn["amount"]) * 100)
    for entry in truth["files"][:2]:
        totals = 0
        for page_no, page in enumerate(_pages(out / entry["name"]), start=1):
            for line in page:
                text = _text(line)
                if match := re.fullmatch(r"Total for (.+?) \$?([\d,]+\.\d\d)( CR)?", text):
                    cents = round(float(match[2].replace(",", "")) * 100)
                    assert sums[entry["name"], match[1]] == (-cents if match[3] else cents)
                    totals += 1
                if match := re.match(r"(?:Cardholder: )?(.+) \(continued\)", text):
                    previous = [
                        t
                        for t in truth["transactions"]
                        if t["file"] == entry["name"] and t["page"] == page_no - 1
                    ]
                    assert previous[-1]["employee"] == match[1]
        assert totals == len(
            {t["employee"] for t in truth["transactions"] if t["file"] == entry["name"]}
        )


# -- receipts and matches --------------------------------------------------------------------


def test_receipts_show_merchant_total_and_date(sample) -> None:
    out, truth = sample
    layouts: Counter[str] = Counter()
    for receipt in truth["receipts"]:
        with pymupdf.open(out / receipt["file"]) as document:
            text = document[receipt["page"] - 1].get_text()
        day = dt.date.fromisoformat(receipt["date"])
        dates = (
            f"{day:%m/%d/%Y}",
            f"{day.day} {FULL_MONTHS[day.month - 1]} {day.year}",
            f"{day:%m/%d/%y}",
            f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        )
        assert receipt["merchant"] in text
        assert _grouped(receipt["total"]) in text
        assert any(date in text for date in dates)
        markers = ("TOTAL", "INVOICE", "Balance due", "Trip total")
        layouts[next(marker for marker in markers if marker in text)] += 1
    assert len(layouts) >= 3


def test_matches_are_consistent_and_unambiguous(sample) -> None:
    _, truth = sample
    txns, receipts = truth["transactions"], truth["receipts"]
    matched = {m["receipt"]: m["transaction"] for m in truth["matches"]}
    assert len(set(matched.values())) == len(matched)
    for index, receipt in enumerate(receipts):
        day = dt.date.fromisoformat(receipt["date"])
        strict = [
            i
            for i, t in enumerate(txns)
            if t["amount"] == receipt["total"]
            and 0 <= (dt.date.fromisoformat(t["transaction_date"]) - day).days <= 3
        ]
        # A looser matcher (absolute amounts, a week either way) must reach the same answer.
        loose = [
            i
            for i, t in enumerate(txns)
            if t["amount"].lstrip("-") == receipt["total"]
            and abs((dt.date.fromisoformat(t["transaction_date"]) - day).days) <= 7
        ]
        expected = [matched[index]] if index in matched else []
        assert strict == expected and loose == expected
    unmatched = len(receipts) - len(matched)
    assert unmatched >= len(receipts) / 10
    assert len(matched) == 36


@pytest.mark.parametrize(("receipts", "expected_matched"), [(1, 1), (5, 4), (400, None)])
def test_receipt_count_sets_coverage(tmp_path, receipts, expected_matched) -> None:
    truth = write_sample_set(out_dir=tmp_path, seed=3, statements=1, pages=2, receipts=receipts)
    debits = sum(not t["amount"].startswith("-") for t in truth["transactions"])
    matched = len(truth["matches"])
    assert len(truth["receipts"]) == receipts
    if expected_matched is not None:
        assert matched == expected_matched
    else:
        # Plenty of receipts: about 70% of debits get one, the rest are extra unmatched ones.
        assert 0.6 * debits <= matched <= 0.7 * debits + 1


# -- the management command ------------------------------------------------------------------


def _django_ready() -> bool:
    try:
        from django.apps import apps
    except ImportError:
        return False
    return apps.ready


@pytest.mark.skipif(not _django_ready(), reason="needs Django set up (pytest-django)")
def test_command_writes_the_set_and_reports_it(tmp_path) -> None:
    from io import StringIO

    from django.core.management import call_command

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
        "2",
        "--receipts",
        "12",
        stdout=stdout,
    )
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert truth == write_sample_set(
        out_dir=tmp_path / "again", seed=5, statements=1, pages=2, receipts=12
    )
    assert {p.name for p in tmp_path.iterdir()} == {
        "statement_01.pdf",
        "receipts_01.pdf",
        "truth.json",
        "again",
    }
    line = stdout.getvalue()
    assert "2 PDF files" in line and str(tmp_path) in line
    assert f"{len(truth['transactions'])} transactions" in line
    assert "12 receipts" in line and f"{len(truth['matches'])} matches" in line


@pytest.mark.skipif(not _django_ready(), reason="needs Django set up (pytest-django)")
@pytest.mark.parametrize(
    ("args", "kwargs"), [(["--pages", "0"], {}), (["--seed", "x"], {}), ([], {"receipts": 0})]
)
def test_command_refuses_bad_arguments(tmp_path, args, kwargs) -> None:
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("make_sample_pdfs", "--out", str(tmp_path), *args, **kwargs)
    assert not (tmp_path / "truth.json").exists()
