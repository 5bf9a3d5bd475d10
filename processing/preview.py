"""A statement read for an administrator, page by page: the rebuilt lines, the rows read from
them with the evidence for each, and the verdict of the statement's totals. This is how an
admin finds out why Recon reads a bank wrongly, and sees a profile's effect, without code."""

from dataclasses import dataclass, field

from processing.errors import PdfError
from processing.pdf import open_pdf
from processing.statement_reader import (
    DecimalStyle,
    PageLayout,
    PageWords,
    Profile,
    StatementReader,
    StatementResult,
    StatementRow,
    read_page,
)
from processing.statement_reader.page import HEADER, HOLDER, LABEL, OTHER_TABLE, SECTION
from processing.statement_reader.pdf import displayed_words

# Enough pages to see a layout and its totals, few enough for a web request.
MAX_PREVIEW_PAGES = 40


@dataclass(frozen=True, slots=True)
class PreviewLine:
    text: str
    # What the reader took the line for: "" (a row or plain text), "header", "total or
    # label", "section", "cardholder", "other table".
    role: str


@dataclass
class PreviewPage:
    number: int
    lines: list[PreviewLine] = field(default_factory=list)
    rows: list[StatementRow] = field(default_factory=list)


@dataclass
class Preview:
    name: str
    page_count: int
    pages: list[PreviewPage]
    result: StatementResult

    @property
    def truncated(self) -> bool:
        return self.page_count > len(self.pages)


_ROLES = {
    HEADER: "column headings",
    LABEL: "total or label",
    SECTION: "section",
    HOLDER: "cardholder",
    OTHER_TABLE: "other table",
}


def preview_statement(*, data: bytes, name: str, profile: Profile | None = None) -> Preview:
    """Read up to MAX_PREVIEW_PAGES pages of the statement in `data` with `profile`;
    PdfError (naming `name`) if it cannot be opened."""
    reader = StatementReader(profile)
    pages: list[PreviewPage] = []
    layouts: list[PageLayout] = []
    with open_pdf(data=data, name=name) as document:
        page_count = document.page_count
        for index in range(min(page_count, MAX_PREVIEW_PAGES)):
            try:
                page = document.load_page(index)
                words = displayed_words(page)
                size = page.rect
            except Exception as exc:  # MuPDF's errors do not share one base class
                raise PdfError(
                    f"Page {index + 1} of “{name}” cannot be read: it is damaged.",
                    file=name,
                    page=index + 1,
                ) from exc
            layout = read_page(
                PageWords(number=index + 1, width=size.width, height=size.height, words=words)
            )
            reader.add(layout)
            layouts.append(layout)
    result = reader.finish()
    # Pages read with whole numbers as amounts show the lines as that reading rebuilt them.
    whole = result.decimal_style is DecimalStyle.WHOLE
    for layout in layouts:
        shown = layout.whole if whole and layout.whole is not None else layout
        pages.append(PreviewPage(layout.number, _lines(shown)))
    by_number = {page.number: page for page in pages}
    for row in result.rows:
        if row.page in by_number:
            by_number[row.page].rows.append(row)
    return Preview(name=name, page_count=page_count, pages=pages, result=result)


def _lines(layout) -> list[PreviewLine]:
    lines = []
    for _y0, _y1, _height, tokens, tag, _info in layout.lines:
        text = " ".join(token[3] for token in tokens)
        if text:
            lines.append(PreviewLine(text, _ROLES.get(tag, "")))
    return lines
