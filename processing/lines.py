"""Rebuilding a page's visual lines from word positions.

Statements draw each field at its own column x (date, description, amount), so PyMuPDF's
reading-order text puts a row's date and its amount on different lines, and no per-line
pattern can see a whole transaction. `get_text(sort=True)` fixes that at a sixth of the speed;
grouping `get_text("words")` by vertical position does it at nearly the speed of the bare call.

This runs for every page, so it works on MuPDF's own line fragments (words it already knows
belong together) rather than on single words, and only computes word offsets for the few
lines that need them.
"""

from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

import pymupdf

from processing.statement_reader.pdf import displayed_words

# Words are (x0, y0, x1, y1, text, block, line, word).
Word = tuple[float, float, float, float, str, int, int, int]

_fragment_key = itemgetter(5, 6)


class Line(NamedTuple):
    """One visual line: its words left to right, joined by single spaces, and where each word
    starts on the page (a plain tuple: thousands are made, and sent between processes, per
    second)."""

    text: str
    x0: float
    y0: float
    y1: float
    lefts: tuple[float, ...]

    def x_at(self, offset: int) -> float:
        """Left edge of the word containing character `offset` of `text` (to find where a
        matched group, such as a description, sits on the page)."""
        start = 0
        left = self.x0
        # Words never contain spaces, so the text splits back into them.
        for word, x in zip(self.text.split(" "), self.lefts, strict=True):
            if start > offset:
                break
            left = x
            start += len(word) + 1
        return left


def page_lines(page: pymupdf.Page) -> list[Line]:
    """The page's text as visual lines, top to bottom."""
    return group_words(displayed_words(page))


def group_words(words: list[Word]) -> list[Line]:
    """Group words into lines: fragments whose vertical middles fall within one another's
    extent share a line (a bold name and a smaller label on one baseline differ slightly)."""
    # MuPDF's line fragments as (twice the vertical middle, left, top, bottom, words).
    fragments = []
    for _, group in groupby(words, key=_fragment_key):
        fragment = list(group)
        first = fragment[0]
        fragments.append((first[1] + first[3], first[0], first[1], first[3], fragment))
    if not fragments:
        return []
    fragments.sort(key=_middle)
    lines: list[Line] = []
    row: list = []
    top2 = bottom2 = 0.0
    for fragment in fragments:
        if row and top2 <= fragment[0] <= bottom2:
            row.append(fragment)
            continue
        if row:
            lines.append(_line(row, top2, bottom2))
        row = [fragment]
        top2, bottom2 = fragment[2] * 2, fragment[3] * 2
    lines.append(_line(row, top2, bottom2))
    return lines


def _line(row: list, top2: float, bottom2: float) -> Line:
    if len(row) == 1:
        words = row[0][4]
    else:
        row.sort(key=_left)
        words = [word for fragment in row for word in fragment[4]]
    return Line(
        " ".join(map(_text, words)), words[0][0], top2 / 2, bottom2 / 2, tuple(map(_x0, words))
    )


_middle = itemgetter(0)
_left = itemgetter(1)
_text = itemgetter(4)
_x0 = itemgetter(0)
