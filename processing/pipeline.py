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

from django.db import transaction
from django.utils import timezone

from processing import matching, reports, work_queue
from processing.errors import ClaimLost, Interrupted, RunError
from processing.extraction import ExtractionService
from processing.tracker import ProgressTracker
from sessions_app.models import Match, MatchMethod, Session
from sessions_app.progress.phases import Phase

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Outcome(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    RELEASED = "released"  # the worker stopped; the session is back in the queue
    LOST = "lost"  # another worker took the session over


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
        session_id=session.pk, clock=clock, worker=worker, snapshot=session.progress
    )
    try:
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
    except Interrupted:
        if tracker.dirty:
            tracker.flush()
        work_queue.release(session_id=session.pk, worker=worker, clock=clock)
        return Outcome.RELEASED
    except ClaimLost:
        logger.warning("Session %s was taken over by another worker; leaving it", session.pk)
        return Outcome.LOST
    except RunError as exc:
        _fail(tracker, type(exc).__name__, str(exc), exc.file, exc.page)
        return Outcome.FAILED
    except Exception as exc:
        # A defect, not bad input: the accountant gets a plain message, operators the traceback.
        logger.exception("Session %s failed unexpectedly", session.pk)
        _fail(
            tracker,
            type(exc).__name__,
            "Recon hit an unexpected problem and stopped. Nothing was lost; an administrator "
            "can see the details and retry the session.",
            None,
            None,
        )
        return Outcome.FAILED


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
    tracker.start_phase(Phase.MATCHING, matches_found=0, unmatched_count=0)

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
    tracker.start_phase(Phase.REPORT_GENERATION, report_type="xlsx", records_written=0)
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
