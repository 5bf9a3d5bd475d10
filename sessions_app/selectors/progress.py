"""What the progress page shows, worked out from a session and its snapshot at one moment.

The rate and the time left must be trustworthy rather than lively. The time left is what the
current phase still needs at its own rate, plus what the phases after it are expected to take.
A phase's rate is its cumulative average since the worker running it took it up (not the last
batch's, which jumps with every page of a different size; nor counting what an earlier run of
a retried or taken-over session did, or the silence in between), and is not trusted before
MIN_PAGES_FOR_ESTIMATE pages (MIN_ITEMS_FOR_ESTIMATE items) and MIN_SECONDS_FOR_ESTIMATE
seconds: until then processing says "estimating…", and matching and the report count down from
what they are expected to take.
The phases to come are expected from the seconds per page the installation's last HISTORY_RUNS
completed runs measured (the defaults in sessions_app.progress.timings until one has), times
this run's pages, which are known from the start: that part stays put while the run goes on.
Each figure is worked out from the snapshot alone (never from the clock of the poll, nor from
what an earlier poll showed), and rounded coarsely, so with steady rates it only ever counts
down in steps a person can read.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.template.defaultfilters import pluralize
from pydantic import ValidationError

from sessions_app.models import FileState, Session, UploadedFile
from sessions_app.progress.maths import to_whole
from sessions_app.progress.phases import (
    TERMINAL_PHASES,
    WORK_PHASES,
    WORKER_PHASES,
    Phase,
    PhaseStatus,
)
from sessions_app.progress.schema import PhaseProgress, ProcessingProgress
from sessions_app.progress.timings import History, RunTimings
from sessions_app.progress.words import (
    STATUS_LABELS,
    coarse_time_left,
    format_duration,
    phase_detail,
    seconds_ago,
    since,
)
from sessions_app.selectors.workers import ordinal

MIN_PAGES_FOR_ESTIMATE = 10
MIN_ITEMS_FOR_ESTIMATE = 10
MIN_SECONDS_FOR_ESTIMATE = 10.0
ESTIMATING = "estimating…"
# How many of the last completed runs the phases still to come are expected from.
HISTORY_RUNS = 20
# A worker reports at least every few seconds while it reads; this long without news is worth
# saying at once (long before the five minutes after which it counts as stalled).
QUIET_AFTER_SECONDS = 30


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
    outcome: str = ""


@dataclass(frozen=True)
class Pace:
    elapsed: str
    rate: str | None
    time_left: str | None
    # What the time left is worked out from, in words (the figure's tooltip).
    time_left_basis: str | None = None


@dataclass(frozen=True)
class _Part:
    """One phase's share of the time left, and what it comes from."""

    phase: str
    seconds: float
    # "this run's reading speed so far (2.0 pages/s)"; None when expected from earlier runs.
    measured: str | None = None


def percentage(session: Session) -> int:
    """The overall percentage in whole numbers, from the cached column (never ahead of it)."""
    return to_whole(session.overall_percentage or 0)


def session_state(session: Session, *, now: datetime, position: int | None = None) -> SessionState:
    """Completed (or completed but needing attention), failed or cancelled, queued (with its
    place in the queue), stopping, stalled, quiet (no news for QUIET_AFTER_SECONDS), or the
    phase it is in."""
    if session.current_phase == Phase.COMPLETED:
        if session.needs_attention:
            return SessionState("attention", "Needs attention")
        return SessionState("completed", "Completed")
    if session.current_phase == Phase.FAILED:
        if is_cancelled(session):
            return SessionState("cancelled", "Cancelled")
        return SessionState("failed", "Failed")
    if session.current_phase is None:
        return SessionState("active", "Starting")
    if session.is_queued:
        place = f" · {ordinal(position)} in line" if position else ""
        return SessionState("queued", f"Queued{place}")
    if session.cancel_requested_at is not None:
        return SessionState("cancelling", "Stopping")
    if session.is_stalled(now):
        return SessionState("stalled", "Stalled")
    label = Phase(session.current_phase).label
    if silent_for(session, now=now) >= QUIET_AFTER_SECONDS:
        return SessionState("quiet", f"{label} · no news")
    return SessionState("active", label)


def is_cancelled(session: Session) -> bool:
    """A failed run that ended because the accountant cancelled it."""
    if session.current_phase != Phase.FAILED:
        return False
    if session.cancel_requested_at is not None:
        return True
    message = getattr(session, "status_message", None)
    if message is None and session.processing_progress is not None:
        message = (session.processing_progress.get("error") or {}).get("message")
    return "Cancelled by" in (message or "")


