"""Opening PDFs: every hostile file of the corpus is either readable or refused with a message
that names it; none crashes or hangs."""

import pytest

from processing.errors import PdfError
from processing.pdf import has_pdf_signature, inspect_pdf
from tests.builders.pdfs import CORPUS, make_pdf

READABLE = {
    "pdfplumber__pr-138-example_owner_pw.pdf": 2,  # owner password only: opens without one
    "pdfplumber__issue-848_junk_before_header.pdf": 8,  # junk before %PDF-, silently repaired
    "qpdf__issue-1688a_bad_colorspace.pdf": 1,  # its page fails later, when read
    "pdfjs__Pages-tree-refs.pdf": 2,  # page 2 fails later, when read
    "pdfplumber__issue-203-scanned.pdf": 3,  # no text layer: warnings later
    "monopoly__4_pages_blank.pdf": 4,
}
REFUSED = {
    "pdfplumber__password-example.pdf": "is password-protected",
    "pdfminer__aes-256-r6.pdf": "is password-protected",
    "pdfminer__rc4-40.pdf": "is password-protected",
    "pdfjs__poppler-742-0-fuzzed.pdf": "is damaged and cannot be opened",
    "qpdf__append-xref-loop.pdf": "has no pages",
    "qpdf__empty_zero_pages.pdf": "has no pages",
    "pdfplumber__empty_0_bytes.pdf": "is empty",
    "qpdf__not_even_a_pdf.pdf": "is not a PDF file",
    "derived__html_named.pdf": "is not a PDF file",
    "generated__10000_blank_pages.pdf": "has 10,000 pages; the limit is 5,000",
}


def test_every_corpus_file_is_classified():
    assert set(READABLE) | set(REFUSED) == {p.name for p in CORPUS.glob("*.pdf")}


@pytest.mark.parametrize(("name", "pages"), READABLE.items())
def test_readable_corpus_files_open_with_their_page_count(name, pages):
    info = inspect_pdf(data=(CORPUS / name).read_bytes(), name=name)

    assert info.page_count == pages


@pytest.mark.parametrize(("name", "reason"), REFUSED.items())
def test_unusable_corpus_files_are_refused_naming_the_file(name, reason, settings):
    settings.RECON_MAX_PAGES_PER_FILE = 5000

    with pytest.raises(PdfError) as raised:
        inspect_pdf(data=(CORPUS / name).read_bytes(), name=name)

    assert f"“{name}”" in str(raised.value)
    assert reason in str(raised.value)
    assert raised.value.file == name


def test_page_limit_is_a_setting(settings):
    settings.RECON_MAX_PAGES_PER_FILE = 2

    with pytest.raises(PdfError, match="has 3 pages; the limit is 2"):
        inspect_pdf(data=make_pdf(["a"], ["b"], ["c"]), name="three.pdf")


def test_signature_may_follow_junk_within_the_first_kilobyte():
    assert has_pdf_signature(b"%PDF-1.7\n")
    assert has_pdf_signature(b"x" * 1000 + b"%PDF-1.4")
    assert not has_pdf_signature(b"x" * 1024 + b"%PDF-1.4")
    assert not has_pdf_signature(b"<!doctype html>")
