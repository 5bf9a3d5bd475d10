"""The one write path for progress (data-model.md, Data Flow 1).

It writes progress only: the work-queue columns (queued, claimed, finished) belong to
`processing.work_queue`, which calls this inside its own transactions where a run starts or ends.

Every change to `processing_progress`, `current_phase` and `overall_percentage` goes through
`ProgressRepository`, which validates the snapshot, checks the phase transition, keeps the
overall percentage from moving backwards within a run, and writes the snapshot and both cached
columns in one UPDATE. The UPDATE is a compare-and-swap on `progress_version`, so an operator's
action and a worker's write can never interleave into a state neither of them checked.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from processing.errors import Cancelled, ClaimLost, ConcurrentProgressWrite
from sessions_app.models import Session
from sessions_app.progress.maths import to_whole
from sessions_app.progress.phases import WORKER_PHASES, Phase
from sessions_app.progress.schema import ProcessingProgress
from sessions_app.progress.timings import RunTimings
from sessions_app.progress.transitions import check_new_run, check_transition

Clock = Callable[[], datetime]

# How often a write retries after losing a compare-and-swap race before giving up.
_MAX_ATTEMPTS = 10


@dataclass(frozen=True)
class WriteResult:
    phase: str
    percentage: Decimal
    version: int


class ProgressRepository:
    def __init__(self, *, clock: Clock = timezone.now) -> None:
        self.clock = clock

    def update_session_progress(
        self,
        *,
        session_id: UUID,
        progress: ProcessingProgress,
        percentage: Decimal | None = None,
        worker: str | None = None,
        new_run: bool = False,
        expected_version: int | None = None,
        run_token: str | None = None,
        position: str | None = None,
    ) -> WriteResult:
        """Validate `progress` and store it with both cached columns in one UPDATE.

        `percentage` is the exact overall value for the DECIMAL column (the snapshot's whole
        number is it rounded down); it defaults to the snapshot's. Within a run it never goes
        down: a lower value is raised to the stored one, in the column and the snapshot alike.
        `worker`, when given, must still hold the session (ClaimLost otherwise), under the
        claim `run_token` when given; a cancel request then raises Cancelled (except for the
        write that ends the run failed). `position` ("page 41 of “x.pdf”") is stored with it
        as the session's last known position. `new_run`
        starts a new run (a retry): the state machine starts again from null.
        `expected_version` writes only over that version (ConcurrentProgressWrite otherwise):
        for decisions made on what was read, such as failing a session found stalled.
        """
        if percentage is None:
            percentage = Decimal(progress.overall_percentage)
        if to_whole(percentage) != progress.overall_percentage:
            raise ValueError(
                f"snapshot says {progress.overall_percentage}% but the exact value is "
                f"{percentage}%: they must agree"
            )
        now = self.clock()

        def build(previous_percentage: Decimal | None) -> tuple[dict | None, Decimal]:
            value = percentage
            snapshot = progress
            if previous_percentage is not None and value < previous_percentage:
                value = previous_percentage
                snapshot = progress.model_copy(update={"overall_percentage": to_whole(value)})
            data = snapshot.to_json()
            # Validate what is written, including the recency rule, which needs the clock.
            ProcessingProgress.model_validate(
                data,
                context={
                    "now": now,
                    "stale_after_seconds": settings.PROGRESS_STALE_AFTER_SECONDS,
                },
            )
            return data, value

        return self._write(
            session_id=session_id,
            phase=progress.current_phase,
            build=build,
            worker=worker,
            new_run=new_run,
            last_update=progress.last_update,
            expected_version=expected_version,
            run_token=run_token,
            position=position,
        )

    def complete_session(
        self,
        *,
        session_id: UUID,
        worker: str | None = None,
        run_token: str | None = None,
        timings: RunTimings | None = None,
    ) -> WriteResult:
        """End the run: snapshot cleared, cached columns `completed` / 100 (data-model.md), and
        the run's phase timings kept in the same UPDATE (or none, when nothing was timed)."""
        now = self.clock()
        return self._write(
            session_id=session_id,
            phase=Phase.COMPLETED,
            build=lambda previous: (None, Decimal("100.00")),
            worker=worker,
            new_run=False,
            last_update=now,
            run_token=run_token,
            extra={"phase_timings": timings.model_dump(mode="json") if timings else None},
        )

    def _write(
        self,
        *,
        session_id: UUID,
        phase: str,
        build: Callable[[Decimal | None], tuple[dict | None, Decimal]],
        worker: str | None,
        new_run: bool,
        last_update: datetime,
        expected_version: int | None = None,
        run_token: str | None = None,
        position: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> WriteResult:
        extra = dict(extra or {})
        if position is not None:
            extra["last_position"] = position[:300]
        for _ in range(_MAX_ATTEMPTS):
            current = (
                Session.objects.filter(pk=session_id)
                .values(
                    "current_phase",
                    "overall_percentage",
                    "claimed_by",
                    "progress_version",
                    "run_token",
                    "cancel_requested_by",
                )
                .get()
            )
            if expected_version is not None and current["progress_version"] != expected_version:
                raise ConcurrentProgressWrite(
                    f"session {session_id} changed since version {expected_version}"
                )
            if worker is not None and current["claimed_by"] != worker:
                raise ClaimLost(
                    f"session {session_id} is now held by {current['claimed_by'] or 'nobody'}, "
                    f"not {worker}"
                )
            if worker is not None and run_token and current["run_token"] != run_token:
                raise ClaimLost(f"session {session_id} was claimed again since this run began")
            if (
                worker is not None
                and current["cancel_requested_by"]
                and current["current_phase"] in WORKER_PHASES
                and phase != Phase.FAILED
            ):
                # Read with the claim check, so noticing a cancel costs no query of its own.
                raise Cancelled(current["cancel_requested_by"])
            if new_run:
                check_new_run(current["current_phase"])
                check_transition(None, phase)
            else:
                check_transition(current["current_phase"], phase)
            previous_percentage = None if new_run else current["overall_percentage"]
            snapshot, value = build(previous_percentage)
            version = current["progress_version"]
            # The claim (holder and run token) is checked in the UPDATE itself: a worker that
            # lost its claim between the read above and here writes nothing.
            updated = Session.objects.filter(
                pk=session_id,
                progress_version=version,
                claimed_by=current["claimed_by"],
                run_token=current["run_token"],
            ).update(
                **extra,
                processing_progress=snapshot,
                current_phase=phase,
                overall_percentage=value,
                progress_updated_at=last_update,
                progress_version=F("progress_version") + 1,
                updated_at=self.clock(),
            )
            if updated == 1:
                return WriteResult(phase=phase, percentage=value, version=version + 1)
        raise ConcurrentProgressWrite(
            f"session {session_id} kept changing during {_MAX_ATTEMPTS} attempts to write progress"
        )
