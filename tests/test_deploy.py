"""Production configuration, checked the way an operator deploys: in a fresh process with the
production environment variables of docs/production.md."""

import json
import os
import secrets
import subprocess
import sys

from tests.processes import ROOT


def production_env(**extra: str) -> dict[str, str]:
    # Only what a service manager would pass: nothing leaks in from the test run (the browser
    # tests, for one, set DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses).
    env = dict(
        PATH=os.environ["PATH"],
        RECON_PRODUCTION="1",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="recon.example.com",
        CSRF_TRUSTED_ORIGINS="https://recon.example.com",
        DATABASE_URL="postgres://recon:secret@db.example.com:5432/recon",
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_pass_with_the_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=production_env(SECRET_KEY=""))

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_collectstatic_writes_hashed_compressed_files_for_whitenoise(tmp_path):
    result = manage("collectstatic", "--noinput", env=production_env(STATIC_ROOT=str(tmp_path)))

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for source in ("css/recon.css", "js/recon.js", "django_htmx/htmx-2.min.js"):
        hashed = tmp_path / manifest[source]
        assert hashed.name != source.rsplit("/", 1)[1]
        assert hashed.with_name(hashed.name + ".gz").exists()
