from sessions_app.models.files import CheckVerdict, FileKind, FileState, UploadedFile
from sessions_app.models.records import (
    Employee,
    Match,
    MatchMethod,
    MatchStatus,
    Receipt,
    Transaction,
)
from sessions_app.models.reports import ReportFile, ReportKind
from sessions_app.models.review import ReviewAction, ReviewEvent
from sessions_app.models.session import Session, SessionQuerySet
from sessions_app.models.workers import WorkerHeartbeat

__all__ = [
    "CheckVerdict",
    "Employee",
    "FileKind",
    "FileState",
    "Match",
    "MatchMethod",
    "MatchStatus",
    "Receipt",
    "ReportFile",
    "ReportKind",
    "ReviewAction",
    "ReviewEvent",
    "Session",
    "SessionQuerySet",
    "Transaction",
    "UploadedFile",
    "WorkerHeartbeat",
]
