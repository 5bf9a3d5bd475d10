"""What the progress page shows, worked out from a session and its snapshot at one moment.

The rate and the time left must be trustworthy rather than lively: the rate is the cumulative
average since the processing phase started (not the last batch's, which jumps with every page
of a different size), nothing is estimated before MIN_PAGES_FOR_ESTIMATE pages and
MIN_SECONDS_FOR_ESTIMATE seconds, and the time left is rounded coarsely, so it only ever
counts down in steps a person can read.
"""

from dataclasses import dataclass
from datetime import datetime

from sessions_app.models import FileState, Session, UploadedFile
from sessions_app.progress.maths import to_whole
from sessions_app.progress.phases import TERMINAL_PHASES, WORK_PHASES, Phase, PhaseStatus
from sessions_app.progress.schema import PhaseProgress, ProcessingProgress
from sessions_app.progress.words import (
    STATUS_LABELS,
    coarse_time_left,
    format_duration,
    phase_detail,
    seconds_ago,
    since,
)

MIN_PAGES_FOR_ESTIMATE = 10
MIN_SECONDS_FOR_ESTIMATE = 10.0
ESTIMATING = "estimating…"


@dataclass(frozen=True)
class SessionState:
    """The one-word state of a session, as a badge shows it (`key` picks its colour)."""

    key: str
    label: str


@dataclass(frozen=True)
class PhaseView:
    name: str
    label: str
    status: str
    percentage: int
    detail: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class FileRow:
    file: UploadedFile
    # The page being read now, for the one file being read.
    current_page: int | None = None


@dataclass(frozen=True)
class ListRow:
    session: Session
    state: SessionState
    percentage: int
    updated: str


@dataclass(frozen=True)
class Pace:
    elapsed: str
    rate: str | None
    time_left: str | None


def percentage(session: Session) -> int:
    """The overall percentage in whole numbers, from the cached column (never ahead of it)."""
    return to_whole(session.overall_percentage or 0)


def session_state(session: Session, *, now: datetime) -> SessionState:
    """Completed, failed, stalled, waiting for a worker, or the phase it is in."""
    if session.current_phase in TERMINAL_PHASES:
        return SessionState(session.current_phase, Phase(session.current_phase).label)
    if session.current_phase is None:
        return SessionState("active", "Starting")
    if session.is_queued:
        return SessionState("queued", "Waiting for a worker")
    if session.is_stalled(now):
        return SessionState("stalled", "Stalled")
    return SessionState("active", Phase(session.current_phase).label)


def list_row(session: Session, *, now: datetime) -> ListRow:
    """A session as the session list shows it."""
    return ListRow(
        session=session,
        state=session_state(session, now=now),
        percentage=percentage(session),
        updated=since(session.updated_at, now=now),
    )


def phase_views(session: Session, progress: ProcessingProgress | None) -> list[PhaseView]:
    """One entry per phase, in run order; all done once the run completed (the snapshot, and
    with it each phase's counters, is cleared then: the results say the rest)."""
    if session.current_phase == Phase.COMPLETED:
        return [
            PhaseView(
                name=name, label=name.label, status=PhaseStatus.COMPLETED, percentage=100, detail=""
            )
            for name in WORK_PHASES
        ]
    views = []
    for name in WORK_PHASES:
        if progress is not None and name in progress.phases:
            phase = progress.phases[name]
        else:
            phase = PhaseProgress(status=PhaseStatus.PENDING, percentage=0)
        views.append(
            PhaseView(
                name=name,
                label=name.label,
                status=phase.status,
                percentage=phase.percentage,
                detail=phase_detail(name, phase),
            )
        )
    return views


def file_rows(files: list[UploadedFile], progress: ProcessingProgress | None) -> list[FileRow]:
    """The session's files in processing order, the one being read carrying its page."""
    current = None
    if progress is not None and Phase.PROCESSING in progress.phases:
        current = progress.phases[Phase.PROCESSING].current_file
    rows = []
    for file in files:
        reading = (
            current is not None
            and file.state == FileState.PROCESSING
            and (current.file_id == file.pk or current.name == file.original_name)
        )
        rows.append(FileRow(file=file, current_page=current.current_page if reading else None))
    return rows


def warnings(progress: ProcessingProgress | None, files: list[UploadedFile]) -> list[str]:
    """What did not stop the run but needs a look (pages without text): from the snapshot while
    there is one, from the files once it is cleared."""
    if progress is not None:
        return [warning.message for warning in progress.warnings]
    return [message for file in files for message in file.warnings]


def pace(session: Session, progress: ProcessingProgress | None, *, now: datetime) -> Pace:
    """Elapsed time, reading speed and time left, each only when it can be trusted."""
    started = session.created_at
    if progress is not None and Phase.UPLOAD in progress.phases:
        started = progress.phases[Phase.UPLOAD].started_at or started
    ended = session.finished_at if session.current_phase in TERMINAL_PHASES else None
    elapsed = format_duration(((ended or now) - started).total_seconds())

    processing = progress.phases.get(Phase.PROCESSING) if progress is not None else None
    rate = _pages_per_second(processing, measured_at=progress.last_update if progress else now)
    return Pace(
        elapsed=elapsed,
        rate=f"{_format_rate(rate)} pages/s" if rate else None,
        time_left=_time_left(session, processing, rate),
    )


def _pages_per_second(phase: PhaseProgress | None, *, measured_at: datetime) -> float | None:
    if phase is None or phase.started_at is None or not phase.pages_processed:
        return None
    end = phase.completed_at or measured_at
    seconds = (end - phase.started_at).total_seconds()
    if phase.pages_processed < MIN_PAGES_FOR_ESTIMATE or seconds < MIN_SECONDS_FOR_ESTIMATE:
        return None
    return phase.pages_processed / seconds


def _time_left(session: Session, phase: PhaseProgress | None, rate: float | None) -> str | None:
    if session.current_phase in (Phase.MATCHING, Phase.REPORT_GENERATION):
        return "almost done"
    if session.current_phase != Phase.PROCESSING or session.is_queued:
        return None
    if rate is None or not phase.total_pages:
        return ESTIMATING
    remaining = max(phase.total_pages - (phase.pages_processed or 0), 0)
    return coarse_time_left(remaining / rate)


def updated_ago(session: Session, *, now: datetime) -> str | None:
    """How long ago the worker last reported, for active sessions."""
    if session.progress_updated_at is None or session.current_phase in TERMINAL_PHASES:
        return None
    return seconds_ago(session.progress_updated_at, now=now)


def _format_rate(rate: float) -> str:
    return f"{rate:.1f}" if rate < 10 else f"{rate:.0f}"
