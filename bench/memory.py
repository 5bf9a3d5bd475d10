"""Worker peak memory on a 2,000-page statement vs a 20-page one, side by side.

    python bench/memory.py [--small 20] [--large 2000]

Runs the real worker (`manage.py process_sessions --session <id>`) as a subprocess on a
session holding one generated statement of each size, against a scratch SQLite database, and
reads the peak resident memory of the worker's process tree (the worker and the reader
processes it starts) from the kernel (wait4). Target: large / small <= 1.5.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def peak_of_worker(session_id: str, env: dict) -> tuple[float, float]:
    """Peak RSS (MB) of the worker's process tree and its wall time for one session."""
    started = time.perf_counter()
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "process_sessions", "--session", session_id],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(worker.pid, 0)
    worker.returncode = os.waitstatus_to_exitcode(status)
    if worker.returncode != 0:
        raise SystemExit(f"worker failed with {worker.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=2000)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="recon-bench-memory-"))
    env = {**os.environ, "RECON_VAR_DIR": str(scratch), "MEDIA_ROOT": str(scratch / "media")}
    env.pop("DATABASE_URL", None)
    manage("migrate", "-v", "0", env=env)
    manage("shell", "-c", "from django.contrib.auth.models import User; "
           "User.objects.create_user('bench')", env=env)  # fmt: skip

    results = {}
    for pages in (args.small, args.large):
        out = scratch / f"p{pages}"
        manage("make_sample_pdfs", "--out", str(out), "--statements", "1", "--pages", str(pages),
               "--receipts", "1", "--seed", "9", env=env)  # fmt: skip
        session = manage("create_session", "--owner", "bench", "--name", f"{pages} pages",
                         "--statements", str(out / "statement_01.pdf"), env=env)  # fmt: skip
        results[pages] = peak_of_worker(session, env)

    print("Worker peak memory (process tree, from wait4):")
    for pages, (peak, elapsed) in results.items():
        print(f"  {pages:>5}-page statement: {peak:7.1f} MB peak, {elapsed:6.1f} s")
    ratio = results[args.large][0] / results[args.small][0]
    print(f"  ratio {args.large} / {args.small} pages: {ratio:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
