"""Visual lines from word boxes: the page as a human sees it, whatever order it was drawn in.

PDFs draw text in any order (amounts first, bottom-up, one character at a time), so content
order is never trusted: words are grouped into lines by vertical position and sorted by x.
Rotated words (stamps, sidebars printed sideways) and oversized words are dropped, words
split by per-character drawing are glued back, and letter-spaced text (`P A Y M E N T`) is
rejoined into words.

A line is a tuple `(y0, y1, height, words)` with words `(x0, x1, text)` left to right: plain
tuples, because this runs for every word of every page.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise
from operator import itemgetter

Box = tuple[float, float, str]  # x0, x1, text
Line = tuple[float, float, float, list[Box]]  # y0, y1, height, words

# Gaps below this share of the line height are not spaces: the PDF drew one word in pieces.
_GLUE = 0.1
# A word this much taller than the page's usual word is a stamp, a logo or rotated text.
_TALL = 2.2


def visual_lines(words: Iterable[Sequence]) -> list[Line]:
    """The page's words as visual lines, top to bottom, each left to right."""
    boxes = _horizontal(words)
    if not boxes:
        return []
    boxes.sort()
    lines: list[Line] = []
    start, count = 0, len(boxes)
    while start < count:
        # Sorted by middle, so a line is a run of boxes: those whose middles are within a
        # third of a line height of its first word's. Mixed fonts on one baseline share it,
        # while a description printed in two small lines beside a one-line date (a few points
        # above and below it) does not.
        first = boxes[start]
        end = bisect_right(boxes, first[0] + max(0.35 * first[4], 1.0), start + 1, key=_MIDDLE)
        lines.append(_line(boxes[start:end]))
        start = end
    return lines


