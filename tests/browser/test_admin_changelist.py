"""An operator logs in to the admin and filters the sessions to those being read."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from sessions_app.models import UploadedFile
from tests.builders.records import make_session, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def make_files(session, count: int) -> None:
    UploadedFile.objects.bulk_create(
        UploadedFile(
            session=session,
            kind="statement" if position < 2 else "receipt",
            position=position,
            original_name=f"file-{position}.pdf",
            file=f"sessions/{session.pk}/uploads/{position}.pdf",
            size_bytes=1000,
            sha256="0" * 64,
        )
        for position in range(count)
    )


def test_operator_filters_the_changelist_by_phase(live_server, page, artifacts):
    now = timezone.now()
    operator = make_user("operator", staff=True)
    owners = [make_user(name) for name in ("alice", "bob", "carol")]
    reading = [
        ("March 2026 — Sales", owners[0], "62.40", now - timedelta(seconds=20), 5),
        ("March 2026 — Field team", owners[1], "18.00", now - timedelta(minutes=12), 3),
        ("February 2026 — Board", owners[2], "7.50", now - timedelta(seconds=4), 2),
    ]
    for index, (name, owner, percentage, updated, files) in enumerate(reading):
        session = make_session(
            owner,
            name=name,
            current_phase="processing",
            overall_percentage=Decimal(percentage),
            progress_updated_at=updated,
            claimed_by=f"worker-{index}",
            created_at=now - timedelta(hours=index),
        )
        make_files(session, files)
    make_session(owners[0], name="January 2026", current_phase="completed")
    make_session(owners[1], name="December 2025", current_phase="failed")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("input[name=username]", operator.username)
    page.fill("input[name=password]", "pw-recon-123")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/sessions_app/session/?current_phase__exact=processing")

    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 3
    assert page.locator("#result_list").inner_text().count("January 2026") == 0
    bars = page.locator("#result_list progress")
    assert [bars.nth(i).get_attribute("aria-valuenow") for i in range(3)] == [
        "62.40",
        "18.00",
        "7.50",
    ]
    stalled_rows = rows.filter(has=page.locator(".recon-stalled"))
    assert stalled_rows.count() == 1
    assert "Field team" in stalled_rows.inner_text()
    assert page.locator("#changelist-filter li.selected", has_text="Processing").count() == 1
    page.screenshot(path=artifacts / "admin-changelist-processing.png", full_page=True)
