"""The whole path on real PDFs written with PyMuPDF: text drawn in odd orders, stamps,
sidebars, characters drawn one at a time."""

from datetime import date
from decimal import Decimal

import pymupdf

from processing.statement_reader import Verdict, read_statement
from processing.statement_reader.pdf import document_pages


def right(page, x_right: float, y: float, text: str, size: float = 9) -> None:
    width = pymupdf.get_text_length(text, fontname="helv", fontsize=size)
    page.insert_text((x_right - width, y), text, fontsize=size)


def read(document):
    return read_statement(list(document_pages(document)))


def test_a_bank_statement_drawn_amounts_first_with_a_stamp_and_a_sidebar():
    document = pymupdf.open()
    page = document.new_page()
    rows = [
        ("02/05/2024", "CARD PAYMENT TO TESCO STORES", "45.10", "", "954.90"),
        ("03/05/2024", "SALARY ACME LTD", "", "2,500.00", "3,454.90"),
        ("13/05/2024", "DIRECT DEBIT BRITISH GAS", "120.00", "", "3,334.90"),
    ]
    page.insert_text((40, 60), "Statement date 31 May 2024", fontsize=9)
    # Amounts first, bottom-up: content order must not matter.
    for i, (_, _, out, into, balance) in reversed(list(enumerate(rows))):
        y = 140 + 14 * i
        if out:
            right(page, 400, y, out)
        if into:
            right(page, 470, y, into)
        right(page, 550, y, balance)
    right(page, 550, 126, "1,000.00")
    page.insert_text((110, 126), "Opening balance", fontsize=9)
    for i, (when, details, *_) in enumerate(rows):
        page.insert_text((40, 140 + 14 * i), when, fontsize=9)
        page.insert_text((110, 140 + 14 * i), details, fontsize=9)
    for x, title in ((40, "Date"), (110, "Details")):
        page.insert_text((x, 110), title, fontsize=9)
    for x, title in ((400, "Money out"), (470, "Money in"), (550, "Balance")):
        right(page, x, 110, title)
    page.insert_text((250, 180), "PAID", fontsize=40, rotate=90)
    page.insert_text((565, 154), "OFFER", fontsize=7)

    result = read(document)

    assert [(r.date, r.description, r.amount) for r in result.rows] == [
        (date(2024, 5, 2), "CARD PAYMENT TO TESCO STORES", Decimal("45.10")),
        (date(2024, 5, 3), "SALARY ACME LTD", Decimal("-2500.00")),
        (date(2024, 5, 13), "DIRECT DEBIT BRITISH GAS", Decimal("120.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_characters_drawn_one_at_a_time_and_a_cr_on_the_next_line():
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((40, 100), "Date", fontsize=9)
    page.insert_text((110, 100), "Description", fontsize=9)
    right(page, 550, 100, "Amount")
    x = 110.0
    for ch in "PAYMENT RECEIVED":
        page.insert_text((x, 120), ch, fontsize=9)
        x += pymupdf.get_text_length(ch, fontname="helv", fontsize=9)
    page.insert_text((40, 120), "14/07/2023", fontsize=9)
    right(page, 550, 120, "500.00")
    page.insert_text((540, 129), "CR", fontsize=7)
    page.insert_text((40, 145), "15/07/2023", fontsize=9)
    page.insert_text((110, 145), "COFFEE", fontsize=9)
    right(page, 550, 145, "4.50")

    result = read(document)

    assert [(r.description, r.amount) for r in result.rows] == [
        ("PAYMENT RECEIVED", Decimal("-500.00")),
        ("COFFEE", Decimal("4.50")),
    ]


def test_a_page_turned_by_its_rotate_entry_is_read_as_it_is_shown(tmp_path):
    import pymupdf

    from processing.statement_reader import read_statement
    from processing.statement_reader.pdf import document_pages

    document = pymupdf.open()
    page = document.new_page(width=612, height=792)
    page.set_rotation(90)
    # Drawn upright as the page is shown (landscape): the table's lines run down the paper.
    turned = page.derotation_matrix
    lines = [
        (60, "Date"),
        (120, "Description"),
        (700, "Amount"),
    ]
    for x, text in lines:
        page.insert_text(pymupdf.Point(x, 100) * turned, text, rotate=90)
    for y, (printed, description, amount) in zip(
        (130, 150),
        (("04/21/2024", "STARBUCKS STORE", "7.25"), ("04/22/2024", "SHELL OIL", "61.04")),
        strict=True,
    ):
        for x, text in ((60, printed), (120, description), (700, amount)):
            page.insert_text(pymupdf.Point(x, y) * turned, text, rotate=90)
    path = tmp_path / "turned.pdf"
    document.save(path)

    with pymupdf.open(path) as opened:
        result = read_statement(list(document_pages(opened)))

    assert [(r.description, str(r.amount)) for r in result.rows] == [
        ("STARBUCKS STORE", "7.25"),
        ("SHELL OIL", "61.04"),
    ]
