"""Sessions brought to a given point the way the product does it: the real upload phase, a
worker's claim, and the real ProgressTracker, all on a FakeClock."""

import re
from html import unescape

from django.urls import reverse

from processing import work_queue
from processing.tracker import ProgressTracker
from processing.upload import create_session
from sessions_app.models import FileState, Session
from tests.builders.pdfs import incoming, make_pdf
from tests.builders.records import make_user

WORKER = "test-worker"


def uploaded_session(clock, *, owner=None, pages=(12, 12, 12), name="March 2026") -> Session:
    """A queued session with one statement per entry of `pages`, named statement_001.pdf..."""
    statements = [
        incoming(f"statement_{number:03}.pdf", make_pdf(*[[f"page {p}"] for p in range(count)]))
        for number, count in enumerate(pages, start=1)
    ]
    return create_session(owner=owner or make_user(), name=name, statements=statements, clock=clock)


def claimed_tracker(session: Session, clock) -> ProgressTracker:
    """The tracker of a worker that has just claimed `session`."""
    assert work_queue.claim(session_id=session.pk, worker=WORKER, clock=clock)
    session.refresh_from_db()
    return ProgressTracker(
        session_id=session.pk, clock=clock, worker=WORKER, snapshot=session.progress
    )


def start_processing(session: Session, clock) -> ProgressTracker:
    files = list(session.files.all())
    tracker = claimed_tracker(session, clock)
    tracker.start_phase(
        "processing",
        total_files=len(files),
        total_pages=sum(file.page_count for file in files),
        pages_processed=0,
    )
    return tracker


def read_pages(tracker, session, *, index: int, pages: int, matches: int, clock, step=1.0):
    """File `index` is opened and its first `pages` pages read, `step` seconds each."""
    file = session.files.get(position=index)
    session.files.filter(pk=file.pk).update(state=FileState.PROCESSING)
    tracker.start_file(
        index=index, name=file.original_name, total_pages=file.page_count, file_id=file.pk
    )
    read_more(
        tracker,
        session,
        index=index,
        pages=range(1, pages + 1),
        matches=matches,
        clock=clock,
        step=step,
    )


def read_more(tracker, session, *, index: int, pages: range, matches: int, clock, step=1.0):
    """Open file `index` is read through `pages`, `step` seconds a page, `matches` found by its
    last page (the files before it read whole); the state is then written."""
    files_before = session.files.filter(position__lt=index)
    done_before = sum(files_before.values_list("page_count", flat=True))
    for page in pages:
        clock.advance(step)
        tracker.update_progress(
            page=page,
            regex_matches_found=matches * page // pages[-1],
            pages_processed=done_before + page,
        )
    tracker.flush()


def finish_file(tracker, session, *, index: int, matches: int) -> None:
    tracker.finish_file()
    session.files.filter(position=index).update(state=FileState.DONE, regex_matches_found=matches)


def file_2_of_3_at_page_5(clock, **kwargs) -> Session:
    """data-model.md's example: three 12-page statements, the first read, the second at 5/12
    with 23 matches found."""
    session = uploaded_session(clock, **kwargs)
    tracker = start_processing(session, clock)
    read_pages(tracker, session, index=0, pages=12, matches=30, clock=clock)
    finish_file(tracker, session, index=0, matches=30)
    read_pages(tracker, session, index=1, pages=5, matches=23, clock=clock)
    session.refresh_from_db()
    return session


def failed_session(clock, **kwargs) -> Session:
    session = uploaded_session(clock, **kwargs)
    tracker = start_processing(session, clock)
    read_pages(tracker, session, index=0, pages=12, matches=30, clock=clock)
    finish_file(tracker, session, index=0, matches=30)
    read_pages(tracker, session, index=1, pages=4, matches=10, clock=clock)
    session.files.filter(position=1).update(state=FileState.FAILED)
    work_queue.fail(
        tracker,
        error_type="RegexExtractionError",
        message="Invalid regex pattern in transaction extraction",
        file="statement_002.pdf",
        page=5,
        traceback='Traceback (most recent call last):\n  File "secret_module.py", line 9',
    )
    session.refresh_from_db()
    return session


def completed_session(clock, **kwargs) -> Session:
    session = uploaded_session(clock, pages=(2,), **kwargs)
    tracker = start_processing(session, clock)
    read_pages(tracker, session, index=0, pages=2, matches=3, clock=clock)
    finish_file(tracker, session, index=0, matches=3)
    tracker.finish_phase()
    tracker.start_phase("matching", matches_found=0, unmatched_count=0)
    tracker.finish_phase(matches_found=2, unmatched_count=1)
    tracker.start_phase("report_generation", report_type="xlsx", records_written=0)
    tracker.finish_phase(report_type="csv", records_written=3)
    work_queue.complete(tracker)
    session.refresh_from_db()
    return session


def bars(html: str) -> dict[str, int]:
    """Every progress bar on the page: its aria-label and aria-valuenow."""
    return {
        label: int(value)
        for label, value in re.findall(
            r'role="progressbar" aria-label="([^"]*)"[^>]*?aria-valuenow="(\d+)"', html
        )
    }


def text(html: str) -> str:
    """The page's visible words, tags removed and whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# What htmx sends with its requests.
HTMX = {"HTTP_HX_REQUEST": "true"}


def page(client, session, **headers):
    """The session's progress page (or, with HTMX, its fragment) as `client` gets it."""
    return client.get(reverse("session_detail", args=[session.pk]), **headers)
