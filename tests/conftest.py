import os
import tempfile

import pytest
from django.conf import settings
from django.db import connection, connections

from tests.clock import FakeClock

# Tests run with DEBUG off, without collectstatic: serve static files unhashed.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collectstatic in tests: whitenoise serves from the app directories instead.
settings.STATIC_ROOT = tempfile.mkdtemp(prefix="recon-static-")
settings.WHITENOISE_USE_FINDERS = True
# Password hashing is deliberately slow; tests create many users.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# What migrations put in the test database (default patterns), as pytest-django serialized it.
_SERIALIZED: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            _SERIALIZED[alias] = contents


# Serialized rollback works from an attribute of the connection object. Once Playwright's
# event loop runs in this thread, Django's context-local `connections` hand out a fresh object
# without it: the flush after a transactional test would then re-create content types and the
# next test's restore collide with them. So the attribute is put back before every test and
# before every teardown.


def pytest_runtest_setup(item):
    _restore_serialized_contents()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    _restore_serialized_contents()
    yield


def _restore_serialized_contents() -> None:
    for alias, contents in _SERIALIZED.items():
        connections[alias]._test_serialized_contents = contents


def pytest_collection_modifyitems(items):
    # Transactional tests (workers, browsers) empty every table afterwards; serialized rollback
    # restores what migrations put there, such as the default extraction patterns.
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction")
        if transactional or "live_server" in getattr(item, "fixturenames", ()):
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True}
            item.add_marker(pytest.mark.django_db(serialized_rollback=True, **kwargs), append=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings, monkeypatch):
    """Each test stores files in its own directory, also for workers it starts."""
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    monkeypatch.setenv("MEDIA_ROOT", str(root))
    return root


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # CI sets RECON_FORBID_SKIPS: a test that did not run (a browser test without a browser,
    # a PostgreSQL test on SQLite) must not pass as green.
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("RECON_FORBID_SKIPS") and not _allowed_skip(item):
        report.outcome = "failed"
        report.longrepr = f"skipped, which CI does not allow: {report.longrepr}"


def _allowed_skip(item) -> bool:
    # PostgreSQL-only tests cannot run in the SQLite pass; CI runs them in the PostgreSQL pass.
    return item.get_closest_marker("postgres") is not None and connection.vendor != "postgresql"
