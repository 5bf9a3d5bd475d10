"""What the accountant is told and can do, in real Chromium: a run with no news, a queued
session, cancelling a running one, the screen-reader announcements, results that add up with
credits, a completed session needing attention, the review, and a phone."""

import io
import itertools
import re

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from processing import work_queue
from sessions_app.models import Session, WorkerHeartbeat
from tests.builders.runs import (
    WORKER,
    file_2_of_3_at_page_5,
    finish_file,
    read_pages,
    start_processing,
    uploaded_session,
)
from tests.clock import FakeClock
from tests.processes import start_command
from tests.sessions_app.matches import reviewable_session

SESSION_PAGE = re.compile(r"/sessions/[0-9a-f-]{36}/$")
# Records every text the live region is given, and every desktop notification shown.
RECORDERS = """
window.__announced = [];
window.__notified = [];
document.addEventListener("DOMContentLoaded", () => {
  const region = document.getElementById("announcer");
  if (region) {
    window.__announced.push(region.textContent);
    new MutationObserver(() => window.__announced.push(region.textContent))
      .observe(region, {childList: true, characterData: true, subtree: true});
  }
});
window.Notification = class {
  static permission = "granted";
  static requestPermission() { return Promise.resolve("granted"); }
  constructor(title, options) { window.__notified.push([title, options.body]); }
};
"""


def now_clock(seconds_ago: float = 0) -> FakeClock:
    """A clock at the live server's real time (less `seconds_ago`), for data the pages judge."""
    return FakeClock(timezone.now() - timezone.timedelta(seconds=seconds_ago))


def test_a_run_with_no_news_says_so_within_40_seconds_of_its_last_update(
    live_server, page, log_in, artifacts
):
    owner = log_in()
    # Read 17 pages a second apart, the last one about 23 s ago.
    session = file_2_of_3_at_page_5(now_clock(40), owner=owner)
    last_update = Session.objects.get(pk=session.pk).progress_updated_at
    # Its worker is alive (busy on a long page): it beats, but reports no page.
    WorkerHeartbeat.objects.create(name=WORKER, session=session, last_seen_at=timezone.now())
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    expect(page.locator("#progress")).to_have_attribute("data-state", "active")

    expect(page.locator("#quiet-note")).to_be_visible(timeout=20_000)

    assert (timezone.now() - last_update).total_seconds() < 40
    expect(page.locator("#quiet-note")).to_contain_text("the worker may be busy on a large page")
    expect(page.locator("#session-state")).to_have_text("Processing · no news")
    stripes = page.eval_on_selector(
        "#overall-bar > span", "span => getComputedStyle(span).animationName"
    )
    assert stripes == "none"
    expect(page.locator("#file-list")).to_contain_text("Stopped at page 5")
    expect(page.locator("#time-left")).to_have_count(0)
    page.screenshot(path=artifacts / "progress-no-news.png", full_page=True)


def test_a_queued_session_shows_its_place_and_that_no_worker_runs(
    live_server, page, log_in, artifacts
):
    owner = log_in()
    clock = now_clock()
    uploaded_session(clock, owner=owner, name="February")
    clock.advance(1)
    session = uploaded_session(clock, owner=owner, name="March")

    page.goto(f"{live_server.url}/sessions/{session.pk}/")

    expect(page.locator("#session-state")).to_have_text("Queued · 2nd in line")
    expect(page.locator("#no-worker")).to_contain_text("No worker is running at the moment")

    # Nothing changes while it waits: after the first poll, the browser revalidates its copy
    # and the server answers 304 without rendering anything.
    def poll(response):
        return bool(response.request.headers.get("hx-request"))

    with page.expect_response(poll) as first:
        pass
    with page.expect_response(poll) as second:
        pass
    # Chromium sends the ETag back and gets an empty 304, which it answers from its cache (so
    # the page sees the same 200 and recon.js leaves the DOM alone).
    assert second.value.request.all_headers()["if-none-match"] == first.value.headers["etag"]
    assert second.value.all_headers()["content-length"] == "0"
    page.screenshot(path=artifacts / "progress-queued.png", full_page=True)
    page.goto(f"{live_server.url}/sessions/")
    expect(page.locator("#session-rows")).to_contain_text("Queued · 1st in line")
    expect(page.locator("#session-rows")).to_contain_text("Queued · 2nd in line")


