"""What the progress page and the rest of the site tell the accountant beyond the bars: a
cancel button, what the run found in each statement, screen-reader announcements, cheap polls,
exports, the favicon and the /sessions/ address."""

import csv
import io

import pytest
from django.urls import reverse

from processing import work_queue
from sessions_app.models import Session
from tests.builders.runs import (
    HTMX,
    completed_session,
    failed_session,
    file_2_of_3_at_page_5,
    page,
    text,
    uploaded_session,
)
from tests.sessions_app.matches import reviewable_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_sessions_is_the_list_and_the_favicon_is_served(client, owner, clock):
    uploaded_session(clock, owner=owner, name="Visa March")

    assert "Visa March" in text(client.get("/sessions/").content.decode())
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301 and icon["Location"].endswith("favicon.svg")
    assert 'rel="icon"' in client.get("/sessions/").content.decode()


def test_a_queued_session_is_cancelled_at_once(client, clock, owner):
    session = uploaded_session(clock, owner=owner)
    assert "Cancel this session" in text(page(client, session).content.decode())

    response = client.post(reverse("session_cancel", args=[session.pk]), follow=True)

    words = text(response.content.decode())
    assert "Cancelled. Nothing more will be read." in words
    assert "This session was cancelled" in words and "Start again" in words
    assert "Cancel this session" not in words
    assert Session.objects.get().current_phase == "failed"


def test_a_running_session_is_asked_to_stop_and_says_it_is_stopping(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    response = client.post(reverse("session_cancel", args=[session.pk]), follow=True)

    words = text(response.content.decode())
    assert "Stopping: the worker ends the run after the page it is on." in words
    assert "Stopping" in words and "asked to cancel this session" in words
    assert "Cancel this session" not in words
    assert Session.objects.get().cancel_requested_by == owner.username


def test_an_ended_session_cannot_be_cancelled(client, clock, owner):
    session = completed_session(clock, owner=owner)

    response = client.post(reverse("session_cancel", args=[session.pk]), follow=True)

    assert "nothing to cancel" in text(response.content.decode())


def test_a_completed_session_that_needs_attention_is_amber_with_its_reason(client, clock, owner):
    session = completed_session(clock, owner=owner)
    Session.objects.filter(pk=session.pk).update(
        needs_attention=True, attention_reason="statement_001.pdf yielded no transactions."
    )
    session.files.update(check_verdict="disagrees", check_message="3,200.00 of charges missing")

    html = page(client, session).content.decode()

    words = text(html)
    assert 'data-state="attention"' in html
    assert 'class="bar bar-large bar-attention" id="overall-bar"' in html
    assert "badge-attention" in html and "badge-completed" not in html
    assert "Needs attention before the report goes out." in words
    assert "statement_001.pdf yielded no transactions." in words
    assert "Disagrees 3,200.00 of charges missing" in words
    assert "Done, needs attention · March 2026 · Recon" in html


def test_the_totals_verdict_shows_beside_each_statement_while_it_runs(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)
    session.files.filter(position=0).update(check_verdict="agrees", check_message="ok")
    session.files.filter(position=1).update(check_verdict="unchecked", check_message="no totals")
    session.files.filter(position=2).update(
        check_verdict="partly", check_message="partly checked: 2 rows are under no printed total"
    )

    words = text(page(client, session).content.decode())

    assert "statement_001.pdf Card statement 12 30 Done Agrees" in words
    assert "Not checked no totals" in words
    assert "Partly checked partly checked: 2 rows are under no printed total" in words


def test_the_live_region_is_outside_the_polled_block_and_changes_only_with_news(
    client, clock, owner
):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    html = page(client, session).content.decode()
    region = html.index('id="announcer"')
    assert region < html.index('id="progress"')
    assert 'role="status" aria-live="polite"' in html[region - 80 : region + 120]
    assert 'data-announce="Processing: 25% done."' in html
    fragment = page(client, session, **HTMX).content.decode()
    assert 'id="announcer"' not in fragment and 'role="alert"' not in fragment
    assert 'aria-valuetext="38% overall · Processing"' in html
    assert 'aria-valuetext="page 5 of 12"' in html

    failed = failed_session(clock, owner=owner)
    assert (
        'data-announce="Failed. Stopped during processing."'
        in page(client, failed).content.decode()
    )


def test_an_unchanged_poll_is_a_304_from_one_query_and_news_renders_again(
    client, clock, owner, django_assert_max_num_queries
):
    session = file_2_of_3_at_page_5(clock, owner=owner)
    first = page(client, session, **HTMX)
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]

    with django_assert_max_num_queries(3):  # login session, user, Session row
        again = page(client, session, HTTP_IF_NONE_MATCH=etag, **HTMX)
    assert again.status_code == 304

    tracker = claimed_tracker_for(session, clock)
    tracker.update_progress(page=6, regex_matches_found=25, pages_processed=18)
    tracker.flush()
    assert page(client, session, HTTP_IF_NONE_MATCH=etag, **HTMX).status_code == 200

    clock.advance(40)  # no news: the state changes to quiet, so the answer changes
    quiet = page(client, session, **HTMX)
    assert quiet["ETag"] != etag and 'data-state="quiet"' in quiet.content.decode()


def claimed_tracker_for(session, clock):
    from processing.tracker import ProgressTracker
    from tests.builders.runs import WORKER

    session.refresh_from_db()
    return ProgressTracker(
        session_id=session.pk, clock=clock, worker=WORKER, snapshot=session.progress
    )


def test_exports_download_under_names_with_the_session_and_period(client, clock, owner):
    session = reviewable_session(clock, owner=owner)

    response = client.get(reverse("export_download", args=[session.pk, "xero"]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="march-2026-2026-03-10-to-2026-03-16-xero.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["*Date", "*Amount"]
    qbo = client.get(reverse("export_download", args=[session.pk, "quickbooks"]))
    assert qbo.content.decode().splitlines()[0] == "Date,Description,Amount"
    assert client.get(reverse("export_download", args=[session.pk, "ofx"])).status_code == 404
    html = page(client, session).content.decode()
    assert "QuickBooks CSV" in html and "Xero CSV" in html
    assert "Review the matches before the report goes out" in html


def test_the_list_and_the_page_agree_on_the_queue(client, clock, owner):
    uploaded_session(clock, owner=owner, name="First")
    clock.advance(1)
    second = uploaded_session(clock, owner=owner, name="Second")
    clock.advance(1)
    third = uploaded_session(clock, owner=owner, name="Third")
    work_queue.claim(session_id=second.pk, worker="w", clock=clock)  # taken out of the line

    words = text(client.get("/sessions/").content.decode())

    assert "Queued · 1st in line" in words and "Queued · 2nd in line" in words
    assert "Queued · 2nd in line" in text(page(client, third).content.decode())
