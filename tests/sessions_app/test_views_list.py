"""The session list: state, a bar from the cached column, last update, and rows that refresh
themselves while any session is still running."""

import pytest
from django.urls import reverse

from sessions_app.models import Session
from tests.builders.runs import (
    HTMX,
    bars,
    completed_session,
    failed_session,
    file_2_of_3_at_page_5,
    text,
    uploaded_session,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_each_session_shows_its_state_progress_and_last_update(client, clock, owner):
    file_2_of_3_at_page_5(clock, owner=owner, name="Amex March")
    uploaded_session(clock, owner=owner, name="Visa March")
    failed_session(clock, owner=owner, name="Visa February")
    completed_session(clock, owner=owner, name="Amex February")
    clock.advance(90)

    html = client.get(reverse("session_list")).content.decode()

    assert bars(html) == {
        "Progress of Amex March": 38,
        "Progress of Visa March": 10,
        "Progress of Visa February": 36,
        "Progress of Amex February": 100,
    }
    words = text(html)
    # Name, status, started (in the accountant's zone), files, state, progress, outcome, update.
    assert (
        "Amex March Processing File 2 of 3: Page 5/12 2 Mar 2026, 09:00 UTC 3 "
        "Processing · no news 38% – 1 minute ago" in words
    )
    assert (
        "Visa March Upload complete: waiting for a worker 2 Mar 2026, 09:00 UTC 3 "
        "Queued · 1st in line 10%" in words
    )
    assert "Visa February Failed during processing (statement_002.pdf, page 5)" in words
    assert "Amex February 2 Mar 2026, 09:00 UTC 1 Completed 100% 0 of 0 charges matched" in words


def test_rows_poll_while_a_session_is_running_and_stop_when_none_is(client, clock, owner):
    session = file_2_of_3_at_page_5(clock, owner=owner)

    polling = client.get(reverse("session_list"), **HTMX)
    assert polling.status_code == 200
    assert polling.content.decode().lstrip().startswith('<tbody id="session-rows"')
    assert 'hx-trigger="every 2s' in polling.content.decode()

    session.delete()
    completed_session(clock, owner=owner)
    finished = client.get(reverse("session_list"), **HTMX)
    assert finished.status_code == 286
    assert "hx-trigger" not in finished.content.decode()


def test_a_completed_session_that_needs_attention_is_amber_with_its_reason(client, clock, owner):
    session = completed_session(clock, owner=owner, name="Amex February")
    Session.objects.filter(pk=session.pk).update(
        needs_attention=True, attention_reason="statement_001.pdf: charges 3,200.00 short"
    )

    html = client.get("/sessions/").content.decode()

    assert '<tr data-state="attention">' in html
    assert "badge-attention" in html and "badge-completed" not in html
    assert "Needs attention" in text(html)
    assert "statement_001.pdf: charges 3,200.00 short" in text(html)


def test_times_are_shown_in_the_zone_the_browser_reports(client, clock, owner):
    completed_session(clock, owner=owner)
    client.cookies["recon_tz"] = "Asia/Kolkata"

    assert "2 Mar 2026, 14:30 IST" in text(client.get("/sessions/").content.decode())

    client.cookies["recon_tz"] = "Not/AZone"
    assert "2 Mar 2026, 09:00 UTC" in text(client.get("/sessions/").content.decode())


def test_no_sessions_yet_invites_the_first_one(client, owner):
    words = text(client.get(reverse("session_list")).content.decode())

    assert "No sessions yet" in words and "Start a session" in words
