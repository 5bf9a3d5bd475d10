"""Production configuration, checked the way an operator deploys: in a fresh process with the
production environment variables of docs/production.md."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time

import pytest

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
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("DEBUG", "1", "DEBUG must be off when RECON_PRODUCTION=1"),
        ("SECRET_KEY", "changeme", "SECRET_KEY is too weak"),
        ("SECRET_KEY", "django-insecure-" + "x" * 50, "SECRET_KEY is too weak"),
        ("SECRET_KEY", "a" * 60, "SECRET_KEY is too weak"),
    ],
)
def test_production_refuses_to_start_with_debug_or_a_weak_secret_key(variable, value, says):
    result = manage("check", env=production_env(**{variable: value}))

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {says}" in result.stderr


def test_the_deploy_check_agrees_with_docs_on_a_proxy_that_redirects_to_https():
    # docs/production.md: SECURE_SSL_REDIRECT=0 where the proxy redirects HTTP itself.
    env = production_env(SECURE_SSL_REDIRECT="0")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_collectstatic_writes_hashed_compressed_files_for_whitenoise(tmp_path):
    result = manage("collectstatic", "--noinput", env=production_env(STATIC_ROOT=str(tmp_path)))

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for source in ("css/recon.css", "js/recon.js", "django_htmx/htmx-2.min.js"):
        hashed = tmp_path / manifest[source]
        assert hashed.name != source.rsplit("/", 1)[1]
        assert hashed.with_name(hashed.name + ".gz").exists()


def test_a_database_server_that_never_answers_fails_the_connection_after_the_timeout():
    # A server that accepts the connection and then says nothing (a half-dead host).
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    env = production_env(
        DATABASE_URL=f"postgres://recon:secret@127.0.0.1:{port}/recon", DB_CONNECT_TIMEOUT="1"
    )
    started = time.monotonic()
    try:
        result = manage(
            "shell",
            "-c",
            "from django.db import connection; connection.ensure_connection()",
            env=env,
        )
    finally:
        silent.close()

    assert result.returncode != 0
    assert "timeout expired" in result.stderr
    assert time.monotonic() - started < 30  # not the minutes TCP would wait
