"""How long each phase of a finished run took, kept on the session when the run completes (the
snapshot, and with it each phase's start and end, is cleared then), and what the installation's
recent runs measured, from which the progress page expects the phases a run has still to come.

The phases still to come are expected per page of the run: the page count is the one count
known from the start (the transactions are found as the pages are read), so the expectation
stays put while the run goes on instead of growing with every row found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sessions_app.progress.phases import Phase
from sessions_app.progress.schema import PhaseProgress

TimedPhase = Literal["processing", "matching", "report_generation"]

# What matching and the report are expected to take, in seconds per page of the run, before any
# run has finished here to measure it. A statement page carries about 25 transactions
# (bench/processing.py: 12,297 on 500 pages); matching settles a charge in well under a
# millisecond with its reads and writes, and the report writes about two records a transaction
# (workbook and CSV) at a few thousand records a second. Generous on purpose: the first run
# replaces them with what it measures.
DEFAULT_SECONDS_PER_PAGE: dict[str, float] = {
    Phase.MATCHING: 0.01,
    Phase.REPORT_GENERATION: 0.05,
}


class PhaseTiming(BaseModel):
    """One phase of one run: its seconds from start to end and the units it did meanwhile
    (pages read, charges matched, records written)."""

    model_config = ConfigDict(extra="forbid")

    seconds: float = Field(ge=0)
    units: int = Field(ge=0)


class RunTimings(BaseModel):
    """The phases one worker timed from their start to their end in a completed run, and the
    run's pages. A phase taken over from another worker is left out: its time includes the
    silence before the takeover."""

    model_config = ConfigDict(extra="forbid")

    pages: int = Field(ge=0)
    phases: dict[TimedPhase, PhaseTiming] = Field(default_factory=dict)


def units_done(name: str, phase: PhaseProgress) -> int:
    """The units of work a phase's snapshot says are done: pages read, or items."""
    if name == Phase.PROCESSING:
        return phase.pages_processed or 0
    return phase.items_done or 0


@dataclass(frozen=True)
class History:
    """What recently finished runs measured: the seconds of each phase per page of the run,
    pooled (all their seconds over all their pages, so a big run weighs more than a small one,
    whose fixed costs would make a page look dear)."""

    runs: int = 0
    seconds_per_page: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, runs: Iterable[RunTimings]) -> History:
        """The pooled history of `runs` (runs without pages tell nothing per page)."""
        seconds: dict[str, float] = defaultdict(float)
        pages: dict[str, int] = defaultdict(int)
        counted = 0
        for run in runs:
            if run.pages <= 0 or not run.phases:
                continue
            counted += 1
            for name, timing in run.phases.items():
                seconds[name] += timing.seconds
                pages[name] += run.pages
        return cls(
            runs=counted,
            seconds_per_page={name: seconds[name] / pages[name] for name in pages},
        )

    def measured(self, phase: str) -> bool:
        """Whether any recent run measured `phase` (if not, its default is a first guess)."""
        return phase in self.seconds_per_page

    def expected_seconds(self, phase: str, *, pages: int) -> float:
        """How long `phase` (matching or the report) should take a run of `pages` pages: as
        measured, else the default."""
        rate = self.seconds_per_page.get(phase)
        if rate is None:
            rate = DEFAULT_SECONDS_PER_PAGE[phase]
        return rate * pages
