"""The rate and time left on the progress page: each phase at its own measured rate, the phases
to come as earlier runs measured them, estimated only from enough evidence, from cumulative
averages, and rounded so that it counts down without jumping about."""

import re
from datetime import timedelta
from itertools import pairwise

import pytest

from sessions_app.models import Session
from sessions_app.progress.schema import PhaseProgress, ProcessingProgress
from sessions_app.progress.timings import History, PhaseTiming, RunTimings
from sessions_app.progress.words import coarse_time_left, format_duration
from sessions_app.selectors import progress as selectors
from sessions_app.selectors.progress import pace
from tests.builders.records import make_session

pytestmark = pytest.mark.django_db


def snapshot(clock, *, started, pages_processed, total_pages=300):
    """Reading: `pages_processed` of `total_pages` read since `started`."""
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


def after_reading(clock, name, *, started, items_done, items_total, total_pages=300):
    """Phase `name` (matching or report_generation) since `started`, `items_done` of
    `items_total` done, the `total_pages` read before it (and matching done, for the report)."""
    done = {
        "status": "completed",
        "percentage": 100,
        "started_at": started,
        "completed_at": started,
    }
    read = {"total_pages": total_pages, "pages_processed": total_pages}
    phases = {"processing": PhaseProgress(**done, **read)}
    if name == "report_generation":
        phases["matching"] = PhaseProgress(**done)
    phases[name] = PhaseProgress(
        status="in_progress",
        percentage=items_done * 100 // max(items_total, 1),
        started_at=started,
        items_done=items_done,
        items_total=items_total,
    )
    return ProcessingProgress(
        overall_percentage=80,
        current_phase=name,
        phases=phases,
        last_update=clock(),
        status_message="Working",
    )


def history(*, matching: float, report: float, pages: int = 1000) -> History:
    """One earlier run of `pages` pages whose matching and report took these seconds."""
    return History.of(
        [
            RunTimings(
                pages=pages,
                phases={
                    "matching": PhaseTiming(seconds=matching, units=pages * 10),
                    "report_generation": PhaseTiming(seconds=report, units=pages * 25),
                },
            )
        ]
    )


def minutes(shown: str) -> int:
    if shown == "less than a minute":
        return 0
    hours, mins = re.fullmatch(r"about (?:(\d+) h)? ?(?:(\d+) min)?", shown).groups()
    return int(hours or 0) * 60 + int(mins or 0)


# Every figure coarse_time_left can show, in order: one step is one place along this ladder.
LADDER = sorted({minutes(coarse_time_left(seconds)) for seconds in range(0, 5 * 3600, 5)})


def steps_up(shown: list[str]) -> list[int]:
    """How many steps of the ladder the figure went up from each poll to the next."""
    return [
        LADDER.index(minutes(after)) - LADDER.index(minutes(before))
        for before, after in pairwise(shown)
        if minutes(after) > minutes(before)
    ]


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
    # Matching and the report took earlier runs 0.06 s a page: 18 s for these 300 pages.
    earlier = history(matching=10, report=50)
    shown = []
    for page in range(1, 301):
        # Half a second a page, except page 120, a scanned image that takes 20 seconds.
        clock.advance(20 if page == 120 else 0.5)
        progress = snapshot(clock, started=started, pages_processed=page)
        estimate = pace(session, progress, now=clock(), history=earlier)
        if estimate.time_left != "estimating…":
            shown.append(estimate.time_left)

    steps = ["about 3 min", "about 2 min", "less than a minute"]
    assert list(dict.fromkeys(shown)) == steps
    # The 20-second page lowers the average (137 s left rather than 108 s): one step back up
    # at most, once, and only then; otherwise it only counts down.
    assert steps_up(shown) in ([], [1])
    # The last page read leaves matching and the report: under a minute, not nothing.
    assert shown[-1] == "less than a minute"


def test_time_left_while_reading_includes_matching_and_the_report(clock):
    session = make_session(current_phase="processing")
    started = clock()
    clock.advance(30)
    progress = snapshot(clock, started=started, pages_processed=60)

    estimate = pace(session, progress, now=clock(), history=history(matching=60, report=240))

    # 240 pages left at 2 pages/s: 120 s; then 0.06 and 0.24 s a page for 300 pages: 90 s.
    assert estimate.time_left == "about 4 min"
    assert estimate.time_left_basis == (
        "From this run's reading speed so far (2.0 pages/s), then the pace of the last 1 "
        "completed run for matching and the report"
    )


