"""Load benchmark: the progress API and the polled fragment under 100 concurrent pollers.

Run by hand (not part of the test suite):

    .venv/bin/python bench/load_progress.py                      # SQLite in a temporary directory
    .venv/bin/python bench/load_progress.py --database-url postgres://postgres@127.0.0.1:5432/recon_bench

It builds a scratch database (migrated, with one accountant and one session being read),
starts gunicorn with 2 sync workers on loopback, keeps a ProgressTracker writing progress for
that session the whole time (as a worker would, but every 0.5 s instead of every 2.5 s), and
then has 100 concurrent pollers hammer each endpoint for a fixed time, in alternating turns
(--rounds): `/healthz` (a trivial view: the baseline), `GET /api/sessions/<id>/progress`, and
the htmx progress fragment.
Each poller behaves like a browser: it sends back the ETag of its last answer (If-None-Match),
and a 304 (nothing changed since) counts as a good answer, as it does for htmx. It prints
requests/s, p50 and p99 latency, errors, the share of 304s, and each endpoint's throughput as
a ratio of the baseline's. `--no-etag` polls without If-None-Match (every answer rendered).
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    not_modified: int = 0

    def add(self, other: "Result") -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.seconds += other.seconds
        self.not_modified += other.not_modified

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a scratch SQLite file)")
    parser.add_argument("--pollers", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=15.0, help="per endpoint")
    parser.add_argument(
        "--rounds", type=int, default=3, help="turns per endpoint, taken in alternation"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class")
    parser.add_argument("--no-etag", action="store_true", help="never send If-None-Match (no 304s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="recon-load-") as scratch:
        run(args, Path(scratch))


def run(args: argparse.Namespace, scratch: Path) -> None:
    database_url = args.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    if database_url.startswith("postgres"):
        recreate_postgres_database(database_url)
    os.environ.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(scratch / "media"),
        STATIC_ROOT=str(scratch / "static"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DEBUG="0",
        LOG_LEVEL="WARNING",
        DB_CONN_MAX_AGE="60",
    )
    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    session_id, cookie = make_session_being_read()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--workers",
            str(args.workers),
            "--worker-class",
            args.worker_class,
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
    )
    stop = threading.Event()
    writes = [0]
    writer = threading.Thread(target=write_progress, args=(session_id, stop, writes))
    try:
        wait_for_server(port)
        writer.start()
        targets = [
            ("/healthz (baseline)", "/healthz", {}, lambda body: body == b"ok"),
            (
                "API progress (JSON)",
                f"/api/sessions/{session_id}/progress",
                {"Cookie": cookie},
                lambda body: json.loads(body)["progress"]["current_phase"] == "processing",
            ),
            (
                "progress fragment (htmx)",
                f"/sessions/{session_id}/",
                {"Cookie": cookie, "HX-Request": "true"},
                lambda body: b'id="overall-bar"' in body,
            ),
        ]
        # In turns, so that whatever else the machine does falls on every endpoint alike.
        results = [Result(name) for name, *_ in targets]
        for _ in range(args.rounds):
            for total, (name, path, headers, check) in zip(results, targets, strict=True):
                total.add(
                    hammer(
                        name,
                        port,
                        path,
                        headers,
                        check,
                        pollers=args.pollers,
                        seconds=args.seconds / args.rounds,
                        etags=not args.no_etag,
                    )
                )
    finally:
        stop.set()
        if writer.is_alive():
            writer.join()
        server.terminate()
        server.wait()
    report(results, args=args, database_url=database_url, writes=writes[0])


def manage(*command: str) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command, "-v", "0"], cwd=ROOT, check=True
    )


def recreate_postgres_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def make_session_being_read() -> tuple[str, str]:
    """A session claimed by a worker, on page 1 of a 100,000-page statement, and the session
    cookie of its owner."""
    from importlib import import_module

    import pymupdf
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.core.files.base import ContentFile

    from processing import work_queue
    from processing.upload import IncomingFile, create_session

    owner = get_user_model().objects.create_user("bench", password=secrets.token_urlsafe())
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "Statement")
    data = document.tobytes()
    statements = [
        IncomingFile(name=f"statement_{n:02}.pdf", content=ContentFile(data)) for n in range(1, 4)
    ]
    session = create_session(owner=owner, name="Bench March", statements=statements)
    assert work_queue.claim(session_id=session.pk, worker="bench-writer")

    # Whatever session engine the settings name (database, cache, signed cookie).
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(owner.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = owner.get_session_auth_hash()
    store.save()
    return str(session.pk), f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def write_progress(session_id: str, stop: threading.Event, writes: list[int]) -> None:
    """Report pages the way the worker does, with the tracker writing every 0.5 s."""
    from django.db import close_old_connections

    from processing.tracker import ProgressTracker
    from sessions_app.models import Session

    session = Session.objects.get(pk=session_id)
    tracker = ProgressTracker(
        session_id=session.pk,
        worker="bench-writer",
        interval_seconds=0.5,
        snapshot=session.progress,
    )
    pages = 100_000
    tracker.start_phase("processing", total_files=3, total_pages=3 * pages, pages_processed=0)
    tracker.start_file(index=0, name="statement_01.pdf", total_pages=pages)
    page = 0
    while not stop.is_set() and page < pages:
        page += 1
        if tracker.update_progress(page=page, regex_matches_found=page * 3, pages_processed=page):
            writes[0] += 1
        stop.wait(0.005)
    close_old_connections()


def hammer(
    name, port, path, headers, check, *, pollers: int, seconds: float, etags: bool = True
) -> Result:
    """`pollers` threads request `path` back to back for `seconds`; the latency of every good
    answer (status 200 and a body that passes `check`, or a 304 to a poller holding the ETag),
    and the number of bad ones."""
    result = Result(name)
    lock = threading.Lock()
    start_line = threading.Barrier(pollers + 1)
    deadline = [0.0]

    def poll() -> None:
        latencies, errors, not_modified = [], 0, 0
        held = None  # the ETag of this poller's last answer, as a browser keeps it
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start_line.wait()
        while time.perf_counter() < deadline[0]:
            began = time.perf_counter()
            try:
                sent = {**headers, "If-None-Match": held} if held else headers
                connection.request("GET", path, headers=sent)
                response = connection.getresponse()
                body = response.read()
                if response.status == 304 and held:
                    latencies.append(time.perf_counter() - began)
                    not_modified += 1
                elif response.status == 200 and check(body):
                    latencies.append(time.perf_counter() - began)
                    if etags:
                        held = response.getheader("ETag")
                else:
                    errors += 1
            except (OSError, http.client.HTTPException, ValueError, KeyError, TypeError):
                errors += 1
                connection.close()
        connection.close()
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors
            result.not_modified += not_modified

    threads = [threading.Thread(target=poll) for _ in range(pollers)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start_line.wait()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    return result


def report(results: list[Result], *, args, database_url: str, writes: int) -> None:
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(
        f"\n{args.pollers} concurrent pollers, {args.seconds:.0f} s per endpoint, gunicorn "
        f"{args.workers} {args.worker_class} workers, {database}; progress writes during the "
        f"run: {writes}\n"
    )
    baseline = results[0].rate
    header = f"{'endpoint':<26}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    print(header + f"{'errors':>8}{'304s':>7}{'vs baseline':>13}{'p99 vs':>9}")
    print("-" * (len(header) + 37))
    base_p99 = results[0].percentile(0.99)
    for result in results:
        share = result.not_modified / max(len(result.latencies), 1)
        print(
            f"{result.name:<26}{len(result.latencies):>9}{result.rate:>9.0f}"
            f"{result.percentile(0.5):>9.1f}{result.percentile(0.99):>9.1f}"
            f"{result.errors:>8}{share:>7.0%}{result.rate / baseline:>12.2f}x"
            f"{result.percentile(0.99) / base_p99:>8.2f}x"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_server(port: int) -> None:
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


if __name__ == "__main__":
    main()
