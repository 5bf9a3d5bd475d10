"""PyMuPDF adapter: a document's pages as `PageWords` (the only module that imports pymupdf)."""

from __future__ import annotations

from collections.abc import Iterator

import pymupdf

from .contract import PageWords


def page_words(page: pymupdf.Page) -> PageWords:
    """One PyMuPDF page as the reader's input."""
    rect = page.rect
    return PageWords(page.number + 1, rect.width, rect.height, page.get_text("words"))


def document_pages(document: pymupdf.Document) -> Iterator[PageWords]:
    """Every page of an open document, in order."""
    for page in document:
        yield page_words(page)
