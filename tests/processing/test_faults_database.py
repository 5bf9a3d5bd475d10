"""The worker under database faults, with real processes on PostgreSQL: a worker frozen while
it holds its session's row, a writer's connection killed, the database restarted, and SIGTERM
while a query waits on a lock. The queue keeps moving and every session ends at the exact truth.

The stale threshold and the worker's database timeouts are made short through the environment
of the processes started, so the faults play out in seconds.
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from sessions_app.models import FileState, Session, UploadedFile
from tests.builders.samples import extracted_transactions, queued_sample_session, sample_set, truth
from tests.processes import RunningCommand, database_url, wait_for, worker_pid

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

FAST = {
    "PROGRESS_STALE_AFTER_SECONDS": "5",
    "PROGRESS_WRITE_INTERVAL_SECONDS": "0.5",
    "RECON_PAGE_TIMEOUT_SECONDS": "3",
    "RECON_DB_LOCK_TIMEOUT_SECONDS": "2",
    "RECON_DB_STATEMENT_TIMEOUT_SECONDS": "3",
    "RECON_DB_IDLE_TIMEOUT_SECONDS": "3",
}


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("database faults are PostgreSQL's (CI runs these in its PostgreSQL pass)")


def session_of(session: Session) -> Session:
    return Session.objects.get(pk=session.pk)


def reading_first_file(session: Session, *, from_page: int = 1) -> bool:
    """The first file is being read and progress says so from `from_page` on."""
    session = session_of(session)
    first = UploadedFile.objects.get(session=session, position=0)
    if first.state != FileState.PROCESSING or session.current_phase != "processing":
        return False
    current = session.progress.phases["processing"].current_file
    return (
        current is not None
        and current.name == first.original_name
        and (current.current_page >= from_page)
    )


def backends(sql: str) -> list[int]:
    """Process ids of the test database's server backends matching `sql` (a WHERE clause on
    pg_stat_activity), other than this test's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            f"AND pid <> pg_backend_pid() AND {sql}"
        )
        return [pid for (pid,) in cursor.fetchall()]


def test_a_frozen_worker_holding_its_session_row_holds_up_nobody():
    directory = sample_set(seed=5, statements=1, pages=60, receipts=5)
    frozen = queued_sample_session(directory, name="frozen")
    # A waits for locks longer than it takes B to start (the other timeouts stay short).
    a = RunningCommand(
        "process_sessions",
        "--page-delay",
        "0.03",
        **{**FAST, "RECON_DB_LOCK_TIMEOUT_SECONDS": "60"},
    )
    b = None
    try:
        wait_for(lambda: reading_first_file(frozen), what="worker A to read the first file")
        # Freeze A in the worst place: its writer holds the session row (the claim check's
        # FOR NO KEY UPDATE) and waits to COPY, held up for a moment by this table lock.
        with psycopg.connect(database_url(), autocommit=True) as blocker:
            blocker.execute("BEGIN")
            blocker.execute("LOCK TABLE sessions_app_transaction IN SHARE MODE")
            b = RunningCommand("process_sessions", "--poll-interval", "0.2", **FAST)
            wait_for(lambda: b.saw("started"), what="worker B to start")
            # A statement's rows are written when its last page is read.
            wait_for(
                lambda: backends("wait_event_type = 'Lock' AND query LIKE 'COPY%'"),
                what="A's writer to wait with the session row locked",
                every=0.01,
            )
            os.killpg(a.pid, signal.SIGSTOP)
            blocker.execute("ROLLBACK")
        frozen_at = time.monotonic()

        fresh = queued_sample_session(sample_set(seed=6, statements=1, pages=3, receipts=3))
        wait_for(lambda: session_of(fresh).claimed_by, timeout=10, what="B to take a new session")
        took_new = time.monotonic() - frozen_at
        wait_for(lambda: session_of(fresh).current_phase == "completed", what="the new session")

        # Past the stale threshold, B takes the frozen worker's session over and finishes it.
        wait_for(
            lambda: session_of(frozen).current_phase == "completed",
            timeout=60,
            what="the frozen worker's session to be taken over and finished",
        )
        taken_over = time.monotonic() - frozen_at
        assert extracted_transactions(frozen) == truth(directory)["transactions"]
        finished = session_of(frozen)
        files = list(frozen.files.values_list("state", "regex_matches_found", "warnings"))

        os.killpg(a.pid, signal.SIGCONT)
        wait_for(lambda: a.saw("): lost"), what="A, resumed, to leave the session", timeout=30)

        after = session_of(frozen)
        assert (after.progress_version, after.updated_at) == (
            finished.progress_version,
            finished.updated_at,
        )
        assert list(frozen.files.values_list("state", "regex_matches_found", "warnings")) == files
        assert extracted_transactions(frozen) == truth(directory)["transactions"]
        print(f"new session taken after {took_new:.1f} s; takeover done after {taken_over:.1f} s")
    except AssertionError as exc:
        os.killpg(a.pid, signal.SIGCONT)
        raise AssertionError(f"{exc}\nA:\n{a.stop()}\nB:\n{b.stop() if b else ''}") from exc
    finally:
        os.killpg(a.pid, signal.SIGCONT)
        a.stop()
        if b is not None:
            b.stop()


