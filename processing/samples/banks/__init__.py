"""Bank statement generators: one module per fictional bank, each with its exact answer key.

`LAYOUTS` maps a layout key to its `Layout`; `write_bank_statement` writes one statement PDF
and returns its truth rows and printed totals; `write_bank_set` writes one statement per
layout plus a truth.json. Amounts in the truth are signed plain decimals: charges and money
out positive, payments, credits, refunds and money in negative.

Printed totals (a file's "totals") are signed plain decimals too, under these keys:
`previous_balance` / `new_balance` (cards, owed is positive: new = previous + rows),
`opening_balance` / `closing_balance` (accounts, funds are positive: closing = opening - rows),
`charges` (the positive rows), `credits` (the negative rows), `cardholders` ({name: that
cardholder's rows}), `sections` ({section: that section's rows}); other printed figures
(`minimum_due`, `credit_limit`, `payments`, ...) are kept for reference. A layout without
totals has {}.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from processing.samples.truth import TRUTH_NAME, dumps

from .base import Drawn, Layout
from .fmt import plain

# One module per fictional bank, in the order the set writes them.
MODULES = (
    "sg_lion",
    "sg_straits",
    "in_bharat",
    "in_deccan",
    "in_kaveri",
    "us_plains",
    "us_citadel",
    "us_meridian",
    "us_keystone",
    "uk_thames",
    "uk_albion",
    "de_rhein",
    "fr_lumiere",
    "se_nordkap",
)

LAYOUTS: dict[str, Layout] = {
    layout.key: layout
    for layout in (importlib.import_module(f"{__name__}.{name}").LAYOUT for name in MODULES)
}


@dataclass(frozen=True)
class BankStatement:
    """A written statement: its file, truth rows and printed totals."""

    path: Path
    layout: Layout
    file: dict[str, Any]  # the truth.json "files" entry
    rows: list[dict[str, Any]]  # the truth.json "transactions" entries, in statement order
    totals: dict[str, Any]  # printed figures as signed plain decimals
    shown: list[tuple[str, ...]]  # per row: the words printed for its amount and dates
    sections: list[str | None]  # per row: the section that prints it


def _printed(totals: Any) -> Any:
    """Return totals with every cents figure as a signed plain decimal string."""
    if isinstance(totals, dict):
        return {key: _printed(value) for key, value in totals.items()}
    if isinstance(totals, int) and not isinstance(totals, bool):
        return plain(totals)
    return totals


def _build(layout: Layout, seed: int, pages: int | None) -> Drawn:
    if pages is None:
        rows = random.Random(f"recon-banks:{seed}:{layout.key}").randint(*layout.rows)
        return layout.build(random.Random(f"recon-banks:{seed}:{layout.key}:{rows}"), rows)
    if pages < 1:
        raise ValueError(f"pages must be at least 1, got {pages}")
    # Aim at the page count: more rows while short, fewer while over, halving the gap.
    low, high, rows = 1, None, max(1, pages * layout.per_page - layout.per_page // 2)
    best: Drawn | None = None
    for _ in range(14):
        drawn = layout.build(random.Random(f"recon-banks:{seed}:{layout.key}:{rows}"), rows)
        if best is None or abs(drawn.pages - pages) < abs(best.pages - pages):
            best = drawn
        if drawn.pages == pages:
            return drawn
        if drawn.pages < pages:
            low = rows
            rows = rows + layout.per_page if high is None else (rows + high) // 2
        else:
            high = rows
            rows = (low + rows) // 2
        if rows in (low, high):
            break
    assert best is not None
    return best


def write_bank_statement(
    *, layout: str, out_dir: Path, seed: int, pages: int | None = None
) -> BankStatement:
    """Write `<out_dir>/<layout>.pdf` for the seed and return its truth.

    pages asks for that many pages (as near as the layout allows); None lets the seed choose
    20-80 rows."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be an integer >= 0, got {seed!r}")
    spec = LAYOUTS[layout]
    drawn = _build(spec, seed, pages)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{layout}.pdf"
    path = out_dir / name
    path.write_bytes(drawn.pdf)
    rows = [
        {
            "file": name,
            "page": placed.page,
            "employee": placed.entry.holder.name if placed.entry.holder else None,
            "card_last4": placed.entry.holder.card_last4 if placed.entry.holder else None,
            "transaction_date": placed.entry.date.isoformat(),
            "posting_date": placed.entry.posted.isoformat() if placed.entry.posted else None,
            "description": placed.entry.description,
            "amount": plain(placed.entry.cents),
            "original_amount": plain(placed.entry.fx[0]) if placed.entry.fx else None,
            "original_currency": placed.entry.fx[1] if placed.entry.fx else None,
        }
        for placed in drawn.rows
    ]
    file = {
        "name": name,
        "kind": "statement",
        "pages": drawn.pages,
        "layout": layout,
        "bank": spec.bank,
        "country": spec.country,
        "date_order": spec.date_order,
        "decimal_style": spec.decimal_style,
        "currency": spec.currency,
        "period": {"start": drawn.period[0].isoformat(), "end": drawn.period[1].isoformat()},
        "totals": _printed(drawn.totals),
        "style": spec.style,
        "features": spec.features,
    }
    return BankStatement(
        path=path,
        layout=spec,
        file=file,
        rows=rows,
        totals=_printed(drawn.totals),
        shown=[placed.shown for placed in drawn.rows],
        sections=[placed.entry.section for placed in drawn.rows],
    )


def write_bank_set(*, out_dir: Path, seed: int = 1) -> dict[str, Any]:
    """Write one statement per layout and truth.json into out_dir; return the truth."""
    out_dir = Path(out_dir)
    files: list[dict[str, Any]] = []
    transactions: list[dict[str, Any]] = []
    for key in LAYOUTS:
        statement = write_bank_statement(layout=key, out_dir=out_dir, seed=seed)
        files.append(statement.file)
        transactions.extend(statement.rows)
    truth = {"seed": seed, "files": files, "transactions": transactions}
    (out_dir / TRUTH_NAME).write_text(dumps(truth), encoding="utf-8")
    return truth
