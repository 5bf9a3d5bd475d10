"""Playwright driving Debian's Chromium against pytest-django's live server.

These tests never skip: without Chromium they fail, saying how to install it.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright

from tests.builders.records import make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("RECON_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            "Chromium is not installed: the browser tests need it "
            "(apt-get install chromium, or run scripts/test, which installs it)."
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts() -> Path:
    """Where screenshots go (kept after the run, for people to look at)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def log_in(live_server, page):
    """Log `user` in through the real login form, returning once the sign-in has landed."""

    def log_in_as(user=None, password: str = "pw-recon-123"):
        user = user or make_user()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("button[type=submit], input[type=submit]")
        return user

    return log_in_as


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory) -> Path:
    """Two 6-page statements and 30 receipts from `manage.py make_sample_pdfs`, made once."""
    from tests.processes import run_command

    out = tmp_path_factory.mktemp("samples")
    result = run_command(
        "make_sample_pdfs",
        "--out",
        str(out),
        "--seed",
        "7",
        "--statements",
        "2",
        "--pages",
        "6",
        "--receipts",
        "30",
    )
    assert result.returncode == 0, result.stderr
    return out
