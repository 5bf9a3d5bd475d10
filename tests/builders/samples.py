"""Building sessions for pipeline and worker tests."""

import hashlib
import json
import tempfile
from functools import cache
from pathlib import Path

from django.core.files.base import ContentFile

from processing import work_queue
from processing.samples import write_sample_set
from processing.tracker import ProgressTracker
from processing.upload import IncomingFile, create_session
from sessions_app.models import FileKind, Session, Transaction, UploadedFile
from tests.builders.records import make_session, make_user


@cache
def _samples_root() -> Path:
    return Path(tempfile.mkdtemp(prefix="recon-samples-"))


@cache
def sample_set(seed: int = 1, statements: int = 2, pages: int = 4, receipts: int = 30) -> Path:
    """A generated sample set, written once per test process and shared."""
    out = _samples_root() / f"seed{seed}-s{statements}-p{pages}-r{receipts}"
    write_sample_set(out_dir=out, seed=seed, statements=statements, pages=pages, receipts=receipts)
    return out


def truth(directory: Path) -> dict:
    return json.loads((directory / "truth.json").read_text())


def queued_sample_session(directory: Path, *, owner=None, name: str = "Sample") -> Session:
    """A session holding a sample set's PDFs, uploaded the way accountants upload."""
    files = {f["kind"]: [] for f in truth(directory)["files"]}
    for item in truth(directory)["files"]:
        data = (directory / item["name"]).read_bytes()
        files[item["kind"]].append(
            IncomingFile(name=item["name"], content=ContentFile(data, name=item["name"]))
        )
    return create_session(
        owner=owner or make_user(),
        name=name,
        statements=files.get("statement", []),
        receipts=files.get("receipt", []),
    )


def queued_session_with(files: list[tuple[str, bytes]], *, kind: str = FileKind.STATEMENT):
    """A queued session holding these files as they are, without the upload checks: what a
    worker meets when a stored file is not what the upload saw (replaced, damaged, or from a
    version of Recon with looser checks)."""
    session = make_session()
    tracker = ProgressTracker(session_id=session.pk)
    tracker.start_phase("upload", files_uploaded=0, bytes_uploaded=0)
    for position, (name, data) in enumerate(files):
        record = UploadedFile(
            session=session,
            kind=kind,
            position=position,
            original_name=name,
            size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        record.file.save(f"{record.id}.pdf", ContentFile(data), save=False)
        record.save()
    work_queue.finish_upload(tracker, files_uploaded=len(files), bytes_uploaded=0)
    session.refresh_from_db()
    return session


def extracted_transactions(session: Session) -> list[dict]:
    return [
        {
            "file": t.source_file.original_name,
            "page": t.page,
            "employee": t.employee.name if t.employee else None,
            "card_last4": t.employee.card_last4 if t.employee else None,
            "transaction_date": t.transaction_date.isoformat(),
            "posting_date": t.posting_date.isoformat() if t.posting_date else None,
            "description": t.description,
            "amount": str(t.amount),
        }
        for t in Transaction.objects.filter(session=session)
        .select_related("source_file", "employee")
        .order_by("source_file__position", "page", "line")
    ]


def extracted_receipts(session: Session) -> list[dict]:
    return [
        {
            "file": r.source_file.original_name,
            "page": r.page,
            "merchant": r.merchant,
            "date": r.receipt_date.isoformat(),
            "total": str(r.total),
        }
        for r in session.receipts.select_related("source_file").order_by(
            "source_file__position", "page"
        )
    ]
