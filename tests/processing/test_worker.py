"""The process_sessions worker on bad input: every hostile PDF ends its session cleanly, with a
message naming the file (and page), while the worker goes on and other sessions are untouched."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from processing import work_queue
from processing.models import ExtractionPattern
from processing.pipeline import run_session
from sessions_app.models import Session
from tests.builders.pdfs import CORPUS
from tests.builders.samples import queued_sample_session, queued_session_with, sample_set, truth

# Transactional: the worker closes stale connections between sessions, as it must in
# production, which a test wrapped in one transaction would not survive.
pytestmark = pytest.mark.django_db(transaction=True)

FAILS = {
    "pdfplumber__password-example.pdf": ("password-protected", None),
    "pdfminer__aes-256-r6.pdf": ("password-protected", None),
    "pdfminer__rc4-40.pdf": ("password-protected", None),
    "pdfjs__poppler-742-0-fuzzed.pdf": ("is damaged and cannot be opened", None),
    "qpdf__append-xref-loop.pdf": ("has no pages", None),
    "qpdf__empty_zero_pages.pdf": ("has no pages", None),
    "pdfplumber__empty_0_bytes.pdf": ("is empty", None),
    "qpdf__not_even_a_pdf.pdf": ("is not a PDF", None),
    "derived__html_named.pdf": ("is not a PDF", None),
    "generated__10000_blank_pages.pdf": ("has 10,000 pages; the limit is 5,000", None),
    "qpdf__issue-1688a_bad_colorspace.pdf": ("cannot be read: it is damaged", 1),
    "pdfjs__Pages-tree-refs.pdf": ("cannot be read: it is damaged", 2),
}
COMPLETES_WITH_WARNING = {
    "pdfplumber__issue-203-scanned.pdf": "3 of 3 pages",
    "monopoly__4_pages_blank.pdf": "4 of 4 pages",
    "pdfplumber__pr-138-example_owner_pw.pdf": "No transactions were found",
    "pdfplumber__issue-848_junk_before_header.pdf": "No transactions were found",
}


def work(*args: str) -> str:
    out = io.StringIO()
    call_command("process_sessions", "--once", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_corpus_covers_every_hostile_file():
    assert set(FAILS) | set(COMPLETES_WITH_WARNING) == {p.name for p in CORPUS.glob("*.pdf")}


def test_every_hostile_pdf_ends_cleanly_and_the_worker_carries_on(settings):
    settings.RECON_MAX_PAGES_PER_FILE = 5000
    directory = sample_set()
    good = queued_sample_session(directory, name="good")
    hostile = {
        name: queued_session_with([(name, (CORPUS / name).read_bytes())])
        for name in [*FAILS, *COMPLETES_WITH_WARNING]
    }

    output = work()

    for name, (reason, page) in FAILS.items():
        session = Session.objects.get(pk=hostile[name].pk)
        error = session.progress.error
        assert session.current_phase == "failed", name
        assert (error.context.phase, error.context.file, error.context.page) == (
            "processing",
            name,
            page,
        )
        assert reason in error.message and f"“{name}”" in error.message
        assert session.files.get().state == "failed"
        assert session.claimed_by is None
    for name, warning in COMPLETES_WITH_WARNING.items():
        session = Session.objects.get(pk=hostile[name].pk)
        assert session.current_phase == "completed", name
        assert any(warning in w for w in session.files.get().warnings), name
    good.refresh_from_db()
    assert good.current_phase == "completed"
    assert good.transactions.count() == len(truth(directory)["transactions"])
    assert output.count(": failed") == len(FAILS)
    assert output.count(": completed") == len(COMPLETES_WITH_WARNING) + 1


def test_scanned_pages_are_warned_about_while_the_session_runs(settings):
    name = "pdfplumber__issue-203-scanned.pdf"
    session = queued_session_with([(name, (CORPUS / name).read_bytes())])
    seen = []
    from processing import tracker as tracker_module

    real_flush = tracker_module.ProgressTracker.flush

    def spy(self, **kwargs):
        result = real_flush(self, **kwargs)
        seen.extend(Session.objects.get(pk=session.pk).progress.warnings)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tracker_module.ProgressTracker, "flush", spy)
        work()

    assert seen and seen[-1].file == name and seen[-1].pages == [1, 2, 3]
    assert "no text layer" in seen[-1].message


def test_page_limit_is_configurable_and_checked_again_by_the_worker(settings):
    directory = sample_set()
    session = queued_sample_session(directory)
    settings.RECON_MAX_PAGES_PER_FILE = 2  # lowered after the upload was accepted

    work()

    session.refresh_from_db()
    assert session.current_phase == "failed"
    assert "has 4 pages; the limit is 2" in session.progress.error.message


def test_an_invalid_pattern_fails_the_session_naming_file_and_page():
    # The shipped statement patterns, enabled as an administrator's last resort, one broken.
    ExtractionPattern.objects.update(enabled=True)
    ExtractionPattern.objects.filter(kind="transaction").update(regex="(?P<date>[0-9")
    session = queued_sample_session(sample_set())

    work()

    session.refresh_from_db()
    error = session.progress.error
    assert error.type == "RegexExtractionError"
    assert error.message.startswith("Invalid regex pattern in transaction line extraction")
    assert (error.context.file, error.context.page) == ("statement_01.pdf", 1)


def test_a_pattern_that_matches_nonsense_fails_naming_the_page():
    # Valid as a regex, but its groups are swapped: "amount" captures a merchant's first word.
    # It runs beside the shipped statement patterns, enabled as an administrator's last resort.
    ExtractionPattern.objects.update(enabled=True)
    ExtractionPattern.objects.create(
        name="Swapped groups",
        kind="transaction",
        priority=1,
        regex=r"^(?P<date>\d{2}/\d{2}) \d{2}/\d{2} (?P<amount>\S+) (?P<description>.+)$",
    )
    session = queued_sample_session(sample_set())

    work()

    session.refresh_from_db()
    error = session.progress.error
    assert error.type == "RegexExtractionError"
    assert "“Swapped groups”" in error.message and "is not an amount" in error.message
    assert error.context.file == "statement_01.pdf" and error.context.page >= 1


def test_a_defect_fails_the_session_with_a_plain_message_and_a_traceback(monkeypatch):
    from processing import matching

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(matching, "match", broken)
    broken_session = queued_sample_session(sample_set(), name="broken")

    work()

    broken_session.refresh_from_db()
    error = broken_session.progress.error
    assert error.context.phase == "matching"
    assert "unexpected problem" in error.message and "ZeroDivisionError" not in error.message
    assert "ZeroDivisionError" in error.traceback


def test_session_option_processes_one_session_in_the_foreground():
    first = queued_sample_session(sample_set(), name="first")
    second = queued_sample_session(sample_set(), name="second")

    work("--session", str(second.pk))

    assert Session.objects.get(pk=second.pk).current_phase == "completed"
    assert Session.objects.get(pk=first.pk).current_phase == "upload"
    with pytest.raises(
        CommandError, match=re.escape("is not waiting for a worker: it is completed")
    ):
        work("--session", str(second.pk))


def test_a_cancel_request_ends_the_run_failed_at_the_next_write_keeping_the_files_read(settings):
    # Every page writes, so the request is seen at the page after it, however fast a file reads.
    settings.PROGRESS_WRITE_INTERVAL_SECONDS = 0
    directory = sample_set()
    session = queued_sample_session(directory)
    assert work_queue.claim(session_id=session.pk, worker="w1")
    session.refresh_from_db()
    seen = []

    def cancel_after_the_first_file() -> None:
        done = session.files.filter(state="done").count()
        if done and not seen:
            seen.append(done)
            work_queue.request_cancel(session=session, user="ann")

    outcome = run_session(session=session, worker="w1", after_page=cancel_after_the_first_file)

    session.refresh_from_db()
    assert outcome == "cancelled"
    assert session.current_phase == "failed" and session.claimed_by is None
    assert (session.progress.error.type, session.progress.error.message) == (
        "Cancelled",
        "Cancelled by ann",
    )
    # What was read is kept: a retry resumes from there.
    assert session.files.filter(state="done").count() == seen[0]
    work_queue.retry(session=session)
    session.refresh_from_db()
    assert session.is_queued and session.cancel_requested_by == ""
