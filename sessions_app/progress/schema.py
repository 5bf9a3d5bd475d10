"""The progress snapshot stored in `Session.processing_progress`, one class per entity of
data-model.md, with every validation rule it lists.

The recency rule ("last_update within 5 minutes for active processing") is a rule about
writing: a reader must still be able to load the snapshot of a session whose worker died, to
show it as stalled. It is therefore checked when a validation context carries `now` (the
repository passes it on every write) and not on plain reads.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from sessions_app.progress.maths import file_percentage
from sessions_app.progress.phases import Phase, PhaseStatus

PhaseName = Literal["upload", "processing", "matching", "report_generation"]
SnapshotPhase = Literal["upload", "processing", "matching", "report_generation", "failed"]

# Phase-specific fields of PhaseProgress (data-model.md, "Phase-Specific Fields"), plus the
# counts the progress page measures each phase's rate and time left from: pages in processing,
# items in matching (charges settled) and in the report (records of both files written).
PHASE_FIELDS: dict[str, frozenset[str]] = {
    Phase.UPLOAD: frozenset({"files_uploaded", "bytes_uploaded"}),
    Phase.PROCESSING: frozenset(
        {"total_files", "current_file_index", "current_file", "total_pages", "pages_processed"}
    ),
    Phase.MATCHING: frozenset({"matches_found", "unmatched_count", "items_done", "items_total"}),
    Phase.REPORT_GENERATION: frozenset(
        {"report_type", "records_written", "items_done", "items_total"}
    ),
}
ALL_PHASE_FIELDS = frozenset().union(*PHASE_FIELDS.values())

# A worker's clock may run a little ahead of the database server's reader; more than this and
# a snapshot would look fresh long after its worker died.
CLOCK_SKEW = timedelta(seconds=60)


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class FileProgress(_Schema):
    """Progress through one PDF during the processing phase."""

    name: str = Field(min_length=1)
    file_id: UUID | None = None
    total_pages: int = Field(gt=0)
    current_page: int = Field(ge=1)
    regex_matches_found: int = Field(ge=0)
    started_at: AwareDatetime
    completed_at: AwareDatetime | None = None

    @property
    def percentage(self) -> float:
        """data-model.md's derived field: (current_page / total_pages) * 100."""
        return float(file_percentage(current_page=self.current_page, total_pages=self.total_pages))

    @model_validator(mode="after")
    def _check(self) -> FileProgress:
        if self.current_page > self.total_pages:
            raise ValueError(
                f"current_page ({self.current_page}) must not exceed total_pages "
                f"({self.total_pages})"
            )
        _check_order(self.started_at, self.completed_at)
        return self


class ErrorLocation(BaseModel):
    """Where a failure happened: the phase always, the file and page where known."""

    model_config = ConfigDict(extra="allow")

    phase: PhaseName
    file: str | None = None
    page: int | None = Field(default=None, ge=1)


class ErrorContext(_Schema):
    """Why and where a run failed; `traceback` is for admins only."""

    type: str = Field(min_length=1)
    message: str = Field(min_length=1)
    context: ErrorLocation
    timestamp: AwareDatetime
    traceback: str | None = None


class ProgressWarning(_Schema):
    """Something the accountant should know that did not stop the run (a scanned page)."""

    file: str | None = None
    pages: list[int] = Field(default_factory=list, max_length=50)
    message: str = Field(min_length=1)


