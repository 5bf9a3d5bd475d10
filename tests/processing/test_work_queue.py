"""The work queue and the operator's levers, as the worker, the web and the admin use them."""

from datetime import timedelta

import pytest

from processing import work_queue
from processing.errors import ActionRefused, Cancelled, ClaimLost
from processing.tracker import ProgressTracker
from processing.upload import create_session
from sessions_app.models import FileState, Session, WorkerHeartbeat
from tests.builders.pdfs import incoming, make_pdf
from tests.builders.records import make_user

pytestmark = pytest.mark.django_db


def queued_session(clock, name="March"):
    return create_session(
        owner=make_user(),
        name=name,
        statements=[
            incoming("s1.pdf", make_pdf(["a"], ["b"])),
            incoming("s2.pdf", make_pdf(["c"])),
        ],
        clock=clock,
    )


def processing_session(clock, *, worker="w1"):
    session = queued_session(clock)
    assert work_queue.claim(session_id=session.pk, worker=worker, clock=clock)
    tracker = ProgressTracker(
        session_id=session.pk, clock=clock, worker=worker, snapshot=session.progress
    )
    tracker.start_phase("processing", total_files=2, total_pages=3)
    tracker.start_file(index=1, name="s2.pdf", total_pages=1)
    return Session.objects.get(pk=session.pk)


def test_only_one_worker_wins_a_claim(clock):
    session = queued_session(clock)

    assert work_queue.claim(session_id=session.pk, worker="w1", clock=clock)
    assert not work_queue.claim(session_id=session.pk, worker="w2", clock=clock)
    assert Session.objects.get().claimed_by == "w1"


def test_claim_next_takes_the_oldest_queued_session(clock):
    first = queued_session(clock, "first")
    clock.advance(1)
    queued_session(clock, "second")

    assert work_queue.claim_next(worker="w1", clock=clock) == first
    assert work_queue.claim_next(worker="w2", clock=clock).name == "second"
    assert work_queue.claim_next(worker="w3", clock=clock) is None


def test_a_silent_workers_session_is_taken_over_after_the_threshold(clock):
    session = processing_session(clock, worker="dead")

    clock.advance(299)
    assert work_queue.claim_next(worker="w2", clock=clock) is None
    clock.advance(2)
    assert work_queue.claim_next(worker="w2", clock=clock) == session
    assert Session.objects.get().claimed_by == "w2"


def test_release_hands_the_session_back_for_immediate_resumption(clock):
    session = processing_session(clock)

    assert work_queue.release(session_id=session.pk, worker="w1", clock=clock)
    assert work_queue.claim_next(worker="w2", clock=clock) == session
    assert not work_queue.release(session_id=session.pk, worker="w1", clock=clock)


def test_retry_starts_a_new_run_keeping_files_already_read(clock):
    session = processing_session(clock)
    session.files.filter(position=0).update(state=FileState.DONE)
    session.files.filter(position=1).update(state=FileState.FAILED, error_message="bad page")
    tracker = ProgressTracker(
        session_id=session.pk, clock=clock, worker="w1", snapshot=session.progress
    )
    work_queue.fail(
        tracker, error_type="ExtractionError", message="bad page", file="s2.pdf", page=1
    )
    session.refresh_from_db()

    work_queue.retry(session=session, clock=clock)

    session.refresh_from_db()
    assert session.current_phase == "upload" and session.is_queued
    assert session.progress.error is None
    assert session.progress.phases["upload"].files_uploaded == 2
    assert list(session.files.values_list("state", "error_message")) == [
        ("done", ""),
        ("pending", ""),
    ]


def test_retry_is_refused_unless_failed(clock):
    session = processing_session(clock)

    with pytest.raises(ActionRefused, match="has not failed"):
        work_queue.retry(session=session, clock=clock)


def test_requeue_is_only_for_stalled_sessions(clock):
    session = processing_session(clock)
    with pytest.raises(ActionRefused, match="not stalled"):
        work_queue.requeue(session=session, clock=clock)

    clock.advance(301)
    work_queue.requeue(session=session, clock=clock)

    session.refresh_from_db()
    assert session.is_queued and session.current_phase == "processing"
    assert not session.is_stalled(clock())


