"""Statement and receipt reading with the default patterns, on hand-made lines: the traps of
real statements, one at a time."""

from datetime import date
from decimal import Decimal

import pytest

from processing.lines import group_words
from processing.models import ExtractionPattern
from processing.patterns import PatternSet
from processing.readers import ReceiptReader, StatementReader

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shipped_statement_patterns():
    """The statement patterns ship disabled (the statement reader needs none); these tests
    read with them, as an administrator's last resort does once they are enabled."""
    ExtractionPattern.objects.update(enabled=True)


def page(*rows: list[tuple[float, str]], top: float = 100, step: float = 12) -> list:
    """Lines from rows of (x, text) fields; each field's words laid out from its x."""
    words = []
    fragment = 0
    for number, fields in enumerate(rows):
        y0 = top + number * step
        for x, text in fields:
            fragment += 1  # each field is drawn on its own, as MuPDF then reports it
            for index, word in enumerate(text.split()):
                words.append((x, y0, x + 5 * len(word), y0 + 10, word, 0, fragment, index))
                x += 5 * len(word) + 3
    return group_words(words)


HEADER = [(40, "Statement period 12/15/2025 - 01/14/2026")]
JANE = [(40, "JANE Q DOE"), (260, "Card ending in 1234")]


def statement_reader() -> StatementReader:
    return StatementReader(PatternSet.load())


def test_rows_under_a_cardholder_with_credits_and_year_from_the_period():
    reader = statement_reader()
    rows = reader.read_page(
        page(
            HEADER,
            JANE,
            [
                (40, "12/28"),
                (92, "12/29"),
                (146, "DELTA AIR 0062345678901 ATLANTA GA"),
                (520, "1,234.56"),
            ],
            [(40, "01/02"), (92, "01/03"), (146, "STAPLES 55071926"), (520, "-3.92")],
        ),
        page=1,
    )

    assert [
        (r.cardholder, r.transaction_date, r.posting_date, r.description, r.amount) for r in rows
    ] == [
        (
            ("JANE Q DOE", "1234"),
            date(2025, 12, 28),
            date(2025, 12, 29),
            "DELTA AIR 0062345678901 ATLANTA GA",
            Decimal("1234.56"),
        ),
        (
            ("JANE Q DOE", "1234"),
            date(2026, 1, 2),
            date(2026, 1, 3),
            "STAPLES 55071926",
            Decimal("-3.92"),
        ),
    ]


def test_totals_and_summary_lines_are_not_transactions():
    reader = statement_reader()
    rows = reader.read_page(
        page(
            HEADER,
            [(40, "Previous balance $48,471.04"), (300, "Payment due date 02/08/2026")],
            [(40, "New balance $68,203.25")],
            JANE,
            [(146, "Total for JANE Q DOE $17,477.25")],
            [(40, "Northwind Bank, N.A. · P.O. Box 6100 · 1-800-555-0142 Page 1 of 3")],
        ),
        page=1,
    )

    assert rows == []


def test_a_wrapped_description_is_joined_but_not_across_a_gap_or_a_page():
    reader = statement_reader()
    rows = reader.read_page(
        page(
            HEADER,
            JANE,
            [
                (40, "12/26"),
                (92, "12/27"),
                (146, "MOSCONE CENTER EXHIBITOR SERVICES"),
                (520, "11,504.15"),
            ],
            [(146, "SAN FRANCISCO CA 94103")],
            [(40, "12/28"), (92, "12/28"), (146, "FEDEX 009998029 MEMPHIS TN"), (520, "44.38")],
        ),
        page=1,
    )
    next_page = reader.read_page(page([(146, "LEFTOVER FOOTER TEXT")]), page=2)

    assert rows[0].description == "MOSCONE CENTER EXHIBITOR SERVICES SAN FRANCISCO CA 94103"
    assert rows[1].description == "FEDEX 009998029 MEMPHIS TN"
    assert next_page == [] and rows[1].description.endswith("TN")


