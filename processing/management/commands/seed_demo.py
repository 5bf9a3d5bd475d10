"""Set up a demonstration: a demo accountant, sample PDFs to upload, one session queued."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand

from processing.samples import write_sample_set
from processing.upload import IncomingFile, create_session


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
        if not (out / "truth.json").exists():
            write_sample_set(out_dir=out, seed=1, statements=2, pages=6, receipts=40)
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
