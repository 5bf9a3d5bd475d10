"""An accountant uploads a month's PDFs, watches a real worker read them, and downloads the
report: the page they spend their time on, end to end."""

import json
import re

from playwright.sync_api import expect

from tests.processes import start_command

# Records, on every htmx swap, what the progress fragment shows; kept in sessionStorage so
# that the upload page's bar and the progress page's bars survive the redirect between them.
RECORDER = """
(() => {
  const push = (key, value) => {
    const list = JSON.parse(sessionStorage.getItem(key) || "[]");
    list.push(value);
    sessionStorage.setItem(key, JSON.stringify(list));
  };
  const snapshot = () => {
    const overall = document.getElementById("overall-bar");
    if (!overall) return;
    push("overall", Number(overall.getAttribute("aria-valuenow")));
    const phases = [...document.querySelectorAll("[data-phase]")];
    push("phases", Object.fromEntries(phases.map(e => [e.dataset.phase, e.dataset.status])));
    push("files", [...document.querySelectorAll("#file-list tbody tr")].map(r => r.dataset.state));
    const counter = document.querySelector(".page-counter");
    if (counter) push("pages", counter.textContent.trim());
  };
  document.addEventListener("DOMContentLoaded", () => {
    snapshot();
    const bar = document.getElementById("upload-bar");
    if (bar) new MutationObserver(() => push("upload", Number(bar.getAttribute("aria-valuenow"))))
      .observe(bar, {attributes: true, attributeFilter: ["aria-valuenow"]});
  });
  document.addEventListener("htmx:afterSettle", snapshot);
})();
"""

PHASE_ORDER = ["pending", "in_progress", "completed"]
SESSION_PAGE = re.compile(r"/sessions/[0-9a-f-]{36}/$")


def recorded(page, key: str) -> list:
    return json.loads(page.evaluate(f"sessionStorage.getItem('{key}') || '[]'"))


def test_upload_watch_the_worker_and_download_the_report(
    live_server, page, log_in, artifacts, sample_pdfs
):
    page.context.add_init_script(RECORDER)
    log_in()
    page.wait_for_url(f"{live_server.url}/")  # the login form redirects to the session list
    page.goto(f"{live_server.url}/sessions/new/")
    page.fill("input[name=name]", "Amex March 2026")
    page.set_input_files(
        "input[name=statements]",
        [sample_pdfs / "statement_01.pdf", sample_pdfs / "statement_02.pdf"],
    )
    page.set_input_files(
        "input[name=receipts]", [sample_pdfs / "receipts_01.pdf", sample_pdfs / "receipts_02.pdf"]
    )
    # A slow uplink, so that the byte-level bar is seen moving (and photographed) in flight.
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 40_000},
    )
    page.get_by_role("button", name="Upload and start").click()
    expect(page.locator(".upload-status")).to_be_visible()
    page.wait_for_function(
        "Number(document.getElementById('upload-bar').getAttribute('aria-valuenow')) > 20"
    )
    page.screenshot(path=artifacts / "upload-in-flight.png", full_page=True)
    page.wait_for_url(SESSION_PAGE)
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    upload = recorded(page, "upload")
    assert upload == sorted(upload) and upload[-1] == 100
    assert any(0 < value < 100 for value in upload), f"no progress in flight: {upload}"

    expect(page.locator("#session-state")).to_have_text("Queued · 1st in line")
    assert page.title().startswith("Queued · Amex March 2026")

    # Slowed down and writing often, so that the page has something to show at every poll.
    worker = start_command(
        "process_sessions",
        "--once",
        RECON_WORKER_PAGE_DELAY_SECONDS="0.3",
        PROGRESS_WRITE_INTERVAL_SECONDS="0.5",
    )
    try:
        page.wait_for_function(
            "Number(document.getElementById('overall-bar').getAttribute('aria-valuenow')) >= 30"
            " && document.querySelector('#current-file .page-counter') !== null",
            timeout=60_000,
        )
        page.screenshot(path=artifacts / "progress-running.png", full_page=True)
        # Completed, or completed but needing attention (a statement's totals disagree): the
        # run ended either way, and the page says which.
        expect(page.locator("#progress")).to_have_attribute(
            "data-finished", "true", timeout=120_000
        )
        worker.wait(timeout=60)
    finally:
        worker.kill()
    assert worker.returncode == 0, worker.stderr.read()
    page.screenshot(path=artifacts / "progress-finished.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "progress-finished-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    overall = recorded(page, "overall")
    assert overall == sorted(overall), f"the overall bar moved backwards: {overall}"
    assert overall[0] == 10 and overall[-1] == 100
    assert len(set(overall)) >= 5, f"the bar did not visibly rise: {overall}"
    for phase in ("upload", "processing", "matching", "report_generation"):
        statuses = [PHASE_ORDER.index(seen[phase]) for seen in recorded(page, "phases")]
        assert statuses == sorted(statuses), f"{phase} went back: {statuses}"
        assert statuses[-1] == PHASE_ORDER.index("completed")
    assert any(seen["processing"] == "in_progress" for seen in recorded(page, "phases"))
    files_done = [states.count("done") for states in recorded(page, "files")]
    assert files_done == sorted(files_done) and files_done[-1] == 4
    assert any(0 < done < 4 for done in files_done), f"the file list never filled: {files_done}"
    assert any("/6" in counter for counter in recorded(page, "pages"))

    assert page.locator("#progress").get_attribute("hx-trigger") is None
    attention = page.locator("#session-state").inner_text() == "Needs attention"
    if attention:
        expect(page.locator("#attention-note")).to_be_visible()
    else:
        expect(page.locator("#session-state")).to_have_text("Completed")
    done = "Done, needs attention" if attention else "100% done"
    assert page.title().startswith(f"{done} · Amex March 2026")
    assert int(page.locator("#count-transactions").inner_text()) > 0
    expect(page.locator("#cardholders tbody tr")).to_have_count(6)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Excel workbook").click()
    assert re.fullmatch(
        r"amex-march-2026-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d-expense-report\.xlsx",
        download.value.suggested_filename,
    )
    assert download.value.path().read_bytes()[:2] == b"PK"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV of transactions").click()
    assert download.value.suggested_filename.endswith("-transactions.csv")

    page.get_by_role("link", name="Sessions", exact=True).first.click()
    expect(page.locator("#session-rows tr")).to_have_count(1)
    expect(page.locator("#session-rows")).to_contain_text(
        "Needs attention" if attention else "Completed"
    )
    page.screenshot(path=artifacts / "session-list.png", full_page=True)


def test_polling_survives_a_network_blip(live_server, page, log_in, sample_pdfs):
    log_in()
    page.wait_for_url(f"{live_server.url}/")  # the login form redirects to the session list
    page.goto(f"{live_server.url}/sessions/new/")
    page.fill("input[name=name]", "Visa March 2026")
    page.set_input_files("input[name=statements]", [sample_pdfs / "statement_01.pdf"])
    page.get_by_role("button", name="Upload and start").click()
    page.wait_for_url(SESSION_PAGE)
    note = page.locator("#connection-note")
    expect(note).to_be_hidden()

    page.context.set_offline(True)
    expect(note).to_be_visible(timeout=10_000)
    expect(note).to_have_text("Connection lost: reconnecting…")

    page.context.set_offline(False)
    expect(note).to_be_hidden(timeout=10_000)
    expect(page.locator("#session-state")).to_have_text("Queued · 1st in line")
