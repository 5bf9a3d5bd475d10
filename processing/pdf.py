"""Opening PDFs with PyMuPDF, turning everything that can go wrong into a message an
accountant understands, naming the file (and the page where one is at fault).

The hostile files in the product's test corpus show what to expect: encrypted files, files that
open with zero pages and no exception, HTML named .pdf (opens, `is_pdf` False), a 100 KB file
with 10,000 pages, pages whose text raises while others read fine, and MuPDF errors that derive
from `Exception` rather than `RuntimeError`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pymupdf
from django.conf import settings

from processing.errors import PdfError

# MuPDF prints its errors on stderr; Recon reports them itself, with the file name.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

# PDF readers accept junk before the header within the first kilobyte (scanner software
# writes some), so the signature check does too.
SIGNATURE_WINDOW = 1024


# The words that mark a file's "damaged" warning (the worker keeps it with the file's warnings).
DAMAGED_MARK = "is damaged: MuPDF repaired it"


@dataclass(frozen=True)
class PdfInfo:
    page_count: int
    repaired: bool
    # Of a repaired file, the pages that could be loaded; the page count otherwise.
    readable_pages: int

    def warning(self, name: str) -> str | None:
        """The accountant's warning for a damaged (repaired) file, or None."""
        if not self.repaired:
            return None
        return (
            f"“{name}” {DAMAGED_MARK} and {self.readable_pages} of its pages could be read; "
            "rows may be missing. Save it again from the bank's website if you can."
        )


def has_pdf_signature(head: bytes) -> bool:
    """True if `head` (a file's first bytes) carries the PDF header where readers look for it."""
    return b"%PDF-" in head[:SIGNATURE_WINDOW]


@contextmanager
def open_pdf(*, data: bytes, name: str, max_pages: int | None = None) -> Iterator[pymupdf.Document]:
    """Open `data` as a PDF that Recon can read page by page; PdfError (naming `name`) if not."""
    max_pages = settings.RECON_MAX_PAGES_PER_FILE if max_pages is None else max_pages
    if not data:
        raise PdfError(f"“{name}” is empty (0 bytes).", file=name)
    if not has_pdf_signature(data):
        raise PdfError(f"“{name}” is not a PDF file.", file=name)
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF's errors do not share one base class
        # MuPDF's own words ("code=7: …") stay in the traceback, for administrators.
        raise PdfError(_damaged(name), file=name) from exc
    try:
        if not document.is_pdf:
            raise PdfError(f"“{name}” is not a PDF file.", file=name)
        if document.needs_pass:
            raise PdfError(
                f"“{name}” is password-protected. Recon cannot read protected files: "
                "save an unprotected copy of it and upload that.",
                file=name,
            )
        # Counted only after the password check: before it, MuPDF may report a wrong count.
        try:
            pages = document.page_count
        except Exception as exc:  # a truncated file's page tree can be beyond repair
            raise PdfError(_damaged(name), file=name) from exc
        if pages == 0:
            raise PdfError(f"“{name}” has no pages (it may be damaged).", file=name)
        if pages > max_pages:
            raise PdfError(
                f"“{name}” has {pages:,} pages; the limit is {max_pages:,} pages per file.",
                file=name,
            )
        yield document
    finally:
        document.close()


def inspect_pdf(*, data: bytes, name: str, max_pages: int | None = None) -> PdfInfo:
    """Check that `data` is a PDF Recon can read and return its page count; PdfError if not."""
    with open_pdf(data=data, name=name, max_pages=max_pages) as document:
        pages = document.page_count
        repaired = bool(document.is_repaired)
        readable = sum(_loads(document, number) for number in range(pages)) if repaired else pages
        if not readable:
            raise PdfError(_damaged(name), file=name)
        return PdfInfo(page_count=pages, repaired=repaired, readable_pages=readable)


def _loads(document: pymupdf.Document, number: int) -> bool:
    """True if page `number` of a repaired file loads and still has what it draws (a file cut
    short keeps the pages' entries but loses the content streams stored after the cut)."""
    try:
        page = document.load_page(number)
        return any(document.xref_stream_raw(xref) for xref in page.get_contents())
    except Exception:  # MuPDF's errors do not share one base class
        return False


def _damaged(name: str) -> str:
    return (
        f"“{name}” is damaged and cannot be opened as a PDF. Save it again from the bank's "
        "website (or print it to a new PDF) and upload that."
    )
