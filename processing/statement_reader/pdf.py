"""PyMuPDF adapter: a document's pages as `PageWords` (the only module that imports pymupdf)."""

from __future__ import annotations

from collections.abc import Iterator

import pymupdf

from .contract import PageWords


def page_words(page: pymupdf.Page) -> PageWords:
    """One PyMuPDF page as the reader's input."""
    rect = page.rect
    return PageWords(page.number + 1, rect.width, rect.height, displayed_words(page))


def displayed_words(page: pymupdf.Page) -> list[tuple]:
    """The page's words where a reader sees them: on a page turned by its /Rotate entry (a
    landscape statement kept in portrait), MuPDF gives the unturned positions, where every line
    of the table runs down the page."""
    words = page.get_text("words")
    if not page.rotation or not words:
        return words
    turn = page.rotation_matrix
    shown = []
    for x0, y0, x1, y1, *rest in words:
        box = pymupdf.Rect(x0, y0, x1, y1) * turn
        shown.append((box.x0, box.y0, box.x1, box.y1, *rest))
    return shown


def document_pages(document: pymupdf.Document) -> Iterator[PageWords]:
    """Every page of an open document, in order."""
    for page in document:
        yield page_words(page)