def test_a_continued_heading_keeps_the_cardholder_and_a_new_one_changes_it():
    reader = statement_reader()
    reader.read_page(page(HEADER, JANE), page=1)
    rows = reader.read_page(
        page(
            HEADER,
            [(40, "JANE Q DOE (continued)"), (260, "Card ending in 1234")],
            [(40, "01/05"), (92, "01/06"), (146, "UBER *TRIP HELP.UBER.COM CA"), (520, "67.18")],
            [(40, "MEI P EVANS"), (260, "Card ending in 5956")],
            [(40, "01/06"), (92, "01/07"), (146, "CHIPOTLE 2614 DENVER CO"), (520, "9.86")],
        ),
        page=2,
    )

    assert [r.cardholder for r in rows] == [("JANE Q DOE", "1234"), ("MEI P EVANS", "5956")]
    assert reader.cardholders == {("JANE Q DOE", "1234"), ("MEI P EVANS", "5956")}


def test_the_second_layout_with_references_and_cr_credits():
    reader = statement_reader()
    rows = reader.read_page(
        page(
            [(40, "Billing period: 01 Jan 2026 to 31 Jan 2026")],
            [(40, "Cardholder: OSCAR E SCOTT"), (320, "Account no. XXXX-XXXX-XXXX-6204")],
            [
                (40, "22 Jan 2026"),
                (104, "ENTERPRISE RENT-A-CAR 833304 NEW YORK NY"),
                (380, "54116192591172445395314"),
                (520, "55.10 CR"),
            ],
        ),
        page=1,
    )

    assert [(r.cardholder, r.transaction_date, r.posting_date, r.amount) for r in rows] == [
        (("OSCAR E SCOTT", "6204"), date(2026, 1, 22), None, Decimal("-55.10"))
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                [(270, "SP+ Parking")],
                [(200, "Date: 01/05/2026 07:41")],
                [(200, "Subtotal 67.03")],
                [(200, "TOTAL $67.03")],
            ],
            ("SP+ Parking", date(2026, 1, 5), Decimal("67.03")),
        ),
        (
            [
                [(50, "Hyatt Regency Guest Folio")],
                [(50, "Arrival: 12/30/25 Departure: 01/09/26")],
                [(360, "Total charges $12,130.52")],
                [(360, "Balance due $12,130.52")],
            ],
            ("Hyatt Regency", date(2026, 1, 9), Decimal("12130.52")),
        ),
        (
            [
                [(50, "Delta Air Lines INVOICE")],
                [(50, "Phoenix, AZ 80727 Invoice date: 7 November 2026")],
                [(360, "Amount due: USD 172.33")],
            ],
            ("Delta Air Lines", date(2026, 11, 7), Decimal("172.33")),
        ),
        (
            [
                [(50, "Uber")],
                [(50, "Dec 3, 2026 10:32 PM")],
                [(50, "Total $9.56")],
                [(50, "Trip total $9.56")],
            ],
            ("Uber", date(2026, 12, 3), Decimal("9.56")),
        ),
    ],
    ids=["till", "folio", "invoice", "ride"],
)
def test_receipt_layouts(rows, expected):
    [receipt] = ReceiptReader(PatternSet.load()).read_page(page(*rows), page=3)

    assert (receipt.merchant, receipt.receipt_date, receipt.total) == expected
    assert receipt.page == 3


def test_a_page_without_a_total_is_no_receipt():
    assert (
        ReceiptReader(PatternSet.load()).read_page(page([(50, "Terms and conditions")]), page=1)
        == []
    )


def test_a_pattern_that_runs_out_of_time_stops_the_page_naming_itself(settings):
    import regex

    from processing.errors import RegexExtractionError
    from processing.patterns import Pattern, first_hit

    settings.RECON_PATTERN_TIMEOUT_SECONDS = 0.05
    # Saved before patterns were checked for speed: it reaches the worker as it is.
    slow = Pattern("Old bank lines", "transaction", regex.compile(r"^(\w|\w\w)+\d$"))
    [line] = page([(40, "a" * 40 + "!")])

    with pytest.raises(RegexExtractionError, match=r"“Old bank lines” took longer than 0\.05 s"):
        first_hit([slow], line)
