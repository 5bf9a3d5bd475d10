"""Rows from a run of classified lines: which description lines belong to which date.

Within a run (lines between two breaks), each date-and-amount line starts a row; lines of
description alone are shared out between the row above and the row below. A wider gap
decides (a fifth wider or more: rows 13.5 points apart, their lines 10.5); when all lines are
evenly spaced, the statement's habit decides: dates printed on the first line of a row (the
common case), on the last line, or in the middle. The habit is learnt from the runs' edges:
description lines before a run's first date mean the date is not on the first line.
"""

from __future__ import annotations

from itertools import pairwise
from operator import attrgetter, sub

from .lineclass import AMOUNT_ONLY, ANCHOR, DATE_ONLY, FX, MARK, TEXT_LINE, YEAR_LINE, Item
from .vocabulary import DATE, POST

FIRST, MIDDLE, LAST = "first", "middle", "last"
_STARTS = frozenset({ANCHOR, DATE_ONLY, AMOUNT_ONLY})  # lines that start a row


class Unit:
    """The lines that make one row, before its description lines are added."""

    __slots__ = ("above", "lines", "markers", "pending", "year")

    @property
    def top(self) -> float:
        lines = self.lines
        return lines[0].middle if len(lines) == 1 else min(item.middle for item in lines)

    @property
    def bottom(self) -> float:
        lines = self.lines
        return lines[0].middle if len(lines) == 1 else max(item.middle for item in lines)


def units_of(
    items: list[Item], mode: str | None, lead: list | None = None
) -> tuple[list[Unit], str | None]:
    """Group a run's lines into units with their description lines; returns the units and
    the date position this run showed (None when it showed nothing). Description lines before
    the first row that no row takes go to `lead`, when given."""
    elements: list = []
    last: Unit | None = None  # the latest unit of the run
    loose = False  # description lines outside any unit, to share out
    grown = completed = False  # a unit of more than one line
    for item in items:
        kind = item.kind
        if kind == AMOUNT_ONLY and last is not None and last.pending:
            # The amount printed on a later line than the date: everything between is the row's.
            k = elements.index(last)
            last.lines.extend(elements[k + 1 :])
            del elements[k + 1 :]
            last.lines.append(item)
            last.pending = False
            grown = completed = True
        elif kind in _STARTS:
            # Filled field by field (an __init__ called through the class costs more).
            last = Unit()
            last.lines, last.markers, last.year, last.above = [item], (), None, 0
            last.pending = kind == DATE_ONLY  # its amount may come on a later line
            elements.append(last)
        elif kind == TEXT_LINE:
            elements.append(item)
            loose = True
        elif kind == YEAR_LINE:
            if last is not None and last.year is None:
                last.year = item.year
            if item.cells:
                elements.append(item)
                loose = True
        elif kind == MARK and last is not None:
            last.markers += item.markers
        elif kind == FX and last is not None:
            k = elements.index(last)
            if k + 1 < len(elements):
                # Description lines between a row and its foreign amount are that row's.
                last.lines.extend(elements[k + 1 :])
                del elements[k + 1 :]
            last.lines.append(item)
            grown = True
    if len(elements) > 3 and DATE_ONLY in map(_KIND, items):
        grown = _second_lines(elements, _pitch(items)) or grown
    if loose:
        pitch = _pitch(items)
        # A date with its amount on a later line: amounts end rows, so description lines
        # before an amount belong to it.
        seen = LAST if completed else _habit(elements, pitch)
        # (Where earlier runs showed the statement's habit, a page's first run that starts
        # with the end of the last page's row does not overturn it.)
        _share(elements, (LAST if completed else mode) or seen or FIRST, pitch, lead)
        units = [e for e in elements if isinstance(e, Unit)]
        grown = True
    else:
        # Only rows (the common run): nothing to share out, and no edge to show the habit.
        seen = LAST if completed else None
        units = elements
    if grown:
        for unit in units:
            if len(unit.lines) > 1:
                unit.lines.sort(key=_middle)
    return units, seen


def _second_lines(elements: list, pitch: float) -> bool:
    """Rows printed on two lines each, the second with a date of its own and no amount (the
    posting date under the transaction date, the place under the merchant): each such line
    is its row's second line, where nearly every row has one. Whether any were joined."""
    rows = [e for e in elements if isinstance(e, Unit) and not e.pending]
    pairs = [
        (k, e)
        for k, e in enumerate(elements[1:], 1)
        if isinstance(e, Unit)
        and e.pending
        # (Its foreign amount's line may have joined it, "Originalbetrag 145,50 CHF", and
        # the description lines before that.)
        and all(item.kind in _FOLLOWERS for item in e.lines[1:])
        and isinstance(elements[k - 1], Unit)
        and not elements[k - 1].pending
        and _tight(elements[k - 1].bottom, e.top, pitch)
    ]
    if len(pairs) < 2 or len(pairs) < 0.8 * len(rows):
        return False
    for k, second in reversed(pairs):
        first = elements[k - 1]
        line = second.lines[0]
        line.dates = [(POST, value, text) for _, value, text in line.dates]
        first.lines[0].dates = [(DATE, value, text) for _, value, text in first.lines[0].dates]
        first.lines.extend(second.lines)
        del elements[k]
    return True


