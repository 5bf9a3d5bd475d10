"""Statement reader accuracy on bank layouts it was not written against.

    python bench/accuracy.py [--seed 1] [--seeds 1] [--layout KEY ...] [--show 0] [--keep DIR]
                             [--statements DIR ...]

Writes every bank layout of `processing.samples.banks` (one statement per layout and seed),
adds the real statements in tests/fixtures/statements/ that have an `.expected.json` and the
ones written blind in its blind/ folder (and those in each --statements DIR: a collection of
your own, `NAME.pdf` beside `NAME.expected.json` with "transactions": [{"date": "YYYY-MM-DD",
"description": ..., "amount": "-12.34"}, ...], charges positive, and optionally "verdict":
"agrees"), reads
each with `processing.statement_reader.read_statement` and prints one line per statement:
rows expected, exact (date, signed amount and description all equal), wrong sign, wrong date,
wrong description, missed, extra; for information (not part of "exact") wrong posting date and
wrong cardholder where the answer key has them, and wrong original foreign amount; the reader's
totals verdict against the one expected, and seconds; then the overall % exact. Read rows are
aligned with the expected ones in order (a sequence alignment on amount, date and description),
so one missing row does not mark the following ones wrong. A pair needs the same absolute
amount; anything else is missed + extra.

No Django needed. The reader is imported lazily: while it is missing or broken the bench still
writes the statements and says what failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from processing.samples.banks import LAYOUTS, write_bank_statement  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "statements"


@dataclass(frozen=True)
class Row:
    """One row to compare: expected or read."""

    date: dt.date | None
    amount: Decimal
    description: str
    posting: dt.date | None = field(default=None, compare=False)
    holder: str | None = field(default=None, compare=False)
    # The original foreign amount and its currency, as (amount, currency), or None.
    original: tuple | None = field(default=None, compare=False)


@dataclass
class Case:
    """One statement: its file, the expected rows and the verdict its totals should give."""

    name: str
    path: Path
    expected: list[Row]
    verdict: str  # "agrees", "unchecked" or "?" (not known)
    known: bool = False  # whether posting dates and cardholders are in the answer key
    holders: bool = False  # whether cardholders are (an answer key written blind may give them)


@dataclass
class Score:
    """The comparison of one statement's rows."""

    expected: int = 0
    exact: int = 0
    sign: int = 0
    date: int = 0
    description: int = 0
    posting: int = 0
    holder: int = 0
    original: int = 0
    missed: int = 0
    extra: int = 0
    notes: list[str] = field(default_factory=list)


def align(expected: list[Row], read: list[Row]) -> list[tuple[int | None, int | None]]:
    """Return the order-keeping pairing (expected index, read index) with the best score;
    None on one side marks a missed or an extra row."""

    def score(e: Row, r: Row) -> int:
        if abs(e.amount) != abs(r.amount):
            return -1
        return (
            8 + 2 * (e.date == r.date) + (e.description == r.description) + (e.amount == r.amount)
        )

    n, m = len(expected), len(read)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = score(expected[i], read[j])
            best[i][j] = max(
                best[i + 1][j],
                best[i][j + 1],
                best[i + 1][j + 1] + pair if pair >= 0 else -1,
            )
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        pair = score(expected[i], read[j])
        if pair >= 0 and best[i][j] == best[i + 1][j + 1] + pair:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return pairs


def compare(
    expected: list[Row], read: list[Row], *, show: int, known: bool, holders: bool = False
) -> Score:
    """Score read rows against expected ones (posting dates and cardholders when known;
    `holders`: cardholders known)."""
    holders = holders or known
    result = Score(expected=len(expected))
    for e_index, r_index in align(expected, read):
        if r_index is None:
            result.missed += 1
            _note(result, show, f"missed  {expected[e_index]}")
            continue
        if e_index is None:
            result.extra += 1
            _note(result, show, f"extra   {read[r_index]}")
            continue
        e, r = expected[e_index], read[r_index]
        result.sign += e.amount != r.amount
        result.date += e.date != r.date
        result.description += e.description != r.description
        result.posting += known and e.posting != r.posting
        result.holder += holders and e.holder != r.holder
        result.original += e.original != r.original
        if e == r:
            result.exact += 1
            if holders and e.holder != r.holder:
                _note(result, show, f"holder  {e}\n          read as {r.holder}")
        else:
            _note(result, show, f"differs {e}\n          read as {r}")
    return result


def _note(result: Score, show: int, text: str) -> None:
    if len(result.notes) < show:
        result.notes.append(text)


def _known(count: int, known: bool) -> str:
    return f"{count:>4}" if known else f"{'-':>4}"


def bank_cases(out: Path, seeds: list[int], keys: list[str]) -> list[Case]:
    """Write the bank layouts and return them as cases."""
    cases = []
    for seed in seeds:
        for key in keys:
            statement = write_bank_statement(layout=key, out_dir=out / f"seed{seed}", seed=seed)
            rows = [
                Row(
                    dt.date.fromisoformat(t["transaction_date"]),
                    Decimal(t["amount"]),
                    t["description"],
                    dt.date.fromisoformat(t["posting_date"]) if t["posting_date"] else None,
                    t["employee"],
                    _original(t),
                )
                for t in statement.rows
            ]
            verdict = "agrees" if statement.totals else "unchecked"
            name = key if len(seeds) == 1 else f"{key}#{seed}"
            cases.append(Case(name, statement.path, rows, verdict, known=True))
    return cases


