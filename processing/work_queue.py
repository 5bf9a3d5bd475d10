"""The work queue and the operator's levers: queue, claim, release, end, retry, requeue, mark
failed.

This module alone writes the queue columns (`queued_at`, `claimed_by`, `claimed_at`,
`finished_at`); where a run is queued or ends, it writes them in the same transaction as the
progress snapshot that says so. The worker, the web page's retry button and the admin actions
all go through these functions, so each rule lives in one place.

Claims never wait for a lock. On PostgreSQL the claimable row is taken with
`SELECT … FOR UPDATE SKIP LOCKED` (a row locked by a frozen worker is passed over, not queued
behind); on SQLite, which has one writer at a time, with a conditional UPDATE. Either way two
workers can never both win a session. Each claim draws a new `run_token` and counts an attempt:
every write that needs the claim carries the token in its UPDATE, so a worker that lost its
claim (or a claim statement that reaches the server after its worker died) can never write over
the run that replaced it, and a session whose worker keeps dying fails after
RECON_MAX_ATTEMPTS, saying where.
"""

import contextlib
import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import Greatest
from django.utils import timezone

from processing import db
from processing.errors import ActionRefused, ClaimLost, ConcurrentProgressWrite
from processing.tracker import ProgressTracker
from sessions_app.models import FileState, Session, WorkerHeartbeat
from sessions_app.progress.phases import WORK_PHASES, WORKER_PHASES, Phase
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
        finished_at=tracker.clock(), queued_at=None, claimed_by=None, claimed_at=None, run_token=""
    )


def claim(*, session_id: uuid.UUID, worker: str, clock: Clock = timezone.now) -> bool:
    """Take `session_id` for `worker` if it is still claimable and not locked by another
    worker; True if this call won it (and the session is still to be run: one whose workers
    kept dying is failed instead)."""
    claimed = _claim(Session.objects.filter(pk=session_id), worker=worker, clock=clock)
    return claimed is not None and claimed is not _GAVE_UP


def claim_next(*, worker: str, clock: Clock = timezone.now) -> Session | None:
    """Claim the oldest claimable session for `worker`, or return None if there is none."""
    for _ in range(20):  # each round either claims, finds nothing, or ends a dead session
        claimed = _claim(
            Session.objects.order_by("queued_at", "created_at"), worker=worker, clock=clock
        )
        if claimed is None:
            return None
        if claimed is not _GAVE_UP:
            return claimed
    return None


_GAVE_UP = object()  # a claim that ended the session (too many attempts): look again


def _claim(candidates, *, worker: str, clock: Clock):
    now = clock()
    token = uuid.uuid4().hex
    claimable = candidates.claimable(now)
    if connection.vendor == "postgresql":
        # Workers whose sessions went stale are presumed dead: their connections are ended
        # first, so locks a frozen one still holds are released and the takeover goes ahead.
        stale = claimable.filter(claimed_by__isnull=False).values_list("claimed_by", flat=True)
        db.fence(sorted(set(stale[:20]) - {worker}))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # SKIP LOCKED: a row another worker holds a lock on (even a frozen one) is passed
            # over at once, and the claimable filter is checked again on the row as locked.
            session_id = (
                claimable.select_for_update(skip_locked=True).values_list("pk", flat=True).first()
            )
            if session_id is None or not _take(
                Session.objects.filter(pk=session_id), worker, token, now
            ):
                return None
        else:
            # SQLite has one writer at a time: the conditional UPDATE decides.
            for session_id in claimable.values_list("pk", flat=True)[:20]:
                if _take(Session.objects.claimable(now).filter(pk=session_id), worker, token, now):
                    break
            else:
                return None
    session = Session.objects.get(pk=session_id)
    if session.attempts > settings.RECON_MAX_ATTEMPTS:
        _give_up(session, worker=worker, clock=clock)
        return _GAVE_UP
    return session


def _take(queryset, worker: str, token: str, now: datetime) -> bool:
    return (
        queryset.update(
            claimed_by=worker,
            claimed_at=now,
            run_token=token,
            attempts=F("attempts") + 1,
            progress_updated_at=now,
            # The version moves so that an operator's decision taken before the claim (such as
            # failing a stalled session) cannot be written over it.
            progress_version=F("progress_version") + 1,
        )
        == 1
    )


