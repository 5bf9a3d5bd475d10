"""Building and finding PDFs for tests."""

from pathlib import Path

import pymupdf
from django.core.files.base import ContentFile

from processing.upload import IncomingFile

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"


def make_pdf(*pages: list[str]) -> bytes:
    """A PDF with one page per argument, each line of text drawn at the left margin."""
    document = pymupdf.open()
    for lines in pages or ([""],):
        page = document.new_page()
        for number, line in enumerate(lines):
            page.insert_text((72, 72 + 14 * number), line, fontname="helv", fontsize=10)
    data = document.tobytes()
    document.close()
    return data


def incoming(name: str, data: bytes) -> IncomingFile:
    return IncomingFile(name=name, content=ContentFile(data, name=name))


def corpus_file(name: str) -> IncomingFile:
    return incoming(name, (CORPUS / name).read_bytes())
