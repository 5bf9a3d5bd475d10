"""The operator's session admin: phase and stalled filters, the levers, and what is shown."""

import html
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from processing import work_queue
from processing.tracker import ProgressTracker
from processing.upload import create_session
from sessions_app.admin import SessionAdmin
from sessions_app.models import Session, UploadedFile
from tests.builders.pdfs import incoming, make_pdf
from tests.builders.records import make_session, make_user
from tests.clock import FakeClock

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:sessions_app_session_changelist")
TWO_PAGES = make_pdf(["a"], ["b"])
ONE_PAGE = make_pdf(["c"])
HOUR = timedelta(hours=1)
TRACEBACK = "Traceback (most recent call last):\n  File extract.py, line 42, in read_page_secret"


def change_url(session: Session) -> str:
    return reverse("admin:sessions_app_session_change", args=[session.pk])


def running(name: str, *, silent_minutes: float = 0, owner=None) -> Session:
    """A session a worker is reading (file 2 of 2), last heard from `silent_minutes` ago."""
    clock = FakeClock(timezone.now() - timedelta(minutes=silent_minutes))
    session = create_session(
        owner=owner or make_user(),
        name=name,
        statements=[incoming("s1.pdf", TWO_PAGES), incoming("s2.pdf", ONE_PAGE)],
        clock=clock,
    )
    assert work_queue.claim(session_id=session.pk, worker="w1", clock=clock)
    tracker = ProgressTracker(
        session_id=session.pk, clock=clock, worker="w1", snapshot=session.progress
    )
    tracker.start_phase("processing", total_files=2, total_pages=3)
    tracker.start_file(index=1, name="s2.pdf", total_pages=1)
    return Session.objects.get(pk=session.pk)


def failed(name: str) -> Session:
    """A session whose run failed reading page 1 of s2.pdf, with a stored traceback."""
    session = running(name)
    ProgressTracker(session_id=session.pk, worker="w1", snapshot=session.progress).fail(
        error_type="RegexExtractionError",
        message="Invalid regex pattern in transaction extraction",
        file="s2.pdf",
        page=1,
        traceback=TRACEBACK,
    )
    return Session.objects.get(pk=session.pk)


def rows(response) -> list[str]:
    return [session.name for session in response.context["cl"].result_list]


def act(client, action: str, *sessions: Session):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [str(s.pk) for s in sessions], "index": "0"},
        follow=True,
    )


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def logged(session: Session) -> list[str]:
    entries = LogEntry.objects.filter(object_id=str(session.pk), action_flag=CHANGE)
    return [entry.change_message for entry in entries]


def unchanged(session: Session) -> bool:
    fresh = Session.objects.get(pk=session.pk)
    return (fresh.current_phase, fresh.progress_version, fresh.claimed_by, fresh.queued_at) == (
        session.current_phase,
        session.progress_version,
        session.claimed_by,
        session.queued_at,
    )