_KIND = attrgetter("kind")
_middle = attrgetter("middle")
_height = attrgetter("height")
_SATELLITES = frozenset({MARK, FX})
_FOLLOWERS = frozenset({MARK, FX, TEXT_LINE})


def _pitch(items: list[Item]) -> float:
    """The smallest distance between consecutive lines of rows and descriptions: one wrapped
    line's step (small satellite lines, a "CR" or a foreign amount, left out)."""
    body = [i for i in items if i.kind not in _SATELLITES] or items
    middles = list(map(_middle, body))
    floor = 0.8 * min(map(_height, body), default=1.0)
    steps = [step for step in map(sub, middles[1:], middles) if step > floor]
    return max(min(steps, default=floor), floor)


def _habit(elements: list, pitch: float) -> str | None:
    """Where this run prints dates, judged from description lines at its two edges."""
    # The first and the last row, looked for from either end (rows are most of a run).
    first = next((i for i, e in enumerate(elements) if _row(e)), None)
    if first is None:
        return None
    end = next(i for i, e in enumerate(reversed(elements)) if _row(e))
    last = len(elements) - 1 - end
    # (A balance printed as a row next to the first or last row is no description line.)
    lead = (
        first > 0
        and not isinstance(elements[first - 1], Unit)
        and _tight(elements[first - 1].middle, elements[first].top, pitch)
    )
    trail = (
        last < len(elements) - 1
        and not isinstance(elements[last + 1], Unit)
        and _tight(elements[last].bottom, elements[last + 1].middle, pitch)
    )
    if lead and trail:
        return MIDDLE
    if lead:
        return LAST
    if trail:
        return FIRST
    return None


def _balance(unit: Unit) -> bool:
    """Whether the unit is a balance printed as rows are ("16 DEC  BALANCE BROUGHT FORWARD
    1,846.32"), not a row."""
    money = unit.lines[0].money
    return len(unit.lines) == 1 and bool(money) and money[0][1] == "balance"


def _row(element: object) -> bool:
    return isinstance(element, Unit) and not _balance(element)


def _tight(upper: float, lower: float, pitch: float) -> bool:
    return lower - upper <= 1.6 * pitch


def _share(elements: list, mode: str, pitch: float, lead: list | None = None) -> None:
    """Give each run of description lines to the row above, the row below, or split it (the
    lines before the first row that it does not take to `lead`)."""
    before: Unit | None = None
    run: list[Item] = []
    for element in elements:
        if not isinstance(element, Unit):
            run.append(element)
            continue
        if run:
            taken = _give(run, before, element, mode, pitch)
            if before is None and lead is not None:
                lead.extend(run[: len(run) - taken])
            run = []
        before = element
    if run:
        _give(run, before, None, mode, pitch)


def _give(run: list[Item], before: Unit | None, after: Unit | None, mode: str, pitch: float) -> int:
    """Share the run out; how many of its lines the row below took."""
    if (
        before is not None
        and after is not None
        and not _tight(before.bottom, run[0].middle, pitch)
        and not _tight(run[-1].middle, after.top, pitch)
    ):
        return 0  # set apart from both rows (a notice printed between them): neither's text
    upper = _split(run, before, after, mode, pitch)
    if before is not None:
        before.lines.extend(run[:upper])
    if after is not None:
        after.lines.extend(run[upper:])
        after.above = len(run) - upper
        return len(run) - upper
    return 0


def _split(
    run: list[Item], before: Unit | None, after: Unit | None, mode: str, pitch: float
) -> int:
    """How many lines of the run belong to the row above (the rest go below)."""
    if before is None and after is None:
        return 0
    if after is None:
        return _chain(before.bottom, run, pitch)
    if before is None:
        if mode == FIRST:
            return len(run)  # nothing above to own them: dropped
        tail = _chain(after.top, list(reversed(run)), pitch)
        return len(run) - tail
    points = [before.bottom, *(item.middle for item in run), after.top]
    steps = [b - a for a, b in pairwise(points)]
    widest, narrowest = max(steps), min(steps)
    if widest >= 1.2 * narrowest and widest - narrowest >= 0.25 * pitch:
        return steps.index(widest)
    if mode == FIRST:
        return len(run)
    if mode == LAST:
        return 0
    # Dates in the middle: the row above has as many lines below its date as above it.
    return min(len(run), before.above)


def _chain(start: float, run: list[Item], pitch: float) -> int:
    """How many lines follow on from `start` without a wide gap."""
    count, previous = 0, start
    for item in run:
        if abs(item.middle - previous) > 1.6 * pitch:
            break
        count += 1
        previous = item.middle
    return count
