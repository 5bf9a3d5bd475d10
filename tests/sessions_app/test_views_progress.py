"""The progress page and its polled fragment, driven by the real ProgressTracker."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from sessions_app.models import (
    Employee,
    Match,
    Receipt,
    ReportFile,
    Session,
    Transaction,
    WorkerHeartbeat,
)
from tests.builders.runs import (
    HTMX,
    WORKER,
    bars,
    completed_session,
    failed_session,
    file_2_of_3_at_page_5,
    finish_file,
    page,
    read_more,
    read_pages,
    start_processing,
    text,
    uploaded_session,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_page_shows_every_bar_the_current_file_and_every_file(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    response = page(client, session)

    html = response.content.decode()
    assert bars(html) == {
        "Overall progress": 38,  # 0.1 * 100 + 0.6 * (1 + 5/12) / 3 * 100 = 38.33
        "Upload": 100,
        "Processing": 47,
        "Matching": 0,
        "Report generation": 0,
        "Pages of statement_002.pdf": 41,
    }
    words = text(html)
    assert "Processing File 2 of 3: Page 5/12" in words
    assert "Page 5/12 23 matches found" in words
    assert "File 2 of 3 · 17 of 36 pages" in words
    assert re.search(r"statement_001\.pdf Card statement 12 30 Done", words)
    assert re.search(r"statement_002\.pdf Card statement 12 23 Reading page 5", words)
    assert re.search(r"statement_003\.pdf Card statement 12 – Waiting", words)
    assert "1 of 3 read" in words
    assert "<title>38% · March 2026 · Recon</title>" in html


def test_time_left_says_estimating_until_enough_pages_then_uses_the_average(client, clock, owner):
    session = uploaded_session(clock, owner=owner, pages=(100, 100, 100))
    tracker = start_processing(session, clock)
    read_pages(tracker, session, index=0, pages=5, matches=5, clock=clock, step=0.5)

    early = page(client, session).content.decode()
    assert "Time left estimating…" in text(early)
    assert "Speed" not in text(early)
    assert 'title="Worked out once 10 pages and 10 seconds of reading are measured"' in early

    read_more(tracker, session, index=0, pages=range(6, 61), matches=60, clock=clock, step=0.5)

    later = unescape(page(client, session).content.decode())
    # 60 pages in 30 s since the phase started; 240 pages left at 2 pages/s take 2 minutes,
    # and no run has completed here yet: matching and the report are guessed at 18 s.
    assert "Speed 2.0 pages/s" in text(later)
    assert "Time left about 3 min" in text(later)
    assert (
        "title=\"From this run's reading speed so far (2.0 pages/s), then a first guess for "
        'matching and the report, as no run has completed here to measure it"'
    ) in later


def test_time_left_expects_matching_and_the_report_as_completed_runs_took_them(
    client, clock, owner
):
    # A run completed here before, its matching and report done within the same second.
    completed_session(clock, owner=owner, name="February")
    session = uploaded_session(clock, owner=owner, pages=(100, 100, 100))
    tracker = start_processing(session, clock)
    read_pages(tracker, session, index=0, pages=60, matches=60, clock=clock, step=0.5)

    html = unescape(page(client, session).content.decode())

    assert "Time left about 2 min" in text(html)
    assert 'then the pace of the last 1 completed run for matching and the report"' in html


def test_fragment_keeps_polling_every_two_seconds_while_the_run_is_active(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    response = page(client, session, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<body" not in html
    assert re.search(r'hx-trigger="every 2s \[document.visibilityState === \'visible\'\]', html)
    assert html.lstrip().startswith("<title>38% · March 2026 · Recon</title>")
    # Kept by the browser only to be revalidated (If-None-Match) on the next poll.
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "no-store" in page(client, session)["Cache-Control"]  # the whole page: never kept
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("finish", [completed_session, failed_session], ids=["completed", "failed"])
def test_fragment_of_an_ended_run_stops_polling_with_286(client, clock, owner, finish):
    session = finish(clock, owner=owner)

    response = page(client, session, **HTMX)

    assert response.status_code == 286
    assert "hx-trigger" not in response.content.decode()
    assert "hx-get" not in response.content.decode()


def test_a_reload_shows_exactly_what_the_fragment_shows(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    full = without_tokens(page(client, session).content.decode())
    fragment = without_tokens(page(client, session, **HTMX).content.decode())

    progress = fragment.split("</title>", 1)[1].strip()
    assert progress.startswith('<div id="progress"')
    assert progress in full


def without_tokens(html: str) -> str:
    # Each render masks the CSRF token afresh (the cancel form carries one).
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_queued_session_shows_its_place_in_the_queue_and_whether_a_worker_runs(
    client, clock, owner
):
    first = uploaded_session(clock, owner=owner, name="February")
    clock.advance(1)
    session = uploaded_session(clock, owner=owner)

    html = page(client, session).content.decode()
    words = text(html)
    assert "Queued · 2nd in line" in words
    assert "Upload complete: waiting for a worker" in words
    assert "No worker is running at the moment, so nothing will start by itself" in words
    assert "<title>Queued · March 2026 · Recon</title>" in html
    assert "Queued · 1st in line" in text(page(client, first).content.decode())

    WorkerHeartbeat.objects.create(name="w1", last_seen_at=clock())
    words = text(page(client, session).content.decode())
    assert "No worker is running" not in words


def test_a_run_with_no_news_for_30_seconds_says_so_and_stops_moving(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)
    WorkerHeartbeat.objects.create(name=WORKER, last_seen_at=clock(), session=session)
    html = page(client, session).content.decode()
    assert 'data-state="active"' in html and "Reading page 5" in text(html)

    clock.advance(40)
    WorkerHeartbeat.objects.filter(name=WORKER).update(last_seen_at=clock())
    html = page(client, session).content.decode()

    words = text(html)
    assert 'data-state="quiet"' in html and "bar-quiet" in html and "bar-active" not in html
    assert "Processing · no news" in words
    assert "No update for 40 s — the worker may be busy on a large page." in words
    assert "Stopped at page 5" in words and "Reading page 5" not in words
    assert "estimating" not in words and "Time left" not in words
    assert 'data-announce="No update for over 30 seconds."' in html


@pytest.mark.parametrize(
    ("workers", "says"),
    [
        ({}, "has stopped and no worker is running"),
        ({"other": None}, "Another worker is free and takes it over within seconds"),
        ({WORKER: "held"}, "still running but has reported nothing"),
    ],
)
def test_stalled_says_truthfully_what_happens_next(client, clock, owner, workers, says):
    session = file_2_of_3_at_page_5(clock, owner=owner)
    clock.advance(6 * 60)
    for name, held in workers.items():
        WorkerHeartbeat.objects.create(
            name=name, last_seen_at=clock(), session=session if held else None
        )

    words = text(page(client, session).content.decode())

    assert "Stalled" in words
    assert says in words


def test_a_silent_worker_is_shown_as_stalled(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)
    assert "Last update just now" in text(page(client, session).content.decode())

    clock.advance(6 * 60)

    words = text(page(client, session).content.decode())
    assert "Stalled" in words
    assert "No progress for 6 min 00 s ." in words
    assert "Last update 6 min 00 s ago" in words


def test_warnings_are_shown_plainly(client, clock, owner):
    session = uploaded_session(clock, owner=owner, pages=(3,))
    tracker = start_processing(session, clock)
    tracker.warn(
        file="statement_001.pdf",
        pages=[2, 3],
        message="2 of 3 pages of “statement_001.pdf” have no text layer (scanned images?) "
        "and could not be read: pages 2–3.",
    )
    read_pages(tracker, session, index=0, pages=3, matches=1, clock=clock)

    words = text(page(client, session).content.decode())

    assert "Worth checking" in words
    assert "2 of 3 pages of “statement_001.pdf” have no text layer" in words


def test_failure_says_which_phase_file_and_page_and_never_shows_the_traceback(client, clock, owner):
    session = failed_session(clock, owner=owner)

    html = page(client, session).content.decode()

    words = text(html)
    assert "This session stopped during processing" in words
    assert "File statement_002.pdf" in words and "Page 5" in words
    assert "Invalid regex pattern in transaction extraction" in words
    assert "Traceback" not in html and "secret_module" not in html
    assert bars(html)["Processing"] == 44
    assert 'data-phase="processing" data-status="failed"' in html
    assert "<title>" in html and "Failed at" in html
    assert f'action="{reverse("session_retry", args=[session.pk])}"' in html


def test_retry_starts_the_failed_session_again(client, clock, owner):
    session = failed_session(clock, owner=owner)

    response = client.post(reverse("session_retry", args=[session.pk]), follow=True)

    words = text(response.content.decode())
    assert response.redirect_chain[-1][0] == session.get_absolute_url()
    assert "Started again. Files already read are kept." in words
    assert "Queued · 1st in line" in words
    assert "stopped during" not in words
    assert Session.objects.get().is_queued


def test_retry_of_a_session_that_has_not_failed_is_refused_with_a_message(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    response = client.post(reverse("session_retry", args=[session.pk]), follow=True)

    assert "has not failed, so there is nothing to retry" in text(response.content.decode())
    assert Session.objects.get().current_phase == "processing"


def test_completed_view_counts_per_cardholder_and_offers_the_reports(client, clock, owner):
    session = completed_session(clock, owner=owner)
    add_results(session)

    html = page(client, session).content.decode()

    words = text(html)
    assert bars(html)["Overall progress"] == 100
    assert "Done: the report is ready." in words
    # Cardholder, card, transactions, charges, matched, without receipt, amount without
    # receipt, credits, credit amount, net: every line is accounted for.
    assert "Ann Lee …1234 3 2 1 1 12.50 1 -5.00 47.50" in words
    assert "Bo Chan …9876 1 1 1 0 0.00 0 0.00 7.25" in words
    assert "All cardholders 4 3 2 1 12.50 1 -5.00 54.75" in words
    assert "4 transactions = 3 charges (2 matched + 1 without a receipt) + 1 credit." in words
    assert (
        "Charges 59.75 (47.25 matched + 12.50 without a receipt) \u2212 credits 5.00 = net 54.75"
        in words
    )
    assert "1 credit and refunds (need no receipt) · -5.00" in words
    assert "2 charges matched to a receipt · 47.25 1 charge without a receipt · 12.50" in words
    assert "1 of 3 receipts matched no transaction" in words
    for kind in ("xlsx", "csv"):
        assert reverse("report_download", args=[session.pk, kind]) in html
    assert "<title>100% done · March 2026 · Recon</title>" in html.replace("\n", "")


def add_results(session):
    source = session.files.get()
    ann = Employee.objects.create(session=session, name="Ann Lee", card_last4="1234")
    bo = Employee.objects.create(session=session, name="Bo Chan", card_last4="9876")
    # The refund needs no receipt: it is not "without a receipt".
    lines = [(ann, "40.00"), (ann, "12.50"), (bo, "7.25"), (ann, "-5.00")]
    transactions = [
        Transaction.objects.create(
            session=session,
            employee=employee,
            source_file=source,
            page=1,
            line=number,
            transaction_date="2026-03-01",
            description=f"Shop {number}",
            amount=Decimal(amount),
        )
        for number, (employee, amount) in enumerate(lines)
    ]
    receipts = [
        Receipt.objects.create(session=session, source_file=source, page=2, total=Decimal(total))
        for total in ("40.00", "7.25", "99.00")
    ]
    for transaction, receipt in ((transactions[0], receipts[0]), (transactions[2], receipts[1])):
        Match.objects.create(
            session=session,
            transaction=transaction,
            receipt=receipt,
            method="amount_date_merchant",
            score=1.0,
            days_apart=0,
        )
    for kind, data in (("xlsx", b"PK\x03\x04 workbook"), ("csv", b"date,amount\n")):
        report = ReportFile(session=session, kind=kind, size_bytes=len(data))
        report.file.save(f"report.{kind}", ContentFile(data))


def test_report_download_streams_the_stored_file_under_a_readable_name(client, clock, owner):
    session = completed_session(clock, owner=owner)
    add_results(session)

    response = client.get(reverse("report_download", args=[session.pk, "xlsx"]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK\x03\x04 workbook"
    assert response["Content-Disposition"] == (
        'attachment; filename="march-2026-2026-03-01-to-2026-03-01-expense-report.xlsx"'
    )
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert client.get(reverse("report_download", args=[session.pk, "pdf"])).status_code == 404


def test_the_whole_run_only_ever_moves_the_overall_bar_forward(client, clock, owner):
    session = uploaded_session(clock, owner=owner, pages=(4, 4))
    seen = [bars(page(client, session).content.decode())["Overall progress"]]
    tracker = start_processing(session, clock)
    for index in range(2):
        for pages in range(1, 5):
            read_pages(tracker, session, index=index, pages=pages, matches=pages, clock=clock)
            seen.append(bars(page(client, session).content.decode())["Overall progress"])
        finish_file(tracker, session, index=index, matches=4)
    tracker.finish_phase()
    tracker.start_phase("matching", matches_found=0, unmatched_count=0)
    seen.append(bars(page(client, session).content.decode())["Overall progress"])
    tracker.finish_phase(matches_found=3, unmatched_count=1)
    tracker.start_phase("report_generation", report_type="xlsx", records_written=0)
    tracker.finish_phase(records_written=8)
    tracker.complete()
    seen.append(bars(page(client, session).content.decode())["Overall progress"])

    assert seen == sorted(seen)
    assert (seen[0], seen[-1]) == (10, 100)
