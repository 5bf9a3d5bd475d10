"""Shared machinery of the bank statement generators: rows, pages, pens and reproducible PDFs.

A layout builds its statement on a `Sheet` (a PyMuPDF document plus a running y position and
page breaks), draws text with a `Pen` (base-14 fonts, right/centre alignment, letter-spacing,
text boxes, stamps, rules, filled marks) and records every transaction it prints as a `Placed` row:
the entry, the page it landed on and the exact words printed for its amount and dates, so the
tests can find them again in the page's text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from processing.samples.pdfwriter import FIXED_DATE
from processing.samples.people import Person

A4 = (595.0, 842.0)
LETTER = (612.0, 792.0)


@dataclass(frozen=True, slots=True)
class Entry:
    """One transaction as the truth file states it; cents > 0 for charges / money out."""

    date: Any  # datetime.date
    posted: Any  # datetime.date | None
    description: str
    cents: int
    holder: Person | None = None
    fx: tuple[int, str] | None = None  # original amount (cents, same sign as cents), currency
    section: str | None = None  # the statement section that prints it, if it prints sections


@dataclass(frozen=True, slots=True)
class Placed:
    """An entry as drawn: its page and the words printed for its amount and dates."""

    entry: Entry
    page: int
    shown: tuple[str, ...]


@dataclass
class Drawn:
    """What a layout's build returns: the PDF bytes, its rows in order and printed totals."""

    pdf: bytes
    pages: int
    rows: list[Placed]
    totals: dict[str, Any]
    period: tuple[Any, Any]  # first and last day of the statement period


@functools.cache
def _advances(font: str) -> dict[str, float]:
    face = pymupdf.Font(font)
    chars = bytes(range(32, 256)).decode("latin-1")
    return {char: face.glyph_advance(ord(char)) for char in chars}


def width(text: str, font: str = "helv", size: float = 8.0) -> float:
    """Return the advance width of text in points."""
    table = _advances(font)
    return sum(table.get(char, 0.6) for char in text) * size


def wrap(text: str, limit: float, font: str = "helv", size: float = 8.0) -> list[str]:
    """Split text at spaces into lines no wider than limit (a long word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}", font, size) <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _gray(level: float) -> tuple[float, float, float]:
    return (level, level, level)


class Pen:
    """Draws on one page; (x, y) is a baseline start, y grows downwards.

    Drawing is recorded and replayed onto the page through one PyMuPDF Shape when the document
    is finished: `page.insert_text` commits per call and grows quadratically with the page's
    content, and adding pages orphans earlier Page objects."""

    def __init__(self, *, font: str = "helv", size: float = 8.0) -> None:
        self.font = font
        self.size = size
        self.ops: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        gray: float = 0.0,
        rotate: int = 0,
    ) -> float:
        """Draw text at baseline (x, y); return the x where it ends."""
        font, size = font or self.font, size or self.size
        if text:
            options = {"fontname": font, "fontsize": size, "color": _gray(gray), "rotate": rotate}
            self.ops.append(("text", ((x, y), text), options))
        return x + width(text, font, size)

    def right(self, x: float, y: float, text: str, **kw: Any) -> float:
        """Draw text ending at x; return where it starts."""
        start = x - width(text, kw.get("font") or self.font, kw.get("size") or self.size)
        self.text(start, y, text, **kw)
        return start

    def center(self, x: float, y: float, text: str, **kw: Any) -> None:
        """Draw text centred on x."""
        half = width(text, kw.get("font") or self.font, kw.get("size") or self.size) / 2
        self.text(x - half, y, text, **kw)

    def spaced(self, x: float, y: float, text: str, *, tracking: float, **kw: Any) -> float:
        """Draw text one character at a time with extra tracking; return the end x."""
        font, size = kw.pop("font", None) or self.font, kw.pop("size", None) or self.size
        for char in text:
            if char != " ":
                self.text(x, y, char, font=font, size=size, **kw)
            x += width(char, font, size) + tracking
        return x

    def box(
        self,
        x0: float,
        y0: float,
        x1: float,
        lines: list[str],
        *,
        align: int = 0,
        font: str | None = None,
        size: float | None = None,
        lineheight: float = 1.15,
    ) -> float:
        """Draw lines in a text box whose top is y0 (PyMuPDF wraps nothing: lines are given);
        return the box's line pitch."""
        font, size = font or self.font, size or self.size
        pitch = lineheight * size * _ascender(font)
        rect = pymupdf.Rect(x0, y0, x1, y0 + pitch * (len(lines) + 1) + size)
        options = {"fontname": font, "fontsize": size, "align": align, "lineheight": lineheight}
        self.ops.append(("textbox", (rect, "\n".join(lines)), options))
        return pitch

    def stamp(self, x: float, y: float, text: str, *, angle: float, size: float, gray: float):
        """Draw text rotated by angle degrees about its baseline start (x, y), translucent."""
        pivot = pymupdf.Point(x, y)
        options = {
            "fontname": "hebo",
            "fontsize": size,
            "color": _gray(gray),
            "fill_opacity": 0.45,
            "morph": (pivot, pymupdf.Matrix(angle)),
        }
        self.ops.append(("text", (pivot, text), options))

    def rule(self, x0: float, x1: float, y: float, *, lw: float = 0.5, gray: float = 0.0):
        """Draw a horizontal line."""
        self.ops.append(("line", ((x0, y), (x1, y)), {"color": _gray(gray), "width": lw}))

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        fill: float | None = None,
        gray: float = 0.0,
        lw: float = 0.5,
    ):
        """Draw a rectangle outline, or a filled one when fill is a gray level."""
        options = {
            "color": None if fill is not None else _gray(gray),
            "fill": None if fill is None else _gray(fill),
            "width": lw,
        }
        self.ops.append(("rect", (pymupdf.Rect(x0, y0, x1, y1),), options))

    def render(self, page: pymupdf.Page) -> None:
        """Replay the recorded drawing onto page in one Shape and commit it."""
        shape = page.new_shape()
        for kind, args, options in self.ops:
            if kind == "text":
                shape.insert_text(*args, **options)
            elif kind == "textbox":
                if shape.insert_textbox(*args, **options) < 0:
                    raise ValueError(f"text box too small for {args[1]!r}")
            elif kind == "line":
                shape.draw_line(*args)
                shape.finish(**options)
            else:
                shape.draw_rect(*args)
                shape.finish(**options)
        shape.commit()


