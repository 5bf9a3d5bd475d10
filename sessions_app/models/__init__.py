from sessions_app.models.files import FileKind, FileState, UploadedFile
from sessions_app.models.records import Employee, Match, MatchMethod, Receipt, Transaction
from sessions_app.models.reports import ReportFile, ReportKind
from sessions_app.models.session import Session, SessionQuerySet

__all__ = [
    "Employee",
    "FileKind",
    "FileState",
    "Match",
    "MatchMethod",
    "Receipt",
    "ReportFile",
    "ReportKind",
    "Session",
    "SessionQuerySet",
    "Transaction",
    "UploadedFile",
]