def test_matching_and_the_report_count_down_from_their_own_rate(clock):
    session = make_session(current_phase="matching")
    # Earlier runs matched 300 pages in 18 s; this run has 2,000 charges at 20 a second.
    earlier = history(matching=60, report=240)
    started = clock()
    shown = []
    for seconds in (20, 40, 60, 80, 100):
        clock.advance(20)
        progress = after_reading(
            clock, "matching", started=started, items_done=20 * seconds, items_total=2000
        )
        shown.append(pace(session, progress, now=clock(), history=earlier).time_left)

    # Its own 20 charges/s, then the report as earlier runs wrote it (0.24 s a page: 72 s).
    assert shown == ["about 3 min", "about 3 min", "about 2 min", "about 2 min", "about 2 min"]
    assert pace(session, progress, now=clock(), history=earlier).time_left_basis == (
        "From this run's matching speed so far (20 charges/s), then the pace of the last 1 "
        "completed run for the report"
    )

    session = make_session(current_phase="report_generation")
    started = clock()
    shown = []
    for seconds in (20, 100, 170):
        clock.advance(seconds - (clock() - started).total_seconds())
        progress = after_reading(
            clock,
            "report_generation",
            started=started,
            items_done=50 * seconds,
            items_total=9000,
        )
        estimate = pace(session, progress, now=clock(), history=earlier)
        shown.append(estimate.time_left)

    # 9,000 records at 50 a second, whatever earlier runs took.
    assert shown == ["about 3 min", "about 2 min", "less than a minute"]
    assert estimate.time_left_basis == "From this run's writing speed so far (50 records/s)"


def test_until_its_own_rate_can_be_trusted_a_phase_counts_down_from_what_earlier_runs_took(
    clock,
):
    earlier = history(matching=170, report=50)  # 51 s and 15 s for 300 pages
    reading = make_session(current_phase="processing")
    started = clock()
    clock.advance(150)
    read = pace(
        reading, snapshot(clock, started=started, pages_processed=300), now=clock(), history=earlier
    )
    matching = make_session(current_phase="matching")
    started = clock()
    shown = []
    for _ in range(4):
        progress = after_reading(clock, "matching", started=started, items_done=5, items_total=20)
        estimate = pace(matching, progress, now=clock(), history=earlier)
        shown.append((estimate.time_left, estimate.time_left_basis))
        clock.advance(4)

    # Nothing left to read: 66 s of matching and report; the hand-over does not move it, and
    # with too few charges in too few seconds to trust a rate, matching counts down from 51 s.
    assert read.time_left == "about 2 min"
    assert [time_left for time_left, _ in shown] == [
        "about 2 min",
        "about 2 min",
        "less than a minute",
        "less than a minute",
    ]
    assert shown[0][1] == "From the pace of the last 1 completed run for matching and the report"


def test_a_fresh_installation_expects_matching_and_the_report_from_stated_defaults(clock):
    assert not Session.objects.timed().exists()
    reading = make_session(current_phase="processing")
    started = clock()
    clock.advance(30)
    read = pace(reading, snapshot(clock, started=started, pages_processed=60), now=clock())
    matching = make_session(current_phase="matching")
    started = clock()
    progress = after_reading(clock, "matching", started=started, items_done=0, items_total=900)
    match = pace(matching, progress, now=clock())

    # 120 s of reading, then the stated defaults, 0.01 + 0.05 s a page for 300 pages: 18 s.
    assert read.time_left == "about 3 min"
    assert read.time_left_basis == (
        "From this run's reading speed so far (2.0 pages/s), then a first guess for matching "
        "and the report, as no run has completed here to measure it"
    )
    assert match.time_left == "less than a minute"
    assert match.time_left_basis == (
        "From a first guess for matching and the report, as no run has completed here to measure it"
    )


