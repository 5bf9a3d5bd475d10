"""The work queue and the operator's levers: queue, claim, release, end, retry, requeue, mark
failed.

This module alone writes the queue columns (`queued_at`, `claimed_by`, `claimed_at`,
`finished_at`); where a run is queued or ends, it writes them in the same transaction as the
progress snapshot that says so. The worker, the web page's retry button and the admin actions
all go through these functions, so each rule lives in one place. Claims are conditional
UPDATEs: the row changes only if it is still claimable, so two workers (on SQLite or
PostgreSQL, on one machine or many) can never both win the same session.
"""

import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from processing.errors import ActionRefused, ConcurrentProgressWrite
from processing.tracker import ProgressTracker
from sessions_app.models import FileState, Session
from sessions_app.progress.phases import WORKER_PHASES, Phase
from sessions_app.progress.transitions import InvalidTransition

Clock = Callable[[], datetime]


def worker_name() -> str:
    """A name unique to this worker process: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def finish_upload(tracker: ProgressTracker, **fields) -> None:
    """Complete the upload phase and put the session in the queue, in one transaction."""
    with transaction.atomic():
        tracker.finish_phase(queued=True, **fields)
        Session.objects.filter(pk=tracker.session_id).update(
            queued_at=tracker.clock(), claimed_by=None, claimed_at=None, finished_at=None
        )


def complete(tracker: ProgressTracker) -> None:
    """End the run as completed (the snapshot cleared) and take it out of the queue."""
    with transaction.atomic():
        tracker.complete()
        _end_run(tracker)


def fail(
    tracker: ProgressTracker,
    *,
    expected_version: int | None = None,
    **error,
) -> None:
    """End the run as failed with `error` (tracker.fail's fields) and take it out of the queue.
    With `expected_version`, only if nothing was written since that version."""
    with transaction.atomic():
        tracker.fail(expected_version=expected_version, **error)
        _end_run(tracker)


def _end_run(tracker: ProgressTracker) -> None:
    Session.objects.filter(pk=tracker.session_id).update(
        finished_at=tracker.clock(), queued_at=None, claimed_by=None, claimed_at=None
    )


def claim(*, session_id: uuid.UUID, worker: str, clock: Clock = timezone.now) -> bool:
    """Take `session_id` for `worker` if it is still claimable; True if this call won it."""
    now = clock()
    return (
        Session.objects.claimable(now)
        .filter(pk=session_id)
        # The version moves so that an operator's decision taken before the claim (such as
        # failing a stalled session) cannot be written over it.
        .update(
            claimed_by=worker,
            claimed_at=now,
            progress_updated_at=now,
            progress_version=F("progress_version") + 1,
        )
        == 1
    )


def claim_next(*, worker: str, clock: Clock = timezone.now) -> Session | None:
    """Claim the oldest claimable session for `worker`, or return None if there is none."""
    candidates = (
        Session.objects.claimable(clock())
        .order_by("queued_at", "created_at")
        .values_list("pk", flat=True)[:20]
    )
    for session_id in candidates:
        if claim(session_id=session_id, worker=worker, clock=clock):
            return Session.objects.get(pk=session_id)
    return None


def release(*, session_id: uuid.UUID, worker: str, clock: Clock = timezone.now) -> bool:
    """Give a held session back to the queue (a worker shutting down); another resumes it."""
    return (
        Session.objects.filter(pk=session_id, claimed_by=worker).update(
            claimed_by=None, claimed_at=None, queued_at=clock()
        )
        == 1
    )


def retry(*, session: Session, clock: Clock = timezone.now) -> None:
    """Start a new run of a failed session: its files stay, those already read are kept."""
    if session.current_phase != Phase.FAILED:
        raise ActionRefused(f"“{session}” has not failed, so there is nothing to retry.")
    files = session.files.aggregate(count=Count("pk"), size=Sum("size_bytes"))
    try:
        with transaction.atomic():
            # Files being read when the run failed are read again from their first page.
            session.files.exclude(state=FileState.DONE).update(
                state=FileState.PENDING, error_message="", started_at=None, completed_at=None
            )
            tracker = ProgressTracker(session_id=session.pk, clock=clock)
            tracker.start_phase(
                Phase.UPLOAD,
                new_run=True,
                files_uploaded=files["count"] or 0,
                bytes_uploaded=files["size"] or 0,
            )
            finish_upload(tracker)
    except (InvalidTransition, ConcurrentProgressWrite) as exc:
        # Retried twice at once (a double click, two operators): the other retry won.
        raise ActionRefused(f"“{session}” is already being retried.") from exc


def requeue(*, session: Session, clock: Clock = timezone.now) -> None:
    """Put a stalled session back in the queue at once; a worker resumes where it stopped."""
    now = clock()
    requeued = (
        Session.objects.stalled(now)
        .filter(pk=session.pk, current_phase__in=WORKER_PHASES)
        .update(
            claimed_by=None,
            claimed_at=None,
            queued_at=now,
            progress_version=F("progress_version") + 1,
        )
    )
    if not requeued:
        raise ActionRefused(f"“{session}” is not stalled in processing, matching or reporting.")


def mark_failed(*, session: Session, clock: Clock = timezone.now) -> None:
    """End a stalled session as failed, saying where its worker stopped."""
    now = clock()
    stalled = (
        Session.objects.stalled(now).filter(pk=session.pk, current_phase__in=WORKER_PHASES).first()
    )
    if stalled is None:
        raise ActionRefused(f"“{session}” is not stalled in processing, matching or reporting.")
    progress = stalled.progress
    current = progress.phases[Phase.PROCESSING].current_file if progress else None
    in_processing = stalled.current_phase == Phase.PROCESSING and current is not None
    silent_for = int((now - stalled.progress_updated_at).total_seconds() // 60)
    tracker = ProgressTracker(session_id=stalled.pk, clock=clock, snapshot=progress)
    try:
        fail(
            tracker,
            error_type="WorkerStopped",
            message=(
                "The worker stopped responding during "
                f"{Phase(stalled.current_phase).label.lower()} (no progress for {silent_for} "
                "minutes). An operator ended the run; retry it to start again."
            ),
            file=current.name if in_processing else None,
            page=current.current_page if in_processing else None,
            # Only if nothing was written since the check above: a worker resuming it wins.
            expected_version=stalled.progress_version,
        )
    except ConcurrentProgressWrite as exc:
        raise ActionRefused(f"“{session}” was resumed by a worker meanwhile.") from exc
