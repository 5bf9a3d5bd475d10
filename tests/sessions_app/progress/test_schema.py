"""Every validation rule of data-model.md's ProcessingProgress, PhaseProgress, FileProgress and
ErrorContext: a valid snapshot passes, and each broken rule is refused with a clear reason."""

import copy
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from sessions_app.progress.schema import (
    ErrorContext,
    FileProgress,
    PhaseProgress,
    ProcessingProgress,
)

NOW = datetime(2025, 10, 8, 14, 25, 42, tzinfo=UTC)
CONTEXT = {"now": NOW, "stale_after_seconds": 300}

# data-model.md's example snapshot, verbatim.
EXAMPLE = {
    "overall_percentage": 45,
    "current_phase": "processing",
    "phases": {
        "upload": {
            "status": "completed",
            "percentage": 100,
            "completed_at": "2025-10-08T14:23:15Z",
        },
        "processing": {
            "status": "in_progress",
            "percentage": 35,
            "started_at": "2025-10-08T14:24:30Z",
            "total_files": 3,
            "current_file_index": 1,
            "current_file": {
                "name": "statement_002.pdf",
                "total_pages": 12,
                "current_page": 5,
                "regex_matches_found": 23,
                "started_at": "2025-10-08T14:24:30Z",
            },
        },
        "matching": {"status": "pending", "percentage": 0},
        "report_generation": {"status": "pending", "percentage": 0},
    },
    "last_update": "2025-10-08T14:25:42Z",
    "status_message": "Processing File 2 of 3: Page 5/12",
}

ERROR = {
    "type": "RegexExtractionError",
    "message": "Invalid regex pattern in transaction extraction",
    "context": {"phase": "processing", "file": "statement_002.pdf", "page": 5},
    "timestamp": "2025-10-08T14:27:00Z",
}


def example(**changes) -> dict:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data


def failed_example() -> dict:
    data = example(current_phase="failed", error=copy.deepcopy(ERROR))
    data["phases"]["processing"]["status"] = "failed"
    return data


def refuse(data: dict, reason: str, *, context: dict | None = None) -> None:
    with pytest.raises(ValidationError, match=reason):
        ProcessingProgress.model_validate(data, context=context)


def test_data_model_example_is_valid_and_round_trips():
    progress = ProcessingProgress.model_validate(EXAMPLE, context=CONTEXT)

    assert progress.phases["processing"].current_file.name == "statement_002.pdf"
    assert progress.to_json() == EXAMPLE


def test_file_percentage_is_derived_from_pages():
    current = ProcessingProgress.model_validate(EXAMPLE).phases["processing"].current_file

    assert current.percentage == pytest.approx(5 / 12 * 100)


@pytest.mark.parametrize("value", [-1, 101])
def test_overall_percentage_must_be_within_0_and_100(value):
    refuse(example(overall_percentage=value), "overall_percentage")


def test_current_phase_must_exist_in_phases():
    data = example(current_phase="matching")
    del data["phases"]["matching"]

    refuse(data, "current_phase 'matching' is not in phases")


def test_current_phase_must_be_a_known_phase():
    refuse(example(current_phase="parsing"), "current_phase")


def test_at_least_one_phase_is_required():
    refuse(example(phases={}), "phases")


def test_active_snapshot_must_be_recent_when_written():
    old = (NOW - timedelta(minutes=5, seconds=1)).isoformat()

    refuse(example(last_update=old), "older than 300 s", context=CONTEXT)


def test_active_snapshot_may_not_claim_to_be_from_the_future():
    future = (NOW + timedelta(minutes=5)).isoformat()

    refuse(example(last_update=future), "in the future", context=CONTEXT)


def test_old_snapshot_still_loads_for_reading_so_a_stalled_session_can_be_shown():
    old = (NOW - timedelta(hours=2)).isoformat()

    assert ProcessingProgress.model_validate(example(last_update=old)).last_update < NOW


def test_failed_snapshot_is_not_subject_to_recency():
    data = failed_example()
    data["last_update"] = (NOW - timedelta(hours=2)).isoformat()

    assert ProcessingProgress.model_validate(data, context=CONTEXT).error.context.page == 5