def test_the_accountant_cancels_a_running_session_and_the_worker_stops_within_a_page(
    live_server, page, log_in, artifacts, sample_pdfs
):
    from tests.builders.samples import queued_sample_session

    owner = log_in()
    session = queued_sample_session(sample_pdfs, owner=owner, name="Amex March 2026")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    worker = start_command(
        "process_sessions",
        "--once",
        RECON_WORKER_PAGE_DELAY_SECONDS="0.4",
        PROGRESS_WRITE_INTERVAL_SECONDS="0.1",
    )
    try:
        expect(page.locator("#current-file .page-counter")).to_be_visible(timeout=60_000)
        page.get_by_role("button", name="Cancel this session").click()
        page.wait_for_url(SESSION_PAGE)
        asked = Session.objects.get(pk=session.pk)
        read_when_asked = asked.progress.phases["processing"].pages_processed or 0
        expect(page.locator("#session-state")).to_have_text("Cancelled", timeout=30_000)
        worker.wait(timeout=60)
    finally:
        worker.kill()
    ended = Session.objects.get(pk=session.pk)
    assert ended.current_phase == "failed"
    assert ended.progress.error.message == f"Cancelled by {owner.username}"
    read_at_the_end = ended.progress.phases["processing"].pages_processed or 0
    assert read_at_the_end - read_when_asked <= 1, (read_when_asked, read_at_the_end)
    expect(page.locator("#failure")).to_contain_text("This session was cancelled")
    page.screenshot(path=artifacts / "progress-cancelled.png", full_page=True)


def test_screen_readers_hear_each_change_and_the_accountant_is_notified_at_the_end(
    live_server, page, log_in, artifacts
):
    page.context.add_init_script(RECORDERS)
    owner = log_in()
    clock = now_clock()
    session = uploaded_session(clock, owner=owner, pages=(4,))
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    region = page.locator("#announcer")
    expect(region).to_have_text("Queued · 1st in line: waiting for a worker.")
    page.evaluate("document.getElementById('announcer').dataset.original = 'yes'")
    page.get_by_role("button", name="Tell me when it ends").click()
    expect(page.locator("#notify-note")).to_have_text("You will get a notification when it ends.")

    clock.now = timezone.now()
    tracker = start_processing(session, clock)
    read_pages(tracker, session, index=0, pages=2, matches=2, clock=clock, step=0)
    expect(region).to_have_text(re.compile(r"Processing: \d+% done\."))
    finish_file(tracker, session, index=0, matches=4)
    tracker.finish_phase()
    tracker.start_phase("matching", matches_found=0, unmatched_count=0)
    tracker.finish_phase(matches_found=0, unmatched_count=0)
    tracker.start_phase("report_generation", report_type="xlsx", records_written=0)
    tracker.finish_phase(records_written=0)
    work_queue.complete(tracker)

    expect(region).to_have_text("Completed. Done: the report is ready.")
    # One region, never replaced, whose text changed only when there was news.
    assert page.evaluate("document.getElementById('announcer').dataset.original") == "yes"
    announced = page.evaluate("window.__announced")
    assert announced[0] == "Queued · 1st in line: waiting for a worker."
    assert announced[-1] == "Completed. Done: the report is ready."
    assert all(a != b for a, b in itertools.pairwise(announced)), announced
    assert page.evaluate("window.__notified") == [
        [f"{session.name} · Recon", "Completed. Done: the report is ready."]
    ]
    assert page.title().startswith("● 100% done")
    for bar in page.locator("[role=progressbar]").all():
        assert bar.get_attribute("aria-valuetext")
    page.screenshot(path=artifacts / "progress-announced-done.png", full_page=True)


