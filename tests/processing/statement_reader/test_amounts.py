"""Amounts as printed around the world, and the words that only look like amounts."""

from decimal import Decimal

import pytest

from processing.statement_reader import read_statement
from processing.statement_reader.tokens import parse_amount

from .pages import header, page, row, words_of


@pytest.mark.parametrize(
    ("printed", "cents", "how"),
    [
        ("1,234.56", 123456, ""),
        ("1,03,041.15", 10304115, ""),
        ("40500.00", 4050000, ""),
        ("2.000,00", 200000, ""),
        ("12,50", 1250, ""),
        ("260,000.00Cr", 26000000, "CR"),
        ("45.00DR", 4500, "DR"),
        ("(412.16)", 41216, "("),
        ("-$10.41", 1041, "-"),
        ("412.16-", 41216, "-"),
        ("€12,50", 1250, ""),
        ("S$22,058.11", 2205811, ""),
        ("Rs.1,234.00", 123400, ""),
    ],
)
def test_amount_formats(printed, cents, how):
    assert parse_amount(printed)[:2] == (cents, how)


@pytest.mark.parametrize(
    "printed",
    ["74541833206000151518099", "1,234", "19.99%", "01-07-2023", "5488-2926-6730-9473", "1,2,3.45"],
)
def test_words_that_are_not_amounts(printed):
    assert parse_amount(printed) is None


def read_rows(*amounts: str):
    lines = [header()] + [
        row(220 + 15 * i, "13/07/2023", f"SHOP {i}", a) for i, a in enumerate(amounts)
    ]
    return read_statement([page(1, *lines)])


def test_space_grouped_and_separate_currency_words():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(220, (40, "13/07/2023"), (110, "RENT"), (540, "2 795,35", "right")),
                words_of(
                    235, (40, "14/07/2023"), (110, "SHOES"), (540, "INR 1,03,041.15", "right")
                ),
                words_of(250, (40, "15/07/2023"), (110, "BOOKS"), (540, "12.50 €", "right")),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [
        Decimal("2795.35"),
        Decimal("103041.15"),
        Decimal("12.50"),
    ]


def test_credit_markers_make_credits_negative_on_a_card():
    result = read_rows("100.00", "25.00 CR", "(10.00)", "200.00", "300.00")

    assert [r.amount for r in result.rows] == [
        Decimal("100.00"),
        Decimal("-25.00"),
        Decimal("-10.00"),
        Decimal("200.00"),
        Decimal("300.00"),
    ]
    assert "CR" in result.rows[1].evidence.sign


def test_a_statement_printing_most_rows_negative_prints_money_out_negative():
    result = read_rows("-100.00", "-25.00", "1,000.00", "-10.00")

    assert [r.amount for r in result.rows] == [
        Decimal("100.00"),
        Decimal("25.00"),
        Decimal("-1000.00"),
        Decimal("10.00"),
    ]
    assert "money out" in result.rows[0].evidence.sign


def test_a_cr_printed_on_the_line_below_the_amount():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "PAYMENT THANK YOU", "500.00"),
                words_of(229, (545, "CR")),
                row(245, "14/07/2023", "COFFEE", "4.50"),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [Decimal("-500.00"), Decimal("4.50")]
    assert [r.description for r in result.rows] == ["PAYMENT THANK YOU", "COFFEE"]


def test_a_foreign_amount_line_below_the_row():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "HOTEL PARIS", "130.45"),
                words_of(230, (110, "(120.00 EUR)")),
                row(245, "14/07/2023", "COFFEE", "4.50"),
            )
        ]
    )

    hotel = result.rows[0]
    assert (hotel.description, hotel.amount) == ("HOTEL PARIS", Decimal("130.45"))
    assert (hotel.original_amount, hotel.original_currency) == (Decimal("120.00"), "EUR")


def test_a_foreign_amount_line_with_its_label_and_rate():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "01/03/2024", "AMAZON.COM AMZN.COM/BILL WA", "61.30"),
                words_of(230, (118, "FOREIGN CURRENCY"), (190, "45.00 USD"), (240, "@ 1.362222")),
                row(245, "02/03/2024", "COFFEE", "4.50"),
            )
        ]
    )

    first = result.rows[0]
    assert first.description == "AMAZON.COM AMZN.COM/BILL WA"
    assert (first.original_amount, first.original_currency) == (Decimal("45.00"), "USD")


def test_the_currency_and_the_original_amount_on_two_lines_of_their_own():
    # "03/01 EURO" over "412.00 X 1.083700 (EXCHG RATE)".
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "03/01/2024", "HOTEL LES DOCKS PARIS", "446.48"),
                words_of(230, (110, "03/01"), (140, "EURO")),
                words_of(240, (110, "412.00 X 1.083700 (EXCHG RATE)")),
                row(255, "03/02/2024", "COFFEE", "4.50"),
            )
        ]
    )

    hotel = result.rows[0]
    assert hotel.description == "HOTEL LES DOCKS PARIS"
    assert (hotel.original_amount, hotel.original_currency) == (Decimal("412.00"), "EUR")


def test_a_rows_last_words_before_its_original_amount_and_rate_stay_its_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "22/02/2024", "SPOTIFY", "204.45"),
                words_of(230, (110, "STOCKHOLM SE"), (276, "USD 11.99"), (312, "TC 17.0517")),
                row(245, "23/02/2024", "SANBORNS CAFE", "587.00"),
                row(260, "04/03/2024", "AMAZON EU SARL", "1,506.82"),
                words_of(270, (110, "LUXEMBOURG LU"), (200, "42.90 EUR"), (260, "Kur: 35.1240")),
            )
        ]
    )

    spotify, _, amazon = result.rows
    assert spotify.description == "SPOTIFY STOCKHOLM SE"
    assert (spotify.original_amount, spotify.original_currency) == (Decimal("11.99"), "USD")
    assert amazon.description == "AMAZON EU SARL LUXEMBOURG LU"
    assert (amazon.original_amount, amazon.original_currency) == (Decimal("42.90"), "EUR")
