"""Rebuilding a page's visual lines from word positions.

Statements draw each field at its own column x (date, description, amount), so PyMuPDF's
reading-order text puts a row's date and its amount on different lines, and no per-line
pattern can see a whole transaction. `get_text(sort=True)` fixes that at a sixth of the speed;
grouping `get_text("words")` by vertical position does it at nearly the speed of the bare call.
"""

from dataclasses import dataclass

import pymupdf

# Words are (x0, y0, x1, y1, text, block, line, word).
Word = tuple[float, float, float, float, str, int, int, int]


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line: its words left to right, joined by single spaces."""

    text: str
    x0: float
    y0: float
    y1: float
    # Start offset of each word in `text` and the word's left edge, to find where a matched
    # group sits on the page (a description's column, for wrapped descriptions).
    starts: tuple[int, ...]
    lefts: tuple[float, ...]

    def x_at(self, offset: int) -> float:
        """Left edge of the word containing character `offset` of `text`."""
        index = 0
        for i, start in enumerate(self.starts):
            if start > offset:
                break
            index = i
        return self.lefts[index]


def page_lines(page: pymupdf.Page) -> list[Line]:
    """The page's text as visual lines, top to bottom."""
    return group_words(page.get_text("words"))


def group_words(words: list[Word]) -> list[Line]:
    """Group words whose vertical middles fall within one another's extent into lines."""
    if not words:
        return []
    ordered = sorted(words, key=lambda w: w[1] + w[3])
    lines: list[Line] = []
    row = [ordered[0]]
    top, bottom = ordered[0][1], ordered[0][3]
    for word in ordered[1:]:
        middle = (word[1] + word[3]) / 2
        if top <= middle <= bottom:
            row.append(word)
        else:
            lines.append(_line(row))
            row = [word]
            top, bottom = word[1], word[3]
    lines.append(_line(row))
    return lines


def _line(row: list[Word]) -> Line:
    row.sort(key=lambda w: w[0])
    texts = [w[4] for w in row]
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return Line(
        text=" ".join(texts),
        x0=row[0][0],
        y0=min(w[1] for w in row),
        y1=max(w[3] for w in row),
        starts=tuple(starts),
        lefts=tuple(w[0] for w in row),
    )