def test_results_add_up_with_credits_and_attention_is_amber_with_the_verdicts(
    live_server, page, log_in, artifacts
):
    owner = log_in()
    session = reviewable_session(now_clock(), owner=owner)
    page.goto(f"{live_server.url}/sessions/{session.pk}/")

    reconcile = page.locator("#reconcile")
    expect(reconcile).to_contain_text(
        "5 transactions = 4 charges (2 matched + 2 without a receipt) + 1 credit."
    )
    expect(reconcile).to_contain_text("Charges 503.85 (435.40 matched + 68.45 without a receipt)")
    expect(reconcile).to_contain_text("credits 25.00 = net 478.85")
    expect(page.locator("#cardholders tfoot")).to_contain_text("All cardholders 5 4 2 2 68.45 1")
    page.locator("#results").screenshot(path=artifacts / "results-add-up.png")

    session.files.update(
        check_verdict="disagrees", check_message="Charges 3,200.00 short of the printed total"
    )
    Session.objects.filter(pk=session.pk).update(
        needs_attention=True,
        attention_reason="statement_001.pdf does not agree with its printed totals.",
    )
    page.reload()
    expect(page.locator("#session-state")).to_have_text("Needs attention")
    expect(page.locator("#attention-note")).to_contain_text("does not agree with its printed")
    colour = page.eval_on_selector("#session-state", "b => getComputedStyle(b).color")
    assert colour == "rgb(138, 90, 0)"  # amber, not green
    expect(page.locator("#statement-checks")).to_contain_text("Disagrees")
    page.screenshot(path=artifacts / "completed-needs-attention.png", full_page=True)
    page.locator("#file-list").screenshot(path=artifacts / "statement-totals-verdict.png")
    page.goto(f"{live_server.url}/sessions/")
    expect(page.locator("#session-rows .badge-attention")).to_have_text("Needs attention")


def test_review_confirm_unmatch_match_by_hand_then_the_rebuilt_report(
    live_server, page, log_in, artifacts
):
    owner = log_in()
    session = reviewable_session(now_clock(), owner=owner)
    page.goto(f"{live_server.url}/sessions/{session.pk}/review/")
    page.evaluate("window.__sameDocument = true")
    uber = session.transactions.get(description__startswith="UBER").pk
    delta = session.transactions.get(description__startswith="DELTA AIR 00").pk
    shell = session.transactions.get(description__startswith="SHELL").pk

    # Keyboard only: focus Confirm, press Enter; the focus stays on the row.
    page.locator(f"#charge-{uber} button", has_text="Confirm").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#charge-{uber}")).to_contain_text("Confirmed")
    expect(page.locator("#count-look")).to_have_text("0")
    expect(page.locator("#review-announcer")).to_have_text("Match confirmed.")
    focused = page.evaluate("document.activeElement.closest('li.charge')?.id")
    assert focused == f"charge-{uber}"

    page.locator("details summary").click()
    page.locator(f"#charge-{delta} button", has_text="Unmatch").click()
    expect(page.locator(f"#charge-{delta}")).to_contain_text("Or any receipt not matched")

    delta_receipt = session.receipts.get(merchant="Delta Air Lines").pk
    page.select_option(f"#receipt-for-{shell}", value=str(delta_receipt))
    page.locator(f"#charge-{shell} button", has_text="Match by hand").click()
    expect(page.locator(f"#charge-{shell}")).to_contain_text("Matched by hand")

    trail = page.locator("#trail-list .trail-item")
    expect(trail).to_have_count(3)
    expect(trail.first).to_contain_text(f"{owner.username} matched by hand")
    expect(trail.nth(1)).to_contain_text("removed a match")
    assert page.evaluate("window.__sameDocument") is True  # no page reload
    page.screenshot(path=artifacts / "review.png", full_page=True)

    page.get_by_role("button", name="Finish review and rebuild the report").click()
    expect(page.locator(".review-link")).to_contain_text(f"Reviewed by {owner.username}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Excel workbook").click()
    assert download.value.suggested_filename == (
        "march-2026-2026-03-10-to-2026-03-16-expense-report.xlsx"
    )
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    rows = {row[4]: row for row in workbook["Transactions"].iter_rows(values_only=True)}
    assert rows["SHELL OIL 57442323"][12] == "Matched by hand"
    assert rows["DELTA AIR 0062345678901 ATLANTA GA"][6] == "No receipt"
    facts = dict(row[:2] for row in workbook["Statements"].iter_rows(values_only=True) if row[0])
    assert facts["Reviewed by"].startswith(owner.username)


def test_on_a_phone_nothing_overflows(live_server, page, log_in, artifacts):
    owner = log_in()
    session = reviewable_session(now_clock(), owner=owner)
    running = file_2_of_3_at_page_5(now_clock(), owner=owner, name="Visa March")
    page.set_viewport_size({"width": 390, "height": 844})
    for name, url in (
        ("phone-results", f"/sessions/{session.pk}/"),
        ("phone-review", f"/sessions/{session.pk}/review/"),
        ("phone-running", f"/sessions/{running.pk}/"),
        ("phone-list", "/sessions/"),
    ):
        page.goto(live_server.url + url)
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, overflow)
        page.screenshot(path=artifacts / f"{name}.png", full_page=True)
