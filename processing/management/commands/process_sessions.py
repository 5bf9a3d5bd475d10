"""The worker: claims queued sessions one at a time and runs them to the end."""

import gc
import logging
import threading
import time
import uuid
from signal import SIGINT, SIGTERM, Signals, signal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from processing import db, work_queue
from processing.pipeline import Outcome, run_session
from processing.repository import WriteResult
from processing.tracker import ProgressTracker
from sessions_app.models import Session
from sessions_app.progress.schema import ProcessingProgress

logger = logging.getLogger(__name__)

# After SIGTERM, what the worker's connections are still running is cancelled this soon, so a
# worker waiting on the database still stops within a second.
_CANCEL_AFTER_SECONDS = 0.15


class Command(BaseCommand):
    help = (
        "Process queued reconciliation sessions: read every PDF page by page, match "
        "transactions to receipts, write the report. Runs until SIGTERM or SIGINT, which stop "
        "it within a second and hand the session back to the queue. Run as many as you like, "
        "on one machine or many sharing one database: a session is only ever held by one."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Process everything queued, then exit."
        )
        parser.add_argument(
            "--session", type=uuid.UUID, help="Process this one session in the foreground."
        )
        parser.add_argument(
            "--poll-interval",
            type=float,
            default=2.0,
            help="Seconds between looks at an empty queue (default 2).",
        )
        parser.add_argument(
            "--page-delay",
            type=float,
            default=None,
            help="Pause this many seconds after each page, to watch progress in demonstrations "
            "(default: the RECON_WORKER_PAGE_DELAY_SECONDS setting).",
        )

    def handle(self, *args, **options) -> None:
        self.shutdown = False
        self.wakeup = threading.Event()
        self.page_delay = options["page_delay"]
        if self.page_delay is None:
            self.page_delay = settings.RECON_WORKER_PAGE_DELAY_SECONDS
        self.worker = work_queue.worker_name()
        self.started_at = timezone.now()
        self.last_beat = 0.0
        self.holding: uuid.UUID | None = None
        self.outage = db.Outage(worker=self.worker)
        previous = {sig: signal(sig, self.on_signal) for sig in (SIGTERM, SIGINT)}
        self.stdout.write(f"Worker {self.worker} started")
        try:
            with db.worker_connections(self.worker):
                try:
                    if options["session"]:
                        self.process_session(options["session"])
                    else:
                        self.loop(once=options["once"], poll_interval=options["poll_interval"])
                finally:
                    self.leave()
        finally:
            for sig, handler in previous.items():
                signal(sig, handler)
        self.stdout.write(f"Worker {self.worker} stopped")
        if getattr(self, "_called_from_command_line", False):
            # The process ends now: spare it the final garbage collection of a large heap
            # (half a second), so that a stop takes well under a second in all.
            gc.freeze()

    def loop(self, *, once: bool, poll_interval: float) -> None:
        """Take sessions until stopped (or, with `once`, until the queue is empty)."""
        while not self.shutdown:
            try:
                self.beat(force=False)
                if self.process_one():
                    continue
                self.outage.recovered()
            except Exception as exc:
                if not db.is_transient(exc):
                    # A defect in the worker itself: say so with the traceback, keep going.
                    logger.exception("Worker %s could not take work", self.worker)
                else:
                    # The database went away: said once, not a traceback every poll.
                    self.outage.failed(exc)
                    db.reconnect()
            if once:
                break
            self.wakeup.wait(poll_interval)

    def on_signal(self, signum, frame) -> None:
        self.stdout.write(f"Worker {self.worker}: {Signals(signum).name}, stopping")
        self.shutdown = True
        self.wakeup.set()
        # A page boundary comes within half a second; a query waiting on a lock or a dead
        # server may not: cancel what is still running then, so the worker stops regardless.
        timer = threading.Timer(_CANCEL_AFTER_SECONDS, db.cancel_all)
        timer.daemon = True
        timer.start()

    def process_one(self) -> bool:
        """Claim and run the oldest queued session; False if there was none."""
        close_old_connections()
        session = work_queue.claim_next(worker=self.worker)
        if session is None:
            return False
        self.outage.recovered()
        self.run(session)
        return True

    def process_session(self, session_id: uuid.UUID) -> None:
        close_old_connections()
        if not work_queue.claim(session_id=session_id, worker=self.worker):
            session = Session.objects.filter(pk=session_id).first()
            state = f"it is {session.current_phase or 'new'}" if session else "it does not exist"
            raise CommandError(f"Session {session_id} is not waiting for a worker: {state}.")
        self.run(Session.objects.get(pk=session_id))

    def run(self, session: Session) -> Outcome:
        """Run a claimed session to its end; through database failures it is resumed at once
        after a reconnect (and handed back to the queue if they persist)."""
        self.stdout.write(f"Session “{session.name}” ({session.pk}): claimed")
        self.holding = session.pk
        self.beat(force=True)
        token = session.run_token
        failures = 0
        try:
            while True:
                outcome = run_session(
                    session=session,
                    worker=self.worker,
                    should_stop=self.should_stop,
                    after_page=self.pause if self.page_delay else None,
                    tracker=self.tracker(session),
                )
                if outcome != Outcome.DATABASE:
                    break
                failures += 1
                outcome, resumed = self.recover(session, token, failures)
                if resumed is None:
                    break
                session = resumed
                self.stdout.write(f"Session “{session.name}” ({session.pk}): resumed")
        finally:
            self.holding = None
        self.stdout.write(f"Session “{session.name}” ({session.pk}): {outcome}")
        return outcome

    def recover(
        self, session: Session, token: str, failures: int
    ) -> tuple[Outcome, Session | None]:
        """After a database failure under a run: the session to resume (still ours), or how
        the run ends instead."""
        if not db.wait_for_database(
            outage=self.outage, should_stop=self.should_stop, sleep=self.wakeup.wait
        ):
            # Stopping: hand it back if the database lets us at once.
            return self.give_back(session, token), None
        if failures > settings.RECON_DB_RETRIES:
            logger.warning(
                "Session %s met %d database failures in a row; handing it back to the queue",
                session.pk,
                failures,
            )
            return self.give_back(session, token), None
        try:
            resumed = work_queue.held(session_id=session.pk, worker=self.worker, run_token=token)
        except Exception as exc:
            if not db.is_transient(exc):
                raise
            return self.recover(session, token, failures + 1)
        if resumed is None:
            return Outcome.LOST, None
        return Outcome.DATABASE, resumed

    def give_back(self, session: Session, token: str) -> Outcome:
        try:
            with db.bounded(lock_seconds=0.1):
                work_queue.release(session_id=session.pk, worker=self.worker, run_token=token)
        except Exception as exc:
            logger.warning("Session %s could not be handed back (%s)", session.pk, db.short(exc))
            return Outcome.ABANDONED
        return Outcome.RELEASED

    def tracker(self, session: Session) -> ProgressTracker:
        return ProgressTracker(
            session_id=session.pk,
            worker=self.worker,
            snapshot=session.progress,
            run_token=session.run_token or None,
            listener=lambda progress, result, boundary: self.report(
                session, progress, result, boundary
            ),
        )

    def should_stop(self) -> bool:
        # Asked at every page and every fraction of a second while a slow page is awaited: the
        # heartbeat rides on it too (a clock check, a write every RECON_HEARTBEAT_SECONDS).
        if not self.shutdown:
            self.beat_quietly()
        return self.shutdown

    def pause(self) -> None:
        """The demonstration pace: wait after a page, unless asked to stop meanwhile."""
        self.wakeup.wait(self.page_delay)

    def beat(self, *, force: bool) -> None:
        """Say this worker is alive (and what it holds), at most every RECON_HEARTBEAT_SECONDS
        unless `force`d."""
        now = time.monotonic()
        if not force and now - self.last_beat < settings.RECON_HEARTBEAT_SECONDS:
            return
        self.last_beat = now
        work_queue.beat(worker=self.worker, session_id=self.holding, started_at=self.started_at)

    def beat_quietly(self) -> None:
        """The heartbeat while a session runs: a database failure there is the run's to meet."""
        try:
            self.beat(force=False)
        except Exception as exc:
            if not db.is_transient(exc):
                raise

    def leave(self) -> None:
        try:
            work_queue.forget_worker(worker=self.worker)
        except Exception as exc:
            logger.warning("Worker %s could not remove its heartbeat (%s)", self.worker, exc)

    def report(
        self,
        session: Session,
        progress: ProcessingProgress | None,
        result: WriteResult,
        boundary: bool,
    ) -> None:
        if not boundary:
            return
        message = progress.status_message if progress else "Completed"
        line = f"Session “{session.name}”: {result.percentage:>6}%  {message}"
        (self.stderr if progress and progress.error else self.stdout).write(line)