def silent_for(session: Session, *, now: datetime) -> float:
    """Seconds since the worker last reported (0 when nothing is being worked on)."""
    if session.progress_updated_at is None or not session.is_active or session.is_queued:
        return 0.0
    return max((now - session.progress_updated_at).total_seconds(), 0.0)


def list_row(session: Session, *, now: datetime, position: int | None = None) -> ListRow:
    """A session as the session list shows it."""
    return ListRow(
        session=session,
        state=session_state(session, now=now, position=position),
        percentage=percentage(session),
        updated=since(session.updated_at, now=now),
        outcome=outcome(session),
    )


def outcome(session: Session) -> str:
    """What a completed run found, from the list's annotations: "36 of 275 charges matched ·
    6 credits"; the attention reason comes first when there is one."""
    if session.current_phase != Phase.COMPLETED:
        return ""
    charges = getattr(session, "charge_count", None)
    if charges is None:
        return ""
    parts = [f"{session.matched_count} of {charges} charge{pluralize(charges)} matched"]
    credits = session.credit_count
    if credits:
        parts.append(f"{credits} credit{pluralize(credits)}")
    return " · ".join(parts)


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
                percentage=shown_percentage(name, phase),
                detail=phase_detail(name, phase),
            )
        )
    return views


def shown_percentage(name: str, phase: PhaseProgress) -> int:
    """The percentage beside a phase's counts, from those counts: pages read of all pages in
    processing (the snapshot's own figure weighs each file alike, so a 2-page receipt would
    count as much as a 50-page statement next to "12 of 52 pages")."""
    if phase.status == PhaseStatus.COMPLETED:
        return 100
    if name == Phase.PROCESSING and phase.total_pages:
        return min(100, (phase.pages_processed or 0) * 100 // phase.total_pages)
    return phase.percentage


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


def pace(
    session: Session,
    progress: ProcessingProgress | None,
    *,
    now: datetime,
    history: History | None = None,
) -> Pace:
    """Elapsed time, reading speed and time left, each only when it can be trusted; the time
    left says what it comes from. `history` is what earlier runs measured: read from the
    database (one query) only when the time left needs it, unless given."""
    started = session.created_at
    if progress is not None and Phase.UPLOAD in progress.phases:
        started = progress.phases[Phase.UPLOAD].started_at or started
    ended = session.finished_at if session.current_phase in TERMINAL_PHASES else None
    elapsed = format_duration(((ended or now) - started).total_seconds())

    processing = progress.phases.get(Phase.PROCESSING) if progress is not None else None
    rate = _pages_per_second(processing, measured_at=progress.last_update if progress else now)
    # Read at most once, and only if a phase is expected rather than measured.
    known = cache(lambda: history if history is not None else recent_history())
    time_left, basis = _time_left(session, progress, rate, history=known)
    return Pace(
        elapsed=elapsed,
        rate=f"{_format_rate(rate)} pages/s" if rate else None,
        time_left=time_left,
        time_left_basis=basis,
    )


def recent_history() -> History:
    """What the installation's last HISTORY_RUNS completed runs measured, in one query."""
    rows = Session.objects.timed().values_list("phase_timings", flat=True)[:HISTORY_RUNS]
    runs = []
    for row in rows:
        try:
            runs.append(RunTimings.model_validate(row))
        except ValidationError:
            continue  # one odd row must not take the progress pages down with it
    return History.of(runs)


def _pages_per_second(phase: PhaseProgress | None, *, measured_at: datetime) -> float | None:
    if phase is None:
        return None
    return _rate(phase, phase.pages_processed, MIN_PAGES_FOR_ESTIMATE, measured_at=measured_at)


def _items_per_second(phase: PhaseProgress, *, measured_at: datetime) -> float | None:
    return _rate(phase, phase.items_done, MIN_ITEMS_FOR_ESTIMATE, measured_at=measured_at)


def _rate(
    phase: PhaseProgress, done: int | None, least: int, *, measured_at: datetime
) -> float | None:
    """Units a second since the worker running the phase took it up (snapshots without that
    mark: all the phase's units since it started), once enough units and seconds back it up."""
    since = phase.started_at
    if phase.rate_since is not None:
        since, done = phase.rate_since, phase.rate_units
    if since is None or not done:
        return None
    seconds = ((phase.completed_at or measured_at) - since).total_seconds()
    if done < least or seconds < MIN_SECONDS_FOR_ESTIMATE:
        return None
    return done / seconds


def _time_left(
    session: Session,
    progress: ProcessingProgress | None,
    pages_rate: float | None,
    *,
    history: Callable[[], History],
) -> tuple[str | None, str | None]:
    """The time left in words and what it comes from, or (None, None) when there is none to
    give (not being worked on)."""
    name = session.current_phase
    if name not in WORKER_PHASES or session.is_queued or progress is None:
        return None, None
    processing = progress.phases.get(Phase.PROCESSING)
    pages = (processing.total_pages or 0) if processing is not None else 0
    if name == Phase.PROCESSING:
        if pages_rate is None or not pages:
            return ESTIMATING, (
                f"Worked out once {MIN_PAGES_FOR_ESTIMATE} pages and "
                f"{MIN_SECONDS_FOR_ESTIMATE:.0f} seconds of reading are measured"
            )
        remaining = max(pages - (processing.pages_processed or 0), 0)
        current = _Part(
            name,
            remaining / pages_rate,
            f"this run's reading speed so far ({_format_rate(pages_rate)} pages/s)",
        )
    else:
        current = _own_part(name, progress, pages=pages, history=history)
    later = WORKER_PHASES[WORKER_PHASES.index(name) + 1 :]
    parts = [current]
    parts += [_Part(phase, history().expected_seconds(phase, pages=pages)) for phase in later]
    seconds = sum(part.seconds for part in parts)
    return coarse_time_left(seconds), _basis(parts, history)


def _own_part(
    name: str, progress: ProcessingProgress, *, pages: int, history: Callable[[], History]
) -> _Part:
    """Matching's or the report's time left: at its own rate once that can be trusted, until
    then what it is expected to take less the time it has taken so far."""
    phase = progress.phases.get(name)
    if phase is None:
        return _Part(name, history().expected_seconds(name, pages=pages))
    rate = _items_per_second(phase, measured_at=progress.last_update)
    if rate is not None:
        remaining = max((phase.items_total or 0) - (phase.items_done or 0), 0)
        unit, verb = _ITEM_WORDS[name]
        measured = f"this run's {verb} speed so far ({_format_rate(rate)} {unit}/s)"
        return _Part(name, remaining / rate, measured)
    taken = 0.0
    if phase.started_at is not None:
        taken = ((phase.completed_at or progress.last_update) - phase.started_at).total_seconds()
    return _Part(name, max(history().expected_seconds(name, pages=pages) - taken, 0.0))


_ITEM_WORDS = {
    Phase.MATCHING: ("charges", "matching"),
    Phase.REPORT_GENERATION: ("records", "writing"),
}
_PHASE_WORDS = {Phase.MATCHING: "matching", Phase.REPORT_GENERATION: "the report"}


def _basis(parts: list[_Part], history: Callable[[], History]) -> str:
    """What a time left comes from, for its tooltip: "From this run's reading speed so far
    (2.0 pages/s), then the pace of the last 12 completed runs for matching and the report"."""
    sources = [part.measured for part in parts if part.measured]
    expected = [part.phase for part in parts if not part.measured]
    measured = [phase for phase in expected if history().measured(phase)]
    guessed = [phase for phase in expected if not history().measured(phase)]
    if measured:
        runs = history().runs
        sources.append(
            f"the pace of the last {runs} completed run{pluralize(runs)} for {_names(measured)}"
        )
    if guessed:
        sources.append(
            f"a first guess for {_names(guessed)}, as no run has completed here to measure it"
        )
    return "From " + ", then ".join(sources)


def _names(phases: list[str]) -> str:
    return " and ".join(_PHASE_WORDS[phase] for phase in phases)


def updated_ago(session: Session, *, now: datetime) -> str | None:
    """How long ago the worker last reported, for active sessions."""
    if session.progress_updated_at is None or session.current_phase in TERMINAL_PHASES:
        return None
    return seconds_ago(session.progress_updated_at, now=now)


def _format_rate(rate: float) -> str:
    return f"{rate:.1f}" if rate < 10 else f"{rate:.0f}"


def announcement(session: Session, *, state: SessionState, percentage: int, message: str) -> str:
    """What a screen reader is told, in a live region whose text changes only when this does:
    each change of state, and each quarter of the way while the run moves (not every page)."""
    if state.key in ("completed", "attention", "failed", "cancelled", "cancelling"):
        return f"{state.label}. {message}"
    if state.key == "queued":
        return f"{state.label}: waiting for a worker."
    if state.key == "stalled":
        return "Stalled: no progress for over five minutes."
    if state.key == "quiet":
        return f"No update for over {QUIET_AFTER_SECONDS} seconds."
    if session.current_phase is None:
        return "Starting."
    quarter = percentage // 25 * 25
    return f"{Phase(session.current_phase).label}: {quarter}% done."