def _give_up(session: Session, *, worker: str, clock: Clock) -> None:
    """End a session whose workers died RECON_MAX_ATTEMPTS times, saying where they were."""
    died = session.attempts - 1
    where = session.last_position or "working on it"
    tracker = _tracker_holding(session, worker=worker, clock=clock)
    progress = session.progress
    current = progress.phases[Phase.PROCESSING].current_file if progress else None
    in_processing = session.current_phase == Phase.PROCESSING and current is not None
    with contextlib.suppress(ClaimLost):  # another worker's claim came in between: theirs
        fail(
            tracker,
            error_type="WorkerStopped",
            message=(
                f"The worker stopped {died} times while {where}, so Recon gave up on this "
                "session: the file may be built in a way that crashes the PDF reader or needs "
                "more memory than the worker has. An administrator can see the details; retry "
                "it once the file is replaced or the worker has more memory."
            ),
            file=current.name if in_processing else None,
            page=current.current_page if in_processing else None,
        )


def _tracker_holding(session: Session, *, worker: str | None, clock: Clock) -> ProgressTracker:
    """A tracker for ending `session`, standing in the processing phase if it was still in the
    upload phase (queued): the state machine has no way from upload to failed."""
    tracker = ProgressTracker(
        session_id=session.pk,
        clock=clock,
        worker=worker,
        run_token=session.run_token if worker else None,
        snapshot=session.progress,
    )
    if session.current_phase == Phase.UPLOAD:
        files = session.files.aggregate(count=Count("pk"), pages=Sum("page_count"))
        tracker.start_phase(
            Phase.PROCESSING,
            total_files=max(files["count"] or 0, 1),
            total_pages=files["pages"] or 0,
            pages_processed=0,
        )
    return tracker


def held(*, session_id: uuid.UUID, worker: str, run_token: str) -> Session | None:
    """The session if `worker` still holds it under `run_token` (after an outage: resume it
    at once), else None (another worker took it over meanwhile)."""
    return Session.objects.filter(
        pk=session_id, claimed_by=worker, run_token=run_token, current_phase__in=WORK_PHASES
    ).first()


def release(
    *,
    session_id: uuid.UUID,
    worker: str,
    clock: Clock = timezone.now,
    run_token: str | None = None,
) -> bool:
    """Give a held session back to the queue (a worker shutting down); another resumes it.
    The worker did not die, so its attempt is not counted."""
    held = Session.objects.filter(pk=session_id, claimed_by=worker)
    if run_token:
        held = held.filter(run_token=run_token)
    return (
        held.update(
            claimed_by=None,
            claimed_at=None,
            queued_at=clock(),
            run_token="",
            attempts=Greatest(F("attempts") - 1, 0),
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
            # A new run: the workers' deaths of the last one no longer count, nor its cancel.
            Session.objects.filter(pk=session.pk).update(
                attempts=0, run_token="", cancel_requested_by="", cancel_requested_at=None
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


def request_cancel(*, session: Session, user, clock: Clock = timezone.now) -> None:
    """Stop a run for `user` (a User or a username): a queued session fails at once as
    "Cancelled by <user>"; a running one is marked, and its worker ends it so at the next page
    it reports; an ended one refuses (ActionRefused). Files read are kept for a retry."""
    username = user if isinstance(user, str) else user.get_username()
    now = clock()
    with transaction.atomic():
        current = Session.objects.select_for_update().filter(pk=session.pk).first()
        if current is None or current.current_phase not in WORK_PHASES:
            raise ActionRefused(f"“{session}” has already ended, so there is nothing to cancel.")
        if current.claimed_by:
            Session.objects.filter(pk=current.pk).update(
                cancel_requested_by=username[:150], cancel_requested_at=now
            )
            return
        if current.queued_at is None:
            raise ActionRefused(f"“{session}” is still being uploaded; it cannot be cancelled.")
        tracker = _tracker_holding(current, worker=None, clock=clock)
        Session.objects.filter(pk=current.pk).update(
            cancel_requested_by=username[:150], cancel_requested_at=now
        )
        fail(
            tracker,
            error_type="Cancelled",
            message=f"Cancelled by {username}",
            expected_version=Session.objects.values_list("progress_version", flat=True).get(
                pk=current.pk
            ),
        )


def beat(
    *, worker: str, session_id: uuid.UUID | None, started_at: datetime, clock: Clock = timezone.now
) -> None:
    """Say that `worker` is alive now and holds `session_id` (or nothing)."""
    now = clock()
    updated = WorkerHeartbeat.objects.filter(name=worker).update(
        last_seen_at=now, session_id=session_id
    )
    if not updated:
        WorkerHeartbeat.objects.get_or_create(
            name=worker,
            defaults={"started_at": started_at, "last_seen_at": now, "session_id": session_id},
        )


def forget_worker(*, worker: str) -> None:
    """A worker stopping cleanly takes its heartbeat with it."""
    WorkerHeartbeat.objects.filter(name=worker).delete()
