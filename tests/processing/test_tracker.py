"""ProgressTracker: page updates are batched (2.5 s or a boundary) and every write is a
consistent snapshot. The clock is a FakeClock: nothing sleeps."""

from decimal import Decimal

import pytest

from processing import work_queue
from processing.repository import ProgressRepository
from processing.tracker import ProgressTracker
from sessions_app.models import Session
from sessions_app.progress.timings import PhaseTiming, RunTimings
from sessions_app.selectors.progress import pace
from tests.builders.records import make_session
from tests.builders.runs import file_2_of_3_at_page_5

pytestmark = pytest.mark.django_db


class CountingRepository(ProgressRepository):
    """The real repository, remembering what it wrote."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.written = []

    def update_session_progress(self, **kwargs):
        result = super().update_session_progress(**kwargs)
        self.written.append((kwargs["progress"], kwargs["percentage"]))
        return result


def make_tracker(clock, session=None, **kwargs):
    session = session or make_session()
    repository = CountingRepository(clock=clock)
    return ProgressTracker(session_id=session.pk, repository=repository, clock=clock, **kwargs)


def taken_over(session, clock):
    """The tracker of worker "w2", which claims `session` after five minutes' silence."""
    clock.advance(301)
    assert work_queue.claim(session_id=session.pk, worker="w2", clock=clock)
    session.refresh_from_db()
    return ProgressTracker(
        session_id=session.pk,
        clock=clock,
        worker="w2",
        run_token=session.run_token,
        snapshot=session.progress,
    )


def uploaded(tracker, *, files=3):
    tracker.start_phase("upload", files_uploaded=0, bytes_uploaded=0)
    tracker.update_phase(done=files, total=files, files_uploaded=files, bytes_uploaded=9000)
    work_queue.finish_upload(tracker)


def test_thousand_page_updates_in_ten_seconds_write_four_to_six_times_plus_boundaries(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=1, total_pages=1000, pages_processed=0)
    tracker.start_file(index=0, name="statement_01.pdf", total_pages=1000)
    boundary_writes = tracker.writes

    for page in range(1, 1001):
        clock.advance(0.01)
        tracker.update_progress(page=page, regex_matches_found=page * 2)

    batched = tracker.writes - boundary_writes
    assert 4 <= batched <= 6
    tracker.finish_file()
    assert tracker.writes == boundary_writes + batched + 1


def test_updates_within_the_interval_are_not_written_until_it_passes(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=1, total_pages=10)
    tracker.start_file(index=0, name="a.pdf", total_pages=10)
    writes = tracker.writes

    clock.advance(2.4)
    tracker.update_progress(page=1, regex_matches_found=3)
    assert tracker.writes == writes
    assert Session.objects.get().progress.phases["processing"].current_file.current_page == 1
    assert tracker.dirty

    clock.advance(0.1)
    tracker.update_progress(page=2, regex_matches_found=5)
    assert tracker.writes == writes + 1
    current = Session.objects.get().progress.phases["processing"].current_file
    assert (current.current_page, current.regex_matches_found) == (2, 5)


@pytest.mark.parametrize(
    "boundary",
    [
        lambda t: t.start_file(index=1, name="b.pdf", total_pages=4),
        lambda t: t.finish_file(),
        lambda t: t.finish_phase(),
        lambda t: t.fail(error_type="ExtractionError", message="boom", file="a.pdf", page=2),
    ],
    ids=["file start", "file end", "phase end", "failure"],
)
def test_boundaries_are_written_at_once(clock, boundary):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=2, total_pages=14)
    tracker.start_file(index=0, name="a.pdf", total_pages=10)
    clock.advance(0.1)
    tracker.update_progress(page=3, regex_matches_found=1)
    writes = tracker.writes

    clock.advance(0.1)
    boundary(tracker)

    assert tracker.writes == writes + 1
    assert not tracker.dirty


def test_snapshot_follows_the_data_model_shape_and_message(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=3, total_pages=30)
    tracker.start_file(index=0, name="statement_001.pdf", total_pages=10)
    tracker.finish_file()
    tracker.start_file(index=1, name="statement_002.pdf", total_pages=12)
    clock.advance(3)
    tracker.update_progress(page=5, regex_matches_found=23)

    session = Session.objects.get()
    progress = session.progress
    processing = progress.phases["processing"]
    assert progress.status_message == "Processing File 2 of 3: Page 5/12"
    assert processing.current_file_index == 1
    assert processing.current_file.regex_matches_found == 23
    # (1 + 5/12) / 3 * 100 = 47.2 %; overall = 0.1 * 100 + 0.6 * 47.2 = 38.33 %
    assert processing.percentage == 47
    assert progress.overall_percentage == 38
    assert session.overall_percentage == Decimal("38.33")
    assert progress.phases["matching"].status == "pending"