def test_mark_failed_names_where_the_worker_stopped(clock):
    session = processing_session(clock)
    with pytest.raises(ActionRefused):
        work_queue.mark_failed(session=session, clock=clock)
    clock.advance(600)

    work_queue.mark_failed(session=session, clock=clock)

    session.refresh_from_db()
    error = session.progress.error
    assert session.current_phase == "failed" and session.claimed_by is None
    assert (error.type, error.context.phase, error.context.file, error.context.page) == (
        "WorkerStopped",
        "processing",
        "s2.pdf",
        1,
    )
    assert "no progress for 10 minutes" in error.message


def test_a_taken_over_worker_can_no_longer_write(clock):
    session = processing_session(clock, worker="slow")
    slow = ProgressTracker(
        session_id=session.pk, clock=clock, worker="slow", snapshot=session.progress
    )
    clock.advance(timedelta(minutes=6).total_seconds())
    work_queue.claim_next(worker="fast", clock=clock)

    with pytest.raises(ClaimLost):
        slow.finish_file()


def test_requeue_is_refused_if_a_worker_took_the_session_meanwhile(clock):
    session = processing_session(clock)
    clock.advance(301)
    stale_view = Session.objects.get(pk=session.pk)
    assert work_queue.claim_next(worker="w2", clock=clock) == session

    with pytest.raises(ActionRefused, match="not stalled"):
        work_queue.requeue(session=stale_view, clock=clock)
    assert Session.objects.get(pk=session.pk).claimed_by == "w2"


def test_mark_failed_loses_to_a_worker_that_writes_first(clock, monkeypatch):
    session = processing_session(clock)
    clock.advance(600)
    real_fail = ProgressTracker.fail

    def worker_writes_first(self, **kwargs):
        # Between the operator's check and the write, the worker resumes and reports a page.
        Session.objects.filter(pk=session.pk).update(progress_version=99)
        return real_fail(self, **kwargs)

    monkeypatch.setattr(ProgressTracker, "fail", worker_writes_first)

    with pytest.raises(ActionRefused, match="resumed by a worker meanwhile"):
        work_queue.mark_failed(session=session, clock=clock)
    assert Session.objects.get(pk=session.pk).current_phase == "processing"


def test_an_upload_finished_puts_the_session_in_the_queue(clock):
    session = queued_session(clock)

    assert Session.objects.queued().get() == session
    assert session.progress.status_message == "Upload complete: waiting for a worker"


def test_a_failed_run_leaves_the_queue_with_its_snapshot(clock):
    session = processing_session(clock)
    tracker = ProgressTracker(
        session_id=session.pk, clock=clock, worker="w1", snapshot=session.progress
    )

    work_queue.fail(tracker, error_type="ExtractionError", message="bad page", file="s2.pdf")

    session.refresh_from_db()
    assert session.current_phase == "failed" and session.progress.error.message == "bad page"
    assert (session.claimed_by, session.queued_at, session.finished_at) == (None, None, clock())
    assert not Session.objects.claimable(clock()).exists()


def test_a_completed_run_leaves_the_queue(clock):
    session = processing_session(clock)
    tracker = ProgressTracker(
        session_id=session.pk, clock=clock, worker="w1", snapshot=session.progress
    )
    tracker.finish_file()
    tracker.finish_phase()
    tracker.start_phase("matching")
    tracker.finish_phase()
    tracker.start_phase("report_generation")
    tracker.finish_phase()

    work_queue.complete(tracker)

    session.refresh_from_db()
    assert (session.current_phase, session.processing_progress) == ("completed", None)
    assert (session.claimed_by, session.queued_at, session.finished_at) == (None, None, clock())


def held_tracker(session, clock, *, worker="w1") -> ProgressTracker:
    session = Session.objects.get(pk=session.pk)
    return ProgressTracker(
        session_id=session.pk,
        clock=clock,
        worker=worker,
        run_token=session.run_token,
        snapshot=session.progress,
    )


def test_each_claim_draws_a_new_run_token_and_counts_an_attempt(clock):
    session = processing_session(clock, worker="w1")
    first = session.run_token

    clock.advance(301)  # silent past the stale threshold: taken over
    assert work_queue.claim(session_id=session.pk, worker="w2", clock=clock)

    session.refresh_from_db()
    assert session.claimed_by == "w2" and session.attempts == 2
    assert session.run_token and session.run_token != first


