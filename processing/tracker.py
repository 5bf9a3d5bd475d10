"""ProgressTracker: one run's progress, held in memory and written in batches.

Callers report every page (data-model.md, Data Flow 1); the tracker writes through the
repository when at least PROGRESS_WRITE_INTERVAL_SECONDS have passed since its last write, and
always at a boundary: a phase starting or ending, a file starting or ending, a failure. The
clock is injected, so the batching is tested without sleeping. Per-page calls only remember
their numbers and read the clock; applying them, the percentages and building and validating
the snapshot happen once per write.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any
from uuid import UUID

from django.conf import settings
from django.utils import timezone

from processing.repository import ProgressRepository, WriteResult
from sessions_app.progress import maths
from sessions_app.progress.phases import WORK_PHASES, WORKER_PHASES, Phase, PhaseStatus
from sessions_app.progress.schema import (
    PHASE_FIELDS,
    ErrorContext,
    ErrorLocation,
    FileProgress,
    PhaseProgress,
    ProcessingProgress,
    ProgressWarning,
)
from sessions_app.progress.timings import PhaseTiming, RunTimings, units_done
from sessions_app.progress.words import status_message

Clock = Callable[[], datetime]
# Told of every write: the snapshot written (None on completion), the result, and whether it
# was a boundary (the worker prints those for operators).
Listener = Callable[[ProcessingProgress | None, WriteResult, bool], None]

MAX_WARNINGS = 50


@dataclass(slots=True)
class PageDone:
    """The latest page reported and not yet applied (only the last one between writes counts)."""

    page: int
    regex_matches_found: int
    pages_processed: int | None


@dataclass(slots=True)
class PhaseDone:
    """The latest count of units done in the current phase, not yet applied."""

    done: int
    total: int
    fields: dict[str, Any] = field(default_factory=dict)


class ProgressTracker:
    def __init__(
        self,
        *,
        session_id: UUID,
        repository: ProgressRepository | None = None,
        clock: Clock = timezone.now,
        interval_seconds: float | None = None,
        worker: str | None = None,
        snapshot: ProcessingProgress | None = None,
        weights: dict[str, Fraction] | None = None,
        listener: Listener | None = None,
        run_token: str | None = None,
        on_file_done: Callable[[UUID], None] | None = None,
    ) -> None:
        self.session_id = session_id
        self.clock = clock
        self.repository = repository or ProgressRepository(clock=clock)
        self.interval = timedelta(
            seconds=settings.PROGRESS_WRITE_INTERVAL_SECONDS
            if interval_seconds is None
            else interval_seconds
        )
        self.worker = worker
        # The claim this run holds: every write is refused once another claim replaced it.
        self.run_token = run_token
        # Told when a file is read to its end (after it is marked done), with the file's id.
        self.on_file_done = on_file_done
        self.weights = weights or maths.phase_weights()
        self.listener = listener
        self.phases: dict[str, PhaseProgress] = {}
        self.exact: dict[str, Fraction] = {}
        self.warnings: list[ProgressWarning] = []
        self.current_phase: str | None = None
        self.error: ErrorContext | None = None
        self.queued = False
        self.last_write_at: datetime | None = None
        self.writes = 0
        self.dirty = False
        self._new_run = False
        self._pending: PageDone | PhaseDone | None = None
        # What pollers were last shown of the processing phase before a takeover: the figures
        # shown never drop below it while the interrupted file is read again.
        self._floor_exact = Fraction(0)
        self._floor_pages = 0
        self._floor_file: tuple[int, str, int, int] | None = None
        # The worker phases this tracker started itself, with the units already done then
        # (files read in an earlier run): only these are timed for later runs' estimates.
        self._timed: dict[str, int] = {}
        # The units of the current phase done before this tracker took it up (its rate's zero).
        self._rate_base = 0
        if snapshot is not None:
            self._resume_from(snapshot)

    # -- generic phases -------------------------------------------------------------------

    def start_phase(self, phase: str, *, new_run: bool = False, **fields: Any) -> WriteResult:
        """Mark `phase` in progress (and the phases after it pending) and write at once."""
        self._apply_pending()
        now = self.clock()
        previous = self.phases.get(phase)
        # A phase another worker started (a takeover) keeps its start, silence and all.
        resumed = previous is not None and previous.started_at is not None
        started_at = previous.started_at if resumed else now
        self.phases[phase] = PhaseProgress(
            status=PhaseStatus.IN_PROGRESS,
            percentage=previous.percentage if previous else 0,
            started_at=started_at,
            **{**_phase_fields(previous), **fields},
        )
        self.exact.setdefault(phase, Fraction(0))
        for later in WORK_PHASES[WORK_PHASES.index(phase) + 1 :]:
            self.phases.setdefault(later, PhaseProgress(status=PhaseStatus.PENDING, percentage=0))
        self.current_phase = phase
        self.queued = False
        self._new_run = new_run
        current = self.phases[phase]
        if phase in WORKER_PHASES:
            # What this run finds done (files read in an earlier run), before any floor.
            self._rate_base = units_done(phase, current)
            current.rate_since, current.rate_units = now, 0
            if not resumed:
                self._timed[phase] = self._rate_base
        if phase == Phase.PROCESSING and self._floor_pages:
            current.pages_processed = max(current.pages_processed or 0, self._floor_pages)
        return self.flush()

    def update_phase(self, *, done: int, total: int, **fields: Any) -> WriteResult | None:
        """Record `done` of `total` units of the current phase; written when the interval is up.
        Matching and the report keep the counts (items_done, items_total) for their rate."""
        self._require_phase()
        self._pending = PhaseDone(done, total, fields)
        return self._maybe_write()

    def finish_phase(self, *, queued: bool = False, **fields: Any) -> WriteResult:
        """Mark the current phase completed at 100 % and write at once; `queued` says in the
        status that the session waits for a worker (processing.work_queue puts it there)."""
        self._apply_pending()
        name = self._require_phase()
        phase = self.phases[name]
        for field_name, value in fields.items():
            setattr(phase, field_name, value)
        phase.status = PhaseStatus.COMPLETED
        phase.percentage = 100
        phase.completed_at = self.clock()
        self.exact[name] = Fraction(100)
        self.queued = queued
        return self.flush()

    # -- processing: files and pages ------------------------------------------------------

    def start_file(
        self, *, index: int, name: str, total_pages: int, file_id: UUID | None = None
    ) -> WriteResult:
        """Begin file `index` (0-based) of the processing phase; a boundary."""
        self._apply_pending()
        phase = self.phases[Phase.PROCESSING]
        phase.current_file_index = index
        page, matches = 1, 0
        if self._floor_file and self._floor_file[:2] == (index, name):
            # The file a silent worker was reading, read again: shown where it had got to.
            page, matches = max(1, self._floor_file[2]), self._floor_file[3]
        phase.current_file = FileProgress(
            name=name,
            file_id=file_id,
            total_pages=total_pages,
            current_page=min(page, total_pages),
            regex_matches_found=matches,
            started_at=self.clock(),
        )
        # The file's first page is being read, not done: it counts once it is reported.
        self._set_processing_exact(pages_done=0)
        return self.flush()

    def update_progress(
        self, *, page: int, regex_matches_found: int, pages_processed: int | None = None
    ) -> WriteResult | None:
        """Page `page` of the current file is done (data-model.md, Data Flow 1 and 3)."""
        self._pending = PageDone(page, regex_matches_found, pages_processed)
        return self._maybe_write()

    def finish_file(self) -> WriteResult:
        """The current file is read to its last page; a boundary."""
        self._apply_pending()
        current = self.phases[Phase.PROCESSING].current_file
        current.current_page = current.total_pages
        current.completed_at = self.clock()
        self._set_processing_exact(pages_done=current.total_pages)
        result = self.flush()
        if self.on_file_done is not None and current.file_id is not None:
            self.on_file_done(current.file_id)
        return result

    def warn(
        self, *, message: str, file: str | None = None, pages: list[int] | None = None
    ) -> None:
        """Add a warning for the accountant (shown with the next write)."""
        if len(self.warnings) < MAX_WARNINGS:
            warning = ProgressWarning(file=file, pages=(pages or [])[:50], message=message)
            self.warnings.append(warning)
            self.dirty = True

    # -- endings --------------------------------------------------------------------------

    def fail(
        self,
        *,
        error_type: str,
        message: str,
        file: str | None = None,
        page: int | None = None,
        traceback: str | None = None,
        expected_version: int | None = None,
    ) -> WriteResult:
        """End the run as failed in the current phase, with an ErrorContext; a boundary.
        With `expected_version`, only if no other write came since that version."""
        self._apply_pending()
        name = self._require_phase()
        self.phases[name].status = PhaseStatus.FAILED
        self.error = ErrorContext(
            type=error_type,
            message=message,
            context=ErrorLocation(phase=name, file=file, page=page),
            timestamp=self.clock(),
            traceback=traceback,
        )
        self.current_phase = Phase.FAILED
        return self.flush(expected_version=expected_version)

    def complete(self) -> WriteResult:
        """End the run as completed: the snapshot is cleared (data-model.md, Lifecycle) and the
        timings of the phases this tracker ran from start to end are kept."""
        result = self.repository.complete_session(
            session_id=self.session_id,
            worker=self.worker,
            run_token=self.run_token,
            timings=self.timings(),
        )
        self.current_phase = Phase.COMPLETED
        self.last_write_at = self.clock()
        self.writes += 1
        self.dirty = False
        if self.listener:
            self.listener(None, result, True)
        return result

    # -- writing --------------------------------------------------------------------------

    def snapshot(self) -> tuple[ProcessingProgress, Fraction]:
        """The current snapshot and its exact overall percentage."""
        exact_overall = maths.overall_percentage(self.exact, weights=self.weights)
        data = ProcessingProgress.model_construct(
            overall_percentage=maths.to_whole(exact_overall),
            current_phase=self.current_phase,
            phases=self.phases,
            last_update=self.clock(),
            status_message="-",
            error=self.error if self.current_phase == Phase.FAILED else None,
            warnings=self.warnings,
        )
        data.status_message = status_message(data, queued=self.queued)
        # Round-trip through validation so a bad snapshot never reaches the database.
        return ProcessingProgress.model_validate(data.model_dump()), exact_overall

    def flush(self, *, boundary: bool = True, expected_version: int | None = None) -> WriteResult:
        """Write the snapshot now."""
        self._apply_pending()
        progress, exact = self.snapshot()
        result = self.repository.update_session_progress(
            session_id=self.session_id,
            progress=progress,
            percentage=maths.to_cached(exact),
            worker=self.worker,
            new_run=self._new_run,
            expected_version=expected_version,
            run_token=self.run_token,
            position=self.position(),
        )
        self._new_run = False
        self.last_write_at = progress.last_update
        self.writes += 1
        self.dirty = False
        if self.listener:
            self.listener(progress, result, boundary)
        return result

    def timings(self) -> RunTimings | None:
        """How long each phase this tracker started and finished took, and the units it did
        meanwhile; None if it timed none."""
        measured = {}
        for name, units_at_start in self._timed.items():
            phase = self.phases[name]
            if phase.status != PhaseStatus.COMPLETED or phase.completed_at is None:
                continue
            measured[name] = PhaseTiming(
                seconds=(phase.completed_at - phase.started_at).total_seconds(),
                units=max(units_done(name, phase) - units_at_start, 0),
            )
        if not measured:
            return None
        processing = self.phases.get(Phase.PROCESSING)
        pages = (processing.total_pages or 0) if processing is not None else 0
        return RunTimings(pages=pages, phases=measured)

    def position(self) -> str | None:
        """Where the run is, in words that follow "while": "reading page 41 of “x.pdf”"."""
        if self.current_phase == Phase.PROCESSING:
            current = self.phases[Phase.PROCESSING].current_file
            if current is not None:
                return f"reading page {current.current_page} of “{current.name}”"
            return "starting to read the files"
        return _POSITIONS.get(self.current_phase)

    def _maybe_write(self) -> WriteResult | None:
        self.dirty = True
        if self.last_write_at is not None and self.clock() - self.last_write_at < self.interval:
            return None
        return self.flush(boundary=False)

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, None
        if isinstance(pending, PageDone):
            self._apply_page(pending)
        elif isinstance(pending, PhaseDone):
            self._apply_phase(pending)

    def _apply_page(self, done: PageDone) -> None:
        phase = self.phases[Phase.PROCESSING]
        current = phase.current_file
        page, matches = done.page, done.regex_matches_found
        if self._floor_file and self._floor_file[:2] == (phase.current_file_index, current.name):
            page, matches = max(page, self._floor_file[2]), max(matches, self._floor_file[3])
        current.current_page = page
        current.regex_matches_found = matches
        if done.pages_processed is not None:
            phase.pages_processed = max(done.pages_processed, self._floor_pages)
            phase.rate_units = max(done.pages_processed - self._rate_base, 0)
        self._set_processing_exact(pages_done=done.page)

    def _apply_phase(self, done: PhaseDone) -> None:
        phase = self.phases[self.current_phase]
        exact = Fraction(min(done.done, done.total), done.total) * 100 if done.total else 0
        self.exact[self.current_phase] = exact
        phase.percentage = maths.to_whole(exact)
        if "items_done" in PHASE_FIELDS[self.current_phase]:
            phase.items_total = done.total
            phase.items_done = min(done.done, done.total)
            phase.rate_units = max(phase.items_done - self._rate_base, 0)
        for name, value in done.fields.items():
            setattr(phase, name, value)

    def _set_processing_exact(self, *, pages_done: int) -> None:
        phase = self.phases[Phase.PROCESSING]
        total_pages = phase.current_file.total_pages
        exact = maths.aggregate_percentage(
            files_completed=phase.current_file_index,
            current_page=pages_done,
            total_pages=total_pages,
            total_files=phase.total_files,
        )
        exact = max(exact, self._floor_exact)
        self.exact[Phase.PROCESSING] = exact
        phase.percentage = maths.to_whole(exact)

    def _require_phase(self) -> str:
        if self.current_phase not in WORK_PHASES:
            raise RuntimeError(f"no phase is in progress (current phase: {self.current_phase})")
        return self.current_phase

    def _resume_from(self, snapshot: ProcessingProgress) -> None:
        self.phases = {name: phase.model_copy(deep=True) for name, phase in snapshot.phases.items()}
        self.exact = {name: Fraction(phase.percentage) for name, phase in self.phases.items()}
        self.warnings = list(snapshot.warnings)
        self.current_phase = snapshot.current_phase
        processing = self.phases.get(Phase.PROCESSING)
        if snapshot.current_phase == Phase.PROCESSING and processing is not None:
            self._floor_exact = self.exact[Phase.PROCESSING]
            self._floor_pages = processing.pages_processed or 0
            current = processing.current_file
            if current is not None and processing.current_file_index is not None:
                self._floor_file = (
                    processing.current_file_index,
                    current.name,
                    current.current_page,
                    current.regex_matches_found,
                )


_POSITIONS = {
    Phase.UPLOAD: "waiting to start",
    Phase.MATCHING: "matching transactions to receipts",
    Phase.REPORT_GENERATION: "writing the report",
}


def _phase_fields(phase: PhaseProgress | None) -> dict[str, Any]:
    if phase is None:
        return {}
    return {name: getattr(phase, name) for name in phase.set_fields()}
