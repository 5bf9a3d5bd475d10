"""A whole run in process: sample PDFs in, the truth out, with progress all the way."""

from decimal import Decimal

import pytest

from processing import work_queue
from processing.pipeline import Outcome, run_session
from processing.tracker import ProgressTracker
from sessions_app.models import Match, ReportFile, Session
from tests.builders.samples import (
    extracted_receipts,
    extracted_transactions,
    queued_sample_session,
    sample_set,
    truth,
)

pytestmark = pytest.mark.django_db


def run(session: Session, worker: str = "w1", **kwargs) -> Outcome:
    assert work_queue.claim(session_id=session.pk, worker=worker)
    return run_session(session=Session.objects.get(pk=session.pk), worker=worker, **kwargs)


def matched_pairs(session: Session, answer: dict) -> tuple[set, set]:
    """Matches found and expected, as (transaction key, receipt key) pairs."""
    txn_index = {
        (t["file"], t["page"], t["description"], t["amount"]): i
        for i, t in enumerate(answer["transactions"])
    }
    receipt_index = {(r["file"], r["page"]): i for i, r in enumerate(answer["receipts"])}
    found = {
        (
            txn_index[
                (
                    m.transaction.source_file.original_name,
                    m.transaction.page,
                    m.transaction.description,
                    str(m.transaction.amount),
                )
            ],
            receipt_index[(m.receipt.source_file.original_name, m.receipt.page)],
        )
        for m in Match.objects.filter(session=session).select_related(
            "transaction__source_file", "receipt__source_file"
        )
    }
    expected = {(m["transaction"], m["receipt"]) for m in answer["matches"]}
    return found, expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_run_extracts_exactly_the_truth_and_matches_it(seed):
    directory = sample_set(seed=seed, statements=2, pages=5, receipts=40)
    answer = truth(directory)
    session = queued_sample_session(directory)

    assert run(session) == Outcome.COMPLETED

    session.refresh_from_db()
    assert extracted_transactions(session) == answer["transactions"]
    assert extracted_receipts(session) == answer["receipts"]
    assert {(e.name, e.card_last4) for e in session.employees.all()} == {
        (e["name"], e["card_last4"]) for e in answer["employees"]
    }
    found, expected = matched_pairs(session, answer)
    assert not found - expected, "no false match"
    assert len(found & expected) >= 0.99 * len(expected)
    # Every statement agrees with the totals it prints, so nothing needs attention.
    assert set(session.files.filter(kind="statement").values_list("check_verdict", flat=True)) == {
        "agrees"
    }
    assert not session.needs_attention


def test_completion_clears_the_snapshot_and_caches_completed_100():
    session = queued_sample_session(sample_set())

    run(session)

    session.refresh_from_db()
    assert session.current_phase == "completed"
    assert session.overall_percentage == Decimal("100.00")
    assert session.processing_progress is None
    assert session.claimed_by is None and session.queued_at is None
    assert set(session.files.values_list("state", flat=True)) == {"done"}


def test_progress_is_written_page_by_page_and_never_backwards(clock):
    directory = sample_set()
    files = len(truth(directory)["files"])
    session = queued_sample_session(directory)
    snapshots = []

    def listen(progress, result, boundary):
        # What the tracker computed, before the repository's never-backwards guard.
        snapshots.append((progress, progress.overall_percentage if progress else 100))

    tracker = ProgressTracker(
        session_id=session.pk, worker="w1", snapshot=session.progress, listener=listen, clock=clock
    )

    def tick():
        clock.advance(1)  # one simulated second per page: batching writes every 2.5 s
        return False

    run(session, tracker=tracker, should_stop=tick, clock=clock)

    percentages = [p for _, p in snapshots]
    assert percentages == sorted(percentages)
    messages = [p.status_message for p, _ in snapshots if p is not None]
    assert f"Processing File 1 of {files}: Page 1/4" in messages
    assert f"Processing File 2 of {files}: Page 4/4" in messages
    assert any(m.startswith("Matching") for m in messages)
    assert any(m.startswith("Writing XLSX report") for m in messages)
    counts = [
        p.phases["processing"].current_file.regex_matches_found
        for p, _ in snapshots
        if p is not None and p.current_phase == "processing" and p.phases["processing"].current_file
    ]
    assert max(counts) > 0
    # A statement's rows are written once it is read whole, but the count grows page by page.
    midway = [
        p.phases["processing"].current_file.regex_matches_found
        for p, _ in snapshots
        if p is not None
        and p.current_phase == "processing"
        and p.phases["processing"].current_file
        and 1
        < p.phases["processing"].current_file.current_page
        < p.phases["processing"].current_file.total_pages
    ]
    assert midway and min(midway) > 0


