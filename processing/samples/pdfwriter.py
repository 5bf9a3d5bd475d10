"""Fast text-only PDF writing on top of PyMuPDF with the non-embedded base-14 fonts."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import pymupdf

PAGE_WIDTH = 612.0
PAGE_HEIGHT = 792.0

# Resource name (as PyMuPDF's insert_text calls them) -> base-14 PostScript name.
FONTS = {
    "helv": "Helvetica",
    "hebo": "Helvetica-Bold",
    "cour": "Courier",
    "cobo": "Courier-Bold",
}

# Sample files must be byte-for-byte reproducible, so no wall-clock dates in the metadata.
FIXED_DATE = "D:20260101000000Z"


@functools.cache
def _widths(fontname: str) -> dict[str, float]:
    # pymupdf.get_text_length costs ~100us per call (too slow for 100k amounts) and mis-measures
    # WinAnsi punctuation such as the em dash; the font's own glyph advances are exact.
    font = pymupdf.Font(fontname)
    chars = bytes(range(32, 256)).decode("cp1252", errors="ignore")
    return {char: font.glyph_advance(ord(char)) for char in chars}


def text_width(text: str, *, fontname: str = "helv", fontsize: float) -> float:
    """Return the advance width of text in points, as a PDF viewer lays it out."""
    return sum(map(_widths(fontname).__getitem__, text)) * fontsize


# Literal-string escapes for WinAnsi bytes (seen as latin-1 characters): backslash the
# delimiters, write bytes outside printable ASCII as octal.
_ESCAPES = str.maketrans(
    {chr(b): f"\\{b:03o}" for b in [*range(0x20), *range(0x7F, 0x100)]}
    | {"(": "\\(", ")": "\\)", "\\": "\\\\"}
)


_NEEDS_ESCAPE = re.compile(r"[^\x20-\x7e]|[()\\]")


def _pdf_string(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:
        return text  # the common case; str.translate with a mapping is several times slower
    return text.encode("cp1252").decode("latin-1").translate(_ESCAPES)


class Canvas:
    """Collects drawing operators for one page; y is measured from the top like PyMuPDF's."""

    def __init__(self) -> None:
        self._ops: list[str] = []

    def text(
        self,
        *,
        x: float,
        y: float,
        text: str,
        fontname: str = "helv",
        fontsize: float = 8,
        gray: float = 0.0,
    ) -> None:
        """Draw text with its baseline starting at (x, y) as a separate text object."""
        # One BT/ET object per field, like page.insert_text, so extractors see separate spans.
        color = f"{gray:.2f} g " if gray else ""
        self._ops.append(
            f"BT {color}/{fontname} {fontsize:g} Tf 1 0 0 1 {x:.2f} {PAGE_HEIGHT - y:.2f} Tm "
            f"({_pdf_string(text)}) Tj ET"
        )

    def text_right(
        self,
        *,
        right: float,
        y: float,
        text: str,
        fontname: str = "helv",
        fontsize: float = 8,
        gray: float = 0.0,
    ) -> None:
        """Draw text so that it ends exactly at x = right."""
        width = text_width(text, fontname=fontname, fontsize=fontsize)
        self.text(x=right - width, y=y, text=text, fontname=fontname, fontsize=fontsize, gray=gray)

    def text_center(
        self,
        *,
        center: float,
        y: float,
        text: str,
        fontname: str = "helv",
        fontsize: float = 8,
    ) -> None:
        """Draw text horizontally centred on x = center."""
        width = text_width(text, fontname=fontname, fontsize=fontsize)
        self.text(x=center - width / 2, y=y, text=text, fontname=fontname, fontsize=fontsize)

    def hline(
        self,
        *,
        x0: float,
        x1: float,
        y: float,
        width: float = 0.5,
        gray: float = 0.0,
    ) -> None:
        """Draw a horizontal rule."""
        py = PAGE_HEIGHT - y
        self._ops.append(f"q {gray:.2f} G {width:g} w {x0:.2f} {py:.2f} m {x1:.2f} {py:.2f} l S Q")

    def rect(self, *, x0: float, y0: float, x1: float, y1: float, gray: float = 0.0) -> None:
        """Draw an unfilled rectangle given its top-left and bottom-right corners."""
        box = f"{x0:.2f} {PAGE_HEIGHT - y1:.2f} {x1 - x0:.2f} {y1 - y0:.2f}"
        self._ops.append(f"q {gray:.2f} G 0.5 w {box} re S Q")

    def content(self) -> bytes:
        """Return the page content stream."""
        return "\n".join(self._ops).encode("ascii")


def write_pdf(*, path: Path, pages: Iterable[Canvas], title: str) -> int:
    """Write the pages to path as a reproducible PDF and return the page count."""
    # page.insert_text goes through Shape and costs ~80us per field (minutes for a 2,000-page
    # statement); writing the same BT/Tf/Tm/Tj operators as raw objects takes under a second.
    doc = pymupdf.open()
    try:
        catalog = doc.pdf_catalog()
        pages_ref = doc.xref_get_key(catalog, "Pages")[1]
        fonts = []
        for name, base in FONTS.items():
            xref = doc.get_new_xref()
            doc.update_object(
                xref, f"<</Type/Font/Subtype/Type1/BaseFont/{base}/Encoding/WinAnsiEncoding>>"
            )
            fonts.append(f"/{name} {xref} 0 R")
        resources = doc.get_new_xref()
        doc.update_object(resources, f"<</Font<<{''.join(fonts)}>>>>")
        kids = []
        for canvas in pages:
            contents = doc.get_new_xref()
            doc.update_object(contents, "<<>>")
            doc.update_stream(contents, canvas.content())
            page = doc.get_new_xref()
            doc.update_object(
                page,
                f"<</Type/Page/Parent {pages_ref}/MediaBox[0 0 {PAGE_WIDTH:g} {PAGE_HEIGHT:g}]"
                f"/Resources {resources} 0 R/Contents {contents} 0 R>>",
            )
            kids.append(f"{page} 0 R")
        doc.update_object(
            int(pages_ref.split()[0]), f"<</Type/Pages/Count {len(kids)}/Kids[{' '.join(kids)}]>>"
        )
        doc.set_metadata(
            {
                "title": title,
                "author": "Recon sample generator",
                "creator": "Recon",
                "producer": "Recon sample generator",
                "creationDate": FIXED_DATE,
                "modDate": FIXED_DATE,
            }
        )
        doc.save(str(path), garbage=1, deflate=True, no_new_id=True)
    finally:
        doc.close()
    return len(kids)
