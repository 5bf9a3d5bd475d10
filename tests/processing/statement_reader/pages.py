"""Synthetic statement pages: words placed at x/y as PyMuPDF would report them."""

from __future__ import annotations

from processing.statement_reader import PageWords

SIZE = 9.0


def words_of(y: float, *cells: tuple, size: float = SIZE) -> list[tuple]:
    """The words of one printed line. A cell is `(x, text)` (left edge at x) or
    `(x, text, "right")` (right edge at x, as amounts are printed)."""
    out = []
    for cell in cells:
        x, text = cell[0], cell[1]
        width = _width(text, size)
        left = x - width if len(cell) > 2 and cell[2] == "right" else x
        for word in text.split():
            out.append(box(left, y, word, size))
            left += _width(word, size) + 0.28 * size
    return out


def box(x: float, y: float, text: str, size: float = SIZE) -> tuple:
    """One word whose text starts at x on baseline y: (x0, y0, x1, y1, text, block, line, word)."""
    return (x, y - 0.9 * size, x + _width(text, size), y + 0.25 * size, text, 0, 0, 0)


def page(
    number: int, *lines: list[tuple], width: float = 595.0, height: float = 842.0
) -> PageWords:
    """A page of the given lines' words."""
    return PageWords(number, width, height, [w for line in lines for w in line])


def _width(text: str, size: float) -> float:
    return 0.5 * size * len(text)


def header(y: float = 200.0, *, amount: str = "Amount", date: str = "Date") -> list[tuple]:
    """A plain header: Date | Description | Amount."""
    return words_of(y, (40, date), (110, "Description"), (540, amount, "right"))


def row(y: float, date: str, description: str, amount: str) -> list[tuple]:
    """A transaction row under `header()`."""
    return words_of(y, (40, date), (110, description), (540, amount, "right"))