def test_overall_never_moves_backwards_across_phases_and_reaches_completion(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=2, total_pages=20)
    for index in range(2):
        tracker.start_file(index=index, name=f"s{index}.pdf", total_pages=10)
        for page in range(1, 11):
            clock.advance(1)
            tracker.update_progress(page=page, regex_matches_found=page)
        tracker.finish_file()
    tracker.finish_phase()
    tracker.start_phase("matching", matches_found=0, unmatched_count=0)
    for done in range(0, 101, 10):
        clock.advance(1)
        tracker.update_phase(done=done, total=100, matches_found=done, unmatched_count=0)
    tracker.finish_phase()
    tracker.start_phase("report_generation", report_type="xlsx", records_written=0)
    tracker.update_phase(done=5, total=10, records_written=5)
    tracker.finish_phase(report_type="csv", records_written=10)
    tracker.complete()

    # What the tracker computed (the repository would raise a lower value to the stored one).
    values = [percentage for _, percentage in tracker.repository.written]
    assert values == sorted(values)
    assert values[-1] == Decimal("100.00")
    session = Session.objects.get()
    assert (session.current_phase, session.overall_percentage) == ("completed", Decimal("100"))
    assert session.processing_progress is None


def test_matching_counts_are_kept_and_batched_like_pages(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=1, total_pages=10)
    tracker.finish_phase()
    tracker.start_phase(
        "matching", matches_found=0, unmatched_count=0, items_done=0, items_total=1000
    )
    boundary_writes = tracker.writes

    for done in range(1, 1001):
        clock.advance(0.01)
        tracker.update_phase(
            done=done, total=1000, matches_found=done // 4, unmatched_count=done - done // 4
        )

    assert 4 <= tracker.writes - boundary_writes <= 6
    matching = Session.objects.get().progress.phases["matching"]
    # What the page measures matching's rate from: the count as of the last write.
    assert matching.items_total == 1000
    assert 900 <= matching.items_done <= 1000
    assert matching.matches_found == matching.items_done // 4
    tracker.finish_phase()
    assert Session.objects.get().progress.phases["matching"].items_done == 1000


