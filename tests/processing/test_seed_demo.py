"""The demo: a login, a sample long enough to watch every phase, one session queued; safe to
run again."""

import pytest
from django.core.management import call_command

from sessions_app.models import Session

pytestmark = pytest.mark.django_db


def test_the_demo_is_long_enough_to_watch_and_safe_to_run_again(tmp_path):
    call_command("seed_demo", out=tmp_path, stdout=None)
    call_command("seed_demo", out=tmp_path, stdout=None)

    session = Session.objects.get()
    assert session.owner.username == "demo" and session.is_queued
    pages = sum(session.files.values_list("page_count", flat=True))
    # A few hundred pages: over a minute at the demo pace of 0.15 s a page.
    assert pages >= 400 and pages * 0.15 >= 60
    assert session.files.filter(kind="statement").count() == 3
