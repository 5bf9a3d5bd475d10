"""A session whose file kills its worker every time (an OOM kill, a crash in the PDF library):
after RECON_MAX_ATTEMPTS workers died on it, it fails naming where, and the queue moves on.

The test plays the kernel's OOM killer: it SIGKILLs whichever worker has been reading the
poisonous session for half a second. Real processes on PostgreSQL, a short stale threshold.
"""

import os
import signal
import time

import pytest
from django.db import connection

from sessions_app.models import Session
from tests.builders.samples import extracted_transactions, queued_sample_session, sample_set, truth
from tests.processes import RunningCommand, wait_for, worker_pid

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

FAST = {
    "PROGRESS_STALE_AFTER_SECONDS": "3",
    "PROGRESS_WRITE_INTERVAL_SECONDS": "0.3",
    "RECON_PAGE_TIMEOUT_SECONDS": "2",
    "RECON_MAX_ATTEMPTS": "3",
}


def start_worker() -> RunningCommand:
    return RunningCommand(
        "process_sessions", "--page-delay", "0.05", "--poll-interval", "0.2", **FAST
    )


def reading(session: Session) -> int:
    """The page the session's holder last reported, or 0."""
    progress = session.progress
    if session.current_phase != "processing" or progress is None:
        return 0
    current = progress.phases["processing"].current_file
    return current.current_page if current else 0


def test_a_session_that_kills_its_worker_fails_after_three_attempts_naming_file_and_page():
    if connection.vendor != "postgresql":
        pytest.skip("run in CI's PostgreSQL pass")
    poison = queued_sample_session(sample_set(seed=5, statements=1, pages=30, receipts=3))
    others = sample_set(seed=6, statements=1, pages=3, receipts=3)
    other = queued_sample_session(others, name="other")
    kills = 0
    worker = start_worker()
    try:
        deadline = time.monotonic() + 90
        held_since = None
        while time.monotonic() < deadline:
            session = Session.objects.get(pk=poison.pk)
            if session.current_phase == "failed":
                break
            if worker_pid(session.claimed_by) != worker.pid or not reading(session):
                held_since = None
            elif held_since is None:
                held_since = time.monotonic()
            elif time.monotonic() - held_since > 0.5:  # some pages into the file: killed
                os.killpg(worker.pid, signal.SIGKILL)
                worker.stop()
                kills += 1
                worker = start_worker()
                held_since = None
            time.sleep(0.05)
        wait_for(
            lambda: Session.objects.get(pk=other.pk).current_phase == "completed",
            what="the other session",
        )
    finally:
        output = worker.stop()

    assert kills == 3, output
    poison.refresh_from_db()
    assert poison.current_phase == "failed"
    error = poison.progress.error
    assert error.type == "WorkerStopped"
    assert error.message.startswith("The worker stopped 3 times while reading page "), error
    assert "of “statement_01.pdf”" in error.message
    assert error.context.file == "statement_01.pdf" and error.context.page >= 3
    assert poison.claimed_by is None and poison.finished_at is not None
    assert extracted_transactions(other) == truth(others)["transactions"]
    print(error.message)
