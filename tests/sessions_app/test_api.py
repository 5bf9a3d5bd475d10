"""GET /api/sessions/<id>/progress, exactly as PRODUCT.md fixes it."""

import pytest

from sessions_app.models import Session
from tests.builders.records import make_user
from tests.builders.runs import completed_session, failed_session, file_2_of_3_at_page_5

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def api(client, session):
    return client.get(f"/api/sessions/{session.pk}/progress")


def test_a_running_session_gives_the_cached_columns_and_the_data_model_snapshot(client, clock):
    session = file_2_of_3_at_page_5(clock)
    client.force_login(session.owner)

    response = api(client, session)

    body = response.json()
    assert response["Content-Type"] == "application/json"
    assert set(body) == {"id", "current_phase", "overall_percentage", "progress"}
    assert (body["id"], body["current_phase"]) == (str(session.pk), "processing")
    assert body["overall_percentage"] == 38.33
    progress = body["progress"]
    assert progress == Session.objects.get().progress.to_json(include_traceback=False)
    assert progress["overall_percentage"] == 38
    assert progress["status_message"] == "Processing File 2 of 3: Page 5/12"
    assert progress["last_update"] == "2026-03-02T09:00:17Z"  # 12 + 5 pages, a second each
    processing = progress["phases"]["processing"]
    assert (processing["status"], processing["total_files"], processing["current_file_index"]) == (
        "in_progress",
        3,
        1,
    )
    assert processing["current_file"]["name"] == "statement_002.pdf"
    assert processing["current_file"]["current_page"] == 5
    assert processing["current_file"]["regex_matches_found"] == 23
    assert progress["phases"]["matching"] == {"status": "pending", "percentage": 0}


def test_responses_are_revalidated_every_time_and_unchanged_ones_cost_a_304(
    client, clock, django_assert_max_num_queries
):
    session = file_2_of_3_at_page_5(clock)
    client.force_login(session.owner)

    first = api(client, session)
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]
    etag = first["ETag"]

    with django_assert_max_num_queries(3):  # the login session, the user, the Session row
        again = client.get(f"/api/sessions/{session.pk}/progress", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""

    tracker = claimed_tracker_again(session, clock)
    tracker.update_progress(page=6, regex_matches_found=25, pages_processed=18)
    tracker.flush()
    moved = client.get(f"/api/sessions/{session.pk}/progress", HTTP_IF_NONE_MATCH=etag)
    assert moved.status_code == 200 and moved["ETag"] != etag
    assert moved.json()["progress"]["phases"]["processing"]["current_file"]["current_page"] == 6


def claimed_tracker_again(session, clock):
    from processing.tracker import ProgressTracker
    from tests.builders.runs import WORKER

    session.refresh_from_db()
    return ProgressTracker(
        session_id=session.pk, clock=clock, worker=WORKER, snapshot=session.progress
    )


def test_the_traceback_is_for_administrators_only(client, clock):
    session = failed_session(clock)
    client.force_login(session.owner)

    error = api(client, session).json()["progress"]["error"]
    assert error["type"] == "RegexExtractionError"
    assert error["context"] == {"phase": "processing", "file": "statement_002.pdf", "page": 5}
    assert "traceback" not in error

    operator = make_user(staff=True)
    operator.is_superuser = False
    operator.save()
    client.force_login(operator)
    assert "traceback" not in api(client, session).json()["progress"]["error"]

    client.force_login(make_user(staff=True))  # a superuser
    admin_error = api(client, session).json()["progress"]["error"]
    assert admin_error["traceback"].startswith("Traceback (most recent call last)")


def test_a_completed_session_has_no_snapshot_and_is_at_100(client, clock):
    session = completed_session(clock)
    client.force_login(session.owner)

    assert api(client, session).json() == {
        "id": str(session.pk),
        "current_phase": "completed",
        "overall_percentage": 100.0,
        "progress": None,
    }


def test_only_the_owner_and_staff_can_read_it(client, clock):
    session = file_2_of_3_at_page_5(clock)

    assert api(client, session).status_code == 401
    assert api(client, session).json()["error"] == "not_authenticated"
    client.force_login(make_user())
    assert api(client, session).status_code == 404
    assert api(client, session).json()["error"] == "not_found"
    unknown = client.get("/api/sessions/00000000-0000-0000-0000-000000000000/progress")
    assert (unknown.status_code, unknown["Content-Type"]) == (404, "application/json")
    client.force_login(make_user(staff=True))
    assert api(client, session).status_code == 200
    assert client.get(f"/api/sessions/{session.pk}/progress/").status_code == 404


def test_it_is_read_only(client, clock):
    session = file_2_of_3_at_page_5(clock)
    client.force_login(session.owner)

    assert client.post(f"/api/sessions/{session.pk}/progress").status_code == 405