def test_a_killed_writer_connection_costs_a_file_reread_not_the_session():
    directory = sample_set(seed=5, statements=1, pages=24, receipts=3)
    sessions = [queued_sample_session(directory, name=f"S{n}") for n in range(5)]
    worker = RunningCommand("process_sessions", "--page-delay", "0.04", **FAST)
    try:
        for session in sessions:
            wait_for(
                lambda s=session: reading_first_file(s, from_page=2),
                what=f"{session.name}'s first file to be read",
                timeout=30,
            )
            killed = wait_for(
                lambda: backends("application_name LIKE 'recon-writer %'"),
                what="the writer's connection",
            )
            with connection.cursor() as cursor:
                for pid in killed:
                    cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        wait_for(
            lambda: all(session_of(s).current_phase in ("completed", "failed") for s in sessions),
            timeout=90,
            what="the five sessions to end",
        )
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{worker.stop()}") from exc
    finally:
        output = worker.stop()
    expected = truth(directory)["transactions"]
    for session in sessions:
        assert session_of(session).current_phase == "completed", output
        assert extracted_transactions(session) == expected
    assert output.count("): resumed") == 5, output


def test_sigterm_stops_a_worker_waiting_on_a_lock_within_a_second():
    directory = sample_set(seed=5, statements=1, pages=60, receipts=5)
    session = queued_sample_session(directory)
    worker = RunningCommand(
        "process_sessions", "--page-delay", "0.03", RECON_DB_LOCK_TIMEOUT_SECONDS="60"
    )
    try:
        wait_for(lambda: session_of(session).claimed_by, what="the claim")
        with psycopg.connect(database_url(), autocommit=True) as blocker:
            blocker.execute("BEGIN")
            blocker.execute("SELECT 1 FROM sessions WHERE id = %s FOR UPDATE", [session.pk])
            wait_for(
                lambda: backends("wait_event_type = 'Lock'"),
                what="the worker to wait on the locked session row",
            )
            started = time.monotonic()
            os.killpg(worker.pid, signal.SIGTERM)
            worker.process.wait(timeout=10)
            stopped_in = time.monotonic() - started
            blocker.execute("ROLLBACK")
    finally:
        output = worker.stop()
    assert worker.process.returncode == 0, output
    assert stopped_in < 1.0, f"stopped in {stopped_in:.2f} s\n{output}"
    assert "SIGTERM, stopping" in output
    assert worker_pid(session_of(session).claimed_by) in (None, worker.pid)
    print(f"stopped {stopped_in:.2f} s after SIGTERM")


