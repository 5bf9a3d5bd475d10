"""ProgressRepository: the one write path for the snapshot and its two cached columns."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from processing.errors import ClaimLost
from processing.repository import ProgressRepository
from sessions_app.models import Session
from sessions_app.progress.schema import ProcessingProgress
from sessions_app.progress.transitions import InvalidTransition
from tests.builders.records import make_session

pytestmark = pytest.mark.django_db


def snapshot(clock, *, phase="upload", overall=5, **phase_fields) -> ProcessingProgress:
    status = phase_fields.pop("status", "in_progress")
    percentage = phase_fields.pop("percentage", 50)
    return ProcessingProgress.model_validate(
        {
            "overall_percentage": overall,
            "current_phase": phase,
            "phases": {
                phase: {
                    "status": status,
                    "percentage": percentage,
                    "started_at": clock().isoformat(),
                    **phase_fields,
                }
            },
            "last_update": clock().isoformat(),
            "status_message": "Uploading: 1 file(s) stored",
        }
    )


def test_writes_snapshot_and_both_cached_columns_in_one_update(clock):
    session = make_session()
    repository = ProgressRepository(clock=clock)

    with CaptureQueriesContext(connection) as queries:
        repository.update_session_progress(
            session_id=session.pk, progress=snapshot(clock), percentage=Decimal("5.50")
        )

    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    for column in ("processing_progress", "current_phase", "overall_percentage"):
        assert column in updates[0]
    session.refresh_from_db()
    assert session.current_phase == "upload"
    assert session.overall_percentage == Decimal("5.50")
    assert session.progress.overall_percentage == 5
    assert session.progress_updated_at == clock()


def test_invalid_snapshot_is_refused_and_nothing_changes(clock):
    session = make_session()
    repository = ProgressRepository(clock=clock)
    stale = snapshot(clock)
    clock.advance(301)

    with pytest.raises(ValueError, match="older than 300 s"):
        repository.update_session_progress(session_id=session.pk, progress=stale)

    session.refresh_from_db()
    assert session.processing_progress is None
    assert session.current_phase is None


def test_snapshot_and_exact_value_must_agree(clock):
    session = make_session()

    with pytest.raises(ValueError, match="must agree"):
        ProgressRepository(clock=clock).update_session_progress(
            session_id=session.pk, progress=snapshot(clock, overall=5), percentage=Decimal("7.25")
        )


def test_forbidden_transition_is_refused(clock):
    session = make_session()

    with pytest.raises(InvalidTransition, match="from no phase"):
        ProgressRepository(clock=clock).update_session_progress(
            session_id=session.pk, progress=snapshot(clock, phase="processing")
        )
    session.refresh_from_db()
    assert session.current_phase is None


def test_overall_percentage_never_moves_backwards_within_a_run(clock):
    session = make_session()
    repository = ProgressRepository(clock=clock)
    repository.update_session_progress(
        session_id=session.pk, progress=snapshot(clock, overall=7), percentage=Decimal("7.80")
    )

    result = repository.update_session_progress(
        session_id=session.pk, progress=snapshot(clock, overall=6), percentage=Decimal("6.10")
    )

    session.refresh_from_db()
    assert result.percentage == Decimal("7.80")
    assert session.overall_percentage == Decimal("7.80")
    assert session.progress.overall_percentage == 7


def test_a_new_run_starts_only_from_a_failed_run_and_may_start_lower(clock):
    session = make_session()
    repository = ProgressRepository(clock=clock)
    repository.update_session_progress(
        session_id=session.pk, progress=snapshot(clock, overall=9), percentage=Decimal("9.00")
    )
    with pytest.raises(InvalidTransition, match="from 'upload'"):
        repository.update_session_progress(
            session_id=session.pk, progress=snapshot(clock, overall=1), new_run=True
        )
    Session.objects.filter(pk=session.pk).update(current_phase="failed")

    repository.update_session_progress(
        session_id=session.pk, progress=snapshot(clock, overall=1), new_run=True
    )

    session.refresh_from_db()
    assert session.overall_percentage == Decimal("1.00")


def test_complete_clears_the_snapshot_and_caches_completed_100(clock):
    session = make_session(current_phase="report_generation", overall_percentage=Decimal("95"))
    Session.objects.filter(pk=session.pk).update(
        processing_progress={"stale": True}, claimed_by="w1"
    )

    ProgressRepository(clock=clock).complete_session(session_id=session.pk, worker="w1")

    session.refresh_from_db()
    assert session.processing_progress is None
    assert session.progress is None
    assert session.current_phase == "completed"
    assert session.overall_percentage == Decimal("100.00")
    # The queue columns are the work queue's to change, in the same transaction.
    assert session.claimed_by == "w1"


def test_completion_is_refused_outside_report_generation(clock):
    session = make_session(current_phase="processing")

    with pytest.raises(InvalidTransition):
        ProgressRepository(clock=clock).complete_session(session_id=session.pk)


def test_a_worker_that_lost_its_claim_cannot_write(clock):
    session = make_session(current_phase="upload", claimed_by="new-worker")

    with pytest.raises(ClaimLost, match="held by new-worker"):
        ProgressRepository(clock=clock).update_session_progress(
            session_id=session.pk, progress=snapshot(clock), worker="old-worker"
        )


def test_write_retries_when_the_row_changed_between_read_and_write(clock, monkeypatch):
    session = make_session()
    repository = ProgressRepository(clock=clock)
    real_filter = Session.objects.filter
    interfered = []

    def filter_and_interfere(*args, **kwargs):
        # Another writer bumps the version right after this writer has read it, once.
        if "progress_version" in kwargs and not interfered:
            interfered.append(True)
            real_filter(pk=session.pk).update(progress_version=41)
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Session.objects, "filter", filter_and_interfere)
    result = repository.update_session_progress(session_id=session.pk, progress=snapshot(clock))

    assert interfered and result.version == 42


def test_the_stale_threshold_is_the_setting(clock, settings):
    settings.PROGRESS_STALE_AFTER_SECONDS = 60
    session = make_session()
    progress = snapshot(clock)
    clock.now += timedelta(seconds=61)

    with pytest.raises(ValueError, match="older than 60 s"):
        ProgressRepository(clock=clock).update_session_progress(
            session_id=session.pk, progress=progress
        )
