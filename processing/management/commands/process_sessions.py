"""The worker: claims queued sessions one at a time and runs them to the end."""

import logging
import threading
import uuid
from signal import SIGINT, SIGTERM, Signals, signal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from processing import work_queue
from processing.pipeline import Outcome, run_session
from processing.repository import WriteResult
from processing.tracker import ProgressTracker
from sessions_app.models import Session
from sessions_app.progress.schema import ProcessingProgress

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Process queued reconciliation sessions: read every PDF page by page, match "
        "transactions to receipts, write the report. Runs until SIGTERM or SIGINT, which stop "
        "it at the next page and hand the session back to the queue. Run as many as you like, "
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
        previous = {sig: signal(sig, self.on_signal) for sig in (SIGTERM, SIGINT)}
        self.stdout.write(f"Worker {self.worker} started")
        try:
            if options["session"]:
                self.process_session(options["session"])
            else:
                self.loop(once=options["once"], poll_interval=options["poll_interval"])
        finally:
            for sig, handler in previous.items():
                signal(sig, handler)
        self.stdout.write(f"Worker {self.worker} stopped")

    def loop(self, *, once: bool, poll_interval: float) -> None:
        """Take sessions until stopped (or, with `once`, until the queue is empty)."""
        while not self.shutdown:
            try:
                if self.process_one():
                    continue
            except Exception:
                # The queue itself failed (the database went away): say so, keep going.
                logger.exception("Worker %s could not take work", self.worker)
            if once:
                break
            self.wakeup.wait(poll_interval)

    def on_signal(self, signum, frame) -> None:
        self.stdout.write(f"Worker {self.worker}: {Signals(signum).name}, stopping")
        self.shutdown = True
        self.wakeup.set()

    def process_one(self) -> bool:
        """Claim and run the oldest queued session; False if there was none."""
        close_old_connections()
        session = work_queue.claim_next(worker=self.worker)
        if session is None:
            return False
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
        self.stdout.write(f"Session “{session.name}” ({session.pk}): claimed")
        tracker = ProgressTracker(
            session_id=session.pk,
            worker=self.worker,
            snapshot=session.progress,
            listener=lambda progress, result, boundary: self.report(
                session, progress, result, boundary
            ),
        )
        outcome = run_session(
            session=session,
            worker=self.worker,
            should_stop=self.should_stop,
            after_page=self.pause if self.page_delay else None,
            tracker=tracker,
        )
        self.stdout.write(f"Session “{session.name}” ({session.pk}): {outcome}")
        return outcome

    def should_stop(self) -> bool:
        return self.shutdown

    def pause(self) -> None:
        """The demonstration pace: wait after a page, unless asked to stop meanwhile."""
        self.wakeup.wait(self.page_delay)

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