def staff_without_superuser():
    user = make_user()
    user.is_staff, user.is_superuser = True, False
    user.save()
    codenames = ["view_session", "change_session", "view_uploadedfile"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def add_files(sessions: list[Session], per_session: int) -> None:
    UploadedFile.objects.bulk_create(
        UploadedFile(
            session=session,
            kind="statement",
            position=position,
            original_name=f"statement-{position}.pdf",
            file=f"sessions/{session.pk}/uploads/{position}.pdf",
            size_bytes=1000,
            sha256="0" * 64,
        )
        for session in sessions
        for position in range(per_session)
    )


# -- the changelist ---------------------------------------------------------------------------


def test_phase_filter_lists_exactly_the_sessions_in_that_phase(admin_client):
    for name, phase in [
        ("Uploading", "upload"),
        ("Reading A", "processing"),
        ("Reading B", "processing"),
        ("Matching", "matching"),
        ("Broken", "failed"),
        ("Done", "completed"),
        ("New", None),
    ]:
        make_session(name=name, current_phase=phase)

    response = admin_client.get(CHANGELIST, {"current_phase__exact": "processing"})

    assert sorted(rows(response)) == ["Reading A", "Reading B"]
    assert "Broken" not in response.text


def test_stalled_filter_finds_silent_active_sessions_but_not_queued_or_fresh_ones(admin_client):
    long_ago = timezone.now() - timedelta(minutes=10)
    make_session(
        name="Silent", current_phase="processing", claimed_by="w1", progress_updated_at=long_ago
    )
    make_session(
        name="Queued long ago",
        current_phase="processing",
        queued_at=long_ago,
        progress_updated_at=long_ago,
    )
    make_session(
        name="Fresh",
        current_phase="matching",
        claimed_by="w2",
        progress_updated_at=timezone.now() - timedelta(minutes=1),
    )
    make_session(name="Failed long ago", current_phase="failed", progress_updated_at=long_ago)

    response = admin_client.get(CHANGELIST, {"stalled": "yes"})
    everything = admin_client.get(CHANGELIST)

    assert rows(response) == ["Silent"]
    assert everything.text.count('class="recon-stalled"') == 1


def test_rows_show_phase_progress_bar_file_count_and_last_update(admin_client):
    session = running("March")
    Session.objects.filter(pk=session.pk).update(overall_percentage=Decimal("45.50"))

    page = admin_client.get(CHANGELIST).text

    assert '<progress max="100" value="45.50" aria-valuenow="45.50"' in page
    assert "45%" in page
    assert '<td class="field-file_count">2</td>' in page
    assert "recon-phase-processing" in page and ">Processing<" in page
    assert ">just now</time>" in page


def test_search_finds_sessions_by_owner_email_and_name(admin_client):
    alice = make_user("alice")
    alice.email = "alice@example.com"
    alice.save()
    make_session(alice, name="Alice's March")
    make_session(make_user("bob"), name="Bob's March")

    assert rows(admin_client.get(CHANGELIST, {"q": "alice@example"})) == ["Alice's March"]
    assert rows(admin_client.get(CHANGELIST, {"q": "bob"})) == ["Bob's March"]


def test_newest_sessions_come_first(admin_client):
    now = timezone.now()
    make_session(name="January", created_at=now - timedelta(days=60))
    make_session(name="March", created_at=now)
    make_session(name="February", created_at=now - timedelta(days=30))

    assert rows(admin_client.get(CHANGELIST)) == ["March", "February", "January"]


def test_changelist_query_count_does_not_grow_with_the_number_of_sessions(admin_client):
    def add_sessions(count: int) -> None:
        start = Session.objects.count()
        User = get_user_model()
        owners = User.objects.bulk_create(User(username=f"owner-{start + i}") for i in range(count))
        sessions = Session.objects.bulk_create(
            Session(owner=owner, name=f"S{i}", current_phase="processing", claimed_by="w")
            for i, owner in enumerate(owners)
        )
        add_files(sessions, per_session=2)

    def queries_for_changelist(expected_rows: int) -> int:
        with CaptureQueriesContext(connection) as context:
            response = admin_client.get(CHANGELIST)
        assert len(response.context["cl"].result_list) == expected_rows
        assert response.text.count('<td class="field-file_count">2</td>') == expected_rows
        # The list shows cached columns; the JSON snapshot is not even loaded.
        assert not any("processing_progress" in q["sql"] for q in context.captured_queries)
        return len(context.captured_queries)

    add_sessions(10)
    with_10 = queries_for_changelist(10)
    add_sessions(190)
    with_200 = queries_for_changelist(SessionAdmin.list_per_page)

    assert with_200 == with_10


# -- the change page --------------------------------------------------------------------------


def test_change_page_pretty_prints_the_snapshot_and_lists_files_read_only(admin_client):
    session = running("March")

    page = admin_client.get(change_url(session)).text
    text = html.unescape(page)

    assert '<pre class="recon-pre">{\n  "overall_percentage": ' in text
    assert '\n  "current_phase": "processing",' in text
    assert "s1.pdf" in page and "s2.pdf" in page
    assert 'name="files-0-original_name"' not in page
    assert 'name="files-MAX_NUM_FORMS" value="0"' in page and "files-0-DELETE" not in page


def test_superuser_sees_the_error_in_context_and_the_traceback(admin_client):
    session = failed("March")

    page = html.unescape(admin_client.get(change_url(session)).text)

    for shown in ["RegexExtractionError", "Invalid regex pattern", "processing", "s2.pdf"]:
        assert shown in page
    assert "<dt>Page</dt><dd>1</dd>" in page
    assert "in read_page_secret" in page


def test_staff_who_are_not_superusers_see_the_error_but_never_the_traceback(client):
    session = failed("March")
    client.force_login(staff_without_superuser())

    response = client.get(change_url(session))

    assert response.status_code == 200
    assert "RegexExtractionError" in response.text and "s2.pdf" in response.text
    assert "read_page_secret" not in response.text
    assert "Traceback" not in response.text


def test_an_unreadable_snapshot_is_shown_as_stored_without_its_traceback(client):
    session = make_session(
        name="Odd",
        current_phase="failed",
        processing_progress={"written_by": "an old release", "error": {"traceback": "secret!"}},
    )
    client.force_login(staff_without_superuser())

    response = client.get(change_url(session))

    assert response.status_code == 200
    assert "an old release" in html.unescape(response.text)
    assert "secret!" not in response.text


def test_progress_and_queue_columns_cannot_be_changed_from_the_admin(admin_client):
    session = running("March")
    snapshot = session.processing_progress

    response = admin_client.post(
        change_url(session),
        {
            "name": "March (corrected)",
            "owner": session.owner_id,
            "current_phase": "completed",
            "overall_percentage": "100",
            "processing_progress": "{}",
            "claimed_by": "",
            "files-TOTAL_FORMS": "2",
            "files-INITIAL_FORMS": "2",
        },
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.name == "March (corrected)"
    assert (session.current_phase, session.claimed_by) == ("processing", "w1")
    assert session.processing_progress == snapshot


def test_an_admin_edit_keeps_progress_a_worker_wrote_meanwhile(admin_client, monkeypatch):
    session = running("March")
    read = SessionAdmin.get_object

    def read_then_worker_writes(self, request, object_id, from_field=None):
        obj = read(self, request, object_id, from_field)
        Session.objects.filter(pk=session.pk).update(
            overall_percentage=Decimal("61.00"), progress_version=F("progress_version") + 1
        )
        return obj

    monkeypatch.setattr(SessionAdmin, "get_object", read_then_worker_writes)
    admin_client.post(
        change_url(session),
        {
            "name": "Renamed",
            "owner": session.owner_id,
            "files-TOTAL_FORMS": "2",
            "files-INITIAL_FORMS": "2",
        },
    )

    session.refresh_from_db()
    assert session.name == "Renamed"
    assert session.overall_percentage == Decimal("61.00")


def test_sessions_are_not_added_from_the_admin(admin_client):
    assert admin_client.get(reverse("admin:sessions_app_session_add")).status_code == 403
    assert reverse("admin:sessions_app_session_add") not in admin_client.get(CHANGELIST).text


# -- the actions ------------------------------------------------------------------------------


def test_retry_starts_a_new_run_of_a_failed_session_and_refuses_others(admin_client):
    broken = failed("Broken")
    busy = running("Busy")

    response = act(admin_client, "retry_failed", broken, busy)

    broken.refresh_from_db()
    assert broken.current_phase == "upload" and broken.is_queued
    assert broken.progress.error is None
    assert logged(broken) == ["Retried: a new run was queued."]
    assert unchanged(busy) and logged(busy) == []
    assert "“Busy” has not failed, so there is nothing to retry." in shown_messages(response)
    assert "Retried 1 session." in shown_messages(response)


def test_requeue_hands_a_stalled_session_back_to_the_queue_and_refuses_a_fresh_one(admin_client):
    stalled = running("Stalled", silent_minutes=10)
    fresh = running("Fresh")

    response = act(admin_client, "requeue_stalled", stalled, fresh)

    stalled.refresh_from_db()
    assert stalled.current_phase == "processing" and stalled.is_queued
    assert stalled.claimed_by is None and not stalled.is_stalled()
    assert logged(stalled) == ["Requeued after its worker stalled."]
    assert unchanged(fresh) and logged(fresh) == []
    assert any("“Fresh” is not stalled" in message for message in shown_messages(response))


def test_mark_failed_ends_a_stalled_session_saying_where_it_stopped(admin_client):
    stalled = running("Stalled", silent_minutes=10)
    fresh = running("Fresh")

    response = act(admin_client, "mark_stalled_failed", stalled, fresh)

    stalled.refresh_from_db()
    error = stalled.progress.error
    assert stalled.current_phase == "failed"
    assert (error.type, error.context.file, error.context.page) == ("WorkerStopped", "s2.pdf", 1)
    assert logged(stalled) == ["Marked failed after its worker stalled."]
    assert unchanged(fresh) and logged(fresh) == []
    assert any("“Fresh” is not stalled" in message for message in shown_messages(response))


def test_actions_also_work_from_a_sessions_own_page(admin_client):
    stalled = running("Stalled", silent_minutes=10)

    page = admin_client.get(change_url(stalled)).text
    admin_client.post(
        change_url(stalled),
        {"CHANGE_FORM-action": "requeue_stalled", "_selected_action": str(stalled.pk)},
    )

    assert 'value="requeue_stalled"' in page
    stalled.refresh_from_db()
    assert stalled.is_queued and logged(stalled) == ["Requeued after its worker stalled."]


# -- PostgreSQL: the phase filter uses the partial index --------------------------------------


def phase_of(i: int) -> str | None:
    """A busy history: about 3 % being read, spread over time, the rest finished (or not
    started, which the partial index leaves out)."""
    if i % 33 == 0:
        return "processing"
    if i % 50 == 1:
        return "failed"
    return None if i % 100 == 2 else "completed"


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.postgres
def test_phase_filter_uses_the_partial_index_on_postgresql(admin_client):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN of idx_sessions_current_phase needs PostgreSQL")
    owner = make_user()
    now = timezone.now()
    Session.objects.bulk_create(
        Session(owner=owner, name=f"S{i}", current_phase=phase_of(i), created_at=now - i * HOUR)
        for i in range(5000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sessions")

    with CaptureQueriesContext(connection) as context:
        response = admin_client.get(CHANGELIST, {"current_phase__exact": "processing"})

    assert response.context["cl"].result_count == 152
    assert len(rows(response)) == SessionAdmin.list_per_page
    # The page of rows (ORDER BY created_at DESC ... LIMIT 100) and the filtered count.
    ours = [q["sql"] for q in context.captured_queries if 'FROM "sessions"' in q["sql"]]
    page = next(sql for sql in ours if "LIMIT" in sql)
    count = next(sql for sql in ours if "COUNT(*)" in sql and "current_phase" in sql)
    for sql in [page, count]:
        plan = explain(sql)
        print(f"EXPLAIN {sql}\n{plan}")
        assert "idx_sessions_current_phase" in plan, plan