class PhaseProgress(_Schema):
    """Progress within one phase, with that phase's own counters."""

    status: Literal["pending", "in_progress", "completed", "failed"]
    percentage: int = Field(ge=0, le=100)
    started_at: AwareDatetime | None = None
    completed_at: AwareDatetime | None = None
    # upload
    files_uploaded: int | None = Field(default=None, ge=0)
    bytes_uploaded: int | None = Field(default=None, ge=0)
    # processing; current_file_index is 0-based, as in data-model.md's example (index 1 is
    # "File 2 of 3")
    total_files: int | None = Field(default=None, ge=0)
    current_file_index: int | None = Field(default=None, ge=0)
    current_file: FileProgress | None = None
    total_pages: int | None = Field(default=None, ge=0)
    pages_processed: int | None = Field(default=None, ge=0)
    # matching
    matches_found: int | None = Field(default=None, ge=0)
    unmatched_count: int | None = Field(default=None, ge=0)
    # report generation
    report_type: Literal["xlsx", "csv"] | None = None
    records_written: int | None = Field(default=None, ge=0)
    # matching and report generation: the units of work done of all the phase has to do
    # (records_written counts the file being written; items_done counts both)
    items_done: int | None = Field(default=None, ge=0)
    items_total: int | None = Field(default=None, ge=0)
    # The worker phases: when the worker now running the phase took it up, and the units (pages
    # read, items done) it has done since. Its rate is measured from these, so a retried or
    # taken-over run counts neither what an earlier run did nor the silence in between.
    rate_since: AwareDatetime | None = None
    rate_units: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _check(self) -> PhaseProgress:
        if self.status == PhaseStatus.COMPLETED and self.percentage != 100:
            raise ValueError(f"a completed phase must be at 100%, not {self.percentage}%")
        if self.status == PhaseStatus.IN_PROGRESS and self.started_at is None:
            raise ValueError("a phase in progress must have started_at")
        _check_order(self.started_at, self.completed_at)
        if (
            self.total_files is not None
            and self.current_file_index is not None
            and self.current_file_index >= self.total_files
        ):
            raise ValueError(
                f"current_file_index {self.current_file_index} is outside "
                f"{self.total_files} files (it counts from 0)"
            )
        if (
            self.items_done is not None
            and self.items_total is not None
            and self.items_done > self.items_total
        ):
            raise ValueError(
                f"items_done ({self.items_done}) must not exceed items_total ({self.items_total})"
            )
        return self

    def set_fields(self) -> set[str]:
        return {name for name in ALL_PHASE_FIELDS if getattr(self, name) is not None}


class ProcessingProgress(_Schema):
    """The whole progress snapshot of one run."""

    overall_percentage: int = Field(ge=0, le=100)
    current_phase: SnapshotPhase
    phases: dict[PhaseName, PhaseProgress] = Field(min_length=1)
    last_update: AwareDatetime
    status_message: str = Field(min_length=1)
    error: ErrorContext | None = None
    warnings: list[ProgressWarning] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> ProcessingProgress:
        for name, phase in self.phases.items():
            stray = phase.set_fields() - PHASE_FIELDS[name]
            if stray:
                raise ValueError(f"phase '{name}' cannot carry {', '.join(sorted(stray))}")
        if self.current_phase == Phase.FAILED:
            # A failed run's snapshot keeps its phases; the phase that failed is named by the
            # error and marked failed there (data-model.md: ErrorContext.context.phase).
            if self.error is None:
                raise ValueError("a failed snapshot must carry an error")
            failed_phase = self.phases.get(self.error.context.phase)
            if failed_phase is None or failed_phase.status != PhaseStatus.FAILED:
                raise ValueError(
                    f"the error names phase '{self.error.context.phase}', "
                    "which must be in phases with status 'failed'"
                )
        else:
            if self.current_phase not in self.phases:
                raise ValueError(f"current_phase '{self.current_phase}' is not in phases")
            if self.error is not None:
                raise ValueError("only a failed snapshot may carry an error")
        self._check_recent(info.context or {})
        return self

    def _check_recent(self, context: dict[str, Any]) -> None:
        now: datetime | None = context.get("now")
        if now is None or self.current_phase == Phase.FAILED:
            return
        stale_after = timedelta(seconds=context["stale_after_seconds"])
        if self.last_update < now - stale_after:
            raise ValueError(
                f"last_update {self.last_update.isoformat()} is older than "
                f"{stale_after.total_seconds():.0f} s: an active snapshot must be recent"
            )
        if self.last_update > now + CLOCK_SKEW:
            raise ValueError(f"last_update {self.last_update.isoformat()} is in the future")

    def to_json(self, *, include_traceback: bool = True) -> dict[str, Any]:
        """The JSON stored in the database and served by the API (empty fields left out)."""
        exclude = None if include_traceback else {"error": {"traceback"}}
        return self.model_dump(
            mode="json", exclude_none=True, exclude_defaults=True, exclude=exclude
        )


def _check_order(started_at: datetime | None, completed_at: datetime | None) -> None:
    # data-model.md: completed_at "must be after" started_at. A phase that starts and ends
    # within one clock tick is legitimate, so equal times are accepted; earlier ones are not.
    if started_at is not None and completed_at is not None and completed_at < started_at:
        raise ValueError(
            f"completed_at {completed_at.isoformat()} is before started_at {started_at.isoformat()}"
        )
