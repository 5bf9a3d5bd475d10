"""Running Recon's management commands as real subprocesses against the test database."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """The URL of the database the tests are using (the test database, not the real one)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{db['NAME']}"


def command_env(**extra: str) -> dict[str, str]:
    """Environment for a subprocess that must see the same data and files as the test."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


def start_command(*args: str, **extra_env: str) -> subprocess.Popen:
    """Start `manage.py <args>` in the background, in a process group of its own (as a service
    manager runs it), output captured."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=command_env(**extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run_command(*args: str, timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess:
    """Run `manage.py <args>` to completion."""
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=command_env(**extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def wait_for(condition, *, timeout: float = 60, what: str = "condition", every: float = 0.05):
    """Poll `condition` until it returns something true (returned), or fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def worker_pid(claimed_by: str | None) -> int | None:
    """The process id in a worker's name (host:pid:suffix)."""
    return int(claimed_by.split(":")[1]) if claimed_by else None


def stop(process: subprocess.Popen, *, timeout: float = 30) -> tuple[str, str]:
    """SIGTERM a started command (if still running) and return its output."""
    if process.poll() is None:
        process.terminate()
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


class RunningCommand:
    """A started `manage.py` command whose output is collected as it comes, so a test can wait
    for a line while the command runs."""

    def __init__(self, *args: str, **extra_env: str) -> None:
        self.process = start_command(*args, **extra_env)
        self.pid = self.process.pid
        self._lines: list[str] = []
        self._readers = [
            threading.Thread(target=self._collect, args=(stream,), daemon=True)
            for stream in (self.process.stdout, self.process.stderr)
        ]
        for reader in self._readers:
            reader.start()

    def _collect(self, stream) -> None:
        for line in stream:
            self._lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self._lines)

    def saw(self, text: str) -> bool:
        return text in self.output

    def stop(self, *, timeout: float = 30) -> str:
        """SIGTERM it (if still running), wait for it, and return everything it wrote."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for reader in self._readers:
            reader.join(5)
        return self.output
