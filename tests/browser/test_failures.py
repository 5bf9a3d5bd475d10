"""What an accountant sees when files are bad: refused at upload, or failing in the worker,
always naming the file (and the page), never a traceback."""

import re

from playwright.sync_api import expect

from tests.builders.pdfs import CORPUS
from tests.processes import run_command

SESSION_PAGE = re.compile(r"/sessions/[0-9a-f-]{36}/$")


def open_upload_form(page, live_server, log_in, name: str) -> None:
    log_in()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/sessions/new/")
    page.fill("input[name=name]", name)


def test_a_password_protected_statement_is_refused_by_name(
    live_server, page, log_in, artifacts, sample_pdfs
):
    open_upload_form(page, live_server, log_in, "Amex April 2026")
    page.set_input_files(
        "input[name=statements]",
        [sample_pdfs / "statement_01.pdf", CORPUS / "pdfplumber__password-example.pdf"],
    )
    page.get_by_role("button", name="Upload and start").click()

    errors = page.locator("#upload-errors")
    expect(errors).to_contain_text("These files could not be accepted")
    expect(errors).to_contain_text("“pdfplumber__password-example.pdf” is password-protected")
    expect(page.locator(".upload-status")).to_be_hidden()
    assert page.url == f"{live_server.url}/sessions/new/"
    # Only the errors were swapped in: the name and the chosen files are still there to fix.
    assert page.input_value("input[name=name]") == "Amex April 2026"
    assert page.eval_on_selector("input[name=statements]", "input => input.files.length") == 2
    page.screenshot(path=artifacts / "upload-refused.png", full_page=True)


def test_a_page_that_cannot_be_read_fails_the_session_naming_file_and_page(
    live_server, page, log_in, artifacts
):
    open_upload_form(page, live_server, log_in, "Damaged May 2026")
    page.set_input_files(
        "input[name=statements]", [CORPUS / "qpdf__issue-1688a_bad_colorspace.pdf"]
    )
    page.get_by_role("button", name="Upload and start").click()
    page.wait_for_url(SESSION_PAGE)
    expect(page.locator("#session-state")).to_have_text("Queued · 1st in line")

    worker = run_command("process_sessions", "--once")
    assert worker.returncode == 0, worker.stderr

    failure = page.locator("#failure")
    expect(failure).to_be_visible(timeout=15_000)
    expect(failure).to_contain_text("This session stopped during processing")
    expect(failure).to_contain_text("qpdf__issue-1688a_bad_colorspace.pdf")
    expect(failure.locator("dt:has-text('Page') + dd")).to_have_text("1")
    expect(failure).to_contain_text("cannot be read")
    expect(page.locator("#session-state")).to_have_text("Failed")
    expect(page.locator("[data-phase=processing]")).to_have_attribute("data-status", "failed")
    assert "Traceback" not in page.content()
    assert page.title().startswith("Failed at 10%")
    page.screenshot(path=artifacts / "progress-failed.png", full_page=True)

    page.get_by_role("button", name="Retry").click()
    expect(page.locator(".message-success")).to_have_text(
        "Started again. Files already read are kept."
    )
    expect(page.locator("#session-state")).to_have_text("Queued · 1st in line")