@pytest.mark.parametrize("value", [-1, 101])
def test_phase_percentage_must_be_within_0_and_100(value):
    data = example()
    data["phases"]["matching"]["percentage"] = value

    refuse(data, "percentage")


def test_phase_status_must_be_one_of_the_four():
    data = example()
    data["phases"]["matching"]["status"] = "paused"

    refuse(data, "status")


def test_completed_phase_must_be_at_100():
    data = example()
    data["phases"]["upload"]["percentage"] = 99

    refuse(data, "completed phase must be at 100%")


def test_phase_in_progress_must_have_started_at():
    data = example()
    del data["phases"]["processing"]["started_at"]

    refuse(data, "in progress must have started_at")


def test_phase_completed_at_must_not_be_before_started_at():
    data = example()
    data["phases"]["upload"]["started_at"] = "2025-10-08T14:23:16Z"

    refuse(data, "is before started_at")


def test_phase_specific_fields_belong_to_their_phase():
    data = example()
    data["phases"]["upload"]["matches_found"] = 3

    refuse(data, "phase 'upload' cannot carry matches_found")


def test_item_counts_belong_to_matching_and_the_report_and_stay_within_their_total():
    data = example()
    data["phases"]["matching"]["items_total"] = 40
    data["phases"]["matching"]["items_done"] = 12
    ProcessingProgress.model_validate(data)

    data["phases"]["matching"]["items_done"] = 41
    refuse(data, "must not exceed items_total")
    data = example()
    data["phases"]["processing"]["items_done"] = 3
    refuse(data, "phase 'processing' cannot carry items_done")


def test_current_file_index_must_be_inside_total_files():
    data = example()
    data["phases"]["processing"]["current_file_index"] = 3

    refuse(data, "outside 3 files")


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("current_page", 0, "current_page"),
        ("current_page", 13, "must not exceed total_pages"),
        ("total_pages", 0, "total_pages"),
        ("regex_matches_found", -1, "regex_matches_found"),
        ("completed_at", "2025-10-08T14:24:29Z", "is before started_at"),
        ("name", "", "name"),
    ],
)
def test_file_progress_rules(field, value, reason):
    data = example()
    data["phases"]["processing"]["current_file"][field] = value

    refuse(data, reason)


def test_file_started_at_is_required():
    data = example()
    del data["phases"]["processing"]["current_file"]["started_at"]

    refuse(data, "started_at")


def test_timestamps_must_carry_a_time_zone():
    refuse(example(last_update="2025-10-08T14:25:42"), "timezone")


def test_failed_snapshot_needs_an_error_naming_a_failed_phase():
    data = failed_example()
    assert ProcessingProgress.model_validate(data).error.type == "RegexExtractionError"

    del data["error"]
    refuse(data, "must carry an error")

    data = failed_example()
    data["phases"]["processing"]["status"] = "in_progress"
    refuse(data, "must be in phases with status 'failed'")


def test_only_failed_snapshots_carry_errors():
    refuse(example(error=copy.deepcopy(ERROR)), "only a failed snapshot")


def test_error_context_requires_a_phase_and_a_positive_page():
    ErrorContext.model_validate(ERROR)
    with pytest.raises(ValidationError, match="phase"):
        ErrorContext.model_validate({**ERROR, "context": {"file": "a.pdf"}})
    with pytest.raises(ValidationError, match="page"):
        ErrorContext.model_validate({**ERROR, "context": {"phase": "processing", "page": 0}})


def test_traceback_can_be_left_out_of_what_accountants_see():
    data = failed_example()
    data["error"]["traceback"] = "Traceback (most recent call last): ..."
    progress = ProcessingProgress.model_validate(data)

    assert "traceback" in progress.to_json()["error"]
    assert "traceback" not in progress.to_json(include_traceback=False)["error"]


def test_unknown_fields_are_refused():
    refuse(example(colour="blue"), "colour")


def test_standalone_models_enforce_their_rules():
    with pytest.raises(ValidationError):
        FileProgress(
            name="a.pdf", total_pages=3, current_page=4, regex_matches_found=0, started_at=NOW
        )
    with pytest.raises(ValidationError):
        PhaseProgress(status="completed", percentage=50)