@functools.cache
def _ascender(font: str) -> float:
    return pymupdf.Font(font).ascender


@dataclass
class Sheet:
    """A document being written top to bottom; starts a new page when a block does not fit."""

    size: tuple[float, float]
    top: float
    bottom: float
    on_new_page: Callable[[Pen, int], float] | None = None  # draws furniture, returns top y
    font: str = "helv"
    fontsize: float = 8.0
    doc: pymupdf.Document = field(default_factory=pymupdf.open)
    pens: list[Pen] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    y: float = 0.0

    @property
    def pen(self) -> Pen:
        """Return the pen of the current page (starting the first page when needed)."""
        if not self.pens:
            self.new_page()
        return self.pens[-1]

    @property
    def number(self) -> int:
        """Return the 1-based number of the current page."""
        return len(self.pens)

    def new_page(self, *, furniture: bool = True) -> Pen:
        """Start a page, let the layout draw its furniture, and move y to the body top."""
        pen = Pen(font=self.font, size=self.fontsize)
        self.pens.append(pen)
        self.y = self.top
        if furniture and self.on_new_page is not None:
            self.y = self.on_new_page(pen, len(self.pens))
        return pen

    def need(self, height: float) -> bool:
        """Break the page when height does not fit below y; return whether it broke."""
        if self.pens and self.y + height <= self.bottom:
            return False
        self.new_page()
        while self.y >= self.bottom:  # furniture filled the page (terms, notices): next one
            self.new_page()
        return True

    def place(self, entry: Entry, *shown: str) -> None:
        """Record entry as printed on the current page with the given amount/date words."""
        words = tuple(word for text in shown for word in text.split())
        self.placed.append(Placed(entry=entry, page=self.number, shown=words))

    def finish(self, *, title: str, footer: Callable[[Pen, int, int], None] | None) -> bytes:
        """Draw every page's footer (now that the page count is known); return the PDF."""
        total = len(self.pens)
        for number, pen in enumerate(self.pens, start=1):
            if footer is not None:
                footer(pen, number, total)
            pen.render(self.doc.new_page(width=self.size[0], height=self.size[1]))
        self.doc.set_metadata(
            {
                "title": title,
                "author": "Recon bank sample generator",
                "creator": "Recon",
                "producer": "Recon bank sample generator",
                "creationDate": FIXED_DATE,
                "modDate": FIXED_DATE,
            }
        )
        data = self.doc.tobytes(garbage=3, deflate=True, no_new_id=True)
        self.doc.close()
        return data


@dataclass(frozen=True)
class Layout:
    """One fictional bank's statement design and how its generator is written."""

    key: str
    bank: str
    country: str
    currency: str
    date_order: str  # what a careful reader concludes: "DMY", "MDY" or "YMD"
    decimal_style: str  # "point" or "comma"
    style: str  # how the generator draws text
    features: str  # what the layout carries, in a sentence or two
    build: Callable[[Any, int], Drawn]  # (random.Random, rows) -> Drawn
    rows: tuple[int, int] = (20, 80)  # rows drawn when no page count is asked for
    per_page: int = 25  # rough rows per page, to aim at a page count