def _horizontal(words: Iterable[Sequence]) -> list[tuple]:
    """Usable words as (middle y, x0, x1, text, height, y0, y1), without rotated or huge ones."""
    try:
        # PyMuPDF's own tuples: one fast pass (NaN fails every comparison and is dropped).
        try:
            kept = [
                ((y0 + y1) * 0.5, x0, x1, text, height, y0, y1)
                for x0, y0, x1, y1, text, _, _, _ in words
                if 0.0 < (height := y1 - y0) < 1e4 and -1e5 < x0 <= x1 < 1e5 and text
            ]
        except ValueError:  # not PyMuPDF's eight fields: the same, field by field
            kept = [
                ((w[1] + w[3]) * 0.5, w[0], w[2], w[4], w[3] - w[1], w[1], w[3])
                for w in words
                if 0 < w[3] - w[1] < 1e4 and -1e5 < w[0] <= w[2] < 1e5 and w[4]
            ]
        if kept and set(map(type, map(_TEXT, kept))) != _STR:
            raise TypeError
    except (TypeError, ValueError, IndexError, KeyError):
        kept = _checked(words)
    if not kept:
        return kept
    if "@" in "".join(map(_TEXT, kept)):
        kept = _rates_apart(kept)
    heights = sorted(map(_HEIGHT, kept))
    usual = heights[len(heights) // 2]
    limit, tall = _TALL * usual, 1.3 * usual
    if heights[-1] <= tall:
        return kept
    # Dropped: words far taller than usual (stamps, logos), text turned sideways (a box
    # taller than wide for a word of several characters), and marks alone in a box taller than
    # usual (a turned stamp's "-").
    return [
        k
        for k in kept
        if k[4] <= tall
        or (
            k[4] <= limit
            and not (len(k[3]) >= 3 and k[4] > 1.25 * (k[2] - k[1]))
            and any(map(str.isalnum, k[3]))
        )
    ]


def _rates_apart(kept: list[tuple]) -> list[tuple]:
    """An original amount and its rate printed as one word ("23.99@0.83620"): two words, the
    amount with its "@" and the rate, each where its share of the characters puts it."""
    out = []
    for box in kept:
        m = _GLUED_RATE.fullmatch(box[3])
        if m is None:
            out.append(box)
            continue
        middle, x0, x1, text, *rest = box
        cut = x0 + (x1 - x0) * len(m[1]) / len(text)
        out.append((middle, x0, cut, m[1], *rest))
        out.append((middle, cut, x1, text[len(m[1]) :], *rest))
    return out


_GLUED_RATE = re.compile(r"(.*\d@)\d[\d.,]*")


def _checked(words: Iterable) -> list[tuple]:
    """The slow path for anything that is not a clean PyMuPDF word list."""
    kept = []
    for word in words:
        try:
            x0, y0, x1, y1 = (float(v) for v in word[:4])
            text = word[4]
        except (TypeError, ValueError, IndexError, KeyError):
            continue
        if not isinstance(text, str) or not math.isfinite(x0 + y0 + x1 + y1):
            continue
        if not 0 < y1 - y0 < 1e4 or not -1e5 < x0 <= x1 < 1e5:
            continue
        for part in text.split():
            kept.append(((y0 + y1) / 2, x0, x1, part, y1 - y0, y0, y1))
    return kept


def _line(members: list[tuple]) -> Line:
    count = len(members)
    if count > 1 and members[0][0] != members[-1][0]:
        # Words on one baseline (all one middle) are in order already.
        members.sort(key=_BY_X)
    # The line's height: the middle of three (a tiny superscript or a big bold total aside).
    if count < 3:
        height = members[0][4]
    else:
        height = sorted((members[0][4], members[count // 2][4], members[-1][4]))[1]
    glue = _GLUE * height
    words: list[Box] = []
    singles = 0  # one-character words: three or more may be letter-spaced text
    y0, y1 = members[0][5], members[0][6]
    right = -1.0e9
    for _, x0, x1, text, _, top, bottom in members:
        if top < y0:
            y0 = top
        if bottom > y1:
            y1 = bottom
        # Touching words are one word drawn in pieces; overlapping ones are two words printed
        # over each other (a long description running under the next column).
        if -1.0 <= x0 - right < glue and _joins(words[-1][2], text):
            last = words[-1]
            right = max(right, x1)
            words[-1] = (last[0], right, last[2] + text)
        else:
            right = x1
            words.append((x0, x1, text))
            if len(text) == 1:
                singles += 1
    if singles >= 3:
        words = _unspace(words, height)
    return (y0, y1, height, words)


def _joins(left: str, right: str) -> bool:
    """Pieces of one word meet at letters, digits or in-word punctuation ("PAYM|ENT",
    "1,234|.56"), not at a symbol such as "@"."""
    a, b = left[-1], right[0]
    return (a.isalnum() or a in _IN_WORD) and (b.isalnum() or b in _IN_WORD)


_IN_WORD = frozenset(".,-/'()$€£₹")
_BY_X = itemgetter(1)
_MIDDLE = itemgetter(0)
_TEXT = itemgetter(3)
_HEIGHT = itemgetter(4)
_STR = {str}


def _unspace(words: list[Box], height: float) -> list[Box]:
    """Rejoin letter-spaced runs (three or more single characters) into words."""
    out: list[Box] = []
    run: list[Box] = []
    for word in words:
        if len(word[2]) == 1 and (not run or word[0] - run[-1][1] < 1.2 * height):
            run.append(word)
            continue
        _flush(run, out)
        run = [word] if len(word[2]) == 1 else []
        if not run:
            out.append(word)
    _flush(run, out)
    return out


def _flush(run: list[Box], out: list[Box]) -> None:
    if sum(ch[2].isalnum() for ch in run) < 3:
        out.extend(run)
        run.clear()
        return
    gaps = [b[0] - a[1] for a, b in pairwise(run)]
    if out and len(out[-1][2]) > 1 and run[0][0] - out[-1][1] <= 1.2 * max(gaps) + 0.3:
        # As far from the word before them as from one another: words of one letter ("LA
        # CASTELLANA S A S"), not the letters of one word spaced out.
        out.extend(run)
        run.clear()
        return
    # Letters of one word sit at the smallest gap; a clearly wider gap is a space.
    split = min(gaps) * 1.6 + 0.5
    word = run[0]
    for gap, ch in zip(gaps, run[1:], strict=True):
        if gap <= split:
            word = (word[0], ch[1], word[2] + ch[2])
        else:
            out.append(word)
            word = ch
    out.append(word)
    run.clear()