def fixture_cases(folder: Path = FIXTURES) -> list[Case]:
    """Return the statements in `folder` that come with expected rows."""
    cases = []
    for expected_path in sorted(folder.glob("*.expected.json")):
        pdf = expected_path.with_name(expected_path.name.replace(".expected.json", ".pdf"))
        if not pdf.exists():
            continue
        data = json.loads(expected_path.read_text(encoding="utf-8"))
        rows = [
            Row(
                dt.date.fromisoformat(t.get("date") or t["transaction_date"]),
                Decimal(t["amount"]),
                t["description"],
                holder=t.get("cardholder"),
                original=_original(t),
            )
            for t in data["transactions"]
        ]
        holders = any("cardholder" in t for t in data["transactions"])
        cases.append(Case(pdf.stem, pdf, rows, data.get("verdict", "?"), holders=holders))
    return cases


def _original(row: dict) -> tuple | None:
    """An answer key's original foreign amount: (amount, currency), or None."""
    if not row.get("original_amount"):
        return None
    return Decimal(row["original_amount"]), row.get("original_currency") or ""


def pages_of(path: Path) -> list:
    """Return the PDF's pages as the reader's PageWords."""
    import pymupdf

    from processing.statement_reader.pdf import document_pages

    with pymupdf.open(path) as document:
        return list(document_pages(document))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    parser.add_argument("--seeds", type=int, default=1, help="seeds per layout (default 1)")
    parser.add_argument(
        "--layout", action="append", choices=[*sorted(LAYOUTS), "none"], help="only these"
    )
    parser.add_argument("--show", type=int, default=0, help="print up to N differences each")
    parser.add_argument("--keep", type=Path, help="write the PDFs here instead of a temp dir")
    parser.add_argument(
        "--statements",
        type=Path,
        action="append",
        default=[],
        help="also read the statements with expected rows in this folder (only these with "
        "--layout none)",
    )
    args = parser.parse_args()

    out = args.keep or Path(tempfile.mkdtemp(prefix="recon-bench-accuracy-"))
    seeds = list(range(args.seed, args.seed + args.seeds))
    only_own = args.layout == ["none"]
    cases = [] if only_own else bank_cases(out, seeds, args.layout or list(LAYOUTS))
    if not args.layout:
        cases += fixture_cases() + fixture_cases(FIXTURES / "blind")
    for folder in args.statements:
        cases += fixture_cases(folder)
    print(f"{len(cases)} statements ({out})")
    try:
        from processing.statement_reader import read_statement
    except Exception as error:  # missing, half-written or broken: say so, plainly
        print(f"The statement reader cannot be imported ({type(error).__name__}: {error}).")
        print("Statements were written; nothing was read.")
        return 2

    head = (
        f"{'statement':<20} {'rows':>5} {'exact':>5} {'sign':>5} {'date':>5} {'desc':>5} "
        f"{'miss':>5} {'extra':>5} | {'post':>4} {'card':>4} {'fx':>4} | "
        f"{'totals check (expected)':<28} "
        f"{'secs':>5}"
    )
    print(head)
    print("-" * len(head))
    total = Score()
    for case in cases:
        started = time.perf_counter()
        try:
            result = read_statement(pages_of(case.path))
        except Exception as error:
            print(
                f"{case.name:<20} {len(case.expected):>5}  reader failed: "
                f"{type(error).__name__}: {error}"
            )
            if args.show:
                traceback.print_exc()
            total.expected += len(case.expected)
            total.missed += len(case.expected)
            continue
        seconds = time.perf_counter() - started
        read = [
            Row(
                r.date,
                r.amount,
                r.description,
                r.posting_date,
                r.cardholder,
                (r.original_amount, r.original_currency or "") if r.original_amount else None,
            )
            for r in result.rows
        ]
        score = compare(case.expected, read, show=args.show, known=case.known, holders=case.holders)
        verdict = str(result.check.verdict.value)
        mark = "" if case.verdict in ("?", verdict) else " !"
        check = f"{verdict} ({case.verdict}){mark}"
        print(
            f"{case.name:<20} {score.expected:>5} {score.exact:>5} {score.sign:>5} "
            f"{score.date:>5} {score.description:>5} {score.missed:>5} {score.extra:>5} | "
            f"{_known(score.posting, case.known)} "
            f"{_known(score.holder, case.known or case.holders)} {score.original:>4} | "
            f"{check:<28} {seconds:>5.2f}"
        )
        for note in score.notes:
            print(f"      {note}")
        for name in (
            "expected",
            "exact",
            "sign",
            "date",
            "description",
            "posting",
            "holder",
            "original",
            "missed",
            "extra",
        ):
            setattr(total, name, getattr(total, name) + getattr(score, name))
    print("-" * len(head))
    print(
        f"{'all':<20} {total.expected:>5} {total.exact:>5} {total.sign:>5} {total.date:>5} "
        f"{total.description:>5} {total.missed:>5} {total.extra:>5} | {total.posting:>4} "
        f"{total.holder:>4} {total.original:>4} |"
    )
    share = 100 * total.exact / total.expected if total.expected else 0.0
    print(f"exact: {share:.1f}% of {total.expected} expected rows")
    print(
        "(post = wrong posting date, card = wrong cardholder, fx = wrong original foreign "
        "amount or currency: shown, not part of exact)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
