"""The rate and time left on the progress page: estimated only from enough evidence, from the
cumulative average, and rounded so that it never jitters."""

from datetime import timedelta

import pytest

from sessions_app.progress.schema import PhaseProgress, ProcessingProgress
from sessions_app.progress.words import coarse_time_left, format_duration
from sessions_app.selectors.progress import pace
from tests.builders.records import make_session

pytestmark = pytest.mark.django_db


def snapshot(clock, *, started, pages_processed, total_pages=300):
    processing = PhaseProgress(
        status="in_progress",
        percentage=pages_processed * 100 // total_pages,
        started_at=started,
        total_pages=total_pages,
        pages_processed=pages_processed,
    )
    return ProcessingProgress(
        overall_percentage=10,
        current_phase="processing",
        phases={"processing": processing},
        last_update=clock(),
        status_message="Processing",
    )


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (20, "less than a minute"),
        (61, "about 2 min"),
        (9 * 60, "about 9 min"),
        (11 * 60, "about 15 min"),
        (59 * 60, "about 60 min"),
        (61 * 60, "about 1 h 15 min"),
        (2 * 3600, "about 2 h"),
    ],
)
def test_time_left_is_rounded_up_to_steps_a_person_can_read(seconds, shown):
    assert coarse_time_left(seconds) == shown


def test_durations_read_naturally():
    assert [format_duration(s) for s in (4, 185, 7620)] == ["4 s", "3 min 05 s", "2 h 07 min"]


def test_nothing_is_estimated_from_too_few_pages_or_seconds(clock):
    session = make_session(current_phase="processing")
    started = clock()

    clock.advance(60)
    few_pages = pace(session, snapshot(clock, started=started, pages_processed=9), now=clock())
    many_pages_quickly = pace(
        session,
        snapshot(clock, started=clock() - timedelta(seconds=5), pages_processed=50),
        now=clock(),
    )

    assert (few_pages.rate, few_pages.time_left) == (None, "estimating…")
    assert (many_pages_quickly.rate, many_pages_quickly.time_left) == (None, "estimating…")


def test_one_slow_page_does_not_make_the_time_left_jump(clock):
    session = make_session(current_phase="processing")
    started = clock()
    shown = []
    for page in range(1, 301):
        # Half a second a page, except page 120, a scanned image that takes 20 seconds.
        clock.advance(20 if page == 120 else 0.5)
        progress = snapshot(clock, started=started, pages_processed=page)
        estimate = pace(session, progress, now=clock())
        if estimate.time_left != "estimating…":
            shown.append(estimate.time_left)

    steps = ["about 3 min", "about 2 min", "less than a minute"]
    assert list(dict.fromkeys(shown)) == steps
    assert shown == sorted(shown, key=steps.index)  # never back up a step
