"""One run of a claimed session, from where it stands to completed (or failed).

A session taken over from a silent worker resumes in the phase it was in: in processing the
files already done are kept and the interrupted one is read again; matching and the report are
simply done again (they replace what they find). Any failure ends the run `failed` with an
ErrorContext saying which phase, file and page, in words for the accountant, and the traceback
for the operators.
"""

import logging
import traceback
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from functools import partial

from django.db import transaction
from django.utils import timezone

from processing import db, matching, reports, work_queue
from processing.errors import Cancelled, ClaimLost, Interrupted, RunError
from processing.extraction import ExtractionService
from processing.pdf import DAMAGED_MARK
from processing.tracker import ProgressTracker
from sessions_app.models import FileState, Match, MatchMethod, Session, UploadedFile
from sessions_app.progress.phases import Phase

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Outcome(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    RELEASED = "released"  # the worker stopped; the session is back in the queue
    # The worker stopped but could not hand the session back: another takes it over once its
    # silence makes it stalled.
    ABANDONED = "left to be taken over"
    LOST = "lost"  # another worker took the session over
    CANCELLED = "cancelled"  # the accountant cancelled it: failed, files kept for a retry
    # The database failed under the run (connection lost, deadlock, timeout): nothing is
    # wrong with the session; the worker reconnects and resumes it.
    DATABASE = "interrupted by the database"


def run_session(
    *,
    session: Session,
    worker: str,
    clock: Clock = timezone.now,
    should_stop: Callable[[], bool] = lambda: False,
    after_page: Callable[[], None] | None = None,
    tracker: ProgressTracker | None = None,
) -> Outcome:
    """Take a session this worker has claimed to its end, or back to the queue if stopped;
    `after_page` runs after every page read (a demonstration's pace)."""
    tracker = tracker or ProgressTracker(
        session_id=session.pk,
        clock=clock,
        worker=worker,
        snapshot=session.progress,
        run_token=session.run_token or None,
    )
    try:
        if session.current_phase in (Phase.UPLOAD, Phase.PROCESSING):
            _keep_damage_notes(session, tracker)
        if session.current_phase in (Phase.UPLOAD, Phase.PROCESSING):
            ExtractionService(
                session=session,
                tracker=tracker,
                should_stop=should_stop,
                after_page=after_page,
                clock=clock,
            ).run()
        if session.current_phase != Phase.REPORT_GENERATION:
            _match(session, tracker)
        if should_stop():
            raise Interrupted()
        _report(session, tracker)
        work_queue.complete(tracker)
        return Outcome.COMPLETED
    except Cancelled as cancelled:
        return _ending(
            session,
            partial(_fail, tracker, "Cancelled", str(cancelled), None, None),
            Outcome.CANCELLED,
        )
    except Interrupted:

        def hand_back() -> None:
            # Quick or not at all: a stopping worker must not wait on a lock. Not handed back,
            # the session is taken over once its silence makes it stalled.
            with db.bounded():
                if tracker.dirty:
                    tracker.flush()
                work_queue.release(
                    session_id=session.pk, worker=worker, clock=clock, run_token=tracker.run_token
                )

        return _ending(session, hand_back, Outcome.RELEASED)
    except ClaimLost:
        logger.warning("Session %s was taken over by another worker; leaving it", session.pk)
        return Outcome.LOST
    except RunError as exc:
        return _ending(
            session,
            partial(_fail, tracker, type(exc).__name__, str(exc), exc.file, exc.page),
            Outcome.FAILED,
        )
    except Exception as exc:
        if db.is_transient(exc):
            logger.warning("Session %s: the database failed under the run (%s)", session.pk, exc)
            return Outcome.DATABASE
        # A defect, not bad input: the accountant gets a plain message, operators the traceback.
        logger.exception("Session %s failed unexpectedly", session.pk)
        return _ending(
            session,
            partial(
                _fail,
                tracker,
                type(exc).__name__,
                "Recon hit an unexpected problem and stopped. Nothing was lost; an administrator "
                "can see the details and retry the session.",
                None,
                None,
            ),
            Outcome.FAILED,
        )


def _ending(session: Session, end: Callable[[], None], outcome: Outcome) -> Outcome:
    """Write how the run ends; if the database fails meanwhile the run is resumed instead, and
    if another worker has the session, it is left to them."""
    try:
        end()
    except ClaimLost:
        logger.warning("Session %s was taken over by another worker; leaving it", session.pk)
        return Outcome.LOST
    except Exception as exc:
        if not db.is_transient(exc):
            raise
        logger.warning("Session %s: the database failed under the run (%s)", session.pk, exc)
        return Outcome.DATABASE
    return outcome


def _keep_damage_notes(session: Session, tracker: ProgressTracker) -> None:
    """A file the upload found damaged (and MuPDF repaired) says so while it is read and
    afterwards: its note from the upload is kept when the file's warnings are written."""
    notes = {
        pk: [w for w in warnings if DAMAGED_MARK in w]
        for pk, name, warnings in session.files.exclude(state=FileState.DONE).values_list(
            "pk", "original_name", "warnings"
        )
    }
    notes = {pk: found for pk, found in notes.items() if found}
    if not notes:
        return
    shown = {w.message for w in tracker.warnings}
    names = dict(session.files.values_list("pk", "original_name"))
    for pk, messages in notes.items():
        for message in messages:
            if message not in shown:
                tracker.warn(file=names[pk], message=message)

    def keep(file_id) -> None:
        if file_id not in notes:
            return
        warnings = UploadedFile.objects.values_list("warnings", flat=True).get(pk=file_id)
        missing = [note for note in notes[file_id] if note not in warnings]
        if missing:
            UploadedFile.objects.filter(pk=file_id).update(warnings=missing + list(warnings))

    tracker.on_file_done = keep


def _match(session: Session, tracker: ProgressTracker) -> None:
    charges = [
        matching.Charge(*row)
        for row in session.transactions.filter(amount__gt=0).values_list(
            "id", "transaction_date", "amount", "description"
        )
    ]
    slips = [
        matching.Slip(*row)
        for row in session.receipts.values_list("id", "receipt_date", "total", "merchant")
    ]
    tracker.start_phase(
        Phase.MATCHING, matches_found=0, unmatched_count=0, items_done=0, items_total=len(charges)
    )

    def progress(done: int, matched: int) -> None:
        tracker.update_phase(
            done=done, total=len(charges), matches_found=matched, unmatched_count=done - matched
        )

    pairings = matching.match(charges, slips, progress=progress)
    with transaction.atomic():
        # Matching is redone whole on resume or retry: it replaces earlier matches.
        Match.objects.filter(session=session).delete()
        Match.objects.bulk_create(
            Match(
                session=session,
                transaction_id=p.transaction_id,
                receipt_id=p.receipt_id,
                method=MatchMethod.AMOUNT_DATE_MERCHANT,
                score=p.score,
                days_apart=p.days_apart,
            )
            for p in pairings
        )
    tracker.finish_phase(matches_found=len(pairings), unmatched_count=len(charges) - len(pairings))


def _report(session: Session, tracker: ProgressTracker) -> None:
    total = max(reports.report_size(session), 1)
    tracker.start_phase(
        Phase.REPORT_GENERATION,
        report_type="xlsx",
        records_written=0,
        items_done=0,
        items_total=total,
    )
    xlsx = reports.write_xlsx(
        session,
        progress=lambda n: tracker.update_phase(done=n, total=total, records_written=n),
    )
    tracker.update_phase(
        done=xlsx.records_written, total=total, report_type="csv", records_written=0
    )
    csv = reports.write_csv(
        session,
        progress=lambda n: tracker.update_phase(
            done=xlsx.records_written + n, total=total, records_written=n
        ),
    )
    tracker.finish_phase(records_written=xlsx.records_written + csv.records_written)


def _fail(
    tracker: ProgressTracker,
    error_type: str,
    message: str,
    file: str | None,
    page: int | None,
) -> None:
    work_queue.fail(
        tracker,
        error_type=error_type,
        message=message,
        file=file,
        page=page,
        traceback=traceback.format_exc(),
    )
