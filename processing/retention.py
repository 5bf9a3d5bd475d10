"""Deleting expired sessions together with every file they stored."""

from dataclasses import dataclass
from datetime import datetime

from sessions_app.models import ReportFile, Session, UploadedFile


@dataclass(frozen=True)
class Purged:
    sessions: int
    files: int


def purge_expired(*, now: datetime, older_than_days: int, dry_run: bool = False) -> Purged:
    """Delete sessions created more than `older_than_days` ago; their stored PDFs and reports
    are deleted once the deletion commits (sessions_app.signals), so a rolled-back purge
    keeps every file."""
    expired = Session.objects.expired(now, days=older_than_days)
    result = Purged(
        sessions=expired.count(),
        files=UploadedFile.objects.filter(session__in=expired).count()
        + ReportFile.objects.filter(session__in=expired).count(),
    )
    if not dry_run:
        expired.delete()
    return result