def simulated_run(clock, *, page_seconds, earlier) -> list[str]:
    """The time left a poller sees at every write of a run of len(page_seconds) pages, then
    2,000 charges matched at 100 a second and 6,000 records written at 200 a second, with
    writes every 2.5 s as the tracker makes them."""
    shown = []
    pages = len(page_seconds)
    session = make_session(current_phase="processing")
    started = clock()
    since_write = 0.0
    for page, seconds in enumerate(page_seconds, start=1):
        clock.advance(seconds)
        since_write += seconds
        if since_write >= 2.5 or page == pages:
            since_write = 0.0
            progress = snapshot(clock, started=started, pages_processed=page, total_pages=pages)
            shown.append(pace(session, progress, now=clock(), history=earlier).time_left)
    for name, total, rate in (("matching", 2000, 100), ("report_generation", 6000, 200)):
        session = make_session(current_phase=name)
        started = clock()
        for tick in range(int(total / rate / 2.5) + 1):
            done = min(int(tick * 2.5 * rate), total)
            progress = after_reading(
                clock, name, started=started, items_done=done, items_total=total, total_pages=pages
            )
            shown.append(pace(session, progress, now=clock(), history=earlier).time_left)
            clock.advance(2.5)
    return [time_left for time_left in shown if time_left != "estimating…"]


@pytest.mark.parametrize(
    ("page_seconds", "first"),
    [
        ([0.6] * 300, "about 4 min"),  # 3 min of reading, then 50 s of matching and report
        # Two kinds of page in turn (a text page, then a dense one three times as slow).
        ([0.3, 0.9] * 150, "about 4 min"),
        # A file of quick pages, then one of slow ones: first too hopeful, never back up.
        ([0.3] * 150 + [0.9] * 150, "about 3 min"),
    ],
    ids=["even pages", "alternating sizes", "slower second file"],
)
def test_the_time_left_only_counts_down_through_every_phase(clock, page_seconds, first):
    # The installation ran this kind of session before: 20 s of matching, 30 s of report.
    earlier = history(matching=20, report=30, pages=len(page_seconds))

    shown = simulated_run(clock, page_seconds=page_seconds, earlier=earlier)

    assert shown[0] == first
    assert shown[-1] == "less than a minute"
    # Polled at every write, from reading through matching to the report: never up a step.
    assert steps_up(shown) == [], shown


def test_earlier_runs_are_read_in_one_query_pooled_and_only_when_needed(
    clock, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(selectors, "HISTORY_RUNS", 2)
    runs = [
        # The oldest is beyond the last two runs, and would make it hours.
        (RunTimings(pages=10, phases={"matching": PhaseTiming(seconds=9000, units=1)}), 3),
        # A big run and a small one: pooled, the small one's fixed costs barely count.
        (history_run(pages=1000, matching=60, report=240), 2),
        (history_run(pages=2, matching=1, report=2), 1),
    ]
    for timings, days_ago in runs:
        make_session(
            current_phase="completed",
            finished_at=clock() - timedelta(days=days_ago),
            phase_timings=timings.model_dump(mode="json"),
        )
    make_session(current_phase="processing")  # not completed: nothing timed
    reading = make_session(current_phase="processing")
    started = clock()
    clock.advance(30)
    progress = snapshot(clock, started=started, pages_processed=60)

    with django_assert_num_queries(1):
        estimate = pace(reading, progress, now=clock())

    # 120 s of reading, then (61 + 242) s over 1,002 pages, for 300 pages: 91 s.
    assert estimate.time_left == "about 4 min"
    assert "the pace of the last 2 completed runs" in estimate.time_left_basis
    writing = make_session(current_phase="report_generation")
    started = clock()
    clock.advance(20)
    progress = after_reading(
        clock, "report_generation", started=started, items_done=400, items_total=900
    )
    with django_assert_num_queries(0):  # its own rate, and nothing after it
        assert pace(writing, progress, now=clock()).time_left == "less than a minute"
    queued = make_session(current_phase="processing", queued_at=clock())
    with django_assert_num_queries(0):
        assert pace(queued, progress, now=clock()).time_left is None


def history_run(*, pages: int, matching: float, report: float) -> RunTimings:
    return RunTimings(
        pages=pages,
        phases={
            "processing": PhaseTiming(seconds=pages * 0.5, units=pages),
            "matching": PhaseTiming(seconds=matching, units=pages * 10),
            "report_generation": PhaseTiming(seconds=report, units=pages * 25),
        },
    )
