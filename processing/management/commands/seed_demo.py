"""Set up a demonstration: a demo accountant, sample PDFs to upload, one session queued.

The sample is long enough to watch: three 100-page statements and 120 receipts (420 pages,
about 7,300 transactions), a little over a minute at the demo worker's pace (0.15 s a page), so
every phase, the reading speed and the time left all show on the progress page.
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand

from processing.samples import write_sample_set
from processing.upload import IncomingFile, create_session

DEMO_SET = {"statements": 3, "pages": 100, "receipts": 120}


def _is_demo_set(out: Path) -> bool:
    """The directory holds this version's demo set (an older, shorter one is replaced)."""
    try:
        truth = json.loads((out / "truth.json").read_text())
    except (OSError, ValueError):
        return False
    statements = [f for f in truth.get("files", []) if f.get("kind") == "statement"]
    return len(statements) == DEMO_SET["statements"] and all(
        f.get("pages") == DEMO_SET["pages"] for f in statements
    )


class Command(BaseCommand):
    help = (
        "Create the demo login (username 'demo'), write sample statement and receipt PDFs to "
        "upload, and queue one session made of them. Safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--out",
            type=Path,
            default=Path(settings.VAR_DIR) / "sample-pdfs",
            help="Where to write the sample PDFs.",
        )

    def handle(self, *args, **options) -> None:
        password = settings.RECON_DEMO_PASSWORD
        user, created = get_user_model().objects.get_or_create(
            username="demo", defaults={"first_name": "Demo", "last_name": "Accountant"}
        )
        if created:
            user.set_password(password)
            user.save()

        out: Path = options["out"]
        if not _is_demo_set(out):
            for old in out.glob("*.pdf"):
                old.unlink()
            write_sample_set(out_dir=out, seed=1, **DEMO_SET)
        statements = sorted(out.glob("statement_*.pdf"))
        receipts = sorted(out.glob("receipts_*.pdf"))

        if not user.recon_sessions.exists():
            handles = [path.open("rb") for path in (*statements, *receipts)]
            try:
                files = [IncomingFile(name=Path(h.name).name, content=File(h)) for h in handles]
                create_session(
                    owner=user,
                    name="Demo: sample statements",
                    statements=files[: len(statements)],
                    receipts=files[len(statements) :],
                )
            finally:
                for handle in handles:
                    handle.close()

        self.stdout.write(f"Demo login: demo / {password}" if created else "Demo login: demo")
        self.stdout.write(f"Sample PDFs to upload: {out}")