class Cluster:
    """A PostgreSQL cluster of the test's own (initdb into a temporary directory, a free port),
    so that it can be restarted without touching the shared server."""

    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = found[-1] if found else shutil.which("initdb")
        if initdb is None:
            pytest.fail("initdb is needed to start a PostgreSQL cluster of the test's own")
        self.bin = Path(initdb).parent
        self.directory = Path(tempfile.mkdtemp(prefix="recon-pg-"))
        self.data = self.directory / "data"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/recon"
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.directory, "postgres")
        try:
            self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync")
            self.start()
            self.run("createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "recon")
        except BaseException:
            self.remove()
            raise

    def run(self, program: str, *args) -> None:
        command = [str(self.bin / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off"
        self.run(
            "pg_ctl", "-D", self.data, "-o", options, "-l", self.directory / "log", "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.directory, ignore_errors=True)


def cluster_transactions(url: str, session: Session) -> list[dict]:
    """extracted_transactions, read from another database."""
    with psycopg.connect(url) as other:
        rows = other.execute(
            "SELECT f.original_name, t.page, e.name, e.card_last4, t.transaction_date, "
            "t.posting_date, t.description, t.amount FROM sessions_app_transaction t "
            "JOIN sessions_app_uploadedfile f ON f.id = t.source_file_id "
            "LEFT JOIN sessions_app_employee e ON e.id = t.employee_id "
            "WHERE t.session_id = %s ORDER BY f.position, t.page, t.line",
            [session.pk],
        ).fetchall()
    keys = (
        "file",
        "page",
        "employee",
        "card_last4",
        "transaction_date",
        "posting_date",
        "description",
        "amount",
    )
    return [
        dict(
            zip(
                keys,
                (
                    name,
                    page,
                    who,
                    last4,
                    day.isoformat(),
                    posted.isoformat() if posted else None,
                    text,
                    str(amount),
                ),
                strict=True,
            )
        )
        for name, page, who, last4, day, posted, text, amount in rows
    ]


def cluster_phase(url: str, session: Session) -> tuple[str, int | None]:
    """The session's phase and the page its first file's progress shows, in another database."""
    try:
        with psycopg.connect(url, connect_timeout=2) as other:
            phase, progress = other.execute(
                "SELECT current_phase, processing_progress FROM sessions WHERE id = %s",
                [session.pk],
            ).fetchone()
    except psycopg.OperationalError:
        return "unreachable", None
    current = ((progress or {}).get("phases", {}).get("processing") or {}).get("current_file")
    return phase, (current or {}).get("current_page")


def test_a_restarted_database_costs_seconds_not_the_stale_threshold():
    directory = sample_set(seed=5, statements=1, pages=30, receipts=3)
    session = queued_sample_session(directory)
    cluster = Cluster()
    worker = None
    try:
        # The test database, session and all, copied into the cluster the worker will use.
        dump = subprocess.run(
            [str(cluster.bin / "pg_dump"), "--no-owner", "--no-acl", database_url()],
            check=True,
            capture_output=True,
            timeout=60,
        ).stdout
        subprocess.run(
            [str(cluster.bin / "psql"), "-q", "-v", "ON_ERROR_STOP=1", cluster.url],
            input=dump,
            check=True,
            capture_output=True,
            timeout=60,
        )
        worker = RunningCommand(
            "process_sessions",
            "--page-delay",
            "0.05",
            DATABASE_URL=cluster.url,
            PROGRESS_WRITE_INTERVAL_SECONDS="0.5",
        )
        wait_for(
            lambda: (cluster_phase(cluster.url, session)[1] or 0) >= 2,
            what="the worker to read the first file",
        )
        cluster.stop("fast")
        time.sleep(1)  # the database stays away for a moment
        cluster.start()
        back = time.monotonic()
        wait_for(
            lambda: cluster_phase(cluster.url, session)[0] == "completed",
            timeout=30,
            what="the session to complete within 30 s of the database coming back",
        )
        finished_in = time.monotonic() - back
        assert cluster_transactions(cluster.url, session) == truth(directory)["transactions"]
    finally:
        output = worker.stop() if worker else ""
        cluster.remove()
    assert "the database is unavailable" in output and "the database is back" in output, output
    assert output.count("the database is unavailable") == 1, output
    assert "Traceback" not in output, output
    print(f"completed {finished_in:.1f} s after the database came back")
