"""Real worker processes against the test database: several at once, killed, stopped.

These wait for conditions in the database (a worker reaching a page), never for a fixed time;
the stale threshold is crossed by moving the session's last update back, as time would.
"""

import os
import re
import signal
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from sessions_app.models import FileState, Session, UploadedFile, WorkerHeartbeat
from tests.builders.samples import extracted_transactions, queued_sample_session, sample_set, truth
from tests.processes import run_command, start_command, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def processes_in_group(group: int) -> list[int]:
    """Live (not zombie) processes of a process group, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        state, pgid = fields[0], int(fields[2])
        if pgid == group and state != "Z":
            found.append(int(stat.parent.name))
    return found


def reading_second_statement_with_rows_written(session: Session) -> bool:
    """The first statement's rows are written (a statement's rows are written once it is read
    whole) and the second is being read."""
    first, second = UploadedFile.objects.filter(session=session).order_by("position")[:2]
    return second.state == FileState.PROCESSING and first.transactions.exists()


def test_two_workers_process_ten_sessions_each_exactly_once():
    directory = sample_set(seed=4, statements=1, pages=3, receipts=10)
    sessions = [queued_sample_session(directory, name=f"S{n}") for n in range(10)]

    workers = [start_command("process_sessions", "--once", "--page-delay", "0.01") for _ in "ab"]
    outputs = [worker.communicate(timeout=300)[0] for worker in workers]

    assert [w.returncode for w in workers] == [0, 0]
    claims = re.findall(r"\(([0-9a-f-]{36})\): claimed", "".join(outputs))
    assert sorted(claims) == sorted(str(s.pk) for s in sessions)
    assert all(re.search(r"\): claimed", out) for out in outputs), "both workers took work"
    expected = truth(directory)["transactions"]
    for session in Session.objects.filter(pk__in=[s.pk for s in sessions]):
        assert session.current_phase == "completed"
        assert extracted_transactions(session) == expected


def test_a_killed_worker_leaves_a_session_another_resumes_to_the_exact_truth():
    directory = sample_set(seed=5, statements=2, pages=60, receipts=20)
    session = queued_sample_session(directory)
    worker = start_command("process_sessions", "--page-delay", "0.03")
    try:
        wait_for(
            lambda: reading_second_statement_with_rows_written(session),
            what="the worker to read the second statement",
        )
        first_file_rows = set(
            UploadedFile.objects.get(session=session, position=0).transactions.values_list(
                "pk", flat=True
            )
        )
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    # Its reader processes die with it instead of reading on as orphans.
    wait_for(lambda: not processes_in_group(worker.pid), what="the readers to exit")

    session.refresh_from_db()
    assert session.current_phase == "processing" and session.claimed_by
    # Five minutes pass without a word from the dead worker.
    Session.objects.filter(pk=session.pk).update(
        progress_updated_at=timezone.now() - timedelta(minutes=6)
    )

    result = run_command("process_sessions", "--once")

    assert result.returncode == 0, result.stderr
    session.refresh_from_db()
    assert session.current_phase == "completed"
    assert extracted_transactions(session) == truth(directory)["transactions"]
    kept = UploadedFile.objects.get(session=session, position=0).transactions
    assert set(kept.values_list("pk", flat=True)) == first_file_rows


def test_sigterm_to_the_whole_process_group_stops_at_a_page_and_hands_the_session_back():
    # A service manager (systemd's default) signals the worker and its reader processes alike.
    directory = sample_set(seed=5, statements=2, pages=60, receipts=20)
    session = queued_sample_session(directory)
    worker = start_command("process_sessions", "--page-delay", "0.03")
    wait_for(
        lambda: reading_second_statement_with_rows_written(session),
        what="the worker to reach the second statement",
    )

    # The worker says it is alive, and what it holds.
    beat = WorkerHeartbeat.objects.get()
    assert beat.session_id == session.pk and WorkerHeartbeat.objects.alive().count() == 1

    os.killpg(worker.pid, signal.SIGTERM)
    output, errors = worker.communicate(timeout=30)

    assert worker.returncode == 0, errors
    assert "SIGTERM, stopping" in output and "released" in output
    session.refresh_from_db()
    assert session.current_phase == "processing"
    assert session.is_queued and not session.is_stalled()
    assert not WorkerHeartbeat.objects.exists()  # a clean stop takes its heartbeat with it

    result = run_command("process_sessions", "--once")

    assert result.returncode == 0, result.stderr
    session.refresh_from_db()
    assert session.current_phase == "completed"
    assert extracted_transactions(session) == truth(directory)["transactions"]
