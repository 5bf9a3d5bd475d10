"""Run the upload phase from files on disk and queue the session."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from processing.errors import UploadRefused
from processing.upload import IncomingFile, create_session


class Command(BaseCommand):
    help = (
        "Create a reconciliation session from statement and receipt PDFs on disk, run its "
        "upload phase and queue it for the workers. Prints the session id."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--owner", required=True, help="Username of the accountant.")
        parser.add_argument("--name", required=True, help="Session name, e.g. 'March 2026'.")
        parser.add_argument("--statements", nargs="+", required=True, type=Path, metavar="PDF")
        parser.add_argument("--receipts", nargs="*", default=[], type=Path, metavar="PDF")

    def handle(self, *args, **options) -> None:
        try:
            owner = get_user_model().objects.get(username=options["owner"])
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"There is no user called “{options['owner']}”.") from exc
        missing = [p for p in (*options["statements"], *options["receipts"]) if not p.is_file()]
        if missing:
            raise CommandError("Not a file: " + ", ".join(str(p) for p in missing))

        handles = []
        try:
            statements = [self.incoming(path, handles) for path in options["statements"]]
            receipts = [self.incoming(path, handles) for path in options["receipts"]]
            session = create_session(
                owner=owner, name=options["name"], statements=statements, receipts=receipts
            )
        except UploadRefused as exc:
            raise CommandError("Upload refused:\n  " + "\n  ".join(exc.errors)) from exc
        finally:
            for handle in handles:
                handle.close()
        self.stdout.write(str(session.pk))

    @staticmethod
    def incoming(path: Path, handles: list) -> IncomingFile:
        handle = path.open("rb")
        handles.append(handle)
        return IncomingFile(name=path.name, content=File(handle, name=path.name))