def test_a_write_under_an_old_run_token_is_refused_even_by_the_same_worker(clock):
    session = processing_session(clock, worker="w1")
    old = held_tracker(session, clock)
    # The worker lost contact long enough for the session to go stale, and claimed it again.
    clock.advance(301)
    assert work_queue.claim(session_id=session.pk, worker="w1", clock=clock)

    with pytest.raises(ClaimLost):
        old.update_progress(page=1, regex_matches_found=0)
        old.flush()
    assert held_tracker(session, clock).flush().phase == "processing"


def test_a_release_hands_back_without_counting_the_attempt(clock):
    session = processing_session(clock, worker="w1")

    assert work_queue.release(
        session_id=session.pk, worker="w1", clock=clock, run_token=session.run_token
    )

    session.refresh_from_db()
    assert session.is_queued and session.attempts == 0 and session.run_token == ""


def test_a_session_whose_workers_keep_dying_fails_saying_where(clock, settings):
    settings.RECON_MAX_ATTEMPTS = 3
    session = processing_session(clock, worker="w1")
    tracker = held_tracker(session, clock)
    tracker.update_progress(page=1, regex_matches_found=0)
    tracker.flush()
    for worker in ("w2", "w3"):
        clock.advance(301)
        assert work_queue.claim(session_id=session.pk, worker=worker, clock=clock)
    clock.advance(301)
    other = queued_session(clock, name="other")

    # The fourth claim gives up on it and takes the next session instead.
    assert work_queue.claim_next(worker="w4", clock=clock) == other

    session.refresh_from_db()
    assert session.current_phase == "failed" and session.claimed_by is None
    error = session.progress.error
    assert error.message.startswith(
        "The worker stopped 3 times while reading page 1 of “s2.pdf”, so Recon gave up"
    )
    assert (error.type, error.context.file, error.context.page) == ("WorkerStopped", "s2.pdf", 1)


def test_retry_counts_attempts_afresh(clock):
    session = processing_session(clock, worker="w1")
    work_queue.fail(held_tracker(session, clock), error_type="X", message="broken")

    work_queue.retry(session=Session.objects.get(pk=session.pk), clock=clock)

    session.refresh_from_db()
    assert (session.attempts, session.run_token, session.cancel_requested_by) == (0, "", "")


def test_cancelling_a_queued_session_fails_it_at_once(clock):
    session = queued_session(clock)

    work_queue.request_cancel(session=session, user=make_user(username="ann"), clock=clock)

    session.refresh_from_db()
    assert session.current_phase == "failed" and not session.is_queued
    assert (session.progress.error.type, session.progress.error.message) == (
        "Cancelled",
        "Cancelled by ann",
    )
    assert session.cancel_requested_by == "ann"
    assert set(session.files.values_list("state", flat=True)) == {FileState.PENDING}


def test_cancelling_a_running_session_asks_its_worker_who_stops_at_the_next_write(clock):
    session = processing_session(clock, worker="w1")
    tracker = held_tracker(session, clock)

    work_queue.request_cancel(session=session, user="bob", clock=clock)

    session.refresh_from_db()
    assert session.current_phase == "processing"
    assert (session.cancel_requested_by, session.cancel_requested_at) == ("bob", clock())
    with pytest.raises(Cancelled) as cancelled:
        tracker.update_progress(page=1, regex_matches_found=0)
        tracker.flush()
    assert cancelled.value.by == "bob"


def test_cancelling_an_ended_session_is_refused(clock):
    session = processing_session(clock, worker="w1")
    work_queue.fail(held_tracker(session, clock), error_type="X", message="broken")

    with pytest.raises(ActionRefused, match="already ended"):
        work_queue.request_cancel(session=Session.objects.get(pk=session.pk), user="ann")


def test_heartbeats_say_which_workers_are_alive_and_what_they_hold(clock):
    session = processing_session(clock, worker="w1")
    work_queue.beat(worker="w1", session_id=session.pk, started_at=clock(), clock=clock)
    work_queue.beat(worker="w2", session_id=None, started_at=clock(), clock=clock)
    clock.advance(20)
    work_queue.beat(worker="w2", session_id=None, started_at=clock(), clock=clock)

    assert set(WorkerHeartbeat.objects.alive(clock()).values_list("name", flat=True)) == {
        "w1",
        "w2",
    }
    clock.advance(15)
    assert list(WorkerHeartbeat.objects.alive(clock()).values_list("name", "session")) == [
        ("w2", None)
    ]
    work_queue.forget_worker(worker="w2")
    assert not WorkerHeartbeat.objects.filter(name="w2").exists()