def test_matching_and_the_report_count_their_items_and_the_run_keeps_its_timings(clock):
    session = queued_sample_session(sample_set())
    snapshots = []
    tracker = ProgressTracker(
        session_id=session.pk,
        worker="w1",
        snapshot=session.progress,
        listener=lambda progress, result, boundary: snapshots.append(progress),
        clock=clock,
    )

    def tick():
        clock.advance(1)
        return False

    run(session, tracker=tracker, should_stop=tick, clock=clock)

    session.refresh_from_db()
    charges = session.transactions.filter(amount__gt=0).count()
    records = sum(session.reports.values_list("records_written", flat=True))
    matching = [p.phases["matching"] for p in snapshots if p and p.current_phase == "matching"]
    report = [
        p.phases["report_generation"]
        for p in snapshots
        if p and p.current_phase == "report_generation"
    ]
    assert charges and records
    assert (matching[0].items_done, matching[0].items_total) == (0, charges)
    assert (matching[-1].items_done, matching[-1].items_total) == (charges, charges)
    assert report[0].items_done == 0 and report[0].items_total >= records
    assert report[-1].items_done == records
    timings = session.timings
    assert timings.pages == sum(session.files.values_list("page_count", flat=True))
    assert timings.phases["processing"].units == timings.pages
    assert timings.phases["processing"].seconds > 0  # a simulated second a page
    assert timings.phases["matching"].units == charges
    assert timings.phases["report_generation"].units == records


def test_reports_are_written_and_replace_earlier_ones():
    session = queued_sample_session(sample_set())
    run(session)
    first = {r.kind: r.file.name for r in ReportFile.objects.filter(session=session)}

    assert set(first) == {"xlsx", "csv"}
    session.refresh_from_db()
    with session.reports.get(kind="csv").file.open("rb") as stored:
        lines = stored.read().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Date,Posting date,Employee")
    assert len(lines) == session.transactions.count() + 1


def test_a_failed_session_retried_keeps_the_files_already_read(monkeypatch):
    directory = sample_set()
    session = queued_sample_session(directory)
    second_file = session.files.get(position=1)
    calls = {"n": 0}
    from processing import extraction

    real = extraction.ExtractionService.process_page

    def fail_on_second_file(self, reader, writer, page, name):
        if writer.source_file_id == second_file.pk and page.number == 2 and calls["n"] == 0:
            calls["n"] += 1
            raise RuntimeError("simulated defect")
        return real(self, reader, writer, page, name)

    monkeypatch.setattr(extraction.ExtractionService, "process_page", fail_on_second_file)
    assert run(session) == Outcome.FAILED
    session.refresh_from_db()
    first_file = session.files.get(position=0)
    kept_ids = set(first_file.transactions.values_list("pk", flat=True))
    assert first_file.state == "done" and kept_ids
    assert session.files.get(position=1).state == "failed"
    error = session.progress.error
    assert error.type == "RuntimeError" and "unexpected problem" in error.message
    assert "simulated defect" in error.traceback

    work_queue.retry(session=session)
    assert run(session, worker="w2") == Outcome.COMPLETED

    assert set(first_file.transactions.values_list("pk", flat=True)) == kept_ids
    assert extracted_transactions(session) == truth(directory)["transactions"]
