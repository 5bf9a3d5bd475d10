"""`manage.py make_sample_pdfs`: write synthetic statements and receipts plus their truth.json."""

from argparse import ArgumentParser, ArgumentTypeError
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from processing.samples import write_sample_set
from processing.samples.banks import LAYOUTS, write_bank_set


def _integer(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < minimum:
            raise ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


class Command(BaseCommand):
    help = (
        "Write sample card statements (statement_NN.pdf), receipt bundles (receipts_NN.pdf) and "
        "truth.json into --out. The same arguments always give the same files."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="directory to write into")
        parser.add_argument("--seed", type=_integer(0), default=1, help="data seed (default 1)")
        parser.add_argument(
            "--statements", type=_integer(1), default=2, help="number of statement PDFs (default 2)"
        )
        parser.add_argument(
            "--pages", type=_integer(1), default=6, help="pages per statement (default 6)"
        )
        parser.add_argument(
            "--receipts",
            type=_integer(1),
            default=40,
            help="receipts in all, one per page, 25 per bundle (default 40)",
        )
        parser.add_argument(
            "--banks",
            action="store_true",
            help=f"also write one statement per bank layout ({len(LAYOUTS)} fictional banks) "
            "into <out>/banks/ with its own truth.json",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Write the set and print one summary line."""
        out = Path(options["out"])
        try:
            # call_command(**kwargs) skips argparse's type checks; write_sample_set repeats them.
            truth = write_sample_set(
                out_dir=out,
                seed=options["seed"],
                statements=options["statements"],
                pages=options["pages"],
                receipts=options["receipts"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"cannot write the sample set to {out}: {exc}") from exc
        files = truth["files"]
        statement_pages = sum(f["pages"] for f in files if f["kind"] == "statement")
        receipt_pages = sum(f["pages"] for f in files if f["kind"] == "receipt")
        self.stdout.write(
            f"Wrote {len(files)} PDF files ({statement_pages} statement pages, {receipt_pages} "
            f"receipt pages) and truth.json: {len(truth['transactions'])} transactions, "
            f"{len(truth['employees'])} cardholders, {len(truth['receipts'])} receipts, "
            f"{len(truth['matches'])} matches, in {out}"
        )
        if options.get("banks"):
            self._write_banks(out / "banks", seed=options["seed"])

    def _write_banks(self, out: Path, *, seed: int) -> None:
        """Write the bank-layout statements and print one summary line."""
        try:
            truth = write_bank_set(out_dir=out, seed=seed)
        except OSError as exc:
            raise CommandError(f"cannot write the bank statements to {out}: {exc}") from exc
        pages = sum(f["pages"] for f in truth["files"])
        self.stdout.write(
            f"Wrote {len(truth['files'])} bank statements ({pages} pages) and truth.json: "
            f"{len(truth['transactions'])} transactions, in {out}"
        )