def test_completion_keeps_how_long_each_phase_took_for_later_estimates(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    # A retried run: the first file (10 pages) was read in the run that failed.
    tracker.start_phase("processing", total_files=2, total_pages=30, pages_processed=10)
    tracker.start_file(index=1, name="s2.pdf", total_pages=20)
    for page in range(1, 21):
        clock.advance(1.5)
        tracker.update_progress(page=page, regex_matches_found=page, pages_processed=10 + page)
    tracker.finish_file()
    tracker.finish_phase()
    tracker.start_phase(
        "matching", matches_found=0, unmatched_count=0, items_done=0, items_total=400
    )
    clock.advance(4)
    tracker.update_phase(done=400, total=400, matches_found=300, unmatched_count=100)
    tracker.finish_phase()
    tracker.start_phase(
        "report_generation", report_type="xlsx", records_written=0, items_done=0, items_total=900
    )
    clock.advance(6)
    tracker.update_phase(done=900, total=900, records_written=900)
    tracker.finish_phase()
    work_queue.complete(tracker)

    session = Session.objects.get()
    assert session.processing_progress is None
    assert session.timings == RunTimings(
        pages=30,
        phases={
            # Only the pages this run read count against its seconds.
            "processing": PhaseTiming(seconds=30, units=20),
            "matching": PhaseTiming(seconds=4, units=400),
            "report_generation": PhaseTiming(seconds=6, units=900),
        },
    )
    assert list(Session.objects.timed()) == [session]


def test_a_phase_taken_over_from_a_silent_worker_is_not_timed(clock):
    session = file_2_of_3_at_page_5(clock)
    tracker = taken_over(session, clock)

    # Processing resumes with its first start: its seconds include the five silent minutes.
    tracker.start_phase("processing", total_files=3, total_pages=36, pages_processed=12)
    clock.advance(10)
    tracker.finish_phase()
    tracker.start_phase("matching", matches_found=0, unmatched_count=0)
    clock.advance(2)
    tracker.finish_phase()
    tracker.start_phase("report_generation", report_type="xlsx", records_written=0)
    clock.advance(3)
    tracker.finish_phase()
    work_queue.complete(tracker)

    timings = Session.objects.get(pk=session.pk).timings
    assert timings.pages == 36
    assert set(timings.phases) == {"matching", "report_generation"}
    assert timings.phases["matching"].seconds == 2


def test_failure_records_where_it_happened(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=3, total_pages=30)
    tracker.start_file(index=1, name="statement_002.pdf", total_pages=12)

    tracker.fail(
        error_type="RegexExtractionError",
        message="Invalid regex pattern in transaction extraction",
        file="statement_002.pdf",
        page=5,
        traceback="Traceback ...",
    )

    session = Session.objects.get()
    error = session.progress.error
    assert session.current_phase == "failed"
    assert session.progress.phases["processing"].status == "failed"
    assert (error.context.phase, error.context.file, error.context.page) == (
        "processing",
        "statement_002.pdf",
        5,
    )
    assert session.progress.status_message.startswith(
        "Failed during processing (statement_002.pdf, page 5)"
    )


def test_warnings_reach_the_snapshot(clock):
    tracker = make_tracker(clock)
    uploaded(tracker)
    tracker.start_phase("processing", total_files=1, total_pages=3)
    tracker.warn(file="scan.pdf", pages=[1, 2, 3], message="3 pages have no text layer")
    tracker.start_file(index=0, name="scan.pdf", total_pages=3)

    warning = Session.objects.get().progress.warnings[0]
    assert (warning.file, warning.pages) == ("scan.pdf", [1, 2, 3])


def test_upload_then_queue_message(clock):
    tracker = make_tracker(clock)
    uploaded(tracker, files=2)

    session = Session.objects.get()
    assert session.progress.status_message == "Upload complete: waiting for a worker"
    assert session.overall_percentage == Decimal("10.00")
    assert session.is_queued


def test_resuming_from_a_snapshot_keeps_phase_start_and_finished_phases(clock):
    session = make_session()
    first = make_tracker(clock, session=session)
    uploaded(first)
    first.start_phase("processing", total_files=2, total_pages=20)
    started = Session.objects.get().progress.phases["processing"].started_at
    clock.advance(400)

    resumed = make_tracker(clock, session=session, snapshot=Session.objects.get().progress)
    resumed.start_phase("processing", total_files=2, total_pages=20)

    progress = Session.objects.get().progress
    assert progress.phases["processing"].started_at == started
    assert progress.phases["upload"].status == "completed"


def test_after_a_takeover_the_figures_shown_never_go_back(clock):
    # data-model.md's example: file 2 of 3 at page 5, when its worker goes silent.
    session = file_2_of_3_at_page_5(clock)
    before = session.progress.phases["processing"]
    tracker = taken_over(session, clock)

    # The new worker starts the phase again with the files kept, and the file from page 1.
    tracker.start_phase("processing", total_files=3, total_pages=36, pages_processed=12)
    tracker.start_file(index=1, name="statement_002.pdf", total_pages=12)
    shown = [Session.objects.get(pk=session.pk).progress.phases["processing"]]
    for page in range(1, 8):
        clock.advance(3)
        tracker.update_progress(page=page, regex_matches_found=page, pages_processed=12 + page)
        shown.append(Session.objects.get(pk=session.pk).progress.phases["processing"])

    pages = [phase.current_file.current_page for phase in shown]
    assert pages == [5, 5, 5, 5, 5, 5, 6, 7]
    assert [phase.pages_processed for phase in shown] == [17, 17, 17, 17, 17, 17, 18, 19]
    percentages = [phase.percentage for phase in shown]
    assert percentages[0] == before.percentage and percentages == sorted(percentages)
    assert session.last_position == "reading page 5 of “statement_002.pdf”"


def reading_rate(session_id):
    session = Session.objects.get(pk=session_id)
    return pace(session, session.progress, now=session.progress.last_update).rate


def test_a_retried_run_shows_its_own_reading_speed_not_the_pages_an_earlier_run_read(clock):
    session = make_session()
    tracker = make_tracker(clock, session=session)
    uploaded(tracker, files=2)
    # An earlier run read the first file's 200 pages; this run reads the second, 2 pages a second.
    tracker.start_phase("processing", total_files=2, total_pages=400, pages_processed=200)
    tracker.start_file(index=1, name="statement_02.pdf", total_pages=200)
    for page in range(1, 101):
        clock.advance(0.5)
        tracker.update_progress(page=page, regex_matches_found=page, pages_processed=200 + page)
    tracker.flush()

    assert reading_rate(session.pk) == "2.0 pages/s"


def test_after_a_takeover_the_reading_speed_is_the_new_workers_own(clock):
    # Worker 1 read 17 pages at a page a second, then went silent for five minutes.
    session = file_2_of_3_at_page_5(clock)
    tracker = taken_over(session, clock)
    tracker.start_phase("processing", total_files=3, total_pages=36, pages_processed=12)
    tracker.start_file(index=1, name="statement_002.pdf", total_pages=12)
    # Worker 2 reads the file again from page 1, and the next, 2 pages a second.
    for page in range(1, 13):
        clock.advance(0.5)
        tracker.update_progress(page=page, regex_matches_found=page, pages_processed=12 + page)
    tracker.finish_file()
    tracker.start_file(index=2, name="statement_003.pdf", total_pages=12)
    for page in range(1, 11):
        clock.advance(0.5)
        tracker.update_progress(page=page, regex_matches_found=page, pages_processed=24 + page)
    tracker.flush()

    # Not the 34 pages shown over the 5 minutes 30 since the phase began (0.1 pages/s).
    assert reading_rate(session.pk) == "2.0 pages/s"
