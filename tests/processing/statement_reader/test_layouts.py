"""Layouts: columns, wrapped descriptions, sections, cardholders, and what is never a row."""

import random
from datetime import date
from decimal import Decimal

import pytest

from processing.statement_reader import Verdict, read_statement

from .pages import box, header, page, row, words_of


def amounts(result):
    return [r.amount for r in result.rows]


def descriptions(result):
    return [r.description for r in result.rows]


def bank_page(*lines):
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Details"),
        (380, "Withdrawals", "right"),
        (460, "Deposits", "right"),
        (540, "Balance", "right"),
    )
    opening = words_of(212, (110, "Opening balance"), (540, "1,000.00", "right"))
    return page(1, titles, opening, *lines)


def bank_row(y, date, details, out="", into="", balance=""):
    cells = [(40, date), (110, details)]
    cells += [(380, out, "right")] if out else []
    cells += [(460, into, "right")] if into else []
    cells += [(540, balance, "right")] if balance else []
    return words_of(y, *cells)


def test_withdrawal_and_deposit_columns_with_a_running_balance():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "13/07/2023", "RENT", out="400.00", balance="600.00"),
                bank_row(240, "14/07/2023", "SALARY", into="2,000.00", balance="2,600.00"),
                bank_row(255, "15/07/2023", "GROCER", out="55.10", balance="2,544.90"),
            )
        ]
    )

    assert amounts(result) == [Decimal("400.00"), Decimal("-2000.00"), Decimal("55.10")]
    assert descriptions(result) == ["RENT", "SALARY", "GROCER"]
    assert result.check.verdict == Verdict.AGREES
    assert "Withdrawals" in result.rows[0].evidence.amount_column


def test_a_running_balance_that_does_not_follow_is_caught():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "13/07/2023", "RENT", out="400.00", balance="600.00"),
                bank_row(240, "14/07/2023", "SALARY", into="2,000.00", balance="2,700.00"),
            )
        ]
    )

    assert result.check.verdict == Verdict.DISAGREES
    assert "SALARY" in result.check.message and "2,700.00" in result.check.message


def test_the_balance_column_decides_unsigned_amounts():
    titles = words_of(
        200, (40, "Date"), (110, "Description"), (460, "Amount", "right"), (540, "Balance", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    225,
                    (40, "13/07/2023"),
                    (110, "RENT"),
                    (460, "400.00", "right"),
                    (540, "600.00", "right"),
                ),
                words_of(
                    240,
                    (40, "14/07/2023"),
                    (110, "SALARY"),
                    (460, "2,000.00", "right"),
                    (540, "2,600.00", "right"),
                ),
                words_of(
                    255,
                    (40, "15/07/2023"),
                    (110, "GROCER"),
                    (460, "55.10", "right"),
                    (540, "2,544.90", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("400.00"), Decimal("-2000.00"), Decimal("55.10")]
    assert "running balance" in result.rows[1].evidence.sign


def test_sections_give_the_sign_when_amounts_carry_none():
    result = read_statement(
        [
            page(
                1,
                words_of(190, (40, "PAYMENTS AND CREDITS")),
                header(205),
                row(220, "13/07/2023", "PAYMENT THANK YOU", "500.00"),
                words_of(240, (40, "PURCHASES")),
                row(255, "14/07/2023", "COFFEE", "4.50"),
                row(270, "15/07/2023", "BOOKS", "20.00"),
            )
        ]
    )

    assert amounts(result) == [Decimal("-500.00"), Decimal("4.50"), Decimal("20.00")]
    assert "PAYMENTS AND CREDITS" in result.rows[0].evidence.sign


def test_reward_points_and_reference_columns_are_never_amounts():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Description"),
        (300, "Reference"),
        (470, "Reward Points", "right"),
        (540, "Amount", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    220,
                    (40, "13/07/2023"),
                    (110, "COFFEE"),
                    (300, "74541833206000151518099"),
                    (470, "12.00 Cr", "right"),
                    (540, "4.50", "right"),
                ),
                words_of(
                    235,
                    (40, "14/07/2023"),
                    (110, "BOOKS"),
                    (300, "74541833206000151518100"),
                    (470, "40.00", "right"),
                    (540, "20.00", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("4.50"), Decimal("20.00")]
    assert descriptions(result) == ["COFFEE", "BOOKS"]


def test_wrapped_description_with_the_date_on_the_first_line():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "AMAZON MARKETPLACE", "45.00"),
                words_of(230, (110, "PMTS AMZN.COM/BILL")),
                words_of(240, (110, "SEATTLE WA")),
                row(256, "14/07/2023", "COFFEE", "4.50"),
            )
        ]
    )

    assert descriptions(result) == ["AMAZON MARKETPLACE PMTS AMZN.COM/BILL SEATTLE WA", "COFFEE"]


def test_wrapped_description_with_the_date_on_the_middle_line():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(220, (110, "AMAZON MARKETPLACE")),
                row(230, "13/07/2023", "PMTS AMZN.COM/BILL", "45.00"),
                words_of(240, (110, "SEATTLE WA")),
                words_of(256, (110, "GRAND HOTEL")),
                row(266, "14/07/2023", "BERLIN", "400.00"),
                words_of(276, (110, "DE")),
            )
        ]
    )

    assert descriptions(result) == [
        "AMAZON MARKETPLACE PMTS AMZN.COM/BILL SEATTLE WA",
        "GRAND HOTEL BERLIN DE",
    ]


def test_wrapped_description_with_the_date_on_the_last_line():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(220, (110, "UPI/DR/759846006015")),
                row(230, "13/07/2023", "UBER INDIA", "104.00"),
                words_of(246, (110, "NEFT*HDFC0000240")),
                row(256, "14/07/2023", "LITWARE LLP", "5,000.00"),
            )
        ]
    )

    assert descriptions(result) == [
        "UPI/DR/759846006015 UBER INDIA",
        "NEFT*HDFC0000240 LITWARE LLP",
    ]


def test_several_cardholders_each_with_their_total():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (40, "JOHN SMITH"), (250, "Card ending 1234")),
                row(230, "13/07/2023", "COFFEE", "4.50"),
                row(245, "14/07/2023", "BOOKS", "20.00"),
                words_of(260, (110, "Total for JOHN SMITH"), (540, "24.50", "right")),
                words_of(280, (40, "JANE DOE"), (250, "XXXX-XXXX-XXXX-5678")),
                row(295, "15/07/2023", "TAXI", "30.00"),
                words_of(310, (110, "Total for JANE DOE"), (540, "30.00", "right")),
            )
        ]
    )

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        ("JOHN SMITH", "1234"),
        ("JOHN SMITH", "1234"),
        ("JANE DOE", "5678"),
    ]
    assert result.check.verdict == Verdict.AGREES
    assert descriptions(result) == ["COFFEE", "BOOKS", "TAXI"]


def test_a_cardholder_total_that_does_not_match_is_reported_in_words():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (40, "JOHN SMITH"), (250, "Card ending 1234")),
                row(230, "13/07/2023", "COFFEE", "4.50"),
                words_of(245, (110, "Total for JOHN SMITH"), (540, "3,204.50", "right")),
            )
        ]
    )

    assert result.check.verdict == Verdict.DISAGREES
    assert "3,200.00 of charges not found" in result.check.message


def test_summary_lines_are_never_rows():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
                words_of(112, (40, "Minimum payment due"), (300, "25.00", "right")),
                words_of(124, (40, "Credit limit"), (300, "5,000.00", "right")),
                words_of(136, (40, "New balance"), (300, "124.50", "right")),
                header(),
                words_of(215, (110, "Balance brought forward"), (540, "100.00", "right")),
                row(230, "13/07/2023", "COFFEE", "4.50"),
                row(245, "14/07/2023", "BOOKS", "20.00"),
                words_of(260, (110, "Subtotal"), (540, "24.50", "right")),
                words_of(275, (110, "Total"), (540, "124.50", "right")),
            )
        ]
    )

    assert descriptions(result) == ["COFFEE", "BOOKS"]
    assert result.check.verdict == Verdict.AGREES


def test_a_daily_balance_table_is_not_rows():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                words_of(250, (40, "Daily ending balance")),
                words_of(
                    265,
                    (40, "13/07/2023"),
                    (200, "1,000.00"),
                    (300, "14/07/2023"),
                    (540, "995.50", "right"),
                ),
                words_of(280, (40, "15/07/2023"), (540, "990.00", "right")),
            )
        ]
    )

    assert descriptions(result) == ["COFFEE"]


def test_rotated_stamps_and_sidebars_are_ignored():
    stamp = [(200.0, 215.0, 330.0, 320.0, "PAID", 9, 0, 0)]  # drawn diagonally over the rows
    sideways = [(575.0, 200.0, 584.0, 290.0, "SIDEWAYS-NOTE", 9, 0, 0)]
    sidebar = words_of(235, (570, "APPLY"))
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "BOOKS", "20.00"),
                stamp,
                sideways,
                sidebar,
            )
        ]
    )

    assert descriptions(result) == ["COFFEE", "BOOKS"]
    assert amounts(result) == [Decimal("4.50"), Decimal("20.00")]


def test_text_drawn_out_of_order_is_read_in_visual_order():
    lines = [
        header(),
        row(220, "13/07/2023", "COFFEE SHOP", "4.50"),
        row(235, "14/07/2023", "BOOKS", "20.00"),
    ]
    shuffled = [w for line in lines for w in line]
    random.Random(7).shuffle(shuffled)

    result = read_statement([page(1, shuffled)])

    assert descriptions(result) == ["COFFEE SHOP", "BOOKS"]


def test_letter_spaced_text_is_joined():
    spaced = [box(110 + 9 * i, 220, ch) for i, ch in enumerate("PAYMENT")]
    spaced += [box(190 + 9 * i, 220, ch) for i, ch in enumerate("RECEIVED")]
    result = read_statement(
        [page(1, header(), words_of(220, (40, "13/07/2023"), (540, "500.00 CR", "right")), spaced)]
    )

    assert descriptions(result) == ["PAYMENT RECEIVED"]


def test_a_statement_without_column_titles():
    result = read_statement(
        [
            page(
                1,
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "BOOKS", "20.00"),
                row(250, "15/07/2023", "REFUND", "(5.00)"),
            )
        ]
    )

    assert amounts(result) == [Decimal("4.50"), Decimal("20.00"), Decimal("-5.00")]
    assert any("no column titles" in w and "page 1" in w for w in result.warnings)


def test_a_terms_page_between_pages_of_rows():
    terms = [
        words_of(
            100 + 12 * i,
            (40, f"Interest of 1.5% applies; a fee of up to $25.00 may be charged {i}"),
        )
        for i in range(10)
    ]
    result = read_statement(
        [
            page(1, header(), row(220, "13/07/2023", "COFFEE", "4.50")),
            page(2, *terms),
            page(3, header(100), row(120, "14/07/2023", "BOOKS", "20.00")),
        ]
    )

    assert descriptions(result) == ["COFFEE", "BOOKS"]
    assert [r.page for r in result.rows] == [1, 3]


def test_titles_printed_on_two_lines():
    titles = words_of(190, (40, "Trans"), (80, "Post")) + words_of(
        199, (40, "Date"), (80, "Date"), (130, "Description"), (540, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    220, (40, "07/13"), (80, "07/15"), (130, "COFFEE"), (540, "4.50", "right")
                ),
            )
        ]
    )

    row_ = result.rows[0]
    assert (row_.date.month, row_.date.day, row_.posting_date.day) == (7, 13, 15)
    assert row_.description == "COFFEE"


def test_dates_printed_once_per_day_and_amounts_on_the_last_line_of_a_row():
    titles = words_of(
        200,
        (40, "Date"),
        (100, "Payment type and details"),
        (400, "Paid out", "right"),
        (480, "Paid in", "right"),
        (550, "Balance", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(212, (100, "BALANCE BROUGHT FORWARD"), (550, "1,000.00", "right")),
                words_of(225, (40, "17 Aug 22"), (100, "Received From FABRIKAM UK LTD")),
                words_of(
                    236,
                    (100, "Faster Payment"),
                    (480, "500.00", "right"),
                    (550, "1,500.00", "right"),
                ),
                words_of(
                    249,
                    (40, "18 Aug 22"),
                    (100, "Card Payment to TFL TRAVEL"),
                    (400, "2.10", "right"),
                ),
                words_of(262, (100, "Card Payment to DISHOOM KINGS CROSS")),
                words_of(273, (100, "LONDON"), (400, "40.00", "right"), (550, "1,457.90", "right")),
            )
        ]
    )

    assert [(r.date.day, r.description, r.amount) for r in result.rows] == [
        (17, "Received From FABRIKAM UK LTD Faster Payment", Decimal("-500.00")),
        (18, "Card Payment to TFL TRAVEL", Decimal("2.10")),
        (18, "Card Payment to DISHOOM KINGS CROSS LONDON", Decimal("40.00")),
    ]
    assert result.check.verdict == Verdict.AGREES
    assert "row above" in result.rows[2].evidence.year


def test_an_unlabelled_period_gives_the_year_and_a_heading_names_the_cardholder_and_section():
    result = read_statement(
        [
            page(
                1,
                words_of(60, (300, "December 16, 2021 through January 15, 2022")),
                words_of(190, (40, "Payments"), (540, "Amount", "right")),
                row(205, "Dec 27", "PAYMENT RECEIVED - THANK YOU", "-500.00"),
                words_of(220, (110, "Total Payments"), (540, "-500.00", "right")),
                words_of(
                    240, (40, "New Charges"), (110, "TOMAS E JOHNSON"), (480, "Card Ending 7-34691")
                ),
                row(255, "Jan 06", "UBER TRIP", "31.68"),
                row(270, "Jan 08", "STARBUCKS", "10.41"),
                words_of(285, (110, "Total for TOMAS E JOHNSON"), (540, "42.09", "right")),
            )
        ]
    )

    assert [(str(r.date), r.amount, r.cardholder) for r in result.rows] == [
        ("2021-12-27", Decimal("-500.00"), None),
        ("2022-01-06", Decimal("31.68"), "TOMAS E JOHNSON"),
        ("2022-01-08", Decimal("10.41"), "TOMAS E JOHNSON"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_column_titles_with_a_currency_before_them_and_an_unknown_description_title():
    titles = words_of(
        200,
        (40, "Date of Transaction"),
        (150, "Merchant Name or Transaction Description"),
        (540, "$ Amount", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    220,
                    (40, "01/12"),
                    (150, "AMAZON.COM AMZN.COM/BILL WA"),
                    (540, "25.99", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("AMAZON.COM AMZN.COM/BILL WA", Decimal("25.99"))
    ]
    assert not [w for w in result.warnings if "no column titles" in w]


def test_a_wrapped_line_that_reads_like_another_tables_title_stays_in_the_description():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "NORTHWESTERN MEDICINE", "319.87"),
                words_of(231, (110, "BALANCE AFTER INSURANCE")),
                row(250, "14/07/2023", "CHIPOTLE 1187", "12.00"),
                row(265, "15/07/2023", "SHELL OIL", "40.00"),
            )
        ]
    )

    assert descriptions(result) == [
        "NORTHWESTERN MEDICINE BALANCE AFTER INSURANCE",
        "CHIPOTLE 1187",
        "SHELL OIL",
    ]


def test_a_summary_printed_over_the_table_under_the_rows_is_not_read_as_rows():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "REFUND BOOKS", "-20.00"),
                words_of(270, (300, "Previous Balance"), (540, "100.00", "right")),
                words_of(282, (300, "Payments and Other Credits"), (540, "-20.00", "right")),
                words_of(294, (300, "Purchases"), (540, "4.50", "right")),
                words_of(306, (300, "New Balance"), (540, "84.50", "right")),
            )
        ]
    )

    assert descriptions(result) == ["COFFEE", "REFUND BOOKS"]
    assert result.check.verdict == Verdict.AGREES


def test_balances_listed_in_several_columns_under_repeated_titles_are_not_rows():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                words_of(250, (40, "Date"), (120, "Amount"), (220, "Date"), (300, "Amount")),
                words_of(
                    265, (40, "13/07"), (160, "995.50", "right"), (220, "14/07"), (340, "990.00")
                ),
            )
        ]
    )

    assert descriptions(result) == ["COFFEE"]


def test_a_count_printed_between_a_label_and_its_figure():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Beginning Balance"), (300, "100.00", "right")),
                words_of(112, (40, "Ending Balance"), (200, "2"), (300, "124.50", "right")),
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "BOOKS", "20.00"),
            )
        ]
    )

    assert result.check.verdict == Verdict.AGREES
    assert any("ending balance 124.50" in phrase for phrase in result.check.checked)


def test_rows_after_the_last_printed_total_are_not_vouched_for():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "BOOKS", "20.00"),
                words_of(250, (110, "Total"), (540, "24.50", "right")),
                row(300, "15/07/2023", "TAXI", "7.00"),
            )
        ]
    )

    assert len(result.rows) == 3
    assert result.check.verdict == Verdict.PARTLY
    assert result.check.message == (
        "partly checked: the statement's totals agree with 2 of 3 rows; 1 row (page 1) is "
        "under no printed total"
    )


def test_carried_balances_between_pages_are_not_rows():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "02.09.2024", "Kartenzahlung REWE", "63,47-"),
                words_of(700, (110, "Übertrag auf Blatt 2"), (540, "2.489,15", "right")),
            ),
            page(
                2,
                header(),
                words_of(215, (110, "Übertrag von Blatt 1"), (540, "2.489,15", "right")),
                row(230, "03.09.2024", "Lastschrift Telekom", "39,95-"),
            ),
        ]
    )

    assert descriptions(result) == ["Kartenzahlung REWE", "Lastschrift Telekom"]


def test_rows_printed_without_a_date_under_a_dated_balance_line_take_its_date():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Date"),
                    (110, "Details"),
                    (380, "Paid out", "right"),
                    (460, "Paid in", "right"),
                    (540, "Balance", "right"),
                ),
                words_of(
                    215,
                    (40, "01 Jul 25"),
                    (110, "BALANCE BROUGHT FORWARD"),
                    (540, "100.00", "right"),
                ),
                words_of(230, (110, "DD THAMES WATER"), (380, "38.50", "right")),
                words_of(
                    245, (110, "SO J HARGREAVES"), (380, "25.00", "right"), (540, "36.50", "right")
                ),
                words_of(260, (40, "02 Jul 25"), (110, "TESCO STORES"), (380, "6.50", "right")),
            )
        ]
    )

    assert [(r.date, r.description) for r in result.rows] == [
        (date(2025, 7, 1), "DD THAMES WATER"),
        (date(2025, 7, 1), "SO J HARGREAVES"),
        (date(2025, 7, 2), "TESCO STORES"),
    ]
    assert "BALANCE BROUGHT FORWARD 01 Jul 25" in result.rows[0].evidence.year
    assert not result.warnings


def test_a_cheque_printed_without_a_description_is_named_by_its_column_and_number():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Check No."),
                    (110, "Description"),
                    (430, "Date Paid"),
                    (540, "Amount", "right"),
                ),
                words_of(215, (40, "1041"), (430, "09/05/2024"), (540, "150.00", "right")),
                words_of(230, (40, "1042"), (430, "09/12/2024"), (540, "1,200.00", "right")),
            )
        ]
    )

    assert descriptions(result) == ["Check 1041", "Check 1042"]
    assert amounts(result) == [Decimal("150.00"), Decimal("1200.00")]


def test_a_cardholders_name_alone_over_their_rows_names_them():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (40, "OSCAR C WILLIAMS")),
                row(230, "13/07/2023", "COFFEE", "4.50"),
                words_of(245, (40, "AISHA E ABERNATHY")),
                row(260, "14/07/2023", "BOOKS", "20.00"),
                words_of(275, (40, "TERMS AND CONDITIONS")),
                row(290, "15/07/2023", "TAXI", "7.00"),
            )
        ]
    )

    assert [r.cardholder for r in result.rows] == [
        "OSCAR C WILLIAMS",
        "AISHA E ABERNATHY",
        "AISHA E ABERNATHY",
    ]


def test_a_table_title_over_the_column_titles_is_not_half_of_them():
    result = read_statement(
        [
            page(
                1,
                words_of(180, (40, "Transactions"), size=12),
                words_of(
                    196,
                    (40, "Trans Date"),
                    (100, "Description"),
                    (380, "Category"),
                    (540, "Amount", "right"),
                ),
                words_of(212, (40, "Payments and Credits")),
                words_of(
                    227, (40, "20/07/2023"), (100, "AUTOPAY PAYMENT"), (540, "1,450.00", "right")
                ),
                words_of(243, (40, "Purchases and Adjustments")),
                words_of(
                    258,
                    (40, "21/07/2023"),
                    (100, "KROGER"),
                    (380, "Groceries"),
                    (540, "97.43", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("AUTOPAY PAYMENT", Decimal("-1450.00")),
        ("KROGER", Decimal("97.43")),
    ]


def test_dates_starting_left_of_a_short_centred_title_are_dates():
    titles = words_of(
        200,
        (49, "Date"),
        (84, "Libellé"),
        (340, "Valeur"),
        (430, "Débit", "right"),
        (527, "Crédit", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (42, "05/08"),
                    (84, "CB BOULANGERIE PAUL 02/08"),
                    (342, "02/08"),
                    (430, "8,40", "right"),
                ),
                words_of(
                    230,
                    (42, "06/08"),
                    (84, "VIR SEPA LOYER"),
                    (342, "06/08"),
                    (527, "780,00", "right"),
                ),
                words_of(100, (40, "Relevé du 01/08/2024 au 31/08/2024")),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2024, 8, 5), date(2024, 8, 2)),
        (date(2024, 8, 6), date(2024, 8, 6)),
    ]


def test_foreign_amount_lines_under_a_row_are_its_original_amount_not_its_description():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "CB HERTZ ORLANDO", "170,04"),
                words_of(230, (110, "186,40 USD 1 EURO = 1,0962 USD")),
                row(245, "14/07/2023", "ETSY.COM BROOKLYN US", "71,01"),
                words_of(255, (110, "USD 45,00 incl. foreign transaction fee of A$2,07")),
                row(270, "15/07/2023", "COLES SURRY HILLS", "63,12"),
            )
        ]
    )

    assert [(r.description, r.original_amount, r.original_currency) for r in result.rows] == [
        ("CB HERTZ ORLANDO", Decimal("186.40"), "USD"),
        ("ETSY.COM BROOKLYN US", Decimal("45.00"), "USD"),
        ("COLES SURRY HILLS", None, None),
    ]


def test_a_period_printed_in_a_wrapped_description_stays_in_it():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "31/07/2024", "Kosten Betaalpakket", "3,95"),
                words_of(230, (110, "Periode 01-07-2024 t/m 31-07-2024")),
                row(245, "31/07/2024", "Albert Heijn 1403", "12,50"),
            )
        ]
    )

    assert descriptions(result) == [
        "Kosten Betaalpakket Periode 01-07-2024 t/m 31-07-2024",
        "Albert Heijn 1403",
    ]


def test_notes_and_payment_slips_after_the_rows_neither_join_a_row_nor_sign_the_next_page():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "03/07/2024", "FOREIGN CURRENCY TRANSACTION FEE", "1.44"),
                words_of(230, (110, "*** TO BE CONTINUED ON NEXT PAGE ***")),
                words_of(
                    600, (40, "Please detach this portion and return with your cheque payment")
                ),
                words_of(620, (40, "PAYMENT SLIP")),
            ),
            page(
                2,
                header(),
                row(220, "06/07/2024", "GALAXY MACAU", "1,408.24"),
                row(235, "08/07/2024", "NETFLIX.COM", "93.00"),
            ),
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("FOREIGN CURRENCY TRANSACTION FEE", Decimal("1.44")),
        ("GALAXY MACAU", Decimal("1408.24")),
        ("NETFLIX.COM", Decimal("93.00")),
    ]


def test_a_merchant_and_its_city_printed_apart_read_line_by_line():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(
                    220,
                    (40, "12/23/2023"),
                    (110, "WHOLEFDS MKT 10234"),
                    (300, "BROOKLINE"),
                    (400, "MA"),
                    (540, "184.37", "right"),
                ),
                words_of(230, (110, "GROCERY STORES")),
                row(250, "12/24/2023", "SHELL OIL", "62.10"),
            )
        ]
    )

    assert descriptions(result)[0] == "WHOLEFDS MKT 10234 BROOKLINE MA GROCERY STORES"


def test_a_summary_of_what_each_card_spent_is_not_read_as_rows():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                words_of(
                    240, (110, "JAMES R HOLLOWAY Card Ending 6-71004"), (540, "4.50", "right")
                ),
                words_of(
                    252, (110, "LINDA M HOLLOWAY Card Ending 6-71012"), (540, "20.00", "right")
                ),
                row(270, "14/07/2023", "BOOKS", "20.00"),
            )
        ]
    )

    assert descriptions(result) == ["COFFEE", "BOOKS"]


def test_a_section_heading_tight_over_its_first_row_is_a_heading_not_its_first_line():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "PAYMENTS AND OTHER CREDITS")),
                row(220, "13/07/2023", "ONLINE PAYMENT THANK YOU", "250.00"),
                words_of(228, (110, "Total payments"), (540, "250.00", "right")),
                words_of(236, (110, "PURCHASES AND ADJUSTMENTS")),
                row(244, "14/07/2023", "STARBUCKS STORE 08734", "6.85"),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("ONLINE PAYMENT THANK YOU", Decimal("-250.00")),
        ("STARBUCKS STORE 08734", Decimal("6.85")),
    ]


def test_a_document_number_column_is_not_part_of_the_description():
    titles = words_of(
        200,
        (40, "Data"),
        (80, "Histórico"),
        (300, "Documento"),
        (440, "Valor", "right"),
        (540, "Saldo", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Período: 01/09/2024 a 30/09/2024")),
                titles,
                words_of(
                    215,
                    (40, "02/09"),
                    (80, "PAGTO BOLETO"),
                    (324, "020901"),
                    (440, "1.180,00 D", "right"),
                    (540, "3.000,00 C", "right"),
                ),
                words_of(
                    230,
                    (40, "03/09"),
                    (80, "PIX RECEBIDO"),
                    (324, "771045"),
                    (440, "500,00 C", "right"),
                    (540, "3.500,00 C", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["PAGTO BOLETO", "PIX RECEBIDO"]


def test_titles_on_two_lines_tell_a_posting_date_printed_first_from_the_transaction_date():
    result = read_statement(
        [
            page(
                1,
                words_of(196, (40, "Posting"), (100, "Transaction")),
                words_of(
                    204,
                    (40, "Date"),
                    (100, "Date"),
                    (170, "Transaction Description"),
                    (540, "Amount", "right"),
                ),
                words_of(
                    220,
                    (40, "14 DEC"),
                    (100, "13 DEC"),
                    (170, "SHOPEE MALAYSIA"),
                    (540, "89.90", "right"),
                ),
                words_of(100, (40, "Statement Date 20 JAN 2024")),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2023, 12, 13), date(2023, 12, 14))
    ]


def test_a_notice_printed_between_two_rows_belongs_to_neither():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "02/18/2024", "TARGET 00012345 2X30.00 GIFT CARDS", "60.00"),
                words_of(240, (110, "Earn 5% back on gas this quarter, activate online")),
                words_of(252, (110, "Offer ID 5X-2024Q2 · Call 1-800-555-0142 to activate")),
                row(276, "02/19/2024", "BOOKING.COM AMSTERDAM", "312.86"),
                row(288, "02/20/2024", "UBER TRIP", "24.18"),
            )
        ]
    )

    assert descriptions(result) == [
        "TARGET 00012345 2X30.00 GIFT CARDS",
        "BOOKING.COM AMSTERDAM",
        "UBER TRIP",
    ]


def test_titles_broken_over_the_lines_above_and_below_the_one_line_titles():
    # "Billed This" over "Month" and "Balance After" over "Payment", the one-line titles
    # between them: what is billed this month is the amount, not the purchase's whole price.
    result = read_statement(
        [
            page(
                1,
                words_of(196, (430, "Billed This"), (500, "Balance After")),
                words_of(
                    205,
                    (40, "Date"),
                    (110, "Merchant"),
                    (250, "Usage Amount"),
                    (330, "Installment"),
                ),
                words_of(214, (440, "Month"), (510, "Payment")),
                words_of(
                    230,
                    (40, "2024.01.12"),
                    (110, "DIGITAL PLAZA"),
                    (310, "1,290.00", "right"),
                    (330, "Installment 3/6"),
                    (480, "215.00", "right"),
                    (560, "645.00", "right"),
                ),
                words_of(
                    245,
                    (40, "2024.03.02"),
                    (110, "COFFEE HOUSE"),
                    (310, "12.80", "right"),
                    (330, "Lump sum"),
                    (480, "12.80", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("215.00"), Decimal("12.80")]
    assert descriptions(result) == ["DIGITAL PLAZA", "COFFEE HOUSE"]
    assert result.rows[0].evidence.amount_column == "Billed This Month"


def test_a_wrapped_row_under_titled_merchant_city_and_country_columns_reads_column_by_column():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Merchant"),
        (300, "City"),
        (400, "Country"),
        (540, "Amount", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (40, "20/02/2024"),
                    (110, "BOOKING.COM HOTEL"),
                    (300, "AMSTERDAM"),
                    (400, "NLD"),
                    (540, "312.40", "right"),
                ),
                words_of(225, (110, "REF 4410982231")),
                row(240, "21/02/2024", "COFFEE", "4.50"),
            )
        ]
    )

    assert descriptions(result) == ["BOOKING.COM HOTEL REF 4410982231 AMSTERDAM NLD", "COFFEE"]


def test_a_currency_glued_to_its_title():
    titles = words_of(200, (40, "DATE"), (110, "DETAILS"), (520, "AMOUNT($)"))
    result = read_statement([page(1, titles, row(215, "02/14/2024", "TIM HORTONS", "4.27"))])

    assert amounts(result) == [Decimal("4.27")]
    assert result.rows[0].evidence.amount_column == "AMOUNT ($)"


def test_a_heading_followed_by_the_cardholders_name_is_not_a_rows_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "20/02/2024", "PAYMENT - GIRO", "486.12 CR"),
                words_of(240, (110, "NEW TRANSACTIONS TAN WEI MING")),
                row(255, "21/02/2024", "GRAB SINGAPORE", "14.30"),
            )
        ]
    )

    assert descriptions(result) == ["PAYMENT - GIRO", "GRAB SINGAPORE"]


def test_a_name_alone_under_the_titles_over_one_line_rows_is_the_cardholder():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "RAHUL V IYER")),
                row(224, "16/02/2024", "SWIGGY BANGALORE", "486.00"),
                row(236, "17/02/2024", "ZOMATO GURGAON", "742.00"),
            )
        ]
    )

    assert descriptions(result) == ["SWIGGY BANGALORE", "ZOMATO GURGAON"]
    assert {r.cardholder for r in result.rows} == {"RAHUL V IYER"}


def test_a_merchant_over_the_line_with_its_date_stays_the_rows_text():
    # Every row printed as a merchant over its date and city: the first is no cardholder.
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "ESPRESSO HOUSE")),
                row(224, "06/03/2024", "UPPSALA", "86.53"),
                words_of(240, (110, "ICA SUPERMARKET")),
                row(252, "07/03/2024", "STOCKHOLM", "318.64"),
            )
        ]
    )

    assert descriptions(result)[0] == "ESPRESSO HOUSE UPPSALA"


def test_a_list_of_the_drafts_paid_repeating_the_accounts_rows_adds_no_rows():
    activity = words_of(200, (40, "Date"), (110, "Description"), (540, "Amount", "right"))
    drafts = words_of(300, (40, "Draft #"), (110, "Date Paid"), (540, "Amount", "right"))
    result = read_statement(
        [
            page(
                1,
                activity,
                row(215, "03/05/2024", "Draft 001042", "(250.00)"),
                row(230, "03/06/2024", "GROCERIES", "(40.00)"),
                drafts,
                words_of(315, (40, "001042"), (110, "03/05/2024"), (540, "250.00", "right")),
                words_of(330, (40, "001043"), (110, "03/15/2024"), (540, "1,200.00", "right")),
            )
        ]
    )

    # The draft listed twice is read once; the one listed only there is named by its column.
    assert descriptions(result) == ["Draft 001042", "GROCERIES", "Draft 001043"]


def test_a_period_printed_in_a_description_keeps_its_dash():
    result = read_statement(
        [page(1, header(), row(220, "19/03/2024", "Rundfunk 01.01.2024-31.03.2024", "55.08"))]
    )

    assert descriptions(result) == ["Rundfunk 01.01.2024-31.03.2024"]
    assert result.rows[0].date == date(2024, 3, 19)


def test_a_credit_unions_name_is_not_a_heading_of_credits():
    titles = words_of(
        200, (40, "Date"), (110, "Description"), (460, "Amount", "right"), (540, "Balance", "right")
    )
    lines = [
        words_of(215, (110, "Beginning Balance"), (540, "1,874.39", "right")),
        words_of(230, (40, "03/01/2024"), (110, "ACH Debit RENT"), (460, "(1,650.00)", "right")),
        words_of(230, (540, "224.39", "right")),
        words_of(245, (40, "03/02/2024"), (110, "Deposit Payroll"), (460, "2,318.44", "right")),
        words_of(245, (540, "2,542.83", "right")),
        words_of(260, (40, "03/04/2024"), (110, "POS Purchase"), (460, "(56.30)", "right")),
        words_of(260, (540, "2,486.53", "right")),
    ]
    summary = [
        words_of(60, (40, "CASCADE PEAKS FEDERAL CREDIT UNION")),
        words_of(80, (40, "Deposits & Credits"), (300, "2,318.44", "right")),
        words_of(92, (40, "Withdrawals & Debits"), (300, "(1,706.30)", "right")),
    ]
    result = read_statement([page(1, *summary, titles, *lines)])

    # Money out positive, money in negative, as the balances show; nothing "listed under" the
    # credit union's name.
    assert amounts(result) == [Decimal("1650.00"), Decimal("-2318.44"), Decimal("56.30")]
    assert all("CREDIT UNION" not in r.evidence.sign for r in result.rows)


def test_a_rows_last_line_under_a_centred_description_title():
    # "Payment type and details" centred over its column; the descriptions start left of it.
    titles = words_of(
        200, (40, "Date"), (160, "Payment type and details"), (380, "Paid out", "right")
    )
    titles += words_of(200, (460, "Paid in", "right"), (540, "Balance", "right"))
    lines = [
        words_of(215, (40, "13/03/2024"), (100, "VIS DELIVEROO"), (380, "21.40", "right")),
        words_of(215, (540, "1,749.61", "right")),
        words_of(230, (40, "14/03/2024"), (100, "CR JOHN LEWIS"), (460, "129.00", "right")),
        words_of(240, (100, "REFUND")),
        words_of(255, (100, "VIS WAITROSE"), (380, "58.16", "right"), (540, "1,820.45", "right")),
    ]
    result = read_statement([page(1, titles, *lines)])

    assert descriptions(result) == ["VIS DELIVEROO", "CR JOHN LEWIS REFUND", "VIS WAITROSE"]


def test_the_cardholder_named_in_the_accounts_heading_over_the_titles():
    def statement(*top):
        return read_statement(
            [
                page(
                    1,
                    *top,
                    header(),
                    row(220, "17/07/2019", "SWIGGY BANGALORE", "2,296.47"),
                    row(235, "18/07/2019", "FLIPKART", "18,447.72"),
                )
            ]
        )

    address = statement(
        words_of(60, (36, "14 RIVONIA BOULEVARD"), (326, "Card Number 4966 **** **** 3172"))
    )
    assert {r.cardholder for r in address.rows} == {None}
    beside = statement(words_of(60, (40, "MICHAEL S D'ANGELO card ending"), (200, "4488")))
    assert {(r.cardholder, r.card_last4) for r in beside.rows} == {("MICHAEL S D'ANGELO", "4488")}
    # The name printed under the card number.
    under = statement(
        words_of(50, (40, "Credit Card Statement"), (440, "Card No. 5177 19XX XXXX 5375")),
        words_of(70, (40, "MARIA F MURPHY")),
    )
    assert {(r.cardholder, r.card_last4) for r in under.rows} == {("MARIA F MURPHY", "5375")}
    # The company a corporate card is issued to is not a cardholder.
    company = statement(
        words_of(60, (40, "COMPANY ADVENTURE WORKS CYCLES"), (300, "Account 4400 1234 5678 9012"))
    )
    assert {r.cardholder for r in company.rows} == {None}


def test_column_titles_in_norwegian_czech_portuguese_and_turkish():
    def read(titles, *rows):
        cells = [words_of(200, *titles)] + [words_of(215 + 15 * k, *r) for k, r in enumerate(rows)]
        return read_statement([page(1, *cells)]).rows

    norwegian = read(
        [
            (40, "Dato"),
            (88, "Forklaring"),
            (360, "Rentedato"),
            (423, "Ut av konto"),
            (506, "Inn på konto"),
        ],
        [(40, "01.12"), (88, "Husleie"), (360, "01.12"), (480, "11 450,00", "right")],
        [(40, "02.12"), (88, "Lønn"), (360, "02.12"), (560, "30 000,00", "right")],
    )
    assert [(r.description, r.amount) for r in norwegian] == [
        ("Husleie", Decimal("11450.00")),
        ("Lønn", Decimal("-30000.00")),
    ]
    czech = read(
        [
            (38, "Datum"),
            (94, "Popis"),
            (286, "Protiúčet"),
            (388, "VS"),
            (439, "KS"),
            (501, "Částka"),
        ],
        [(38, "01.03.2024"), (94, "Trvalý příkaz"), (286, "2801456723/2010"), (388, "032024")],
        [(38, "02.03.2024"), (94, "Platba kartou"), (560, "-487,30", "right")],
    )
    assert [r.description for r in czech] == ["Platba kartou"]
    portuguese = read(
        [(43, "Data Mov."), (105, "Data Valor"), (167, "Descrição"), (450, "Débito", "right")],
        [
            (43, "2024-03-01"),
            (105, "2024-02-29"),
            (167, "COMPRA PINGO DOCE"),
            (450, "47,83", "right"),
        ],
    )
    assert [(r.date, r.posting_date, r.amount) for r in portuguese] == [
        (date(2024, 3, 1), date(2024, 2, 29), Decimal("47.83"))
    ]
    turkish = read(
        [(40, "İşlem Tarihi"), (112, "Açıklama"), (414, "Bonus"), (560, "Tutar", "right")],
        [(40, "19.02.2024"), (112, "ÖNCEKİ DÖNEM BORCU"), (560, "8.412,30", "right")],
        [(40, "19.02.2024"), (112, "MİGROS"), (430, "6,42", "right"), (560, "1.284,65", "right")],
    )
    # The previous balance printed as a row is the balance, not a transaction.
    assert [(r.description, r.amount) for r in turkish] == [("MİGROS", Decimal("1284.65"))]


def test_spanish_titles_broken_over_three_lines():
    result = read_statement(
        [
            page(
                1,
                words_of(196, (40, "Fecha de la"), (108, "Fecha de")),
                words_of(
                    201,
                    (176, "Descripción del movimiento"),
                    (470, "Cargos", "right"),
                    (560, "Abonos", "right"),
                ),
                words_of(206, (40, "operación"), (108, "cargo")),
                words_of(
                    222,
                    (40, "16-feb-2024"),
                    (108, "17-feb-2024"),
                    (176, "WAL MART SUPERCENTER"),
                    (470, "$1,842.36", "right"),
                ),
                words_of(
                    237,
                    (40, "19-feb-2024"),
                    (108, "19-feb-2024"),
                    (176, "SU PAGO GRACIAS"),
                    (560, "$14,382.10", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount, r.posting_date) for r in result.rows] == [
        ("WAL MART SUPERCENTER", Decimal("1842.36"), date(2024, 2, 17)),
        ("SU PAGO GRACIAS", Decimal("-14382.10"), date(2024, 2, 19)),
    ]


def test_a_row_without_a_date_naming_a_card_it_paid_is_a_row():
    # Only "JAMES R HOLLOWAY Card Ending 6-71004" (a person and a card) is a summary of what
    # a card spent; "HSBC VISA PAYMENT 4512****1034" is a payment made on the day above.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "25/03/2024", "AUTOPAY SALARY", "48,500.00 CR"),
                words_of(235, (110, "HSBC VISA PAYMENT 4512****1034"), (540, "12,345.60", "right")),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("AUTOPAY SALARY", Decimal("-48500.00")),
        ("HSBC VISA PAYMENT 4512****1034", Decimal("12345.60")),
    ]


def test_a_rows_text_printed_around_its_date_and_amount_is_not_a_cardholders_heading():
    # The narration over and under a line holding only the date and the amount.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "11/03/2024", "DSTV SUBSCRIPTION", "25,000.00"),
                words_of(240, (110, "IKEDC PREPAID TOKEN METER 4501****2231 TOKEN")),
                words_of(246, (40, "12/03/2024"), (540, "30,000.00", "right")),
                words_of(252, (110, "VIA GTWORLD")),
            )
        ]
    )

    assert [r.description for r in result.rows] == [
        "DSTV SUBSCRIPTION",
        "IKEDC PREPAID TOKEN METER 4501****2231 TOKEN VIA GTWORLD",
    ]
    assert {r.cardholder for r in result.rows} == {None}


def test_titles_over_two_lines_with_a_number_in_parentheses():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    198,
                    (49, "Trans Date"),
                    (110, "Description"),
                    (335, "Card No."),
                    (560, "Settlement", "right"),
                ),
                words_of(207, (335, "(Last 4)"), (560, "Amount (CNY)", "right")),
                words_of(
                    222,
                    (49, "2024-02-21"),
                    (110, "WeChat Pay - Luckin Coffee"),
                    (342, "6217"),
                    (560, "19.90", "right"),
                ),
            )
        ]
    )

    # The card's last four digits are a column of their own, not the description's.
    assert [(r.description, r.amount) for r in result.rows] == [
        ("WeChat Pay - Luckin Coffee", Decimal("19.90"))
    ]


def test_rows_above_a_pages_first_titles_with_no_table_before_them():
    titles = words_of(300, (32, "DATA"), (64, "ESTABELECIMENTO"), (290, "VALOR EM R$", "right"))
    lines = [
        words_of(215, (32, "11/03/2024"), (64, "Pagamento recebido"), (290, "-3.218,47", "right")),
        words_of(230, (32, "12/03/2024"), (64, "Estorno loja"), (290, "-12,00", "right")),
        titles,
        words_of(315, (32, "13/03/2024"), (64, "PADARIA"), (290, "12,50", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [r.description for r in result.rows] == [
        "Pagamento recebido",
        "Estorno loja",
        "PADARIA",
    ]


def test_rows_printed_on_two_lines_the_second_with_the_posting_date():
    titles = words_of(200, (46, "Transaction"), (120, "Description"), (540, "Amount", "right"))
    titles += words_of(210, (46, "Posting date"), (120, "Location"), (360, "Reference"))
    lines = []
    rows = [
        ("21 Feb", "TESCO STORES 3291", "£42.17", "22 Feb", "CAMDEN TOWN GB", "74521303"),
        ("21 Feb", "TFL TRAVEL CH", "£7.80", "23 Feb", "TFL.GOV.UK/CP GB", "74521588"),
        ("22 Feb", "PRET A MANGER", "£6.45", "23 Feb", "LONDON GB", "74522014"),
    ]
    for k, (when, merchant, amount, posted, place, reference) in enumerate(rows):
        y = 230 + 30 * k
        lines.append(words_of(y, (46, when), (120, merchant), (540, amount, "right")))
        lines.append(words_of(y + 12, (46, posted), (120, place), (360, reference)))
    top = words_of(60, (40, "Statement date 15 March 2024"))
    result = read_statement([page(1, top, titles, *lines)])

    assert [(r.date, r.posting_date, r.description, r.amount) for r in result.rows] == [
        (
            date(2024, 2, 21),
            date(2024, 2, 22),
            "TESCO STORES 3291 CAMDEN TOWN GB",
            Decimal("42.17"),
        ),
        (date(2024, 2, 21), date(2024, 2, 23), "TFL TRAVEL CH TFL.GOV.UK/CP GB", Decimal("7.80")),
        (date(2024, 2, 22), date(2024, 2, 23), "PRET A MANGER LONDON GB", Decimal("6.45")),
    ]
    assert not result.warnings


def test_the_end_of_a_sentence_naming_payments_is_no_heading_of_credits():
    result = read_statement(
        [
            page(
                1,
                words_of(150, (330, "Your minimum payment will be collected by Direct Debit")),
                words_of(162, (330, "on or around the payment due date.")),
                header(),
                row(220, "21/02/2024", "TESCO STORES", "42.17"),
                row(235, "22/02/2024", "PRET A MANGER", "6.45"),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [Decimal("42.17"), Decimal("6.45")]


def test_titles_without_their_accents_and_in_greek_russian_japanese_polish_and_italian():
    def read(titles, *rows):
        cells = [words_of(200, *titles)] + [words_of(215 + 15 * k, *r) for k, r in enumerate(rows)]
        return read_statement([page(1, *cells)]).rows

    spanish = read(
        [(40, "FECHA"), (110, "DESCRIPCION"), (560, "IMPORTE", "right")],
        [(40, "14/03/2024"), (110, "MERCADONA"), (560, "45,20", "right")],
    )
    greek = read(
        [
            (36, "ΗΜΕΡΟΜΗΝΙΑ"),
            (142, "ΠΕΡΙΓΡΑΦΗ"),
            (448, "ΧΡΕΩΣΗ", "right"),
            (506, "Πίστωση", "right"),
        ],
        [(36, "01/03/2024"), (142, "ΑΓΟΡΑ ΜΕ ΚΑΡΤΑ"), (448, "64,38", "right")],
    )
    russian = read(
        [(33, "Дата"), (143, "Описание операции"), (480, "Сумма", "right")],
        [(36, "29.03.2024"), (146, "YANDEX*EDA MOSCOW"), (480, "-1 146,00 ₽", "right")],
        [(36, "30.03.2024"), (146, "LEROY MERLIN"), (480, "-2 470,80 ₽", "right")],
        [(36, "31.03.2024"), (146, "Возврат покупки OZON"), (480, "+4 290,00 ₽", "right")],
    )
    japanese = read(
        [(40, "日付"), (150, "摘要"), (360, "お支払金額", "right"), (440, "お預り金額", "right")],
        [(40, "2024/3/1"), (98, "口座振替 東京ガス"), (360, "5,921", "right"), (500, "円")],
    )
    polish = read(
        [(57, "Data transakcji"), (187, "Opis"), (560, "Kwota w PLN", "right")],
        [(57, "15.02.2024"), (187, "ŻABKA WARSZAWA"), (540, "23,97", "right"), (545, "zł")],
    )
    italian = read(
        [(43, "Data operazione"), (179, "Descrizione"), (560, "Importo in euro", "right")],
        [(43, "27/02/24"), (179, "ESSELUNGA MILANO"), (560, "87,43", "right")],
    )
    german = read(
        [(42, "Belegdatum"), (90, "Buchungsdatum Umsatz"), (560, "Betrag in EUR", "right")],
        [(42, "14.12.2023"), (90, "16.12.2023"), (152, "REWE MARKT"), (560, "87,45+", "right")],
    )

    assert [r.description for r in spanish + greek + italian + german] == [
        "MERCADONA",
        "ΑΓΟΡΑ ΜΕ ΚΑΡΤΑ",
        "ESSELUNGA MILANO",
        "REWE MARKT",
    ]
    assert [r.amount for r in russian] == [
        Decimal("1146.00"),
        Decimal("2470.80"),
        Decimal("-4290.00"),
    ]
    assert [(r.description, r.amount) for r in japanese + polish] == [
        ("口座振替 東京ガス", Decimal("5921.00")),
        ("ŻABKA WARSZAWA", Decimal("23.97")),
    ]


def test_a_date_column_titled_over_three_lines_and_one_titled_above_and_below_the_others():
    greek = read_statement(
        [
            page(
                1,
                words_of(214, (36, "Ημερομηνία"), (91, "Ημ/νία"), (338, "Αρ.")),
                words_of(
                    218, (142, "Περιγραφή"), (448, "Χρέωση", "right"), (560, "Υπόλοιπο", "right")
                ),
                words_of(222, (91, "Αξίας"), (338, "Συναλλαγής")),
                words_of(240, (36, "01/03/2024"), (91, "29/02/2024"), (142, "ΑΓΟΡΑ ΜΕ ΚΑΡΤΑ")),
                words_of(240, (338, "0000184977")),
                words_of(240, (448, "64,38", "right"), (560, "3.351,34", "right")),
            )
        ]
    )
    italian = read_statement(
        [
            page(
                1,
                words_of(278, (111, "Data")),
                words_of(
                    284, (43, "Data operazione"), (179, "Descrizione"), (560, "Importo", "right")
                ),
                words_of(290, (111, "registrazione")),
                words_of(306, (43, "27/02/24"), (111, "28/02/24"), (179, "ESSELUNGA MILANO")),
                words_of(306, (560, "87,43", "right")),
            )
        ]
    )

    # The second date is the value or booking date, not part of the description.
    assert [(r.description, r.date, r.posting_date) for r in greek.rows + italian.rows] == [
        ("ΑΓΟΡΑ ΜΕ ΚΑΡΤΑ", date(2024, 3, 1), date(2024, 2, 29)),
        ("ESSELUNGA MILANO", date(2024, 2, 27), date(2024, 2, 28)),
    ]


def test_a_fee_column_beside_the_amount_is_part_of_it():
    titles = words_of(
        200,
        (26, "Date of use"),
        (110, "Description"),
        (380, "Amount of use", "right"),
        (430, "Fee", "right"),
        (560, "Payment this month", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (26, "10/02/2024"), (110, "BIC CAMERA"), (380, "720.00", "right")),
                words_of(215, (430, "7.16", "right"), (560, "127.16", "right")),
                words_of(230, (26, "01/03/2024"), (110, "SEVEN-ELEVEN"), (380, "6.48", "right")),
                words_of(230, (430, "0.00", "right"), (560, "6.48", "right")),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [Decimal("127.16"), Decimal("6.48")]


def test_a_summary_of_a_cardholders_charges_and_a_table_of_charges_are_no_rows():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/03/2024", "DELTA AIR LINES", "612.40"),
                row(235, "14/03/2024", "HOTEL REFUND", "245.00 CR"),
                words_of(250, (110, "Purchases & Other Charges"), (540, "612.40", "right")),
                words_of(265, (110, "Credits"), (540, "-245.00", "right")),
                words_of(
                    280, (110, "Cardholder Total for HOLLOWAY, JAMES R"), (540, "367.40", "right")
                ),
            )
        ]
    )

    assert [r.description for r in result.rows] == ["DELTA AIR LINES", "HOTEL REFUND"]
    assert result.check.verdict.value == "agrees", result.check.message
    # The titles of a table of figures without dates end the table of transactions.
    titles = words_of(200, (48, "Date"), (96, "Description"), (404, "Money out", "right"))
    titles += words_of(200, (472, "Money in", "right"), (540, "Balance", "right"))
    account = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215, (48, "13/03/2024"), (96, "BUSINESS PREMIUM FEE"), (404, "11.30", "right")
                ),
                words_of(215, (540, "1,000.00", "right")),
                words_of(240, (45, "Service"), (309, "Number"), (404, "Rate £", "right")),
                words_of(240, (472, "Charge £", "right")),
                words_of(255, (45, "Cheques / counter credits paid in"), (333, "3")),
                words_of(255, (404, "0.65", "right"), (472, "1.95", "right")),
            )
        ]
    )
    assert [r.description for r in account.rows] == ["BUSINESS PREMIUM FEE"]


def test_a_wrapped_line_running_across_the_description_columns_is_read_in_its_place():
    titles = words_of(
        200,
        (40, "Date"),
        (105, "Vorgang"),
        (196, "Auftraggeber/Empfänger"),
        (317, "Verwendungszweck"),
    )
    titles += words_of(200, (540, "Betrag", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (40, "01.03.2024"), (105, "Lastschrift"), (196, "Vodafone GmbH")),
                words_of(215, (317, "Mobilfunk"), (540, "-187,43", "right")),
                words_of(
                    225, (105, "EREF: VF-112847391-0324 MREF: VF1128473910001 CRED: DE54ZZZ0")
                ),
            )
        ]
    )

    assert result.rows[0].description == (
        "Lastschrift Vodafone GmbH Mobilfunk EREF: VF-112847391-0324 MREF: VF1128473910001 "
        "CRED: DE54ZZZ0"
    )


def test_a_wrapped_line_running_across_an_untitled_column_is_read_in_its_place():
    # "Vorgang" and "Verwendungszweck" are titled; the payee between them is not, and the
    # line under the row runs from the first column across the payee's.
    titles = words_of(
        200,
        (40, "Date"),
        (105, "Vorgang"),
        (196, "Auftraggeber/Empfänger"),
        (317, "Verwendungszweck"),
    )
    titles += words_of(200, (540, "Betrag", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (40, "01.03.2024"), (105, "Dauerauftrag"), (196, "Kranz GbR")),
                words_of(215, (317, "Miete Halle 3"), (540, "-2.850,00", "right")),
                words_of(225, (105, "IBAN: DE12 3705 0198 1933 0422")),
            )
        ]
    )

    assert result.rows[0].description == (
        "Dauerauftrag Kranz GbR Miete Halle 3 IBAN: DE12 3705 0198 1933 0422"
    )


def test_vietnamese_titles_a_title_broken_by_a_hyphen_and_a_document_number_under_the_date():
    # Vietnamese over English: one header, read from a line of it.
    bilingual = read_statement(
        [
            page(
                1,
                words_of(
                    192, (36, "Ngày giao dịch"), (125, "Số tiền ghi nợ"), (334, "Nội dung chi tiết")
                ),
                words_of(202, (36, "Transaction Date"), (178, "Debit", "right")),
                words_of(202, (334, "Transactions in detail")),
                words_of(217, (36, "01/03/2024"), (178, "58.00", "right"), (334, "THANH TOAN QR")),
                # The document's number under the date; the description goes on beside it.
                words_of(227, (36, "5213 - 11872"), (334, "CIRCLE K VIET NAM")),
            )
        ]
    )
    finnish = read_statement(
        [
            page(
                1,
                words_of(277, (40, "Kirjaus-"), (92, "Arvo-"), (144, "Saaja/Maksaja")),
                words_of(277, (390, "Arkistointitunnus"), (540, "Määrä EUR", "right")),
                words_of(285, (40, "päivä"), (92, "päivä"), (144, "Tapahtuma / Viesti")),
                words_of(302, (40, "18.12.2023"), (92, "16.12.2023"), (144, "K-CITYMARKET ESPOO")),
                words_of(302, (540, "-87,42", "right")),
            )
        ]
    )

    assert [(r.description, r.amount) for r in bilingual.rows] == [
        ("THANH TOAN QR CIRCLE K VIET NAM", Decimal("58.00"))
    ]
    assert [(r.date, r.posting_date) for r in finnish.rows] == [
        (date(2023, 12, 18), date(2023, 12, 16))
    ]


def test_a_completion_time_titled_over_and_under_the_other_titles():
    result = read_statement(
        [
            page(
                1,
                words_of(331, (94, "Completion"), (331, "Transaction")),
                words_of(335.6, (32, "Receipt No."), (156, "Details"), (480, "Money Out", "right")),
                words_of(335.6, (560, "Balance", "right")),
                words_of(340, (94, "Time"), (331, "Status")),
                words_of(358, (32, "SAI234PB5Z"), (94, "31/01/2024"), (156, "Airtime Purchase")),
                words_of(
                    358, (331, "COMPLETED"), (480, "-53.00", "right"), (560, "7,289.40", "right")
                ),
            )
        ]
    )

    assert [(r.description, r.date) for r in result.rows] == [
        ("Airtime Purchase", date(2024, 1, 31))
    ]


def test_a_transaction_title_beside_a_posting_title_is_the_transactions_date():
    titles = words_of(
        200, (40, "Transaction"), (100, "Posting"), (160, "Description"), (540, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(60, (40, "Statement date 13 March 2024")),
                titles,
                words_of(215, (40, "15 Feb"), (100, "16 Feb"), (160, "TESCO STORES 2284 BRISTOL")),
                words_of(215, (540, "46.82", "right")),
            )
        ]
    )

    assert [(r.date, r.posting_date, r.description) for r in result.rows] == [
        (date(2024, 2, 15), date(2024, 2, 16), "TESCO STORES 2284 BRISTOL")
    ]


def test_pending_transactions_under_their_heading_are_left_out_and_said():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Opening balance"), (300, "100.00", "right")),
                words_of(112, (40, "Closing balance"), (300, "124.50", "right")),
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "BOOKS", "20.00"),
                words_of(260, (40, "Pending transactions")),
                header(280),
                row(295, "15/07/2023", "WOOLWORTHS FITZROY", "66.30"),
                words_of(310, (110, "Total pending"), (540, "66.30", "right")),
            )
        ]
    )

    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]
    assert result.check.verdict.value == "agrees", result.check.message
    assert any("1 pending transaction" in w for w in result.warnings)


def test_spanish_french_and_chinese_titles_and_totals():
    argentina = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Fecha"),
                    (88, "Descripción"),
                    (300, "Comprobante"),
                    (540, "Débito", "right"),
                ),
                words_of(215, (40, "01/02/24"), (88, "PAGO TARJETA VISA"), (300, "8812031")),
                words_of(215, (540, "487.215,33", "right")),
                words_of(230, (88, "TOTALES"), (540, "487.215,33", "right")),
            )
        ]
    )
    morocco = read_statement(
        [
            page(
                1,
                words_of(200, (39, "DATE OPER."), (92, "LIBELLE"), (540, "DÉBIT", "right")),
                words_of(230, (39, "11/03/2024"), (92, "PAIEMENT CARTE AMAZON.FR")),
                words_of(230, (540, "655,38", "right")),
                words_of(240, (92, "MONTANT : 59,90 EUR")),
            )
        ]
    )
    taiwan = read_statement(
        [
            page(
                1,
                header(),
                row(220, "2024/03/08", "全聯福利中心", "2,927.00"),
                words_of(235, (110, "正卡本期小計"), (540, "2,927.00", "right")),
            )
        ]
    )

    assert [r.description for r in argentina.rows] == ["PAGO TARJETA VISA"]
    assert [(r.description, r.original_amount) for r in morocco.rows] == [
        ("PAIEMENT CARTE AMAZON.FR", Decimal("59.90"))
    ]
    assert [r.description for r in taiwan.rows] == ["全聯福利中心"]
    assert taiwan.check.verdict.value == "agrees", taiwan.check.message


def test_titles_printed_over_their_translation_are_one_header():
    result = read_statement(
        [
            page(
                1,
                words_of(60, (30, "上期應繳總額"), (200, "25,310.00", "right")),
                words_of(72, (30, "本期應繳總額"), (200, "25,369.40", "right")),
                words_of(
                    200,
                    (32, "消費日"),
                    (82, "入帳起息日"),
                    (134, "消費明細"),
                    (400, "新臺幣金額", "right"),
                    (450, "幣別"),
                    (560, "外幣金額", "right"),
                ),
                words_of(
                    210,
                    (32, "Trans. Date"),
                    (82, "Posting Date"),
                    (134, "Description"),
                    (400, "NT$ Amount", "right"),
                    (450, "Currency"),
                    (560, "Foreign Amt.", "right"),
                ),
                words_of(225, (32, "2024/02/18"), (82, "2024/02/20"), (134, "AGODA.COM HOTEL")),
                words_of(225, (400, "59.40", "right"), (450, "USD"), (560, "1.86", "right")),
            )
        ]
    )

    assert [(r.description, r.amount, r.original_amount) for r in result.rows] == [
        ("AGODA.COM HOTEL", Decimal("59.40"), Decimal("1.86"))
    ]
    assert result.check.verdict.value == "agrees", result.check.message


def test_rows_with_only_a_time_under_headings_that_give_the_day():
    titles = words_of(200, (60, "TIME (ET)"), (130, "DESCRIPTION"), (540, "AMOUNT", "right"))
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Beginning balance"), (300, "1,000.00", "right")),
                words_of(112, (40, "Ending balance"), (300, "964.75", "right")),
                titles,
                words_of(218, (56, "Friday,"), (90, "March 1, 2024")),
                words_of(218, (445, "End-of-day balance"), (540, "983.15", "right")),
                words_of(235, (60, "12:47"), (84, "PM"), (130, "Sweetgreen Flatiron")),
                words_of(235, (540, "−$16.85", "right")),
                words_of(252, (56, "Saturday,"), (102, "March 2, 2024")),
                words_of(252, (445, "End-of-day balance"), (540, "964.75", "right")),
                words_of(269, (60, "10:15"), (84, "AM"), (130, "Trader Joe's")),
                words_of(269, (540, "−$19.27", "right")),
                words_of(286, (60, "11:59"), (84, "PM"), (130, "Interest paid")),
                words_of(286, (540, "+$0.87", "right")),
            )
        ]
    )

    assert [(r.date, r.description) for r in result.rows] == [
        (date(2024, 3, 1), "Sweetgreen Flatiron"),
        (date(2024, 3, 2), "Trader Joe's"),
        (date(2024, 3, 2), "Interest paid"),
    ]
    assert result.check.verdict.value == "agrees", result.check.message


def test_a_description_printed_last_runs_to_the_pages_edge_and_labels_after_their_translation():
    titles = words_of(
        200,
        (36, "Transaction Date"),
        (178, "Debit", "right"),
        (250, "Credit", "right"),
        (325, "Balance", "right"),
        (334, "Transactions in detail"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (36, "Số dư đầu kỳ/Opening balance"), (300, "1.000.000", "right")),
                words_of(112, (36, "Số dư cuối kỳ/Closing balance"), (300, "442.000", "right")),
                words_of(124, (36, "Loại tiền/Currency: VND")),
                titles,
                words_of(215, (36, "01/03/2024"), (178, "58.000", "right")),
                words_of(215, (325, "942.000", "right"), (334, "Thanh toan QR CIRCLE K")),
                words_of(215, (482, "0152 - TID 88123456")),
                words_of(230, (36, "02/03/2024"), (178, "500.000", "right")),
                words_of(230, (325, "442.000", "right"), (334, "SHOPEEPAY NAP TIEN")),
                words_of(230, (462, "0903123456")),
                words_of(250, (36, "Số dư khả dụng/Available balance:"), (190, "442.000 VND")),
                words_of(260, (36, "Quý khách vui lòng kiểm tra trong vòng 15 ngày.")),
            )
        ]
    )

    assert [r.description for r in result.rows] == [
        "Thanh toan QR CIRCLE K 0152 - TID 88123456",
        "SHOPEEPAY NAP TIEN 0903123456",
    ]
    assert result.check.verdict.value == "agrees", result.check.message


def test_an_iban_is_not_a_card_number_naming_a_cardholder():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    150,
                    (40, "IBAN : FR76 3000 4008 7100 0604 1728 732"),
                    (260, "BIC : BNPAFRPPXXX"),
                ),
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [("COFFEE", None)]


def test_a_product_named_credit_cards_atop_the_page_is_no_heading_of_credits():
    result = read_statement(
        [
            page(
                1,
                words_of(40, (480, "Credit Cards")),
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "REFUND", "2.00 CR"),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [Decimal("4.50"), Decimal("-2.00")]


def test_a_sidebar_beside_the_rows_with_its_sentences_and_a_summary_figure():
    # Right of the table: a sentence with the word "balance" (no table's heading), and "NEW
    # BALANCE = 3,958.73" on the baseline of a row's wrapped line, whose words stay the row's.
    titles = words_of(200, (40, "Date"), (110, "Description"), (350, "Amount", "right"))
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Previous balance"), (350, "10.00", "right")),
                titles,
                words_of(215, (40, "11/07/2023"), (110, "TIM HORTONS"), (350, "3.00", "right")),
                words_of(270, (40, "12/07/2023"), (110, "AMZN Mktp CA"), (350, "64.97", "right")),
                words_of(
                    280, (110, "ON"), (378, "NEW BALANCE"), (525, "="), (580, "109.47", "right")
                ),
                words_of(290, (110, "SAME DAY"), (350, "7.00", "right")),
                words_of(300, (40, "13/07/2023"), (110, "ANNUAL FEE"), (350, "20.00", "right")),
                words_of(310, (378, "your balance in full, interest will be charged on the")),
                words_of(320, (40, "14/07/2023"), (110, "WINNERS"), (350, "4.50", "right")),
            )
        ]
    )

    assert [r.description for r in result.rows] == [
        "TIM HORTONS",
        "AMZN Mktp CA ON",
        "SAME DAY",
        "ANNUAL FEE",
        "WINNERS",
    ]
    assert result.check.verdict == Verdict.AGREES, result.check.message


def test_titles_with_a_currency_sign_their_font_lacks():
    # "Debit €" printed in a font without "€" comes out as "Debit ·".
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Details"),
        (380, "Debit ·", "right"),
        (460, "Credit ·", "right"),
        (550, "Balance ·", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (40, "12/07/2023"), (110, "SALARY"), (460, "100.00", "right")),
                words_of(230, (40, "13/07/2023"), (110, "COFFEE"), (380, "4.50", "right")),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [Decimal("-100.00"), Decimal("4.50")]
    assert not any("no column titles" in w for w in result.warnings)


def test_a_cardholders_name_after_a_sections_heading():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (110, "NEW TRANSACTIONS TAN WEI MING")),
                row(230, "13/07/2023", "GRAB SINGAPORE", "14.80"),
                words_of(250, (110, "NEW TRANSACTIONS TAN LI HUA")),
                row(265, "14/07/2023", "SEPHORA ION", "156.00"),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("GRAB SINGAPORE", "TAN WEI MING"),
        ("SEPHORA ION", "TAN LI HUA"),
    ]


def test_branch_and_document_columns_are_not_the_description():
    titles = words_of(
        200,
        (40, "FECHA"),
        (78, "DESCRIPCIÓN"),
        (300, "SUCURSAL"),
        (392, "DCTO."),
        (490, "VALOR", "right"),
        (570, "SALDO", "right"),
    )
    line = words_of(
        215,
        (40, "8/07/2024"),
        (78, "RETIRO CAJERO EXITO"),
        (300, "CAJ EXITO"),
        (392, "7731"),
        (490, "-300.000,00", "right"),
        (570, "4.429.478,52", "right"),
    )
    result = read_statement([page(1, titles, line)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("RETIRO CAJERO EXITO", Decimal("300000.00"))
    ]


def test_figures_printed_right_aligned_under_titles_printed_from_the_left():
    # "50.00" ends before "Credits" starts: it is a debit, however near that title. The
    # descriptions come last, the opening and closing balances among them.
    titles = words_of(
        200,
        (33, "Trans. Date"),
        (187, "Debits"),
        (241, "Credits"),
        (297, "Balance"),
        (411, "Remarks"),
    )
    lines = [
        words_of(215, (33, "01-Nov-2023"), (340, "312,745.62", "right"), (411, "Opening Balance")),
        words_of(
            230,
            (33, "01-Nov-2023"),
            (290, "250,000.00", "right"),
            (340, "562,745.62", "right"),
            (411, "NIP TRANSFER FROM ACCESS BANK"),
        ),
        words_of(
            245,
            (33, "01-Nov-2023"),
            (240, "50.00", "right"),
            (340, "562,695.62", "right"),
            (411, "ELECTRONIC MONEY TRANSFER LEVY"),
        ),
        words_of(
            260,
            (240, "50.00", "right"),
            (290, "250,000.00", "right"),
            (340, "562,695.62", "right"),
            (411, "Closing Balance"),
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("NIP TRANSFER FROM ACCESS BANK", Decimal("-250000.00")),
        ("ELECTRONIC MONEY TRANSFER LEVY", Decimal("50.00")),
    ]
    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "opening balance 312,745.62 and closing balance 562,695.62" in " ".join(
        result.check.checked
    )


def test_a_croatian_card_with_its_titles_over_three_lines_and_its_summary():
    titles = [
        words_of(275, (40, "Datum"), (100, "Datum"), (383, "Iznos u originalnoj"), (535, "Iznos")),
        words_of(280, (160, "Opis")),
        words_of(285, (40, "transakcije"), (100, "knjiženja"), (431, "valuti"), (540, "EUR")),
    ]
    result = read_statement(
        [
            page(
                1,
                words_of(80, (397, "Broj kartice: 5406 74** **** 3381")),
                words_of(178, (62, "Prethodno stanje"), (300, "512,74 EUR")),
                words_of(190, (62, "Minimalni iznos za uplatu"), (300, "74,13 EUR")),
                *titles,
                words_of(
                    302,
                    (40, "10.12.2024."),
                    (100, "11.12.2024."),
                    (160, "KONZUM ZAGREB HR"),
                    (565, "38,47", "right"),
                ),
                words_of(
                    316,
                    (40, "20.12.2024."),
                    (100, "23.12.2024."),
                    (160, "BINGO SARAJEVO BA"),
                    (436, "87,40", "right"),
                    (440, "BAM"),
                    (565, "44,69", "right"),
                ),
                words_of(
                    330,
                    (40, "15.12.2024."),
                    (100, "16.12.2024."),
                    (160, "UPLATA NA RAČUN KARTICE"),
                    (565, "-512,74", "right"),
                ),
            ),
            page(
                2,
                words_of(34, (76, "Zagrebačka banka"), (397, "Broj kartice: 5406 74** **** 3381")),
                words_of(
                    82,
                    (40, "28.12.2024."),
                    (100, "30.12.2024."),
                    (160, "ROSSMANN ZAGREB HR"),
                    (565, "18,76", "right"),
                ),
                words_of(350, (160, "Ukupno transakcije"), (565, "-410,82", "right")),
                words_of(362, (160, "Novo stanje za plaćanje"), (565, "101,92", "right")),
            ),
        ]
    )

    read = [(r.description, r.amount, r.original_amount, r.cardholder) for r in result.rows]
    assert read == [
        ("KONZUM ZAGREB HR", Decimal("38.47"), None, None),
        ("BINGO SARAJEVO BA", Decimal("44.69"), Decimal("87.40"), None),
        ("UPLATA NA RAČUN KARTICE", Decimal("-512.74"), None, None),
        ("ROSSMANN ZAGREB HR", Decimal("18.76"), None, None),
    ]
    assert result.rows[1].original_currency == "BAM"
    assert str(result.rows[0].posting_date) == "2024-12-11"
    assert result.check.verdict == Verdict.AGREES, result.check.message
    checked = " ".join(result.check.checked)
    assert "prethodno stanje 512.74 and novo stanje za plaćanje 101.92" in checked
    assert "“Ukupno transakcije” 410.82 (page 2) equals all rows" in checked


def test_a_cardholders_heading_with_the_cards_last_digits_ends_the_credits_section():
    # "MARCUS T BELLAMY #6610: Transactions" after "Payments, Credits and Adjustments".
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (40, "Payments, Credits and Adjustments")),
                row(230, "14/02/2024", "CAPITAL ONE MOBILE PYMT", "300.00"),
                words_of(250, (40, "MARCUS T BELLAMY"), (137, "#6610:"), (165, "Transactions")),
                row(265, "15/02/2024", "H-E-B #612 AUSTINTX", "112.38"),
                row(280, "16/02/2024", "STARBUCKS #1234", "4.50"),
                words_of(
                    300,
                    (110, "MARCUS T BELLAMY #6610: Total Transactions"),
                    (540, "116.88", "right"),
                ),
            )
        ]
    )

    read = [(r.description, r.amount, r.cardholder) for r in result.rows]
    assert read == [
        ("CAPITAL ONE MOBILE PYMT", Decimal("-300.00"), None),
        ("H-E-B #612 AUSTINTX", Decimal("112.38"), "MARCUS T BELLAMY"),
        ("STARBUCKS #1234", Decimal("4.50"), "MARCUS T BELLAMY"),
    ]
    assert any(
        c.startswith("“MARCUS T BELLAMY #6610: Total Transactions” 116.88 (page 1) equals")
        for c in result.check.checked
    ), result.check.checked


def test_a_date_printed_alone_just_above_its_rows_line_and_the_time_below():
    titles = words_of(
        200,
        (32, "Receipt No."),
        (94, "Completion Time"),
        (156, "Details"),
        (440, "Money In", "right"),
        (500, "Money Out", "right"),
        (560, "Balance", "right"),
    )
    rows = []
    for k, (day, text, amount, balance) in enumerate(
        [
            ("31/01/2024", "Customer Transfer of Funds Charge", "-53.00", "7,289.40"),
            ("29/01/2024", "Merchant Payment Online to 7788123", "-1,090.00", "7,342.40"),
            ("27/01/2024", "M-Shwari Withdraw", "2,000.00", "8,432.40"),
        ]
    ):
        y = 220 + 22 * k
        column = 440 if not amount.startswith("-") else 500
        rows += [
            words_of(y, (94, day)),
            words_of(
                y + 4.5,
                (32, "SAI234PB5Z"),
                (156, text),
                (column, amount, "right"),
                (560, balance, "right"),
            ),
            words_of(y + 9, (94, "08:01")),
        ]
    result = read_statement([page(1, titles, *rows)])

    assert [(str(r.date), r.description, r.amount) for r in result.rows] == [
        ("2024-01-31", "Customer Transfer of Funds Charge", Decimal("53.00")),
        ("2024-01-29", "Merchant Payment Online to 7788123", Decimal("1090.00")),
        ("2024-01-27", "M-Shwari Withdraw", Decimal("-2000.00")),
    ]


def test_corporate_cardmembers_with_american_express_numbers_over_each_pages_titles():
    def titles(y):
        return words_of(y, (44, "Date"), (150, "Transaction Details"), (540, "Amount", "right"))

    first = page(
        1,
        words_of(100, (44, "OLIVER J PEMBRIDGE"), (250, "Card Number xxxx-xxxxxx-51004")),
        titles(120),
        row(140, "13/03/2024", "TRAINLINE.COM LONDON", "187.30"),
        words_of(160, (44, "HARRIET OKAFOR-LANE"), (250, "Card Number xxxx-xxxxxx-52002")),
        titles(180),
        row(200, "14/03/2024", "PRET A MANGER", "6.45"),
    )
    second = page(
        2,
        words_of(100, (44, "Card Number xxxx-xxxxxx-52002"), (190, "(continued)")),
        row(120, "20/03/2024", "ZOOM.US SAN JOSE", "12.96"),
        words_of(160, (44, "SIDDHARTH VENKATARAMAN"), (250, "Card Number xxxx-xxxxxx-53000")),
        titles(180),
        row(200, "15/03/2024", "GITHUB, INC. SAN FRANCISCO", "169.88"),
    )

    result = read_statement([first, second])

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("TRAINLINE.COM LONDON", "OLIVER J PEMBRIDGE"),
        ("PRET A MANGER", "HARRIET OKAFOR-LANE"),
        ("ZOOM.US SAN JOSE", "HARRIET OKAFOR-LANE"),
        ("GITHUB, INC. SAN FRANCISCO", "SIDDHARTH VENKATARAMAN"),
    ]


def test_the_cardmember_named_by_a_label_and_german_soll_and_haben_marks():
    titles = words_of(
        200, (50, "Belegdatum"), (170, "Verwendungszweck"), (530, "Betrag EUR", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(40, (400, "Cardmember:"), (470, "JONATHAN R ABERNATHY")),
                titles,
                words_of(
                    215,
                    (50, "26.02.2024"),
                    (170, "LASTSCHRIFTEINZUG ABRECHNUNG"),
                    (530, "6.214,80", "right"),
                    (540, "H"),
                ),
                words_of(
                    235,
                    (50, "Karteninhaber: Dr. Jürgen Weißmüller"),
                    (423, "Karten-Nr. 5232 XXXX XXXX 8814"),
                ),
                words_of(
                    250,
                    (50, "27.02.2024"),
                    (170, "DB FERNVERKEHR AG FRANKFURT"),
                    (530, "189,90", "right"),
                    (540, "S"),
                ),
                words_of(
                    265,
                    (50, "28.02.2024"),
                    (170, "CONRAD ELECTRONIC GUTSCHRIFT"),
                    (530, "89,99", "right"),
                    (540, "H"),
                ),
            )
        ]
    )

    read = [(r.description, r.amount, r.cardholder) for r in result.rows]
    assert read == [
        ("LASTSCHRIFTEINZUG ABRECHNUNG", Decimal("-6214.80"), "JONATHAN R ABERNATHY"),
        ("DB FERNVERKEHR AG FRANKFURT", Decimal("189.90"), "Dr. Jürgen Weißmüller"),
        ("CONRAD ELECTRONIC GUTSCHRIFT", Decimal("-89.99"), "Dr. Jürgen Weißmüller"),
    ]


def test_each_rows_cardholder_from_a_user_column_and_the_cards_column_left_out():
    titles = words_of(
        200,
        (48, "DATE"),
        (100, "DESCRIPTION"),
        (290, "CARD"),
        (400, "USER"),
        (560, "AMOUNT", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (48, "Oct 01, 2024"),
                    (100, "Figma"),
                    (290, "•• 2290"),
                    (400, "Tobias Reinhardt"),
                    (560, "$540.00", "right"),
                ),
                words_of(225, (290, "Engineering")),
                words_of(
                    240,
                    (48, "Oct 02, 2024"),
                    (100, "Google Ads"),
                    (290, "•• 4417"),
                    (400, "Camille Osei-Barnes"),
                    (560, "$3,500.00", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("Figma", "Tobias Reinhardt"),
        ("Google Ads", "Camille Osei-Barnes"),
    ]


def test_a_row_broken_by_a_page_ends_under_the_next_pages_titles():
    # Indonesian titles; the address (a name where the dates go) atop every page; the
    # last row of page 1 goes on under page 2's titles before page 2's first row.
    def top():
        return [
            words_of(60, (37, "ANDREAS WIJAYA KUSUMA"), (337, "PERIODE : FEBRUARI 2024")),
            words_of(72, (37, "MAMPANG PRAPATAN")),
            words_of(
                100,
                (37, "TANGGAL"),
                (88, "KETERANGAN"),
                (320, "CBG"),
                (420, "MUTASI"),
                (530, "SALDO"),
            ),
        ]

    def entry(y, day, lines, amount):
        return [
            words_of(y, (37, day), (88, lines[0]), (480, amount, "right")),
            *(words_of(y + 11 * k, (88, text)) for k, text in enumerate(lines[1:], 1)),
        ]

    first = page(
        1,
        *top(),
        *entry(
            120,
            "01/02",
            ["TRSF E-BANKING DB", "0102/FTSCY/WS95051", "BAYAR KOS"],
            "2,500,000.00 DB",
        ),
        *entry(160, "12/02", ["BYR VIA E-BANKING", "1202/BYRTLK/WS95271"], "385,000.00 DB"),
    )
    second = page(
        2,
        *top(),
        words_of(120, (88, "INDIHOME 122334455667")),
        *entry(
            131, "13/02", ["TRSF E-BANKING CR", "1302/FTSCY/WS95031", "DEWI LESTARI"], "275,000.00"
        ),
        *entry(175, "15/02", ["TRSF E-BANKING DB", "SHOPEEPAY TOPUP"], "150,000.00 DB"),
    )

    result = read_statement([first, second])

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("TRSF E-BANKING DB 0102/FTSCY/WS95051 BAYAR KOS", None),
        ("BYR VIA E-BANKING 1202/BYRTLK/WS95271 INDIHOME 122334455667", None),
        ("TRSF E-BANKING CR 1302/FTSCY/WS95031 DEWI LESTARI", None),
        ("TRSF E-BANKING DB SHOPEEPAY TOPUP", None),
    ]


def test_descriptions_starting_left_of_their_centred_title_after_a_reference_column():
    titles = words_of(
        200, (40, "FECHA"), (90, "REFERENCIA"), (165, "DESCRIPCIÓN"), (400, "IMPORTE", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (34, "02-03-2024"),
                    (90, "6602629044"),
                    (145, "SALCOBRAND 0142 LAS CONDES"),
                    (400, "8.790,00", "right"),
                ),
                words_of(
                    230,
                    (34, "03-03-2024"),
                    (90, "6602629045"),
                    (145, "UNIMARC VITACURA 3600"),
                    (400, "31.455,00", "right"),
                ),
            )
        ]
    )

    assert [r.description for r in result.rows] == [
        "SALCOBRAND 0142 LAS CONDES",
        "UNIMARC VITACURA 3600",
    ]


def test_a_unit_price_in_the_description_after_a_count():
    # "Buchungsposten 27 x 0,15 EUR": the price stays the text's, not a foreign amount nor a
    # figure of the column far left ("Valuta").
    titles = words_of(
        200,
        (30, "Buchung"),
        (71, "Valuta"),
        (105, "Vorgang"),
        (317, "Verwendungszweck"),
        (496, "Soll EUR", "right"),
        (560, "Haben EUR", "right"),
    )
    line = words_of(
        215,
        (30, "28.03.24"),
        (71, "28.03."),
        (105, "Entgelt"),
        (317, "Buchungsposten"),
        (372, "27"),
        (384, "x"),
        (392, "0,15 EUR"),
        (496, "4,05", "right"),
    )
    result = read_statement([page(1, titles, line)])

    assert [(r.description, r.amount, r.original_amount) for r in result.rows] == [
        ("Entgelt Buchungsposten 27 x 0,15 EUR", Decimal("4.05"), None)
    ]


def test_cardholders_named_by_labels_with_cells_beside_them_and_diners_numbers():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    80,
                    (40, "Titulaire"),
                    (80, ":"),
                    (85, "M. Antoine Leclerc"),
                    (453, "Carte n° 4974 •••• •••• 1287"),
                ),
                header(),
                row(220, "08/02/2024", "SNCF INTERNET PARIS", "148.00"),
                words_of(240, (42, "Cardholder: DANIEL FLETCHER"), (338, "Account summary")),
                row(255, "09/02/2024", "TRAINLINE.COM EDINBURGH", "87.40"),
                words_of(
                    275, (40, "ELEANOR VASQUEZ-HARGROVE"), (400, "Card Number XXXX-XXXXXX-4417")
                ),
                row(290, "10/02/2024", "DELTA AIR LINES", "612.40"),
            )
        ]
    )

    assert [r.cardholder for r in result.rows] == [
        "M. Antoine Leclerc",
        "DANIEL FLETCHER",
        "ELEANOR VASQUEZ-HARGROVE",
    ]


def test_who_a_card_payment_was_made_by_named_in_its_description():
    titles = words_of(
        200, (40, "Date"), (110, "Description"), (400, "Team member"), (560, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                row(215, "02/03/2024", "Figma Card payment by Laura Moretti", "54.46"),
                row(230, "03/03/2024", "Booking.com Card refund to Tommaso Bianchi", "-137.50"),
                row(245, "04/03/2024", "Card Payment to TFL TRAVEL CH LONDON", "2.09"),
                words_of(
                    260,
                    (40, "05/03/2024"),
                    (110, "Wallet top-up"),
                    (400, "—"),
                    (560, "-25,000.00", "right"),
                ),
            )
        ]
    )

    assert [r.cardholder for r in result.rows] == [
        "Laura Moretti",
        "Tommaso Bianchi",
        None,
        None,
    ]


def test_a_rows_wrapped_line_beside_its_balance_or_a_sidebars_figure():
    # "TORONTO HYDRO  4,104.36": the day's balance on the row's wrapped line; "Total credits
    # (6)  5,461.82" in a sidebar on the baseline of another row's wrapped "LTD SALARY MAR 24".
    titles = words_of(
        200,
        (208, "Date"),
        (262, "Transaction"),
        (480, "Amount", "right"),
        (560, "Balance", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (208, "03/01/2024"),
                    (262, "MB-BILL PAYMENT"),
                    (480, "-92.40", "right"),
                ),
                words_of(228, (262, "TORONTO HYDRO"), (560, "4,104.36", "right")),
                words_of(
                    241,
                    (36, "Total credits (6)"),
                    (160, "2,380.00", "right"),
                    (208, "20/03/2024"),
                    (262, "DIRECT CREDIT KAURI SOFTWARE"),
                    (480, "2,380.00", "right"),
                    (560, "6,484.36", "right"),
                ),
                words_of(
                    254,
                    (36, "Closing balance"),
                    (160, "6,484.36", "right"),
                    (262, "LTD SALARY"),
                    (313, "MAR 24"),
                ),
            )
        ]
    )

    assert [r.description for r in result.rows] == [
        "MB-BILL PAYMENT TORONTO HYDRO",
        "DIRECT CREDIT KAURI SOFTWARE LTD SALARY MAR 24",
    ]


def test_ukrainian_titles_over_three_lines():
    lines = [
        words_of(194, (336, "Сума в валюті"), (426, "Сума в валюті")),
        words_of(198, (37, "Дата"), (96, "Опис операції"), (520, "Залишок")),
        words_of(204, (338, "картки (UAH)"), (449, "операції")),
        words_of(
            228,
            (37, "29.02.2024"),
            (96, "Сільпо, Вінниця"),
            (395, "-612,90", "right"),
            (480, "-612,90 UAH", "right"),
            (560, "6 210,38", "right"),
        ),
        words_of(
            253,
            (37, "28.02.2024"),
            (96, "ALIEXPRESS"),
            (395, "-1 240,17", "right"),
            (480, "-31,84 USD", "right"),
            (560, "6 823,28", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read[1] == ("ALIEXPRESS", Decimal("1240.17"), Decimal("31.84"), "USD")
    assert [r[0] for r in read] == ["Сільпо, Вінниця", "ALIEXPRESS"]


def test_payment_type_codes_in_a_column_of_their_own_before_the_details():
    # HSBC's "Payment type and details": "VIS", "DD", ")))" where the column starts, the
    # details (and their further lines) a little right of them.
    titles = words_of(
        200,
        (42, "Date"),
        (102, "Payment type and details"),
        (420, "Paid out", "right"),
        (490, "Paid in", "right"),
        (560, "Balance", "right"),
    )
    lines = [
        words_of(215, (42, "12 Jan 24"), (102, "VIS"), (132, "TESCO STORES 3217")),
        words_of(227, (132, "LONDON"), (420, "23.45", "right")),
        words_of(239, (102, ")))"), (132, "PRET A MANGER"), (420, "6.85", "right")),
        words_of(
            251, (42, "13 Jan 24"), (102, "DD"), (132, "BRITISH GAS"), (420, "84.00", "right")
        ),
        words_of(263, (102, "VIS"), (132, "AMAZON.COM*RT4KL2")),
        words_of(275, (132, "USD 45.99"), (176, "@"), (187, "1.2683"), (420, "36.26", "right")),
    ]
    # Page 2: rows of one line each.
    second = [
        words_of(215, (42, "14 Jan 24"), (102, "DD"), (132, "EE LIMITED"), (420, "32.00", "right")),
        words_of(227, (42, "15 Jan 24"), (102, "SO"), (132, "D OKAFOR"), (420, "250.00", "right")),
    ]
    result = read_statement([page(1, titles, *lines), page(2, titles, *second)])

    read = [(r.description, r.original_amount) for r in result.rows]
    assert read == [
        ("TESCO STORES 3217 LONDON", None),
        ("PRET A MANGER", None),
        ("BRITISH GAS", None),
        ("AMAZON.COM*RT4KL2", Decimal("45.99")),
        ("EE LIMITED", None),
        ("D OKAFOR", None),
    ]


def test_a_title_begun_on_a_line_of_its_own_over_a_two_line_header():
    # "Accrued" over "Bank Charges": a column of charges to come, not the rows' amounts.
    lines = [
        words_of(196, (527, "Accrued")),
        words_of(200, (38, "Date"), (80, "Description"), (397, "Amount"), (458, "Balance")),
        words_of(204, (508, "Bank Charges")),
        words_of(
            220,
            (38, "20 Dec 2023"),
            (80, "ATM Cash FNB Cresta Mall"),
            (430, "1 000.00", "right"),
            (490, "29 529.52Cr", "right"),
            (560, "10.00", "right"),
        ),
        words_of(
            235,
            (38, "21 Dec 2023"),
            (80, "Debit Order Discovery Health"),
            (430, "2 845.00", "right"),
            (490, "26 684.52Cr", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("ATM Cash FNB Cresta Mall", Decimal("1000.00")),
        ("Debit Order Discovery Health", Decimal("2845.00")),
    ]


def test_a_list_of_checks_printed_twice_across_the_page_and_sections_of_deductions():
    lines = [
        words_of(120, (40, "Checks and Substitute Checks")),
        words_of(
            135,
            (44, "Check number"),
            (116, "Amount"),
            (150, "Date paid"),
            (200, "Reference number"),
            (310, "Check number"),
            (382, "Amount"),
            (416, "Date paid"),
            (466, "Reference number"),
        ),
        words_of(
            150,
            (44, "1041"),
            (145, "125.00", "right"),
            (150, "12/16/2024"),
            (200, "084223971"),
            (310, "1042"),
            (411, "1,450.00", "right"),
            (416, "12/18/2024"),
            (466, "084912223"),
        ),
        words_of(
            165, (44, "1044"), (145, "60.00", "right"), (150, "12/30/2024"), (200, "085504418")
        ),
        words_of(180, (40, "Deposits and Other Additions")),
        words_of(190, (44, "Date posted"), (122, "Amount"), (168, "Description")),
        words_of(200, (44, "12/12/2024"), (150, "900.00", "right"), (168, "Payroll")),
        words_of(208, (40, "Banking/Debit Card Withdrawals and Purchases")),
        words_of(220, (44, "12/13/2024"), (150, "12.40", "right"), (168, "Sq *Commonplace Coffee")),
        words_of(240, (40, "Online and Electronic Banking Deductions")),
        words_of(255, (44, "12/20/2024"), (150, "46.00", "right"), (168, "Verizon Wireless")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Check 1041", Decimal("125.00")),
        ("Check 1042", Decimal("1450.00")),
        ("Check 1044", Decimal("60.00")),
        ("Payroll", Decimal("-900.00")),
        ("Sq *Commonplace Coffee", Decimal("12.40")),
        ("Verizon Wireless", Decimal("46.00")),
    ]


def test_titles_naming_the_processed_date_and_the_card_used_over_three_lines():
    lines = [
        words_of(99, (30, "Date"), (94, "Date of"), (160, "Card")),
        words_of(103, (200, "Transaction Details"), (540, "Amount ($A)", "right")),
        words_of(108, (30, "Processed"), (94, "Transaction"), (160, "Used")),
        words_of(
            125,
            (30, "16/12/2023"),
            (94, "14/12/2023"),
            (164, "1234"),
            (200, "SPOTIFY STOCKHOLM"),
            (540, "14.41", "right"),
        ),
        words_of(137, (200, "INCL OVERSEAS TXN FEE"), (296, "0.42 AUD")),
        words_of(
            152,
            (30, "19/12/2023"),
            (94, "18/12/2023"),
            (164, "1234"),
            (200, "AMAZON MKTPLACE"),
            (540, "46.35", "right"),
        ),
        words_of(164, (200, "USD 29.99")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(str(r.date), r.description, r.original_amount) for r in result.rows]
    assert read == [
        ("2023-12-14", "SPOTIFY STOCKHOLM", None),
        ("2023-12-18", "AMAZON MKTPLACE", Decimal("29.99")),
    ]


def test_a_list_of_the_drafts_cleared_three_times_across_repeats_the_rows():
    titles = words_of(
        200, (40, "Date"), (80, "Transaction Description"), (420, "Withdrawals", "right")
    )
    lines = [
        titles,
        words_of(215, (40, "03/04/2024"), (80, "Share Draft #1042"), (420, "250.00", "right")),
        words_of(230, (40, "03/11/2024"), (80, "Share Draft #1043"), (420, "1,450.00", "right")),
        words_of(245, (40, "03/18/2024"), (80, "Share Draft #1044"), (420, "45.00", "right")),
        words_of(250, (40, "SHARE DRAFTS CLEARED")),
        words_of(
            265,
            (40, "Draft #"),
            (90, "Date"),
            (152, "Amount"),
            (220, "Draft #"),
            (270, "Date"),
            (332, "Amount"),
            (400, "Draft #"),
            (450, "Date"),
            (512, "Amount"),
        ),
        words_of(
            280,
            (40, "1042"),
            (90, "03/04/2024"),
            (180, "250.00", "right"),
            (220, "1043*"),
            (270, "03/11/2024"),
            (360, "1,450.00", "right"),
            (400, "1044"),
            (450, "03/18/2024"),
            (540, "45.00", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [r.description for r in result.rows] == [
        "Share Draft #1042",
        "Share Draft #1043",
        "Share Draft #1044",
    ]


def test_a_line_of_small_print_beside_an_account_number_names_nobody():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                words_of(
                    235,
                    (40, "Member FDIC Equal Housing Lender Spend Statement"),
                    (300, "Primary account number: XX-XXXX-4821"),
                ),
                row(250, "14/07/2023", "BOOKS", "20.00"),
            )
        ]
    )

    assert [r.cardholder for r in result.rows] == [None, None]


def test_titles_over_two_titles_each_and_the_first_of_two_balances():
    # "FECHA" over "OPER  LIQ", "SALDO" over "OPERACIÓN  LIQUIDACIÓN".
    lines = [
        words_of(150, (38, "Periodo del 16/12/2025 al 15/01/2026")),
        words_of(162, (38, "Saldo Anterior"), (300, "18,029.29", "right")),
        words_of(200, (55, "FECHA"), (518, "SALDO")),
        words_of(
            209,
            (38, "OPER"),
            (70, "LIQ"),
            (104, "DESCRIPCIÓN"),
            (379, "CARGOS"),
            (433, "ABONOS"),
            (478, "OPERACIÓN"),
            (532, "LIQUIDACIÓN"),
        ),
        words_of(
            222,
            (38, "21/12"),
            (70, "23/12"),
            (140, "LIVERPOOL PERISUR"),
            (410, "3,874.15", "right"),
        ),
        words_of(
            234,
            (38, "21/12"),
            (70, "23/12"),
            (140, "GASOLINERA COYOACAN"),
            (410, "850.00", "right"),
            (515, "13,305.14", "right"),
            (590, "18,029.29", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(str(r.date), str(r.posting_date)) for r in result.rows] == [
        ("2025-12-21", "2025-12-23"),
        ("2025-12-21", "2025-12-23"),
    ]
    assert result.rows[1].evidence.amount_column == "CARGOS"
    assert result.check.verdict == Verdict.AGREES, result.check.message


def test_a_dutch_account_with_its_af_bij_column():
    titles = words_of(
        200,
        (39, "Datum"),
        (90, "Naam / Omschrijving"),
        (194, "Rekening"),
        (262, "Code"),
        (286, "Af Bij"),
        (317, "Bedrag (EUR)"),
        (380, "Mededelingen"),
    )
    lines = [
        words_of(
            215,
            (39, "01-03-2024"),
            (90, "Albert Heijn"),
            (266, "BA"),
            (288, "Af"),
            (370, "47,83", "right"),
            (380, "Apple Pay"),
        ),
        words_of(
            230,
            (39, "01-03-2024"),
            (90, "Werkgever BV"),
            (194, "NL47RABO0312876540"),
            (266, "OV"),
            (288, "Bij"),
            (370, "2.450,00", "right"),
            (380, "Salaris"),
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Albert Heijn Apple Pay", Decimal("47.83")),
        ("Werkgever BV Salaris", Decimal("-2450.00")),
    ]


def test_a_transactions_code_column_beside_its_description():
    titles = words_of(
        200,
        (30, "Date"),
        (100, "Transaction"),
        (230, "Withdrawal", "right"),
        (290, "Deposit", "right"),
        (372, "Description"),
    )
    lines = [
        words_of(
            215,
            (30, "01/03/24"),
            (108, "X2"),
            (230, "1,250.00", "right"),
            (372, "PromptPay x5523"),
        ),
        words_of(
            230, (30, "02/03/24"), (108, "CW"), (230, "5,000.00", "right"), (372, "ATM SCB Siam")
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    assert [r.description for r in result.rows] == ["PromptPay x5523", "ATM SCB Siam"]


def test_a_polish_account_with_its_type_column_and_the_original_amount_below():
    lines = [
        words_of(242, (31, "Data"), (81, "Data"), (296, "Saldo po")),
        words_of(247, (131, "Typ transakcji"), (241, "Kwota"), (345, "Opis transakcji")),
        words_of(251, (31, "operacji"), (81, "waluty"), (292, "transakcji")),
        words_of(
            278,
            (31, "06.03.2024"),
            (81, "08.03.2024"),
            (131, "Płatność kartą"),
            (265, "-102,37", "right"),
            (330, "9 827,08", "right"),
            (345, "SPOTIFY P1F2A7 Stockholm"),
        ),
        words_of(
            287, (131, "zagraniczna"), (345, "Oryginalna kwota operacji:"), (460, "23,99 EUR")
        ),
        words_of(
            300,
            (31, "07.03.2024"),
            (81, "07.03.2024"),
            (131, "Wypłata z bankomatu"),
            (265, "-400,00", "right"),
            (330, "9 427,08", "right"),
            (345, "BANKOMAT PIOTRKOWSKA"),
        ),
        words_of(320, (345, "Ciąg dalszy na następnej stronie")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("SPOTIFY P1F2A7 Stockholm", Decimal("102.37"), Decimal("23.99"), "EUR"),
        ("BANKOMAT PIOTRKOWSKA", Decimal("400.00"), None, None),
    ]
    assert result.rows[1].evidence.amount_column == "Kwota"  # not "Saldo po transakcji"
    assert any("balance" in c for c in result.check.checked), result.check


def test_a_czech_account_with_its_payment_kind_and_the_amount_converted_on_a_day():
    titles = words_of(
        267,
        (33, "Datum"),
        (73, "Označení platby"),
        (169, "Protiúčet nebo poznámka"),
        (534, "Částka"),
    )
    lines = [
        words_of(
            283,
            (33, "08.02.2024"),
            (73, "Transakce platební"),
            (169, "Místo: BOLT.EU/R/2402081822, TALLINN"),
            (562, "-199,14", "right"),
        ),
        words_of(292, (73, "kartou"), (169, "Částka: 8,00 EUR 08.02.2024")),
        words_of(
            306,
            (33, "09.02.2024"),
            (73, "Příchozí úhrada"),
            (169, "ALZA.CZ A.S."),
            (562, "2 499,00", "right"),
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    # (Whether "-" marks a charge or a credit is for the statement's totals to settle.)
    read = [(r.description, abs(r.original_amount or 0), r.original_currency) for r in result.rows]
    assert read == [
        ("Místo: BOLT.EU/R/2402081822, TALLINN", Decimal("8.00"), "EUR"),
        ("ALZA.CZ A.S.", 0, None),
    ]


def test_a_greek_accounts_foreign_amount_and_its_rate_below_the_row():
    titles = words_of(
        204,
        (35, "Ημερομηνία"),
        (94, "Αιτιολογία"),
        (384, "Χρέωση"),
        (451, "Πίστωση"),
        (521, "Υπόλοιπο"),
    )
    lines = [
        words_of(
            319,
            (35, "12/01/2024"),
            (94, "ΑΓΟΡΑ ΚΑΡΤΑΣ NETFLIX.COM"),
            (414, "50,30", "right"),
            (560, "1.240,15", "right"),
        ),
        words_of(323, (94, "AMSTERDAM NL")),
        words_of(
            332, (94, "ΠΟΣΟ ΣΥΝΑΛΛΑΓΗΣ:"), (165, "54,99 USD"), (199, "ΙΣΟΤΙΜΙΑ:"), (231, "1,0932")
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("ΑΓΟΡΑ ΚΑΡΤΑΣ NETFLIX.COM AMSTERDAM NL", Decimal("50.30"), Decimal("54.99"), "USD")
    ]


def test_a_turkish_account_newest_first_with_its_summary_and_a_foreign_amount():
    summary = [
        words_of(73, (480, "Devreden Bakiye"), (790, "27.480,35 TL", "right")),
        words_of(87, (480, "Toplam Giriş (2 işlem)"), (790, "2.599,99 TL", "right")),
        words_of(99, (480, "Toplam Çıkış (2 işlem)"), (790, "-1.374,33 TL", "right")),
        words_of(115, (480, "Dönem Sonu Bakiye"), (790, "28.706,01 TL", "right")),
        words_of(
            140,
            (30, "Bloke tutar:"),
            (290, "0,00 TL", "right"),
            (300, "Kullanılabilir bakiye:"),
            (460, "28.706,01 TL", "right"),
        ),
    ]
    titles = words_of(
        158, (34, "Tarih"), (96, "Açıklama"), (597, "Tutar"), (684, "Bakiye"), (722, "Dekont No")
    )
    lines = [
        words_of(
            174,
            (34, "16.04.2024"),
            (96, "İADE - LC WAIKIKI MAĞAZACILIK"),
            (630, "599,99 TL", "right"),
            (715, "28.706,01 TL", "right"),
            (724, "41602201"),
        ),
        words_of(
            189,
            (34, "11.04.2024"),
            (96, "YURT DIŞI KARTLI İŞLEM - STEAMGAMES.COM BELLEVUE US"),
            (630, "-647,58 TL", "right"),
            (715, "28.106,02 TL", "right"),
            (724, "41102450"),
        ),
        words_of(199, (106, "İŞLEM TUTARI:"), (170, "19,99 USD"), (220, "KUR:"), (240, "32,3950")),
        words_of(
            207,
            (34, "08.04.2024"),
            (96, "HAVALE GELEN - GÖNDEREN: ÖZTÜRK KEREM"),
            (630, "2.000,00 TL", "right"),
            (715, "28.753,60 TL", "right"),
            (724, "40809915"),
        ),
        words_of(
            222,
            (34, "01.04.2024"),
            (96, "KARTLI İŞLEM - MİGROS MODA KADIKÖY"),
            (630, "-726,75 TL", "right"),
            (715, "26.753,60 TL", "right"),
            (724, "40110237"),
        ),
        words_of(236, (96, "Devreden Bakiye"), (715, "27.480,35 TL", "right")),
    ]
    result = read_statement([page(1, *summary, titles, *lines, width=842, height=595)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("İADE - LC WAIKIKI MAĞAZACILIK", Decimal("-599.99"), None),
        (
            "YURT DIŞI KARTLI İŞLEM - STEAMGAMES.COM BELLEVUE US",
            Decimal("647.58"),
            Decimal("19.99"),
        ),
        ("HAVALE GELEN - GÖNDEREN: ÖZTÜRK KEREM", Decimal("-2000.00"), None),
        ("KARTLI İŞLEM - MİGROS MODA KADIKÖY", Decimal("726.75"), None),
    ]
    assert result.check.verdict == Verdict.AGREES, result.check
    checked = " ".join(result.check.checked).lower()
    assert "devreden bakiye" in checked and "dönem sonu bakiye" in checked, checked
    assert "toplam giriş" in checked and "toplam çıkış" in checked, checked


def test_an_indian_cards_serial_numbers_and_international_amounts_beside_the_details():
    lines = [
        words_of(372, (343, "Reward")),
        words_of(
            377,
            (34, "Date"),
            (86, "SerNo."),
            (146, "Transaction Details"),
            (400, "Intl.# amount"),
            (509, "Amount (in ₹)"),
        ),
        words_of(381, (348, "Points")),
        words_of(
            399,
            (34, "18/11/2024"),
            (86, "10482736511"),
            (146, "SWIGGY BANGALORE IN"),
            (373, "12", "right"),
            (565, "642.00", "right"),
        ),
        words_of(
            413,
            (34, "26/11/2024"),
            (86, "10489774012"),
            (146, "AMAZON WEB SERVICES US"),
            (373, "64", "right"),
            (460, "USD 38.42", "right"),
            (565, "3,245.34", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("SWIGGY BANGALORE IN", Decimal("642.00"), None),
        ("AMAZON WEB SERVICES US", Decimal("3245.34"), Decimal("38.42")),
    ]


def test_the_amount_available_with_the_overdraft_under_the_closing_balance_is_no_row():
    lines = [
        words_of(180, (108, "Alter Saldo per 29.02.2024"), (466, "EUR"), (570, "123,45", "right")),
        words_of(200, (40, "Buchungsdatum"), (108, "Text"), (570, "Betrag", "right")),
        words_of(215, (40, "28.03.2024"), (108, "SPAR DANKT 5480"), (570, "-43,45", "right")),
        words_of(228, (40, "29.03.2024"), (108, "Gehalt März"), (570, "20,00", "right")),
        words_of(241, (108, "Neuer Saldo per 31.03.2024"), (466, "EUR"), (570, "100,00", "right")),
        words_of(254, (108, "Summe Belastungen"), (466, "EUR"), (570, "-43,45", "right")),
        words_of(267, (108, "Summe Gutschriften"), (466, "EUR"), (570, "20,00", "right")),
        words_of(
            280, (108, "Verfügbarer Betrag inkl. Rahmen"), (466, "EUR"), (570, "1.600,00", "right")
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("SPAR DANKT 5480", Decimal("43.45")),
        ("Gehalt März", Decimal("-20.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_sums_carried_over_a_page_break_in_norwegian_are_no_rows():
    def titles(y):
        return words_of(
            y,
            (40, "Dato"),
            (90, "Forklaring"),
            (330, "Rentedato"),
            (470, "Ut fra konto", "right"),
            (550, "Inn på konto", "right"),
        )

    def line(y, day, text, out="", into=""):
        cells = [(40, day), (90, text), (330, day)]
        cells += [(470, out, "right")] if out else []
        cells += [(550, into, "right")] if into else []
        return words_of(y, *cells)

    first = page(
        1,
        words_of(60, (40, "i perioden 01.04.2024 - 30.04.2024")),
        titles(100),
        words_of(115, (90, "Saldo fra kontoutskrift 31.03.2024"), (550, "8 412,66", "right")),
        line(130, "02.04", "Varekjøp REMA 1000 MAJORSTUEN OSLO", out="389,40"),
        line(145, "12.04", "Lønn", into="41 286,00"),
        words_of(
            165,
            (90, "Overføres til neste side"),
            (470, "389,40", "right"),
            (550, "41 286,00", "right"),
        ),
    )
    second = page(
        2,
        titles(100),
        words_of(
            115,
            (90, "Overført fra forrige side"),
            (470, "389,40", "right"),
            (550, "41 286,00", "right"),
        ),
        line(130, "30.04", "Gebyr Nettbank", out="15,00"),
        words_of(150, (90, "Sum"), (470, "404,40", "right"), (550, "41 286,00", "right")),
        words_of(165, (90, "Saldo i Deres favør 30.04.2024"), (550, "49 294,26", "right")),
    )
    result = read_statement([first, second])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Varekjøp REMA 1000 MAJORSTUEN OSLO", Decimal("389.40")),
        ("Lønn", Decimal("-41286.00")),
        ("Gebyr Nettbank", Decimal("15.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_card_members_named_by_their_cards_or_by_the_headings_of_their_new_transactions():
    def titles(y):
        return words_of(y, (40, "Date"), (110, "Details"), (540, "Amount ($)", "right"))

    top = words_of(
        60,
        (40, "Prepared for DANIELLE K OKAFOR"),
        (250, "Account Number XXXX XXXXXX 1 2004"),
        (480, "Page 1 of 2"),
    )
    first = page(
        1,
        top,
        words_of(100, (40, "DANIELLE K OKAFOR"), (250, "Card Number XXXX XXXXXX 1 2004")),
        words_of(115, (40, "Payments")),
        titles(130),
        row(145, "Dec 28", "PAYMENT RECEIVED - THANK YOU", "-1,500.00"),
        words_of(165, (40, "New Transactions for DANIELLE K OKAFOR")),
        titles(180),
        row(195, "Dec 19", "LOBLAWS #1032 TORONTO", "142.86"),
    )
    second = page(
        2,
        words_of(60, (40, "Prepared for DANIELLE K OKAFOR"), (480, "Page 2 of 2")),
        words_of(85, (40, "New Transactions for DANIELLE K OKAFOR (CONTINUED)")),
        titles(100),
        row(115, "Jan 06", "METRO 512 TORONTO", "96.33"),
        words_of(160, (40, "New Transactions for SAMUEL OKAFOR")),
        titles(175),
        row(190, "Dec 20", "TIM HORTONS #2214 TORONTO", "4.87"),
    )
    result = read_statement([first, second])

    assert [(r.description, r.cardholder, r.card_last4) for r in result.rows] == [
        ("PAYMENT RECEIVED - THANK YOU", "DANIELLE K OKAFOR", "2004"),
        ("LOBLAWS #1032 TORONTO", "DANIELLE K OKAFOR", "2004"),
        ("METRO 512 TORONTO", "DANIELLE K OKAFOR", "2004"),
        ("TIM HORTONS #2214 TORONTO", "SAMUEL OKAFOR", None),
    ]


def test_a_mexican_card_with_its_signs_in_a_column_of_their_own_and_foreign_amounts():
    def titles(y):
        return [
            *words_of(
                y,
                (40, "Fecha de la"),
                (110, "Fecha de"),
                (180, "Descripción del movimiento"),
                (470, "+/-"),
                (560, "Monto", "right"),
            ),
            *words_of(y + 8, (40, "operación"), (110, "cargo")),
        ]

    def line(y, day, posted, text, sign, amount):
        return words_of(
            y, (40, day), (110, posted), (180, text), (472, sign), (560, amount, "right")
        )

    lines = [
        words_of(60, (40, "Periodo 09-feb-2024 al 08-mar-2024")),
        words_of(100, (40, "Pagos y abonos")),
        titles(115),
        line(140, "14-feb-2024", "14-feb-2024", "PAGO INTERBANCARIO SPEI", "-", "$12,500.00"),
        words_of(150, (180, "GRACIAS POR SU PAGO")),
        words_of(170, (180, "Total de pagos y abonos"), (472, "-"), (560, "$12,500.00", "right")),
        words_of(200, (40, "Cargos")),
        titles(215),
        line(
            240, "24-feb-2024", "26-feb-2024", "HILTON GARDEN INN SAN ANTONIO TX", "+", "$3,228.91"
        ),
        words_of(
            250, (180, "MONEDA EXTRANJERA:"), (290, "189.00 USD"), (350, "TC:"), (370, "17.08420")
        ),
        line(262, "26-feb-2024", "27-feb-2024", "FARMACIAS DEL AHORRO 1234", "+", "$236.40"),
        words_of(285, (180, "Total de cargos"), (472, "+"), (560, "$3,465.31", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("PAGO INTERBANCARIO SPEI GRACIAS POR SU PAGO", Decimal("-12500.00"), None, None),
        ("HILTON GARDEN INN SAN ANTONIO TX", Decimal("3228.91"), Decimal("189.00"), "USD"),
        ("FARMACIAS DEL AHORRO 1234", Decimal("236.40"), None, None),
    ]
    assert [r.posting_date for r in result.rows] == [
        date(2024, 2, 14),
        date(2024, 2, 26),
        date(2024, 2, 27),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_an_average_balance_and_the_interest_paid_this_year_under_the_totals_are_no_rows():
    def line(y, day, text, out="", into="", balance=""):
        cells = [(40, day), (90, day), (140, text)]
        cells += [(400, out, "right")] if out else []
        cells += [(480, into, "right")] if into else []
        cells += [(560, balance, "right")] if balance else []
        return words_of(y, *cells)

    lines = [
        words_of(100, (40, "Period 1 MAR 2024 TO 31 MAR 2024")),
        words_of(180, (40, "Transaction"), (90, "Value")),
        words_of(
            189,
            (40, "Date"),
            (90, "Date"),
            (140, "Description"),
            (400, "Withdrawal", "right"),
            (480, "Deposit", "right"),
            (560, "Balance", "right"),
        ),
        words_of(207, (140, "BALANCE B/F"), (560, "1,000.00", "right")),
        line(221, "28 MAR", "DEBIT PURCHASE GIANT", out="54.20", balance="945.80"),
        line(235, "31 MAR", "INTEREST CREDIT", into="6.21", balance="952.01"),
        words_of(250, (140, "BALANCE C/F"), (560, "952.01", "right")),
        words_of(
            264,
            (140, "Total Withdrawals/Deposits"),
            (400, "54.20", "right"),
            (480, "6.21", "right"),
        ),
        # (Printed under the deposits, as figures of the account, not money in.)
        words_of(290, (140, "Total Interest Paid This Year"), (480, "142.87", "right")),
        words_of(301, (140, "Average Balance"), (480, "17,912.44", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("54.20"), Decimal("-6.21")]
    assert result.check.verdict == Verdict.AGREES


def test_a_rows_first_line_that_reads_like_a_heading_over_its_amount_line_without_a_date():
    result = read_statement(
        [
            bank_page(
                # (Wrapped rows print their amount on their last line.)
                words_of(225, (110, "SEPA DD VHI HEALTHCARE")),
                bank_row(238, "18/03/2024", "IE24VHI0000012345", out="41.20"),
                bank_row(251, "", "GOVT DUTY ON CARD", out="5.00"),
                words_of(264, (110, "DEBIT INTEREST")),
                bank_row(277, "", "TO 15MAR24", out="3.62", balance="950.18"),
                bank_row(290, "19/03/2024", "D/D EIR MOBILE", out="39.99", balance="910.19"),
            )
        ]
    )

    assert descriptions(result) == [
        "SEPA DD VHI HEALTHCARE IE24VHI0000012345",
        "GOVT DUTY ON CARD",
        "DEBIT INTEREST TO 15MAR24",
        "D/D EIR MOBILE",
    ]
    assert result.check.verdict == Verdict.AGREES


def test_the_date_received_by_the_bank_before_the_transaction_date_is_the_posting_date():
    lines = [
        words_of(120, (300, "Statement period 19 Feb 24 to 18 Mar 24")),
        words_of(353, (40, "Received"), (100, "Transaction")),
        words_of(357, (170, "Details"), (520, "Amount £", "right")),
        words_of(362, (40, "By Us"), (100, "Date")),
        words_of(
            380,
            (40, "20 Feb 24"),
            (100, "19 Feb 24"),
            (170, "TESCO STORES"),
            (520, "46.82", "right"),
        ),
        words_of(
            394,
            (40, "22 Feb 24"),
            (100, "21 Feb 24"),
            (170, "DIRECT DEBIT PAYMENT - THANK YOU"),
            (520, "400.00CR", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.date, r.posting_date, r.amount) for r in result.rows] == [
        (date(2024, 2, 19), date(2024, 2, 20), Decimal("46.82")),
        (date(2024, 2, 21), date(2024, 2, 22), Decimal("-400.00")),
    ]


def test_a_brazilian_bill_with_its_minus_on_the_currency_and_the_previous_bill_in_its_summary():
    lines = [
        words_of(80, (40, "Período vigente: 05 DEZ a 05 JAN"), (300, "FATURA 12 JAN 2024")),
        words_of(100, (40, "Fatura anterior"), (300, "R$ 2.845,10", "right")),
        words_of(160, (40, "05 DEZ"), (90, "Pagamento recebido"), (560, "−R$ 2.845,10", "right")),
        words_of(175, (40, "06 DEZ"), (90, "Ifood *Ifood"), (560, "R$ 45,90", "right")),
        words_of(190, (40, "18 DEZ"), (90, 'Estorno de "Amazon"'), (560, "−R$ 129,90", "right")),
        words_of(205, (40, "03 JAN"), (90, "Posto Shell"), (560, "R$ 3.098,00", "right")),
        words_of(230, (90, "Total a pagar"), (560, "R$ 3.014,00", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount, r.date) for r in result.rows] == [
        ("Pagamento recebido", Decimal("-2845.10"), date(2023, 12, 5)),
        ("Ifood *Ifood", Decimal("45.90"), date(2023, 12, 6)),
        ('Estorno de "Amazon"', Decimal("-129.90"), date(2023, 12, 18)),
        ("Posto Shell", Decimal("3098.00"), date(2024, 1, 3)),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_feature_reward_points_titled_over_two_lines_are_no_part_of_the_description():
    lines = [
        words_of(124, (40, "Statement Period : 13/02/2024 To 12/03/2024")),
        words_of(
            290,
            (40, "Date"),
            (110, "Transaction Description"),
            (400, "Feature Reward"),
            (560, "Amount (in Rs.)", "right"),
        ),
        words_of(300, (400, "Points")),
        words_of(321, (40, "RAHUL SHARMA")),
        words_of(
            332,
            (40, "14/02/2024"),
            (110, "CC PAYMENT NETBANKING - THANK YOU"),
            (560, "1,25,000.00 Cr", "right"),
        ),
        words_of(
            342,
            (40, "14/02/2024"),
            (110, "SWIGGY BANGALORE"),
            (420, "12"),
            (560, "486.00", "right"),
        ),
        words_of(
            352,
            (40, "28/02/2024"),
            (110, "AMAZON PAY INDIA PRIVA BANGALORE"),
            (420, "-32"),
            (560, "1,299.00 Cr", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("CC PAYMENT NETBANKING - THANK YOU", Decimal("-125000.00")),
        ("SWIGGY BANGALORE", Decimal("486.00")),
        ("AMAZON PAY INDIA PRIVA BANGALORE", Decimal("-1299.00")),
    ]


def test_the_balance_debited_from_the_account_under_a_deferred_debit_cards_total_is_no_row():
    lines = [
        words_of(100, (40, "Relevé de carte du 01/03/2024 au 31/03/2024")),
        words_of(150, (40, "Date opération"), (120, "Libellé"), (560, "Montant", "right")),
        words_of(
            165,
            (40, "20/03/2024"),
            (120, "CARTE 20/03/24 MONOPRIX PARIS 15"),
            (560, "27,05", "right"),
        ),
        words_of(
            180,
            (40, "25/03/2024"),
            (120, "CARTE 25/03/24 SNCF INTERNET PARIS"),
            (560, "-87,00", "right"),
        ),
        words_of(
            195,
            (40, "29/03/2024"),
            (120, "CARTE 29/03/24 LEROY MERLIN IVRY"),
            (560, "156,32", "right"),
        ),
        words_of(215, (120, "Total des opérations"), (560, "96,37", "right")),
        words_of(230, (120, "Solde débité le 31/03/2024"), (560, "96,37 €", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("27.05"), Decimal("-87.00"), Decimal("156.32")]
    assert result.check.verdict == Verdict.AGREES


def test_employee_headings_with_what_each_card_spent_end_the_payments_section():
    def titles(y):
        return [
            *words_of(y, (40, "Date of")),
            *words_of(
                y + 8,
                (40, "Transaction"),
                (110, "Merchant Name or Transaction Description"),
                (520, "$ Amount", "right"),
            ),
        ]

    def heading(y, name, card, total):
        return words_of(
            y,
            (40, name),
            (200, "TRANSACTIONS THIS CYCLE"),
            (330, f"(CARD {card})"),
            (520, total, "right"),
        )

    first = page(
        1,
        words_of(60, (40, "Opening/Closing Date 02/14/24 - 03/13/24")),
        titles(100),
        words_of(125, (40, "PAYMENTS AND OTHER CREDITS")),
        row(140, "02/20", "AUTOMATIC PAYMENT - THANK YOU", "-6,842.19"),
        heading(160, "MICHAEL A TORRES", "4417", "$1,357.01"),
        row(175, "02/14", "FERGUSON ENT #1142 AUSTIN TX", "1,284.60"),
        row(190, "02/15", "GOOGLE *GSUITE CC@GOOGLE.COM CA", "72.41"),
        heading(210, "RAJ PATEL", "0391", "$96.50"),
        row(225, "03/02", "SHELL OIL 57444213009 AUSTIN TX", "11.75"),
    )
    second = page(
        2,
        titles(80),
        row(105, "03/12", "TX DMV REGISTRATION RENEWAL", "84.75"),
    )
    result = read_statement([first, second])

    read = [(r.description, r.amount, r.cardholder, r.card_last4) for r in result.rows]
    assert read == [
        ("AUTOMATIC PAYMENT - THANK YOU", Decimal("-6842.19"), None, None),
        ("FERGUSON ENT #1142 AUSTIN TX", Decimal("1284.60"), "MICHAEL A TORRES", "4417"),
        ("GOOGLE *GSUITE CC@GOOGLE.COM CA", Decimal("72.41"), "MICHAEL A TORRES", "4417"),
        ("SHELL OIL 57444213009 AUSTIN TX", Decimal("11.75"), "RAJ PATEL", "0391"),
        ("TX DMV REGISTRATION RENEWAL", Decimal("84.75"), "RAJ PATEL", "0391"),
    ]


def test_the_previous_account_balance_and_the_total_account_balance_frame_the_rows():
    lines = [
        words_of(60, (40, "STATEMENT FROM FEB 16 TO MAR 15, 2024")),
        words_of(90, (40, "Previous Account Balance"), (250, "$4,206.55", "right")),
        words_of(102, (40, "New Balance"), (250, "$4,556.55", "right")),
        header(150),
        row(165, "FEB 20", "PAYMENT - THANK YOU", "-4,000.00"),
        words_of(185, (40, "SOPHIE TREMBLAY - 4516 07** **** 4821")),
        row(200, "FEB 21", "HOME DEPOT #7071 NORTH VANCOUVER", "1,350.00"),
        words_of(215, (110, "SUBTOTAL OF MONTHLY ACTIVITY"), (540, "$1,350.00", "right")),
        words_of(235, (40, "MARC GAGNON - 4516 07** **** 9067")),
        row(250, "MAR 02", "WESTCOAST LUMBER LTD", "3,000.00"),
        words_of(265, (110, "SUBTOTAL OF MONTHLY ACTIVITY"), (540, "$3,000.00", "right")),
        words_of(285, (110, "TOTAL ACCOUNT BALANCE"), (540, "$4,556.55", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("-4000.00"), Decimal("1350.00"), Decimal("3000.00")]
    assert result.check.verdict == Verdict.AGREES


def test_the_account_holders_name_and_number_atop_every_page_do_not_take_over_the_rows():
    def top():
        return words_of(40, (40, "AMANDA REYES"), (200, "Account Ending 1-41007"))

    first = page(
        1,
        top(),
        words_of(70, (40, "Closing Date 03/09/24")),
        header(100),
        words_of(120, (40, "AMANDA REYES"), (200, "Card Ending 1-41007")),
        row(135, "02/11/24", "DELTA AIR LINES ATLANTA GA", "684.20"),
        words_of(155, (110, "Total for AMANDA REYES"), (540, "684.20", "right")),
        words_of(175, (40, "JORDAN KIM"), (200, "Card Ending 1-42005")),
        row(190, "02/16/24", "MARRIOTT MARQUIS SAN FRANCISCO", "876.52"),
    )
    second = page(
        2,
        top(),
        words_of(70, (40, "Detail Continued")),
        row(90, "03/06/24", "HILTON LONDON BANKSIDE LONDON", "621.04"),
        words_of(110, (110, "Total for JORDAN KIM"), (540, "1,497.56", "right")),
    )
    result = read_statement([first, second])

    assert [r.cardholder for r in result.rows] == ["AMANDA REYES", "JORDAN KIM", "JORDAN KIM"]
    assert result.check.verdict == Verdict.AGREES


def test_a_count_of_postings_at_a_unit_price_on_a_fee_rows_last_line_is_its_text():
    lines = [
        words_of(100, (40, "Kontostand am 29.02.2024"), (560, "1.000,00", "right")),
        words_of(
            130,
            (40, "Buchungstag"),
            (110, "Wert"),
            (180, "Erläuterung"),
            (560, "Betrag EUR", "right"),
        ),
        words_of(
            150,
            (40, "28.03.2024"),
            (110, "31.03.2024"),
            (180, "Rechnungsabschluss"),
            (560, "-11,75", "right"),
        ),
        words_of(160, (180, "Entgelte Buchungsposten 03/2024")),
        words_of(170, (180, "47 Posten à"), (240, "0,25 EUR")),
        words_of(190, (40, "Kontostand am 28.03.2024"), (560, "988,25", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount, r.original_amount) for r in result.rows] == [
        (
            "Rechnungsabschluss Entgelte Buchungsposten 03/2024 47 Posten à 0,25 EUR",
            Decimal("11.75"),
            None,
        )
    ]
    assert result.check.verdict == Verdict.AGREES


def test_checks_paid_two_to_a_line_under_check_number_titles_are_named_by_their_numbers():
    lines = [
        words_of(60, (40, "Beginning balance on March 1, 2024"), (540, "$3,000.00", "right")),
        words_of(72, (40, "Ending balance on March 31, 2024"), (540, "$1,675.00", "right")),
        words_of(100, (40, "Checks")),
        words_of(
            115,
            (40, "Date"),
            (95, "Check #"),
            (270, "Amount", "right"),
            (320, "Date"),
            (375, "Check #"),
            (550, "Amount", "right"),
        ),
        words_of(
            130,
            (40, "03/06/24"),
            (95, "1201"),
            (270, "-1,250.00", "right"),
            (320, "03/19/24"),
            (375, "1204*"),
            (550, "-75.00", "right"),
        ),
        words_of(150, (40, "Total checks"), (550, "-$1,325.00", "right")),
        words_of(165, (40, "* There is a gap in sequential check numbers")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Check 1201", Decimal("1250.00")),
        ("Check 1204", Decimal("75.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_the_statements_closing_balance_printed_as_a_row_with_the_totals_is_no_row():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "05/03/2024", "TESCO STORES 2934", out="46.82", balance="953.18"),
                bank_row(
                    240, "07/03/2024", "DAVID SMITH CONCERT", into="60.00", balance="1,013.18"
                ),
                bank_row(
                    255,
                    "31/03/2024",
                    "STATEMENT CLOSING BALANCE",
                    out="46.82",
                    into="60.00",
                    balance="1,013.18",
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("46.82"), Decimal("-60.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_transfer_to_another_account_is_a_row_not_a_sum_carried_over():
    lines = [
        words_of(100, (40, "Kontostand am 15.03.24"), (560, "1'510.80", "right")),
        words_of(
            130,
            (40, "Datum"),
            (100, "Text"),
            (400, "Lastschrift", "right"),
            (560, "Saldo", "right"),
        ),
        words_of(
            150,
            (40, "19.03.24"),
            (100, "ÜBERTRAG AUF KONTO CH45 0900 0000 9876 5432 1"),
            (400, "500.00", "right"),
            (560, "1'010.80", "right"),
        ),
        words_of(160, (100, "SPARKONTO")),
        words_of(180, (40, "Kontostand am 31.03.24"), (560, "1'010.80", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("ÜBERTRAG AUF KONTO CH45 0900 0000 9876 5432 1 SPARKONTO", Decimal("500.00"))
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_one_word_heading_of_purchases_right_under_the_last_credit_starts_their_section():
    lines = [
        words_of(60, (40, "Opening/Closing Date 02/15/24 - 03/14/24")),
        header(100),
        words_of(115, (110, "PAYMENTS AND OTHER CREDITS")),
        row(126, "02/26", "Payment Thank You-Mobile", "-2,146.33"),
        row(137, "03/09", "DELTA AIR LINES ATLANTA GA", "-212.40"),
        words_of(148, (110, "PURCHASE")),
        row(161, "02/15", "WHOLEFDS BRL 10240 BROOKLINE MA", "87.42"),
        row(172, "03/08", "BRITISH AIRWAYS 1252186543210 LONDON", "121.90"),
        words_of(183, (40, "03/08"), (110, "POUND STERLING")),
        words_of(194, (110, "96.20 X 1.267100 (EXCHG RATE)")),
        row(205, "03/14", "SP PARKING BOSTON MED CTR BOSTON MA", "24.00"),
        words_of(216, (110, "JANE M HOLLOWAY")),
        words_of(227, (110, "TRANSACTIONS THIS CYCLE (CARD 4821)"), (540, "$233.32", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("Payment Thank You-Mobile", Decimal("-2146.33"), None),
        ("DELTA AIR LINES ATLANTA GA", Decimal("-212.40"), None),
        ("WHOLEFDS BRL 10240 BROOKLINE MA", Decimal("87.42"), None),
        ("BRITISH AIRWAYS 1252186543210 LONDON", Decimal("121.90"), Decimal("96.20")),
        ("SP PARKING BOSTON MED CTR BOSTON MA", Decimal("24.00"), None),
    ]
    assert result.rows[3].original_currency == "GBP"


def test_a_notice_of_payment_options_is_no_section_and_fcy_lines_give_foreign_amounts():
    lines = [
        words_of(100, (40, "STATEMENT DATE"), (200, "March 15, 2024")),
        words_of(115, (40, "BALANCE PREVIOUS STATEMENT"), (300, "100.00", "right")),
        words_of(126, (40, "CURRENT BALANCE"), (300, "261.39", "right")),
        words_of(150, (40, "PAYMENT OPTIONS")),
        words_of(161, (40, "Citibank Online / Citi Mobile App | FAST / PayNow | GIRO")),
        words_of(190, (40, "TRANSACTION DETAILS")),
        header(205, amount="AMOUNT (SGD)", date="DATE"),
        row(220, "16 FEB", "GRAB* A-6B2XKQ9WWM SINGAPORE SG", "18.40"),
        row(231, "20 FEB", "PAYMENT VIA FAST/PAYNOW - THANK YOU", "(100.00)"),
        row(242, "22 FEB", "AMAZON WEB SERVICES AWS.AMAZON.CO WA", "61.39"),
        words_of(253, (110, "FCY:"), (140, "USD 45.00")),
        row(264, "08 MAR", "COLD STORAGE - GREAT WORLD CITY", "181.60"),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("GRAB* A-6B2XKQ9WWM SINGAPORE SG", Decimal("18.40"), None),
        ("PAYMENT VIA FAST/PAYNOW - THANK YOU", Decimal("-100.00"), None),
        ("AMAZON WEB SERVICES AWS.AMAZON.CO WA", Decimal("61.39"), Decimal("45.00")),
        ("COLD STORAGE - GREAT WORLD CITY", Decimal("181.60"), None),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_table_of_budget_instalments_after_the_closing_balance_is_no_rows():
    lines = [
        words_of(100, (40, "Opening balance"), (540, "1 000,00", "right")),
        header(120, date="Transaction date"),
        row(135, "11/03/2024", "MAKRO WOODMEAD", "8 750,00"),
        words_of(146, (110, "Budget 6 months")),
        row(160, "16/03/2024", "FLYSAFAIR CAPE TOWN", "450,00 Cr"),
        words_of(180, (40, "Closing balance"), (540, "9 300,00", "right")),
        words_of(210, (40, "Budget facility")),
        words_of(
            228,
            (40, "Purchase date"),
            (110, "Description"),
            (300, "Term"),
            (380, "Instalment"),
            (470, "Outstanding"),
        ),
        words_of(
            240,
            (40, "14/11/2023"),
            (110, "HIFI CORP MENLYN"),
            (300, "12 months"),
            (440, "R1 083,25", "right"),
            (530, "R9 749,25", "right"),
        ),
        words_of(
            252,
            (40, "11/03/2024"),
            (110, "MAKRO WOODMEAD"),
            (300, "6 months"),
            (440, "R1 458,33", "right"),
            (530, "R8 750,00", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("MAKRO WOODMEAD Budget 6 months", Decimal("8750.00")),
        ("FLYSAFAIR CAPE TOWN", Decimal("-450.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_sidebar_of_balances_right_of_the_rows_on_their_baselines():
    def line(y, day, text, amount, *side):
        return words_of(y, (40, day), (110, text), (400, amount, "right"), *side)

    lines = [
        words_of(60, (40, "STATEMENT PERIOD: Dec 12, 2023 to Jan 11, 2024")),
        words_of(100, (40, "DATE"), (110, "ACTIVITY DESCRIPTION"), (400, "AMOUNT($)", "right")),
        line(
            115, "DEC 12", "TIM HORTONS #2841 TORONTO ON", "4.87", (430, "Calculating Your Balance")
        ),
        line(
            128,
            "DEC 12",
            "LOBLAWS #1021 TORONTO ON",
            "142.36",
            (430, "Previous Statement Balance"),
            (570, "$2,104.38", "right"),
        ),
        line(
            141,
            "DEC 14",
            "PAYMENT - THANK YOU",
            "1,850.00-",
            (430, "Payments & Credits"),
            (570, "-$1,850.00", "right"),
        ),
        line(
            154,
            "DEC 18",
            "NETFLIX.COM NETFLIX.COM BC",
            "20.99",
            (430, "NEW BALANCE"),
            (570, "=$422.60", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("TIM HORTONS #2841 TORONTO ON", Decimal("4.87")),
        ("LOBLAWS #1021 TORONTO ON", Decimal("142.36")),
        ("PAYMENT - THANK YOU", Decimal("-1850.00")),
        ("NETFLIX.COM NETFLIX.COM BC", Decimal("20.99")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_german_card_with_day_month_dates_its_main_and_supplementary_card_holders():
    lines = [
        words_of(95, (300, "Abrechnungszeitraum 16.02.2024 – 15.03.2024")),
        words_of(120, (40, "Hauptkarte ERIKA MUSTERMANN"), (300, "Kartennummer xxxx-xxxxxx-71007")),
        words_of(135, (40, "Datum"), (100, "Beschreibung"), (540, "Betrag in EUR", "right")),
        words_of(
            150, (40, "20.02"), (100, "ARAL STATION 281034 DÜSSELDORF"), (540, "78,12", "right")
        ),
        words_of(162, (40, "21.02"), (100, "DB VERTRIEB GMBH FRANKFURT"), (540, "129,90", "right")),
        words_of(180, (40, "Zusatzkarte MAX MUSTERMANN"), (300, "Kartennummer xxxx-xxxxxx-72005")),
        words_of(195, (40, "23.02"), (100, "MEDIA MARKT KÖLN"), (540, "249,00", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.date, r.description, r.cardholder) for r in result.rows]
    assert read == [
        (date(2024, 2, 20), "ARAL STATION 281034 DÜSSELDORF", "ERIKA MUSTERMANN"),
        (date(2024, 2, 21), "DB VERTRIEB GMBH FRANKFURT", "ERIKA MUSTERMANN"),
        (date(2024, 2, 23), "MEDIA MARKT KÖLN", "MAX MUSTERMANN"),
    ]


def test_a_korean_card_in_english_billing_this_months_share_of_each_instalment_purchase():
    lines = [
        words_of(89, (40, "Total billing amount"), (300, "KRW 508,700", "right")),
        words_of(101, (40, "Here is your statement for usage from 2024.02.01 to 2024.02.29.")),
        words_of(
            214,
            (40, "Date"),
            (110, "Merchant"),
            (330, "Amount of", "right"),
            (360, "Installment"),
            (480, "Billing Amount", "right"),
            (560, "Balance after", "right"),
        ),
        words_of(
            223,
            (330, "Use", "right"),
            (360, "Months"),
            (480, "this month", "right"),
            (560, "Payment", "right"),
        ),
        words_of(
            241,
            (40, "2024.01.18"),
            (110, "SAMSUNG ELECTRONICS STORE GANGNAM"),
            (330, "900,000", "right"),
            (370, "2/3"),
            (480, "300,000", "right"),
            (560, "300,000", "right"),
        ),
        words_of(
            256,
            (40, "2024.02.01"),
            (110, "GS25 YEOKSAM STATION"),
            (330, "8,700", "right"),
            (480, "8,700", "right"),
            (560, "0", "right"),
        ),
        words_of(
            271,
            (40, "2024.02.15"),
            (110, "KOREAN AIR INTERNET"),
            (330, "200,000", "right"),
            (480, "200,000", "right"),
            (560, "0", "right"),
        ),
        words_of(290, (110, "Total"), (480, "508,700", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("SAMSUNG ELECTRONICS STORE GANGNAM", Decimal("300000")),
        ("GS25 YEOKSAM STATION", Decimal("8700")),
        ("KOREAN AIR INTERNET", Decimal("200000")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_foreign_amounts_line_with_a_sidebar_label_on_its_baseline():
    lines = [
        words_of(60, (40, "STATEMENT PERIOD: Dec 12, 2023 to Jan 11, 2024")),
        words_of(100, (40, "DATE"), (110, "ACTIVITY DESCRIPTION"), (400, "AMOUNT($)", "right")),
        words_of(
            115, (40, "DEC 19"), (110, "HILTON ORLANDO BUENA VISTA"), (400, "562.97", "right")
        ),
        words_of(
            128,
            (110, "FOREIGN CURRENCY 412.60 USD @ EXCHANGE RATE 1.36444"),
            (430, "Payment Due Date"),
            (520, "February 1, 2024"),
        ),
        words_of(141, (40, "DEC 20"), (110, "ANNUAL FEE"), (400, "139.00", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("HILTON ORLANDO BUENA VISTA", Decimal("562.97"), Decimal("412.60")),
        ("ANNUAL FEE", Decimal("139.00"), None),
    ]


def test_money_columns_without_titles_are_ordered_by_the_running_balance_of_an_account():
    def line(y, day, text, into="", out="", balance=""):
        cells = [(40, day), (110, text)]
        cells += [(380, into, "right")] if into else []
        cells += [(460, out, "right")] if out else []
        return words_of(y, *cells, (540, balance, "right"))

    lines = [
        words_of(100, (40, "PERIODO: DEL 01-MAR-24 AL 31-MAR-24")),
        line(
            130, "01-MAR-24", "ABONO TRANSFERENCIA SPEI BBVA", into="9,500.00", balance="22,374.36"
        ),
        line(145, "01-MAR-24", "COMPRA TARJETA DEBITO OXXO", out="87.50", balance="22,286.86"),
        line(160, "02-MAR-24", "PAGO SERVICIO CFE", out="643.00", balance="21,643.86"),
        line(175, "07-MAR-24", "DEPOSITO EN EFECTIVO", into="3,000.00", balance="24,643.86"),
    ]
    lines.insert(1, words_of(115, (110, "SALDO ANTERIOR"), (540, "12,874.36", "right")))
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [
        Decimal("-9500.00"),
        Decimal("87.50"),
        Decimal("643.00"),
        Decimal("-3000.00"),
    ]


def test_a_mexican_accounts_folio_deposit_and_withdrawal_titles():
    lines = [
        words_of(100, (40, "PERIODO: DEL 01-MAR-24 AL 31-MAR-24")),
        words_of(
            120,
            (40, "FECHA"),
            (95, "FOLIO"),
            (150, "DESCRIPCIÓN"),
            (380, "DEPÓSITOS", "right"),
            (460, "RETIROS", "right"),
            (540, "SALDO", "right"),
        ),
        words_of(135, (40, "01-MAR-24"), (150, "SALDO ANTERIOR"), (540, "12,874.36", "right")),
        words_of(
            150,
            (40, "01-MAR-24"),
            (95, "4518203"),
            (150, "ABONO TRANSFERENCIA SPEI"),
            (380, "9,500.00", "right"),
            (540, "22,374.36", "right"),
        ),
        words_of(
            165,
            (40, "01-MAR-24"),
            (95, "4518377"),
            (150, "COMPRA TARJETA DEBITO OXXO"),
            (460, "87.50", "right"),
            (540, "22,286.86", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("ABONO TRANSFERENCIA SPEI", Decimal("-9500.00")),
        ("COMPRA TARJETA DEBITO OXXO", Decimal("87.50")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_fee_marks_beside_descriptions_and_the_balance_at_the_date_of_the_statement():
    lines = [
        words_of(120, (300, "Statement from 15 December 2023 to 14 January 2024")),
        words_of(184, (40, "Balance brought forward"), (250, "1 642.17", "right")),
        words_of(194, (40, "Balance at date of statement"), (250, "1 348.97", "right")),
        words_of(209, (40, "## These are fees charged to your account and include VAT at 15%.")),
        words_of(
            242,
            (40, "Date"),
            (100, "Description"),
            (380, "Payments", "right"),
            (460, "Deposits", "right"),
            (540, "Balance", "right"),
        ),
        words_of(
            260,
            (40, "12 19"),
            (100, "AUTOBANK CASH WITHDRAWAL AT"),
            (380, "250.00", "right"),
            (540, "1 392.17", "right"),
        ),
        words_of(
            275,
            (40, "12 19"),
            (100, "FEE: CASH WITHDRAWAL"),
            (300, "##"),
            (380, "25.40", "right"),
            (540, "1 366.77", "right"),
        ),
        words_of(
            290,
            (40, "01 02"),
            (100, "MONTHLY MANAGEMENT FEE"),
            (300, "##"),
            (380, "17.80", "right"),
            (540, "1 348.97", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.date, r.description) for r in result.rows] == [
        (date(2023, 12, 19), "AUTOBANK CASH WITHDRAWAL AT"),
        (date(2023, 12, 19), "FEE: CASH WITHDRAWAL"),
        (date(2024, 1, 2), "MONTHLY MANAGEMENT FEE"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_payments_out_and_in_titles_and_a_rate_printed_against_the_original_amount():
    lines = [
        words_of(155, (300, "Statement period 01 Mar 2024 to 29 Mar 2024")),
        words_of(
            200,
            (40, "Date"),
            (110, "Transaction details"),
            (315, "Payments - out"),
            (400, "Payments - in"),
            (540, "Balance", "right"),
        ),
        words_of(220, (40, "06 Mar 2024"), (110, "BALANCE FORWARD"), (540, "728.95", "right")),
        words_of(230, (40, "07 Mar 2024"), (110, "POS06MAR AMAZON.CO.UK"), (380, "27.37", "right")),
        words_of(240, (110, "GBP 23.40@ 0.8551")),
        words_of(
            250,
            (40, "07 Mar 2024"),
            (110, "DSP CHILD BENEFIT"),
            (460, "140.00", "right"),
            (540, "841.58", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("POS06MAR AMAZON.CO.UK", Decimal("27.37"), Decimal("23.40")),
        ("DSP CHILD BENEFIT", Decimal("-140.00"), None),
    ]


def test_a_dutch_account_with_amounts_af_and_bij_and_a_period_in_a_fee_rows_text():
    lines = [
        words_of(100, (40, "Periode 01-03-2024 t/m 31-03-2024")),
        words_of(
            238,
            (50, "Datum"),
            (92, "Omschrijving"),
            (435, "Bedrag af"),
            (508, "Bedrag bij"),
        ),
        words_of(253, (92, "Beginsaldo per 01-03-2024"), (545, "1.482,36", "right")),
        words_of(269, (50, "01-03"), (92, "Albert Heijn 1402 UTRECHT"), (470, "46,83", "right")),
        words_of(279, (92, "Betaalautomaat 29-02-24 18:12 pasnr. 007")),
        words_of(294, (50, "22-03"), (92, "Gemeente Utrecht Salaris"), (545, "3.245,17", "right")),
        words_of(
            309,
            (50, "29-03"),
            (92, "Kosten Rabo BasisPakket 01-03-2024 t/m 31-03-2024"),
            (470, "4,60", "right"),
        ),
        words_of(330, (92, "Eindsaldo per 31-03-2024"), (545, "4.676,10", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Albert Heijn 1402 UTRECHT Betaalautomaat 29-02-24 18:12 pasnr. 007", Decimal("46.83")),
        ("Gemeente Utrecht Salaris", Decimal("-3245.17")),
        ("Kosten Rabo BasisPakket 01-03-2024 t/m 31-03-2024", Decimal("4.60")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_deferred_debit_card_carried_across_a_page_with_the_amount_debited_before_and_after():
    first = page(
        1,
        words_of(130, (40, "Opérations enregistrées du 26.02.2024 au 25.03.2024")),
        words_of(264, (40, "Montant débité le"), (150, "31.03.2024"), (540, "310,00 EUR", "right")),
        header(300, amount="Montant"),
        row(315, "26.02", "CARREFOUR CITY PARIS 11", "100,00"),
        row(330, "28.02", "SNCF INTERNET PARIS", "60,00"),
        words_of(350, (110, "A REPORTER"), (540, "160,00", "right")),
    )
    second = page(
        2,
        header(100, amount="Montant"),
        words_of(115, (110, "REPORT"), (540, "160,00", "right")),
        row(130, "23.03", "ORANGE BOUTIQUE EN LIGNE", "150,00"),
        words_of(150, (110, "TOTAL DES OPERATIONS"), (540, "310,00", "right")),
        words_of(165, (110, "MONTANT DEBITE LE"), (250, "31.03.2024"), (540, "310,00", "right")),
    )
    result = read_statement([first, second])

    assert amounts(result) == [Decimal("100.00"), Decimal("60.00"), Decimal("150.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_valuta_column_holds_value_dates_not_foreign_amounts():
    lines = [
        words_of(100, (40, "Kontoauszug vom 01.03.2024 bis 28.03.2024")),
        words_of(115, (120, "Alter Kontostand"), (540, "1.000,00", "right")),
        words_of(
            130,
            (40, "Buchungsdatum"),
            (120, "Vorgang"),
            (400, "Valuta"),
            (540, "Betrag in EUR", "right"),
        ),
        words_of(
            145, (40, "06.03"), (120, "Kartenzahlung"), (400, "05.03"), (540, "50,68-", "right")
        ),
        words_of(155, (120, "AMAZON.COM*RT4KL2 SEATTLE US")),
        words_of(165, (120, "USD 54,99 Kurs 1,0851")),
        words_of(
            180,
            (40, "07.03"),
            (120, "Gutschrift Nordwerk GmbH"),
            (400, "07.03"),
            (540, "286,40", "right"),
        ),
        words_of(
            190,
            (40, "08.03"),
            (120, "Lastschrift Telekom"),
            (400, "08.03"),
            (540, "35,00-", "right"),
        ),
        words_of(205, (120, "Neuer Kontostand"), (540, "1.200,72", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.posting_date, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        (date(2024, 3, 5), Decimal("50.68"), Decimal("54.99")),
        (date(2024, 3, 7), Decimal("-286.40"), None),
        (date(2024, 3, 8), Decimal("35.00"), None),
    ]


def test_a_swiss_card_with_purchase_dates_and_processing_fees_under_foreign_amounts():
    lines = [
        words_of(172, (40, "Abrechnungsperiode 21.02.2024 - 20.03.2024")),
        words_of(
            233,
            (40, "Einkaufsdatum"),
            (110, "Buchungsdatum"),
            (180, "Beschreibung"),
            (460, "Belastung", "right"),
            (540, "Gutschrift", "right"),
        ),
        words_of(
            266,
            (40, "22.02.2024"),
            (110, "23.02.2024"),
            (180, "COOP-2451 ZÜRICH HB ZÜRICH"),
            (460, "34.60", "right"),
        ),
        words_of(
            282,
            (40, "24.02.2024"),
            (110, "26.02.2024"),
            (180, "BOOKING.COM HOTEL AMSTERDAM"),
            (460, "401.90", "right"),
        ),
        words_of(292, (180, "EUR 412.00 Kurs 0.9587")),
        words_of(302, (180, "Bearbeitungsgebühr 1.75%")),
        words_of(
            316,
            (40, "04.03.2024"),
            (110, "05.03.2024"),
            (180, "GALAXUS.CH ZÜRICH RÜCKVERGÜTUNG"),
            (540, "129.00", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.date, r.posting_date, r.description, r.amount) for r in result.rows]
    assert read == [
        (date(2024, 2, 22), date(2024, 2, 23), "COOP-2451 ZÜRICH HB ZÜRICH", Decimal("34.60")),
        (date(2024, 2, 24), date(2024, 2, 26), "BOOKING.COM HOTEL AMSTERDAM", Decimal("401.90")),
        (
            date(2024, 3, 4),
            date(2024, 3, 5),
            "GALAXUS.CH ZÜRICH RÜCKVERGÜTUNG",
            Decimal("-129.00"),
        ),
    ]
    assert result.rows[1].original_amount == Decimal("412.00")


def test_a_swedish_account_with_booking_transaction_and_value_days_and_references():
    def line(y, booked, made, valued, ref, text, amount, balance):
        return words_of(
            y,
            (40, booked),
            (100, made),
            (160, valued),
            (220, ref),
            (300, text),
            (480, amount, "right"),
            (550, balance, "right"),
        )

    lines = [
        words_of(
            262,
            (40, "Bokföringsdag"),
            (100, "Transaktionsdag"),
            (160, "Valutadag"),
            (220, "Referens"),
            (300, "Text"),
            (480, "Belopp", "right"),
            (550, "Saldo", "right"),
        ),
        words_of(277, (40, "2024-03-01"), (300, "Ingående saldo"), (550, "18 734,22", "right")),
        line(
            290,
            "2024-03-04",
            "2024-03-02",
            "2024-03-04",
            "5484 8012",
            "Kortköp ICA NARA",
            "-312,45",
            "18 421,77",
        ),
        line(
            303,
            "2024-03-05",
            "2024-03-05",
            "2024-03-05",
            "46709876543",
            "Swish inbetalning ERIK",
            "180,00",
            "18 601,77",
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.date, r.posting_date, r.description, r.amount) for r in result.rows]
    assert read == [
        (date(2024, 3, 2), date(2024, 3, 4), "Kortköp ICA NARA", Decimal("312.45")),
        (date(2024, 3, 5), date(2024, 3, 5), "Swish inbetalning ERIK", Decimal("-180.00")),
    ]


def test_titles_with_the_currency_printed_against_them():
    lines = [
        words_of(120, (40, "Statement period 1 March 2024 to 31 March 2024")),
        words_of(
            254,
            (40, "Date"),
            (100, "Description"),
            (380, "£Out", "right"),
            (460, "£In", "right"),
            (540, "£Balance", "right"),
        ),
        words_of(
            284, (100, "Balance from statement 12 dated 29/02/2024"), (540, "1,482.37", "right")
        ),
        words_of(
            297, (40, "01 Mar"), (100, "Bank credit ACME LTD SALARY"), (460, "2,150.00", "right")
        ),
        words_of(
            310,
            (40, "01 Mar"),
            (100, "Direct debit LB CAMDEN"),
            (380, "168.00", "right"),
            (540, "3,464.37", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("-2150.00"), Decimal("168.00")]
    assert [r.evidence.amount_column for r in result.rows] == ["£In", "£Out"]


def test_a_spend_categories_column_and_a_foreign_amount_set_apart_by_dashes():
    lines = [
        words_of(100, (40, "Statement period Feb 13 to Mar 12, 2024")),
        words_of(
            179,
            (40, "Trans date"),
            (90, "Post date"),
            (140, "Description"),
            (380, "Spend Categories"),
            (560, "Amount($)", "right"),
        ),
        words_of(
            193,
            (40, "Feb 12"),
            (90, "Feb 13"),
            (140, "METRO 512 MONTREAL QC"),
            (380, "Retail and Grocery"),
            (560, "84.27", "right"),
        ),
        words_of(
            206,
            (40, "Feb 18"),
            (90, "Feb 20"),
            (140, "BOOKING.COM HOTEL AMSTERDAM NLD"),
            (380, "Hotel, Entertainment and Recreation"),
            (560, "388.12", "right"),
        ),
        words_of(218, (140, "Foreign Currency - EUR 265.00 Exchange rate - 1.46460")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("METRO 512 MONTREAL QC", Decimal("84.27"), None),
        ("BOOKING.COM HOTEL AMSTERDAM NLD", Decimal("388.12"), Decimal("265.00")),
    ]


def test_a_japanese_card_in_english_with_payment_amounts_and_foreign_amounts_in_notes():
    def line(y, day, store, kind, used, paid, notes=""):
        cells = [
            (36, day),
            (84, store),
            (222, "Principal"),
            (266, kind),
            (361, used, "right"),
            (408, paid, "right"),
        ]
        cells += [(416, notes)] if notes else []
        return words_of(y, *cells)

    lines = [
        words_of(107, (300, "Usage period : 2024/02/16 - 2024/03/15")),
        words_of(152, (40, "Amount to be paid this time"), (300, "JPY 84,491", "right")),
        words_of(
            291,
            (36, "Date of"),
            (84, "Store/Use"),
            (222, "User"),
            (266, "Payment"),
            (361, "Amount", "right"),
            (408, "Payment", "right"),
            (416, "Notes"),
        ),
        words_of(
            299, (36, "Use"), (266, "Type"), (361, "of Use", "right"), (408, "Amount", "right")
        ),
        line(318, "2024/02/16", "SEVEN-ELEVEN SHIBUYA", "1 time", "1,248", "1,248"),
        line(329, "2024/02/22", "BIC CAMERA YURAKUCHO", "2 times 1/2", "89,800", "44,900"),
        line(
            340,
            "2024/02/23",
            "AIRBNB * HMX4TQ2PZ8",
            "1 time",
            "38,543",
            "38,543",
            "USD 254.86 RATE 151.23",
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("SEVEN-ELEVEN SHIBUYA", Decimal("1248"), None, None),
        ("BIC CAMERA YURAKUCHO", Decimal("44900"), None, None),
        ("AIRBNB * HMX4TQ2PZ8", Decimal("38543"), Decimal("254.86"), "USD"),
    ]


def test_unsigned_rows_under_an_unknown_heading_after_credits_printed_with_a_minus():
    lines = [
        words_of(46, (40, "Open to Close Date: 12/14/2023 - 01/13/2024")),
        header(135),
        words_of(152, (40, "Payments and Credits")),
        row(167, "12/19", "CASHBACK BONUS REDEMPTION PYMT/STMT CRDT", "-$25.00"),
        row(181, "12/28", "INTERNET PAYMENT - THANK YOU", "-$1,842.17"),
        words_of(225, (40, "Restaurants")),
        row(240, "12/15", "TST* BLUE BOTTLE COFFEE SAN FRANCISCO CA", "$6.75"),
        row(254, "12/18", "CHIPOTLE 1234 SAN JOSE CA", "$14.35"),
        words_of(280, (40, "Supermarkets")),
        row(295, "12/16", "SAFEWAY #1627 SAN JOSE CA", "$87.32"),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [
        Decimal("-25.00"),
        Decimal("-1842.17"),
        Decimal("6.75"),
        Decimal("14.35"),
        Decimal("87.32"),
    ]


def test_a_cardholders_name_over_the_line_with_their_cards_number():
    lines = [
        words_of(83, (300, "Statement Period : 16 Feb 24 to 15 Mar 24")),
        header(297),
        words_of(316, (40, "AMIT KUMAR VERMA")),
        words_of(327, (40, "Card No. XXXX XXXX XXXX 4821 (Primary)")),
        row(341, "16 Feb 24", "ANNUAL FEE", "4,999.00 D"),
        words_of(365, (40, "NEHA VERMA")),
        words_of(376, (40, "Card No. XXXX XXXX XXXX 7730 (Add-on)")),
        row(390, "18 Feb 24", "MYNTRA DESIGNS BANGALORE", "2,150.00 D"),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        ("AMIT KUMAR VERMA", "4821"),
        ("NEHA VERMA", "7730"),
    ]


def test_a_reference_number_sign_ending_a_rows_first_line_stays_in_its_description():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "26/02/2024", "ZELLE TO MARTINEZ JOSE REF #", out="35.00"),
                words_of(237, (110, "PP0QX7K2LM")),
                bank_row(250, "27/02/2024", "NETFLIX.COM", out="15.49", balance="949.51"),
            )
        ]
    )

    assert descriptions(result) == ["ZELLE TO MARTINEZ JOSE REF # PP0QX7K2LM", "NETFLIX.COM"]


def test_italian_balances_carried_over_a_page_in_the_money_in_column():
    def titles(y):
        return words_of(
            y,
            (40, "Data"),
            (110, "Descrizione"),
            (380, "Uscite", "right"),
            (460, "Entrate", "right"),
        )

    first = page(
        1,
        words_of(80, (40, "Estratto conto dal 01.03.2024 al 31.03.2024")),
        titles(120),
        words_of(135, (40, "29.02.2024"), (110, "Saldo iniziale"), (460, "1.000,00", "right")),
        words_of(
            150, (40, "04.03.2024"), (110, "PAGAMENTO POS ESSELUNGA"), (380, "87,40", "right")
        ),
        words_of(170, (110, "Saldo a riportare"), (460, "912,60", "right")),
    )
    second = page(
        2,
        titles(80),
        words_of(95, (110, "Saldo riportato"), (460, "912,60", "right")),
        words_of(110, (40, "27.03.2024"), (110, "STIPENDIO MARZO"), (460, "2.400,00", "right")),
        words_of(130, (110, "Saldo finale"), (460, "3.312,60", "right")),
    )
    result = read_statement([first, second])

    assert amounts(result) == [Decimal("87.40"), Decimal("-2400.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_total_printed_after_its_figures_where_the_descriptions_come_last():
    def line(y, day, out, into, balance, text):
        cells = [(40, day)]
        cells += [(200, out, "right")] if out else []
        cells += [(280, into, "right")] if into else []
        cells += [(360, balance, "right"), (380, text)]
        return words_of(y, *cells)

    lines = [
        words_of(80, (40, "Statement period 01-Mar-2024 to 31-Mar-2024")),
        words_of(
            120,
            (40, "Trans. Date"),
            (200, "Debits", "right"),
            (280, "Credits", "right"),
            (360, "Balance", "right"),
            (380, "Remarks"),
        ),
        words_of(135, (360, "1,000.00", "right"), (380, "Opening Balance")),
        line(150, "04-Mar-2024", "250.00", "", "750.00", "POS PURCHASE SHOPRITE LEKKI"),
        line(165, "05-Mar-2024", "", "500.00", "1,250.00", "TRANSFER FROM ADEBAYO"),
        words_of(185, (200, "250.00", "right"), (280, "500.00", "right"), (380, "Total")),
        words_of(200, (40, "31-Mar-2024"), (360, "1,250.00", "right"), (380, "Closing Balance")),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("250.00"), Decimal("-500.00")]
    assert result.check.verdict == Verdict.AGREES


def test_an_instalments_whole_price_and_a_foreign_amounts_line_beside_a_column_of_amounts():
    def line(y, day, merchant, used, plan, billed):
        return words_of(
            y, (40, day), (93, merchant), (302, used, "right"), (311, plan), (431, billed, "right")
        )

    lines = [
        words_of(100, (40, "Statement period 2024.02.01 - 2024.02.29 (KRW)")),
        words_of(
            200,
            (40, "Date"),
            (93, "Merchant"),
            (302, "Amount", "right"),
            (311, "Installment"),
            (431, "Billing Amount", "right"),
        ),
        line(215, "2023.12.10", "SAMSUNG DIGITAL PLAZA GANGNAM", "1,200,000", "6M 4/6", "200,000"),
        line(225, "2024.02.15", "GS25 GANGNAM STATION BRANCH", "8,700", "-", "8,700"),
        line(235, "2024.02.22", "AMAZON.COM*RT4K22 SEATTLE WA", "60,512", "-", "60,512"),
        words_of(245, (93, "USD 45.00")),
        words_of(260, (93, "Total billing amount"), (431, "269,212", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        (Decimal("200000"), None, None),
        (Decimal("8700"), None, None),
        (Decimal("60512"), Decimal("45.00"), "USD"),
    ]


def test_a_spanish_cards_new_balance_under_its_total_is_no_row():
    lines = [
        words_of(100, (40, "Periodo del 06/02/2024 al 05/03/2024")),
        header(270, amount="Importe", date="Fecha"),
        words_of(286, (110, "Saldo anterior"), (540, "1.187,42", "right")),
        row(301, "07/02/2024", "MERCADONA AV. DE AMÉRICA MADRID", "67,43"),
        row(316, "04/03/2024", "DEVOLUCIÓN AMAZON.ES AMZN.COM/BILL", "-34,99"),
        words_of(336, (110, "Total movimientos"), (540, "32,44", "right")),
        words_of(350, (110, "Nuevo saldo"), (540, "1.219,86", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("67.43"), Decimal("-34.99")]
    assert result.check.verdict == Verdict.AGREES


def test_a_card_printed_first_without_its_holders_name_is_named_by_its_own_heading():
    lines = [
        words_of(42, (300, "Account Number XXXX-XXXXXX-71004")),
        words_of(53, (300, "Statement Period February 16 to March 15, 2024")),
        words_of(239, (40, "Payments and Credits")),
        row(276, "February 20", "PAYMENT RECEIVED - THANK YOU", "3,412.80 CR"),
        words_of(314, (40, "DAVID R CHEN"), (250, "Card Number XXXX-XXXXXX-71004")),
        words_of(329, (40, "New Transactions")),
        row(361, "February 16", "QANTAS AIRWAYS LIMITED MASCOT", "1,248.40"),
        words_of(400, (40, "SARAH L CHEN"), (250, "Card Number XXXX-XXXXXX-71012")),
        words_of(415, (40, "New Transactions")),
        row(430, "February 18", "SEPHORA WESTFIELD SYDNEY", "132.00"),
    ]
    result = read_statement([page(1, *lines)])

    assert [r.cardholder for r in result.rows] == [None, "DAVID R CHEN", "SARAH L CHEN"]


def test_a_portuguese_final_balance_printed_beside_the_totals_under_its_own_title():
    lines = [
        words_of(80, (40, "Período 2024-03-01 a 2024-03-31")),
        words_of(183, (36, "Data"), (88, "Data"), (560, "Saldo", "right")),
        words_of(187, (142, "Descritivo"), (398, "Débito", "right"), (468, "Crédito", "right")),
        words_of(192, (36, "mov."), (88, "valor"), (560, "contabilístico", "right")),
        words_of(211, (142, "SALDO INICIAL"), (560, "933,18", "right")),
        words_of(
            225,
            (36, "2024-03-01"),
            (88, "2024-03-01"),
            (142, "TRF SEPA DE LUSOTECH VENCIMENTO"),
            (468, "1.487,60", "right"),
            (560, "2.420,78", "right"),
        ),
        words_of(
            240,
            (36, "2024-03-02"),
            (88, "2024-03-02"),
            (142, "DD MEO SERVIÇOS"),
            (398, "54,99", "right"),
            (560, "2.365,79", "right"),
        ),
        words_of(
            260,
            (142, "SALDO FINAL"),
            (398, "54,99", "right"),
            (468, "1.487,60", "right"),
            (560, "2.365,79", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [Decimal("-1487.60"), Decimal("54.99")]
    assert result.check.verdict == Verdict.AGREES


def test_card_members_charges_after_credits_marked_cr_and_a_currency_named_before_its_country():
    lines = [
        words_of(80, (40, "Relevé du 13/02/2024 au 12/03/2024")),
        header(300, amount="Montant en euros"),
        words_of(330, (40, "Paiements et crédits")),
        row(345, "15/02", "PRELEVEMENT AUTOMATIQUE - MERCI", "1 532,10 CR"),
        words_of(
            365,
            (40, "Carte principale - MME CLAIRE DUPONT"),
            (300, "Numéro de carte xxxx-xxxxxx-x1001"),
        ),
        row(380, "13/02", "MONOPRIX PARIS 15 PARIS", "64,38"),
        row(395, "21/02", "STEAM PURCHASE BELLEVUE", "41,49"),
        words_of(405, (110, "DOLLAR US"), (200, "45,00"), (260, "Taux"), (290, "1,0845")),
        row(420, "23/02", "AMAZON EU SARL LUXEMBOURG", "42,99 CR"),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("PRELEVEMENT AUTOMATIQUE - MERCI", Decimal("-1532.10"), None, None),
        ("MONOPRIX PARIS 15 PARIS", Decimal("64.38"), None, None),
        ("STEAM PURCHASE BELLEVUE", Decimal("41.49"), Decimal("45.00"), "USD"),
        ("AMAZON EU SARL LUXEMBOURG", Decimal("-42.99"), None, None),
    ]


def test_a_japanese_cards_amount_of_use_beside_the_amount_billed_and_a_local_currency_column():
    def line(y, day, merchant, used, method, billed, local="", number=""):
        cells = [(38, day), (92, merchant), (300, used, "right"), (308, method)]
        cells += [(378, number)] if number else []
        cells += [(466, billed, "right")]
        cells += [(474, local)] if local else []
        return words_of(y, *cells)

    lines = [
        words_of(100, (40, "Usage period 2024/02/16 - 2024/03/15")),
        words_of(
            262,
            (38, "Date of Use"),
            (92, "Merchant"),
            (300, "Amount", "right"),
            (308, "Payment Method"),
            (378, "No."),
            (466, "Amount billed", "right"),
            (474, "Local currency"),
        ),
        words_of(270, (466, "this month", "right"), (474, "/ Exchange rate")),
        line(
            288,
            "2023/12/10",
            "NITORI SHIBUYA",
            "¥90,000",
            "3 installments",
            "¥30,000",
            number="3/3",
        ),
        line(303, "2024/02/20", "BIC CAMERA YURAKUCHO", "¥58,300", "Revolving", "¥10,000"),
        line(318, "2024/03/02", "STEAMGAMES.COM WA", "¥6,806", "One-time", "¥6,806", "USD 45.00"),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        (Decimal("30000"), None, None),
        (Decimal("10000"), None, None),
        (Decimal("6806"), Decimal("45.00"), "USD"),
    ]


def test_a_footnote_under_the_last_row_is_no_part_of_it():
    lines = [
        words_of(100, (40, "Statement period 13/02/2024 to 12/03/2024")),
        header(200),
        row(215, "11/03/2024", "IRCTC UTS NEW DELHI IN", "1,245.40"),
        row(229, "12/03/2024", "BBPS PAYMENT RECEIVED", "1,00,000.00 CR"),
        words_of(
            245,
            (110, "#"),
            (116, "Intl. amount is the transaction amount in the original currency"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert descriptions(result) == ["IRCTC UTS NEW DELHI IN", "BBPS PAYMENT RECEIVED"]


def test_a_booking_day_and_its_value_day_printed_as_one_word():
    lines = [
        words_of(100, (40, "Kontoauszug 3/2024 vom 01.03.2024 bis 28.03.2024")),
        words_of(
            226,
            (45, "Buchung/Wert"),
            (120, "Vorgang/Buchungsinformation"),
            (470, "Soll", "right"),
            (550, "Haben", "right"),
        ),
        words_of(241, (120, "Kontostand am 29.02.2024"), (550, "+612,40", "right")),
        words_of(
            259,
            (45, "01.03./01.03."),
            (120, "Dauerauftrag Hausverwaltung"),
            (470, "-780,00", "right"),
        ),
        words_of(
            274,
            (45, "04.03./29.02."),
            (120, "Gehalt/Rente Müller Logistik"),
            (550, "+2.684,13", "right"),
        ),
        words_of(294, (120, "Kontostand am 28.03.2024"), (550, "+2.516,53", "right")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.date, r.posting_date, r.amount) for r in result.rows]
    assert read == [
        (date(2024, 3, 1), date(2024, 3, 1), Decimal("780.00")),
        (date(2024, 3, 4), date(2024, 2, 29), Decimal("-2684.13")),
    ]


def test_the_year_of_a_statement_period_printed_as_a_month_its_days_and_the_year():
    result = read_statement(
        [
            page(
                1,
                words_of(30, (400, "Statement Period")),
                words_of(53, (400, "March 1-31, 2024")),
                header(200),
                row(215, "03/01", "Visa Debit Card Purchase WHOLE FOODS", "87.42"),
                row(230, "03/13", "ACH Debit AUSTIN ENERGY", "142.18"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 1), date(2024, 3, 13)]
    assert not result.warnings


def test_a_finnish_account_with_booking_value_and_payment_days():
    lines = [
        words_of(100, (40, "Tiliote 01.03.2024 - 31.03.2024")),
        words_of(
            221,
            (40, "Kirjauspäivä"),
            (98, "Arvopäivä"),
            (156, "Maksupäivä"),
            (214, "Saaja/Maksaja"),
            (382, "Selite"),
            (555, "Määrä EUR", "right"),
        ),
        words_of(
            252,
            (40, "01.03.2024"),
            (98, "01.03.2024"),
            (156, "29.02.2024"),
            (214, "K-CITYMARKET HELSINKI"),
            (382, "KORTTIOSTO"),
            (555, "-67,84", "right"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.date, r.description) for r in result.rows] == [
        (date(2024, 3, 1), "K-CITYMARKET HELSINKI KORTTIOSTO")
    ]


def test_closing_totals_printed_as_a_row_are_no_row():
    result = read_statement(
        [
            bank_page(
                bank_row(
                    225, "11/03/2024", "Payroll Deposit ACME", into="2,000.00", balance="3,000.00"
                ),
                bank_row(240, "12/03/2024", "Plan Fee", out="17.95", balance="2,982.05"),
                words_of(
                    260,
                    (110, "Closing totals"),
                    (380, "17.95", "right"),
                    (460, "2,000.00", "right"),
                    (540, "2,982.05", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("-2000.00"), Decimal("17.95")]


def test_checks_listed_under_a_heading_of_their_own_are_money_out():
    # Money out marked with a trailing minus, money in unmarked; the checks under their own
    # heading are unmarked and still paid out.
    titles = words_of(
        200, (40, "Date"), (110, "Description of Transaction"), (540, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Statement Period Mar 1, 2024 through Mar 31, 2024")),
                words_of(185, (40, "Other Deposits")),
                titles,
                row(215, "Mar 1", "Electronic Deposit From NORTHSTAR MEDICAL", "2,184.37"),
                words_of(235, (40, "Card Withdrawals")),
                words_of(250, (40, "Date"), (110, "Description"), (540, "Amount", "right")),
                row(265, "Mar 2", "Debit Purchase CUB FOODS", "87.42-"),
                row(280, "Mar 4", "Debit Purchase SHELL OIL", "52.10-"),
                words_of(292, (300, "Total Card Withdrawals"), (540, "139.52-", "right")),
                words_of(310, (40, "Checks Presented Conventionally")),
                words_of(325, (40, "Date"), (110, "Check"), (540, "Amount", "right")),
                row(340, "Mar 6", "1187", "1,450.00"),
                row(355, "Mar 12", "1188", "75.00"),
            )
        ]
    )

    assert amounts(result) == [
        Decimal("-2184.37"),
        Decimal("87.42"),
        Decimal("52.10"),
        Decimal("1450.00"),
        Decimal("75.00"),
    ]


def test_an_overdrawn_balance_printed_without_its_sign_agrees():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "13/03/2024", "RENT", out="900.00", balance="100.00"),
                bank_row(240, "14/03/2024", "CARD PAYMENT", out="170.43", balance="70.43"),
                bank_row(255, "15/03/2024", "BOOTS", out="17.85", balance="88.28"),
                bank_row(270, "28/03/2024", "SALARY", into="2,412.66", balance="2,324.38"),
            )
        ]
    )

    assert result.check.verdict == Verdict.AGREES
    assert amounts(result)[1:3] == [Decimal("170.43"), Decimal("17.85")]
    # A figure that is not the overdrawn balance's size is still caught.
    wrong = read_statement(
        [
            bank_page(
                bank_row(225, "13/03/2024", "RENT", out="900.00", balance="100.00"),
                bank_row(240, "14/03/2024", "CARD PAYMENT", out="170.43", balance="70.34"),
            )
        ]
    )
    assert wrong.check.verdict == Verdict.DISAGREES


def test_titles_with_a_note_in_parentheses_and_a_total_payment_amount_that_is_the_bill():
    lines = [
        words_of(100, (40, "Usage Period : 2024-02-13 ~ 2024-03-12")),
        words_of(112, (40, "Amounts in KRW")),
        words_of(130, (40, "Total payment amount"), (300, "306,500 KRW", "right")),
        words_of(
            200,
            (40, "Date"),
            (110, "Merchant"),
            (325, "Amount", "right"),
            (335, "Installment"),
            (400, "Payment Amount"),
            (560, "Remaining", "right"),
        ),
        words_of(210, (335, "Period"), (405, "(this month)"), (560, "Balance", "right")),
        words_of(
            228,
            (40, "2023-12-20"),
            (110, "SAMSUNG DIGITAL PLAZA"),
            (330, "1,800,000", "right"),
            (345, "4/6"),
            (463, "300,000", "right"),
            (560, "600,000", "right"),
        ),
        words_of(
            243,
            (40, "2024-02-13"),
            (110, "STARBUCKS KOREA"),
            (330, "6,500", "right"),
            (463, "6,500", "right"),
            (560, "0", "right"),
        ),
        words_of(275, (110, "Total payment amount"), (463, "306,500", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.date, r.amount) for r in result.rows] == [
        (date(2023, 12, 20), Decimal("300000")),
        (date(2024, 2, 13), Decimal("6500")),
    ]
    # The amount to pay, not payments received.
    assert result.check.verdict == Verdict.AGREES


def test_a_spanish_card_heading_names_its_holder_and_a_heading_of_payments_is_no_text():
    lines = [
        words_of(100, (40, "Periodo: 18 Dic 2023 al 17 Ene 2024")),
        words_of(200, (40, "Fecha"), (110, "Descripción"), (540, "Importe", "right")),
        words_of(216, (110, "Pagos y abonos")),
        row(230, "05 Ene", "GRACIAS POR SU PAGO", "-$48,312.55"),
        words_of(
            250,
            (40, "Tarjetahabiente: CARLOS ALBERTO HERNÁNDEZ RUIZ"),
            (400, "Tarjeta terminación 61005"),
        ),
        row(265, "18 Dic", "LIVERPOOL POLANCO MIGUEL HIDALGO", "$8,459.00"),
        words_of(276, (110, "CIUDAD DE MÉXICO")),
        row(289, "19 Dic", "RESTAURANTE PUJOL", "$6,380.50"),
    ]
    result = read_statement([page(1, *lines)])

    assert descriptions(result) == [
        "GRACIAS POR SU PAGO",
        "LIVERPOOL POLANCO MIGUEL HIDALGO CIUDAD DE MÉXICO",
        "RESTAURANTE PUJOL",
    ]
    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        (None, None),
        ("CARLOS ALBERTO HERNÁNDEZ RUIZ", "1005"),
        ("CARLOS ALBERTO HERNÁNDEZ RUIZ", "1005"),
    ]


def test_the_accounts_heading_atop_each_page_does_not_end_another_cards_rows():
    def top(number):
        return words_of(
            60, (40, "Scotiabank Gold American Express Card"), (300, "Account # 3723 XXXXXX 01234")
        )

    titles = words_of(200, (40, "Date"), (110, "Details"), (540, "Amount", "right"))
    first = page(
        1,
        top(1),
        titles,
        words_of(215, (110, "JOHN SMITH - 3723 XXXXXX 01234")),
        row(230, "Feb 21", "LOBLAWS TORONTO ON", "142.37"),
        words_of(250, (110, "MARIE-CLAIRE SMITH - 3723 XXXXXX 02358")),
        row(265, "Mar 3", "ZARA CANADA TORONTO ON", "129.95"),
    )
    second = page(2, top(2), titles, row(215, "Mar 7", "GOODLIFE FITNESS LONDON ON", "59.99"))
    result = read_statement([first, second])

    assert [r.cardholder for r in result.rows] == [
        "JOHN SMITH",
        "MARIE-CLAIRE SMITH",
        "MARIE-CLAIRE SMITH",
    ]


def test_a_period_named_by_an_indonesian_month_gives_the_rows_their_year():
    result = read_statement(
        [
            page(
                1,
                words_of(94, (330, "PERIODE : MARET 2024")),
                words_of(174, (40, "TANGGAL"), (110, "KETERANGAN"), (540, "MUTASI", "right")),
                row(190, "01/03", "TRSF E-BANKING DB", "3,500,000.00"),
                row(205, "15/03", "KARTU DEBIT INDOMARET", "187,500.00"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 1), date(2024, 3, 15)]
    assert not result.warnings


def test_a_turkish_card_total_per_card_and_the_supplementary_cards_holder():
    titles = words_of(200, (40, "İşlem Tarihi"), (110, "Açıklama"), (540, "Tutar (TL)", "right"))
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Hesap Kesim Tarihi 20.03.2024")),
                titles,
                words_of(215, (40, "AYŞE YILMAZ - 4355 08** **** 1234 (Asıl Kart)")),
                row(230, "22.02.2024", "MİGROS KADIKÖY", "1.250,40"),
                row(245, "25.02.2024", "ÖDEME - TEŞEKKÜR EDERİZ", "-500,00"),
                words_of(262, (110, "Kart Toplamı"), (540, "750,40", "right")),
                words_of(280, (40, "MEHMET YILMAZ - 4355 08** **** 5678 (Ek Kart)")),
                row(295, "27.02.2024", "STARBUCKS BAĞDAT CADDESİ", "265,00"),
                words_of(312, (110, "Kart Toplamı"), (540, "265,00", "right")),
            )
        ]
    )

    assert [(r.cardholder, r.amount) for r in result.rows] == [
        ("AYŞE YILMAZ", Decimal("1250.40")),
        ("AYŞE YILMAZ", Decimal("-500.00")),
        ("MEHMET YILMAZ", Decimal("265.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_document_number_column_is_no_part_of_the_description():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "FECHA"),
                    (100, "N° DOCUM."),
                    (170, "DESCRIPCIÓN"),
                    (540, "CARGOS", "right"),
                ),
                words_of(
                    215,
                    (40, "02/03/2024"),
                    (100, "512907341"),
                    (170, "COMPRA NACIONAL LIDER"),
                    (540, "23,480.00", "right"),
                ),
                words_of(
                    230,
                    (40, "04/03/2024"),
                    (100, "000417726"),
                    (170, "GIRO CAJERO AUTOMATICO"),
                    (540, "40,000.00", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["COMPRA NACIONAL LIDER", "GIRO CAJERO AUTOMATICO"]


def test_a_minus_among_rows_listed_under_a_heading_of_spending_marks_the_credits():
    # No totals to check against: the unsigned rows under "Purchases" are the charges, so the
    # rows printed with a minus are the credits.
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "Purchases")),
                row(225, "15/02/2024", "PAYMENT THANK YOU", "-2,418.36"),
                row(240, "16/02/2024", "REFUND LOJAS RENNER", "-89.90"),
                row(255, "17/02/2024", "MAGAZINE LUIZA", "249.90"),
                row(270, "18/02/2024", "NETFLIX.COM", "55.90"),
            )
        ]
    )

    assert amounts(result) == [
        Decimal("-2418.36"),
        Decimal("-89.90"),
        Decimal("249.90"),
        Decimal("55.90"),
    ]


def test_a_brazilian_fatura_with_amount_columns_titled_by_currency_and_a_total_per_card():
    titles = words_of(
        200,
        (40, "Data"),
        (84, "Descrição"),
        (470, "Valor (R$)", "right"),
        (555, "Valor (US$)", "right"),
    )
    first = page(
        1,
        # (The summary prints its figures in reais: the statement's currency.)
        words_of(90, (40, "Total desta fatura"), (300, "R$ 1.107,06", "right")),
        words_of(102, (40, "Saldo anterior"), (300, "R$ 2.418,36", "right")),
        words_of(114, (40, "Pagamento mínimo"), (300, "R$ 166,06", "right")),
        words_of(126, (40, "Limite total"), (300, "R$ 12.000,00", "right")),
        words_of(138, (40, "Limite disponível"), (300, "R$ 10.892,94", "right")),
        titles,
        words_of(215, (40, "MARIANA C OLIVEIRA"), (200, "Titular - final 4821")),
        words_of(230, (84, "Pagamento e Demais Créditos")),
        words_of(245, (40, "15/02"), (84, "PAGAMENTO DE FATURA"), (470, "-2.418,36", "right")),
        words_of(260, (84, "Despesas")),
        words_of(
            275,
            (40, "13/02"),
            (84, "STEAMGAMES.COM 4259522985"),
            (470, "198,76", "right"),
            (555, "39,90", "right"),
        ),
        words_of(290, (40, "14/02"), (84, "NETFLIX.COM"), (470, "55,90", "right")),
        words_of(
            307, (84, "Valor total - MARIANA C OLIVEIRA - final 4821"), (470, "-2.163,70", "right")
        ),
        words_of(325, (40, "RAFAEL C OLIVEIRA"), (200, "Adicional - final 9037")),
        words_of(340, (84, "Despesas")),
        words_of(355, (40, "23/02"), (84, "BURGER KING"), (470, "34,80", "right")),
        words_of(
            372, (84, "Valor total - RAFAEL C OLIVEIRA - final 9037"), (470, "34,80", "right")
        ),
    )
    result = read_statement([first])

    assert [(r.description, r.amount, r.cardholder) for r in result.rows] == [
        ("PAGAMENTO DE FATURA", Decimal("-2418.36"), "MARIANA C OLIVEIRA"),
        ("STEAMGAMES.COM 4259522985", Decimal("198.76"), "MARIANA C OLIVEIRA"),
        ("NETFLIX.COM", Decimal("55.90"), "MARIANA C OLIVEIRA"),
        ("BURGER KING", Decimal("34.80"), "RAFAEL C OLIVEIRA"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_the_balance_of_the_last_bill_opens_a_swiss_card_statement():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Rechnungsperiode 21.02.2024 – 20.03.2024")),
                words_of(200, (44, "Datum"), (120, "Beschreibung"), (550, "Betrag CHF", "right")),
                words_of(215, (120, "Saldo letzte Rechnung"), (550, "2'184.30", "right")),
                row(230, "26.02.2024", "Ihre Zahlung – Danke", "-2'184.30"),
                row(245, "27.02.2024", "Migros Wädenswil", "87.45"),
                words_of(262, (120, "Neuer Saldo zu unseren Gunsten"), (550, "87.45", "right")),
            )
        ]
    )

    assert amounts(result) == [Decimal("-2184.30"), Decimal("87.45")]
    assert not result.warnings
    assert result.check.verdict == Verdict.AGREES


def test_portuguese_headings_of_credits_and_of_spending():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "Pagamento e Demais Créditos")),
                row(225, "15/02/2024", "ESTORNO LOJAS RENNER", "89,90"),
                words_of(240, (110, "Despesas")),
                row(255, "16/02/2024", "NETFLIX.COM", "55,90"),
                words_of(270, (110, "Parcelamentos")),
                row(285, "17/02/2024", "MAGAZINE LUIZA 03/10", "249,90"),
            )
        ]
    )

    assert amounts(result) == [Decimal("-89.90"), Decimal("55.90"), Decimal("249.90")]


def test_payments_among_an_accounts_subtractions_are_money_out_and_a_continued_section_totals():
    titles = words_of(0, (150, "Date"), (232, "Description"), (560, "Amount", "right"))

    def at(y, line):
        return [(w[0], w[1] + y, w[2], w[3] + y, *w[4:]) for w in line]

    first = page(
        1,
        words_of(90, (40, "Beginning balance 2/29"), (300, "$2,318.45", "right")),
        words_of(102, (40, "Ending balance 3/31"), (300, "$1,700.00", "right")),
        words_of(150, (40, "Additions")),
        words_of(165, (40, "Deposits")),
        at(180, titles),
        words_of(195, (150, "3-01"), (232, "Direct Deposit, Payroll"), (560, "1,000.00", "right")),
        words_of(210, (40, "Total additions"), (560, "$1,000.00", "right")),
        words_of(230, (40, "Subtractions")),
        words_of(245, (40, "Paper Checks")),
        at(260, titles),
        words_of(275, (150, "3-02"), (232, "Check 1041"), (560, "100.00", "right")),
        words_of(290, (40, "Total paper checks"), (560, "$100.00", "right")),
        words_of(310, (40, "Withdrawals - ATM/Debit card")),
        at(325, titles),
        words_of(340, (150, "3-04"), (232, "Debit Purchase Heinens"), (560, "87.43", "right")),
    )
    second = page(
        2,
        words_of(60, (40, "Withdrawals - ATM/Debit card (continued)")),
        at(75, titles),
        words_of(90, (150, "3-14"), (232, "Debit Purchase Iberia"), (560, "412.66", "right")),
        words_of(105, (40, "Total ATM/Debit card"), (560, "$500.09", "right")),
        words_of(125, (40, "Payments")),
        at(140, titles),
        words_of(
            155,
            (150, "3-05"),
            (232, "Direct Withdrawal, Dominion Energy"),
            (560, "1,018.36", "right"),
        ),
        words_of(170, (40, "Total payments"), (560, "$1,018.36", "right")),
        words_of(185, (40, "Total subtractions"), (560, "$1,618.45", "right")),
    )
    result = read_statement([first, second])

    assert amounts(result) == [
        Decimal("-1000.00"),
        Decimal("100.00"),
        Decimal("87.43"),
        Decimal("412.66"),
        Decimal("1018.36"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_balance_brought_forward_from_the_last_statement_opens_the_account():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    90,
                    (40, "Balance brought forward from 29th Feb Statement"),
                    (340, "£1,482.36", "right"),
                ),
                words_of(
                    102,
                    (40, "Your balance at close of business 31st Mar 2024"),
                    (340, "£3,020.14", "right"),
                ),
                words_of(
                    200,
                    (40, "Date"),
                    (110, "Description"),
                    (410, "Money in", "right"),
                    (475, "Money out", "right"),
                    (550, "Balance", "right"),
                ),
                words_of(
                    212,
                    (110, "Balance brought forward from 29th Feb Statement"),
                    (550, "1,482.36", "right"),
                ),
                words_of(
                    225,
                    (40, "1st Mar"),
                    (110, "DIRECT DEBIT PAYMENT TO THAMES WATER"),
                    (475, "38.50", "right"),
                    (550, "1,443.86", "right"),
                ),
                words_of(
                    240,
                    (40, "15th Mar"),
                    (110, "BANK GIRO CREDIT REF NORTHBRIDGE"),
                    (410, "2,614.28", "right"),
                    (550, "4,058.14", "right"),
                ),
                words_of(
                    255,
                    (40, "18th Mar"),
                    (110, "CARD PAYMENT TO TESCO"),
                    (475, "1,038.00", "right"),
                    (550, "3,020.14", "right"),
                ),
                words_of(
                    272,
                    (110, "Total money in and out"),
                    (410, "2,614.28", "right"),
                    (475, "1,076.50", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("38.50"), Decimal("-2614.28"), Decimal("1038.00")]
    assert result.check.verdict == Verdict.AGREES


def test_opening_and_closing_balances_marked_overdrawn_with_od():
    titles = words_of(
        200,
        (34, "Date"),
        (110, "Description"),
        (310, "In (£)", "right"),
        (380, "Out (£)", "right"),
        (470, "Balance (£)", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    212, (110, "STATEMENT OPENING BALANCE"), (470, "345.60", "right"), (474, "OD")
                ),
                words_of(
                    225,
                    (34, "01 Mar 24"),
                    (110, "HARBOURSIDE PROPERTIES"),
                    (380, "965.63", "right"),
                    (470, "1,311.23", "right"),
                    (474, "OD"),
                ),
                words_of(
                    240,
                    (34, "08 Mar 24"),
                    (110, "SUMUP PAYMENTS LTD"),
                    (310, "285.81", "right"),
                    (470, "1,025.42", "right"),
                    (474, "OD"),
                ),
                words_of(
                    255,
                    (110, "STATEMENT CLOSING BALANCE"),
                    (310, "285.81", "right"),
                    (380, "965.63", "right"),
                    (470, "1,025.42", "right"),
                    (474, "OD"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("965.63"), Decimal("-285.81")]
    assert result.check.verdict == Verdict.AGREES


def test_a_colombian_card_with_its_columns_titled_over_two_lines():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    190,
                    (30, "Número de"),
                    (110, "Fecha de"),
                    (470, "Cargos y", "right"),
                    (575, "Saldo a", "right"),
                ),
                words_of(
                    200,
                    (30, "autorización"),
                    (110, "transacción"),
                    (190, "Descripción"),
                    (400, "Valor original", "right"),
                    (470, "abonos", "right"),
                    (485, "Cuotas"),
                    (575, "diferir", "right"),
                ),
                words_of(
                    215,
                    (110, "20/02/2024"),
                    (190, "ABONO SUCURSAL VIRTUAL"),
                    (400, "$ -2.345.678,00", "right"),
                    (470, "$ -2.345.678,00", "right"),
                    (575, "$ 0,00", "right"),
                ),
                words_of(
                    230,
                    (30, "525940"),
                    (110, "27/02/2024"),
                    (190, "AVIANCA.COM BOGOTA"),
                    (400, "$ 1.245.600,00", "right"),
                    (470, "$ 415.200,00", "right"),
                    (490, "1/3"),
                    (575, "$ 830.400,00", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("ABONO SUCURSAL VIRTUAL", Decimal("-2345678.00")),
        ("AVIANCA.COM BOGOTA", Decimal("415200.00")),
    ]


def test_an_amount_in_the_accounts_own_currency_stays_in_the_text():
    titles = words_of(200, (40, "Datum"), (110, "Text"), (540, "Belastung", "right"))
    result = read_statement(
        [
            page(
                1,
                words_of(100, (380, "Währung CHF")),
                titles,
                row(215, "31.03.24", "Verrechnungssteuer 35 %", "1.10"),
                words_of(225, (110, "auf Zinsgutschrift CHF 3.15")),
                row(240, "31.03.24", "Kartenzahlung Zalando SE Berlin", "62.84"),
                words_of(250, (110, "EUR 64.90 zum Kurs 0.9683")),
            )
        ]
    )

    tax, card = result.rows
    assert (tax.description, tax.original_amount) == (
        "Verrechnungssteuer 35 % auf Zinsgutschrift CHF 3.15",
        None,
    )
    assert (card.original_amount, card.original_currency) == (Decimal("64.90"), "EUR")


def test_an_origin_code_column_and_descriptions_titled_in_the_plural():
    galicia = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "FECHA"),
                    (100, "DESCRIPCIÓN"),
                    (330, "ORIGEN"),
                    (540, "DÉBITO", "right"),
                ),
                words_of(
                    215,
                    (40, "01/03/2024"),
                    (100, "TRANSFERENCIA A TERCEROS"),
                    (330, "0098"),
                    (540, "450.000,00", "right"),
                ),
                words_of(
                    230,
                    (40, "04/03/2024"),
                    (100, "COMPRA DEBITO COTO"),
                    (330, "7712"),
                    (540, "87.452,30", "right"),
                ),
            )
        ]
    )
    assert descriptions(galicia) == ["TRANSFERENCIA A TERCEROS", "COMPRA DEBITO COTO"]

    kbank = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (30, "Date"),
                    (98, "Descriptions"),
                    (264, "Withdrawal", "right"),
                    (316, "Deposit", "right"),
                    (452, "Details"),
                ),
                words_of(
                    215,
                    (30, "01-03-24"),
                    (98, "Transfer Deposit"),
                    (316, "38,500.00", "right"),
                    (452, "From X9921 SIAM FRESH"),
                ),
                words_of(
                    230,
                    (30, "15-03-24"),
                    (98, "Payment"),
                    (264, "385.00", "right"),
                    (452, "Paid for Ref X4417"),
                ),
            )
        ]
    )
    assert descriptions(kbank) == [
        "Transfer Deposit From X9921 SIAM FRESH",
        "Payment Paid for Ref X4417",
    ]


def test_a_bulgarian_account_with_its_balances_and_original_amounts():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Период: 01.03.2024 - 31.03.2024")),
                words_of(
                    200,
                    (40, "Дата"),
                    (100, "Вальор"),
                    (160, "Описание"),
                    (420, "Дебит", "right"),
                    (480, "Кредит", "right"),
                    (550, "Салдо", "right"),
                ),
                words_of(212, (160, "Начално салдо"), (550, "2 290,67", "right")),
                words_of(
                    225,
                    (40, "01.03.2024"),
                    (100, "01.03.2024"),
                    (160, "Получен превод ТЕХНОЛОГИ ЕООД"),
                    (480, "3 250,00", "right"),
                    (550, "5 540,67", "right"),
                ),
                words_of(
                    240,
                    (40, "06.03.2024"),
                    (100, "07.03.2024"),
                    (160, "Плащане с карта BOOKING.COM"),
                    (420, "88,01", "right"),
                    (550, "5 452,66", "right"),
                ),
                words_of(250, (160, "Сума в оригинална валута: 45,00 EUR")),
                words_of(265, (160, "Крайно салдо"), (550, "5 452,66", "right")),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Получен превод ТЕХНОЛОГИ ЕООД", Decimal("-3250.00")),
        ("Плащане с карта BOOKING.COM", Decimal("88.01")),
    ]
    assert (result.rows[1].original_amount, result.rows[1].original_currency) == (
        Decimal("45.00"),
        "EUR",
    )
    assert result.check.verdict == Verdict.AGREES


def test_an_iban_column_is_no_part_of_the_description():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Date"),
                    (110, "Description"),
                    (300, "IBAN"),
                    (550, "Amount (EUR)", "right"),
                ),
                words_of(
                    215,
                    (40, "01-03-2024"),
                    (110, "Stichting Woonzorg"),
                    (300, "NL44 RABO 0123 4567 89"),
                    (550, "-€ 1.125,00", "right"),
                ),
                words_of(225, (110, "Huur maart 2024")),
                words_of(
                    240,
                    (40, "04-03-2024"),
                    (110, "Albert Heijn 1402"),
                    (550, "-€ 45,80", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Stichting Woonzorg Huur maart 2024", "Albert Heijn 1402"]


def test_a_rewards_column_titled_daily_cash_and_its_total_are_no_money():
    result = read_statement(
        [
            page(
                1,
                words_of(90, (40, "Previous Monthly Balance"), (300, "$0.00", "right")),
                words_of(102, (40, "Purchases"), (300, "+$26.70", "right")),
                words_of(114, (40, "Total Balance"), (300, "$26.70", "right")),
                words_of(
                    200,
                    (48, "Date"),
                    (118, "Description"),
                    (440, "Daily Cash", "right"),
                    (564, "Amount", "right"),
                ),
                words_of(
                    215,
                    (48, "03/01/2024"),
                    (118, "APPLE.COM/BILL CUPERTINO"),
                    (400, "3%"),
                    (440, "$0.60", "right"),
                    (564, "$19.95", "right"),
                ),
                words_of(
                    230,
                    (48, "03/01/2024"),
                    (118, "BLUE BOTTLE COFFEE"),
                    (400, "2%"),
                    (440, "$0.14", "right"),
                    (564, "$6.75", "right"),
                ),
                words_of(
                    248,
                    (118, "Total charges, credits and returns"),
                    (440, "$0.74", "right"),
                    (564, "$26.70", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("APPLE.COM/BILL CUPERTINO", Decimal("19.95")),
        ("BLUE BOTTLE COFFEE", Decimal("6.75")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_section_of_balance_transfers_and_a_section_continued_on_the_next_page():
    titles = words_of(0, (44, "Date"), (110, "Description"), (551, "Amount (£)", "right"))

    def at(y, line):
        return [(w[0], w[1] + y, w[2], w[3] + y, *w[4:]) for w in line]

    first = page(
        1,
        words_of(90, (40, "Previous balance"), (300, "£100.00", "right")),
        words_of(102, (40, "New balance"), (300, "£1,727.42", "right")),
        at(200, titles),
        words_of(215, (44, "Payments and credits")),
        row(230, "26 Feb", "DIRECT DEBIT PAYMENT", "100.00 CR"),
        words_of(245, (110, "Total payments and credits"), (551, "100.00 CR", "right")),
        words_of(262, (44, "Balance transfers")),
        row(277, "16 Feb", "BALANCE TRANSFER - BARCLAYCARD", "1,500.00"),
        row(292, "16 Feb", "BALANCE TRANSFER FEE 2.9%", "43.50"),
        words_of(307, (110, "Total balance transfers"), (551, "1,543.50", "right")),
        words_of(324, (44, "Purchases")),
        row(339, "15 Feb", "TESCO STORES 2841", "64.32"),
    )
    second = page(
        2,
        at(100, titles),
        words_of(115, (44, "Purchases (continued)")),
        row(130, "24 Feb", "DELIVEROO", "28.45"),
        row(145, "25 Feb", "AMAZON.COM", "91.15"),
        words_of(160, (110, "Total purchases"), (551, "183.92", "right")),
    )
    result = read_statement([first, second])

    assert amounts(result) == [
        Decimal("-100.00"),
        Decimal("1500.00"),
        Decimal("43.50"),
        Decimal("64.32"),
        Decimal("28.45"),
        Decimal("91.15"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_cards_holder_named_on_the_line_above_its_number_and_an_address_is_nobody():
    titles = words_of(200, (44, "Date"), (160, "Description"), (520, "Amount ($)", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(218, (160, "JEAN TREMBLAY")),
                words_of(230, (160, "Card number: XXXX XXXX XXXX 4821")),
                words_of(
                    244, (44, "Feb. 12"), (160, "METRO 512 MONTREAL QC"), (520, "87.43", "right")
                ),
                words_of(253, (160, "Subtotal for XXXX XXXX XXXX 4821"), (520, "87.43", "right")),
                words_of(267, (160, "MARIE TREMBLAY")),
                words_of(279, (160, "Card number: XXXX XXXX XXXX 7390")),
                words_of(
                    293, (44, "Feb. 13"), (160, "SEPHORA CANADA 0417"), (520, "58.65", "right")
                ),
                words_of(
                    330, (40, "CARD ACCOUNT / AKAUN KAD 4363 9300 XXXX 7390"), (300, "PO BOX")
                ),
                words_of(
                    345, (44, "Feb. 14"), (160, "SAQ SELECTION 23110"), (520, "42.75", "right")
                ),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("METRO 512 MONTREAL QC", "JEAN TREMBLAY"),
        ("SEPHORA CANADA 0417", "MARIE TREMBLAY"),
        ("SAQ SELECTION 23110", "MARIE TREMBLAY"),
    ]


def test_a_monospace_card_with_card_kind_headings_and_rules_drawn_in_dashes():
    line = "-" * 60
    result = read_statement(
        [
            page(
                1,
                words_of(180, (36, line)),
                words_of(
                    192,
                    (36, "POSTING"),
                    (80, "TRANS."),
                    (130, "DESCRIPTION OF TRANSACTION"),
                    (520, "AMOUNT (RM)", "right"),
                ),
                words_of(201, (36, "DATE"), (80, "DATE")),
                words_of(213, (36, line)),
                words_of(228, (130, "PRINCIPAL CARD / KAD UTAMA")),
                words_of(237, (130, "RHB VISA SIGNATURE 4363 9300 XXXX 2817 TAN WEI MING")),
                words_of(
                    246,
                    (36, "17 FEB"),
                    (80, "16 FEB"),
                    (130, "GRAB* PETALING JAYA MY"),
                    (520, "24.50", "right"),
                ),
                words_of(255, (130, "------------")),
                words_of(270, (130, "SUPPLEMENTARY CARD / KAD TAMBAHAN")),
                words_of(279, (130, "RHB VISA SIGNATURE 4363 9300 XXXX 5106 TAN LI YING")),
                words_of(
                    288,
                    (36, "19 FEB"),
                    (80, "17 FEB"),
                    (130, "SEPHORA SUNWAY PYRAMID"),
                    (520, "276.00", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("GRAB* PETALING JAYA MY", "TAN WEI MING"),
        ("SEPHORA SUNWAY PYRAMID", "TAN LI YING"),
    ]


def test_a_heading_that_counts_and_totals_its_rows_names_their_section():
    result = read_statement(
        [
            page(
                1,
                words_of(90, (40, "Beginning Balance"), (300, "$1,000.00", "right")),
                words_of(102, (40, "Ending Balance"), (300, "$2,692.55", "right")),
                words_of(
                    150, (40, "Withdrawals / Debits 1 items totaling"), (300, "$150.00", "right")
                ),
                words_of(165, (44, "Date"), (128, "Amount", "right"), (140, "Description")),
                words_of(180, (44, "02/20"), (128, "150.00", "right"), (140, "KROGER #744")),
                words_of(
                    200, (40, "Deposits / Credits 2 items totaling"), (300, "$1,842.55", "right")
                ),
                words_of(215, (44, "Date"), (128, "Amount", "right"), (140, "Description")),
                words_of(230, (44, "02/16"), (128, "1,692.55", "right"), (140, "ACME PAYROLL")),
                words_of(245, (44, "02/23"), (128, "150.00", "right"), (140, "MOBILE DEPOSIT")),
            )
        ]
    )

    assert amounts(result) == [Decimal("150.00"), Decimal("-1692.55"), Decimal("-150.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_brazilian_extract_with_signs_in_parentheses_and_a_spaced_balance_line():
    titles = words_of(
        200,
        (40, "Dia"),
        (112, "Lote"),
        (152, "Documento"),
        (212, "Histórico"),
        (555, "Valor", "right"),
    )

    def line(y, day, lote, doc, text, value, sign):
        return words_of(
            y, (40, day), (112, lote), (152, doc), (212, text), (540, value, "right"), (543, sign)
        )

    result = read_statement(
        [
            page(
                1,
                titles,
                line(215, "29/02/2024", "0000", "0", "Saldo Anterior", "1.873,42", "(+)"),
                line(230, "01/03/2024", "14397", "30101", "Pix - Recebido", "250,00", "(+)"),
                line(245, "01/03/2024", "13105", "3010122", "Pagamento de Boleto", "119,90", "(-)"),
                line(260, "04/03/2024", "14020", "640418", "Compra com Cartão", "287,36", "(-)"),
                line(275, "04/03/2024", "14397", "40401", "Pix - Enviado", "80,00", "(-)"),
                line(290, "04/03/2024", "0000", "0", "S A L D O", "1.636,16", "(+)"),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Pix - Recebido", Decimal("-250.00")),
        ("Pagamento de Boleto", Decimal("119.90")),
        ("Compra com Cartão", Decimal("287.36")),
        ("Pix - Enviado", Decimal("80.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_carry_over_spelled_without_its_umlaut_and_a_rate_named_cours_de_change():
    titles = words_of(
        200,
        (40, "Buchung"),
        (100, "Vorgang"),
        (470, "Soll EUR", "right"),
        (550, "Haben EUR", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Kontoauszug vom 01.03.2024 bis 31.03.2024")),
                titles,
                words_of(212, (100, "Alter Saldo"), (550, "2.187,44", "right")),
                words_of(
                    225,
                    (40, "01.03."),
                    (100, "SEPA-Lastschrift Stadtwerke"),
                    (470, "120,00", "right"),
                ),
                words_of(240, (100, "Uebertrag auf Blatt 2"), (550, "2.067,44", "right")),
            ),
            page(
                2,
                titles,
                words_of(212, (100, "Uebertrag von Blatt 1"), (550, "2.067,44", "right")),
                words_of(
                    225, (40, "08.03."), (100, "Kartenzahlung AMAZON US"), (470, "50,72", "right")
                ),
                words_of(235, (100, "MONTANT : 54,99 USD - COURS DE CHANGE : 1,0842")),
                words_of(250, (100, "Neuer Saldo"), (550, "2.016,72", "right")),
            ),
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("SEPA-Lastschrift Stadtwerke", Decimal("120.00")),
        ("Kartenzahlung AMAZON US", Decimal("50.72")),
    ]
    assert (result.rows[1].original_amount, result.rows[1].original_currency) == (
        Decimal("54.99"),
        "USD",
    )
    assert result.check.verdict == Verdict.AGREES


def test_a_german_card_with_credits_marked_by_a_plus_past_the_amounts_column():
    titles = words_of(
        200,
        (54, "Kaufdatum"),
        (106, "Buchungsdatum"),
        (184, "Verwendungszweck"),
        (540, "Betrag in EUR", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(90, (40, "Abrechnungszeitraum 23.02.2024 – 22.03.2024")),
                words_of(
                    110, (40, "Summe Belastungen (Umsätze, Entgelte)"), (300, "120,80", "right")
                ),
                words_of(
                    122,
                    (40, "Summe Gutschriften (Zahlungen, Erstattungen)"),
                    (300, "1.427,72", "right"),
                    (305, "+"),
                ),
                titles,
                words_of(215, (184, "Saldo der Vorabrechnung"), (540, "1.348,72", "right")),
                words_of(
                    230,
                    (54, "21.02."),
                    (106, "23.02."),
                    (184, "REWE Markt GmbH Köln"),
                    (540, "54,31", "right"),
                ),
                words_of(
                    245,
                    (54, "01.03."),
                    (106, "04.03."),
                    (184, "Lastschrifteinzug Abrechnung"),
                    (540, "1.348,72", "right"),
                    (545, "+"),
                ),
                words_of(
                    260,
                    (54, "06.03."),
                    (106, "07.03."),
                    (184, "IKEA Gutschrift Rückgabe"),
                    (540, "79,00", "right"),
                    (545, "+"),
                ),
                words_of(
                    275,
                    (54, "07.03."),
                    (106, "08.03."),
                    (184, "Motel One Berlin"),
                    (540, "66,49", "right"),
                ),
                words_of(292, (184, "Neuer Saldo"), (540, "41,80", "right")),
            )
        ]
    )

    assert amounts(result) == [
        Decimal("54.31"),
        Decimal("-1348.72"),
        Decimal("-79.00"),
        Decimal("66.49"),
    ]
    assert result.check.verdict == Verdict.AGREES
    assert not result.warnings  # ("Saldo der Vorabrechnung" is the opening balance)
    # Without its balances, the summary's sums of each side check the rows.
    sums = read_statement(
        [
            page(
                1,
                words_of(
                    110, (40, "Summe Belastungen (Umsätze, Entgelte)"), (300, "120,80", "right")
                ),
                words_of(
                    122,
                    (40, "Summe Gutschriften (Zahlungen, Erstattungen)"),
                    (300, "1.427,72", "right"),
                    (305, "+"),
                ),
                titles,
                words_of(
                    230,
                    (54, "21.02."),
                    (106, "23.02."),
                    (184, "REWE Markt GmbH Köln"),
                    (540, "54,31", "right"),
                ),
                words_of(
                    245,
                    (54, "01.03."),
                    (106, "04.03."),
                    (184, "Lastschrifteinzug Abrechnung"),
                    (540, "1.348,72", "right"),
                    (545, "+"),
                ),
                words_of(
                    260,
                    (54, "06.03."),
                    (106, "07.03."),
                    (184, "IKEA Gutschrift Rückgabe"),
                    (540, "79,00", "right"),
                    (545, "+"),
                ),
                words_of(
                    275,
                    (54, "07.03."),
                    (106, "08.03."),
                    (184, "Motel One Berlin"),
                    (540, "66,49", "right"),
                ),
            )
        ]
    )
    assert sums.check.verdict == Verdict.AGREES


def test_a_swedish_account_with_its_booking_day_before_the_transaction_day():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (42, "Reskontradatum"),
                    (110, "Transaktionsdatum"),
                    (198, "Text"),
                    (478, "Belopp", "right"),
                    (553, "Saldo", "right"),
                ),
                words_of(
                    215,
                    (42, "2024-03-27"),
                    (110, "2024-03-26"),
                    (198, "KORTKÖP 240326 IKEA"),
                    (478, "-2 349,00", "right"),
                    (553, "29 661,83", "right"),
                ),
                words_of(
                    230,
                    (42, "2024-03-22"),
                    (110, "2024-03-21"),
                    (198, "KORTKÖP 240321 WILLYS"),
                    (478, "-934,62", "right"),
                    (553, "32 010,83", "right"),
                ),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2024, 3, 26), date(2024, 3, 27)),
        (date(2024, 3, 21), date(2024, 3, 22)),
    ]


def test_a_hungarian_account_carried_over_a_page_with_its_original_amounts():
    titles = words_of(
        200,
        (40, "Könyvelés dátuma"),
        (110, "Értéknap"),
        (162, "Közlemény"),
        (553, "Összeg (HUF)", "right"),
    )
    first = page(
        1,
        words_of(100, (40, "Időszak: 2024.03.01. - 2024.03.31.")),
        titles,
        words_of(212, (162, "Nyitó egyenleg"), (553, "312 450", "right")),
        words_of(
            225,
            (40, "2024.03.01."),
            (110, "2024.03.01."),
            (162, "SZÁMLAVEZETÉSI DÍJ"),
            (553, "-1 490", "right"),
        ),
        words_of(
            240,
            (40, "2024.03.05."),
            (110, "2024.03.05."),
            (162, "VÁSÁRLÁS KÁRTYÁVAL BOOKING.COM"),
            (553, "-17 843", "right"),
        ),
        words_of(250, (162, "Eredeti összeg: 45,00 EUR")),
        words_of(265, (162, "Átvitel a következő oldalra"), (553, "293 117", "right")),
    )
    second = page(
        2,
        titles,
        words_of(212, (162, "Áthozat az előző oldalról"), (553, "293 117", "right")),
        words_of(
            225,
            (40, "2024.03.07."),
            (110, "2024.03.07."),
            (162, "ÁTUTALÁS JÓVÁÍRÁS"),
            (553, "+26 600", "right"),
        ),
        words_of(240, (162, "Záró egyenleg"), (553, "319 717", "right")),
    )
    result = read_statement([first, second])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("SZÁMLAVEZETÉSI DÍJ", Decimal("1490")),
        ("VÁSÁRLÁS KÁRTYÁVAL BOOKING.COM", Decimal("17843")),
        ("ÁTUTALÁS JÓVÁÍRÁS", Decimal("-26600")),
    ]
    assert (result.rows[1].original_amount, result.rows[1].original_currency) == (
        Decimal("45.00"),
        "EUR",
    )
    assert result.check.verdict == Verdict.AGREES


def test_titles_over_three_lines_of_as_many_columns():
    result = read_statement(
        [
            page(
                1,
                # ("Description" and "Amount (QAR)" centred between the two lines of the
                # others' titles.)
                words_of(
                    186, (40, "Transaction"), (96, "Posting"), (470, "Original", "right"), size=7
                ),
                words_of(190, (152, "Description"), (555, "Amount (QAR)", "right"), size=7),
                words_of(195, (40, "Date"), (96, "Date"), (470, "Amount", "right"), size=7),
                words_of(
                    215,
                    (40, "21/02/2024"),
                    (96, "22/02/2024"),
                    (152, "LULU HYPERMARKET DOHA QA"),
                    (555, "412.75", "right"),
                ),
                words_of(
                    230,
                    (40, "26/02/2024"),
                    (96, "27/02/2024"),
                    (152, "AMAZON.COM AMZN.COM/BILL WA"),
                    (470, "USD 45.00", "right"),
                    (555, "168.33", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount, r.original_amount) for r in result.rows] == [
        ("LULU HYPERMARKET DOHA QA", Decimal("412.75"), None),
        ("AMAZON.COM AMZN.COM/BILL WA", Decimal("168.33"), Decimal("45.00")),
    ]


def test_a_french_canadian_card_with_dates_as_two_numbers_and_a_period_as_three():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Période du 15 02 2024 au 14 03 2024")),
                words_of(
                    190,
                    (50, "Date de"),
                    (120, "Date"),
                    (196, "Description"),
                    (560, "Montant", "right"),
                ),
                words_of(200, (50, "transaction"), (120, "d'inscription")),
                words_of(
                    215,
                    (50, "15"),
                    (64, "02"),
                    (120, "16"),
                    (134, "02"),
                    (196, "IGA EXTRA LÉVIS QC"),
                    (560, "142,87", "right"),
                ),
                words_of(
                    230,
                    (50, "05"),
                    (64, "03"),
                    (120, "06"),
                    (134, "03"),
                    (196, "SIMONS QUÉBEC QC"),
                    (560, "45,00 CR", "right"),
                ),
                words_of(245, (196, "Suite à la page suivante")),
            )
        ]
    )

    assert [(r.date, r.posting_date, r.description, r.amount) for r in result.rows] == [
        (date(2024, 2, 15), date(2024, 2, 16), "IGA EXTRA LÉVIS QC", Decimal("142.87")),
        (date(2024, 3, 5), date(2024, 3, 6), "SIMONS QUÉBEC QC", Decimal("-45.00")),
    ]
    assert not any("year" in w for w in result.warnings)


def test_intermediate_balances_across_a_page_and_a_total_amount_due_that_is_the_balance():
    titles = words_of(
        200, (40, "DATE"), (100, "LIBELLE"), (470, "DEBIT", "right"), (550, "CREDIT", "right")
    )
    first = page(
        1,
        words_of(100, (40, "RELEVE DE COMPTE du 04.03.2024 au 03.04.2024")),
        titles,
        words_of(212, (100, "ANCIEN SOLDE"), (550, "1 200,00", "right")),
        words_of(225, (40, "05.03"), (100, "CB CARREFOUR 02/03"), (470, "84,20", "right")),
        words_of(240, (100, "SOLDE INTERMEDIAIRE A FIN 28.03.2024"), (550, "1 115,80", "right")),
    )
    second = page(
        2,
        titles,
        words_of(212, (100, "SOLDE INTERMEDIAIRE"), (550, "1 115,80", "right")),
        words_of(225, (40, "02.04"), (100, "PRLV SEPA EDF"), (470, "65,00", "right")),
        words_of(240, (100, "SOLDE EN EUROS"), (550, "1 050,80", "right")),
    )
    result = read_statement([first, second])
    assert [(r.description, r.amount) for r in result.rows] == [
        ("CB CARREFOUR 02/03", Decimal("84.20")),
        ("PRLV SEPA EDF", Decimal("65.00")),
    ]
    assert result.check.verdict == Verdict.AGREES

    card = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "PREVIOUS BALANCE"), (540, "1,00,000.00", "right")),
                row(225, "02/03/2024", "AMAZON PAY INDIA", "4,500.00"),
                words_of(240, (110, "FEES AND CHARGES")),
                row(255, "05/03/2024", "ANNUAL FEE", "450.06"),
                words_of(272, (110, "TOTAL AMOUNT DUE"), (540, "1,04,950.06", "right")),
            )
        ]
    )
    assert card.check.verdict == Verdict.AGREES


def test_a_foreign_amount_named_monto_origen_or_kwota_w_walucie():
    for label in ("MONTO ORIGEN", "Kwota w walucie:"):
        result = read_statement(
            [
                page(
                    1,
                    header(),
                    row(220, "08/03/2024", "COMPRA TDD STEAMGAMES.COM WA", "425.42"),
                    words_of(230, (110, label), (200, "24.99 USD"), (250, "TC 17.0235")),
                    row(245, "09/03/2024", "OXXO REFORMA", "45.00"),
                )
            ]
        )
        steam = result.rows[0]
        assert steam.description == "COMPRA TDD STEAMGAMES.COM WA"
        assert (steam.original_amount, steam.original_currency) == (Decimal("24.99"), "USD")


def test_balances_from_and_carried_to_numbered_statements():
    result = read_statement(
        [
            page(
                1,
                words_of(120, (300, "Balance from statement 123"), (500, "£1,214.63", "right")),
                words_of(135, (300, "Balance at 19 March 2024"), (500, "£1,898.28", "right")),
                words_of(
                    200,
                    (42, "Date"),
                    (92, "Description"),
                    (380, "£Out", "right"),
                    (450, "£In", "right"),
                    (530, "£Balance", "right"),
                ),
                words_of(
                    215,
                    (42, "20 Feb"),
                    (92, "Balance from statement 123"),
                    (530, "1,214.63", "right"),
                ),
                words_of(
                    230,
                    (42, "21 Feb"),
                    (92, "Direct debit BRISTOL CITY COUNCIL"),
                    (380, "154.45", "right"),
                    (530, "1,060.18", "right"),
                ),
                words_of(
                    245,
                    (42, "23 Feb"),
                    (92, "Bank credit ACME LTD"),
                    (450, "838.10", "right"),
                    (530, "1,898.28", "right"),
                ),
                words_of(
                    260,
                    (92, "Balance carried forward to statement 125"),
                    (530, "1,898.28", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("154.45"), Decimal("-838.10")]
    assert result.check.verdict == Verdict.AGREES


def test_a_foreign_spend_line_with_its_commission_and_a_deferred_debit_total():
    amex = read_statement(
        [
            page(
                1,
                header(),
                row(220, "23/02/2024", "HILTON NEW YORK MIDTOWN", "172.45"),
                words_of(
                    230, (110, "Foreign Spend Amount: 212.00 US Dollars Commission Amount: 5.01")
                ),
                row(245, "24/02/2024", "OCADO RETAIL LTD", "112.63"),
            )
        ]
    )
    hilton = amex.rows[0]
    assert hilton.description == "HILTON NEW YORK MIDTOWN"
    assert (hilton.original_amount, hilton.original_currency) == (Decimal("212.00"), "USD")

    bnp = read_statement(
        [
            page(
                1,
                words_of(200, (40, "Date"), (110, "Libellé"), (540, "Montant", "right")),
                row(215, "02/03/2024", "FACTURE CARTE DU 010324 MONOPRIX", "45,80"),
                row(230, "05/03/2024", "AVOIR CARTE FNAC", "-19,99"),
                words_of(
                    250,
                    (40, "27/03/2024"),
                    (110, "DEBIT DIFFERE AU 31/03/2024"),
                    (540, "25,81", "right"),
                ),
            )
        ]
    )
    assert [r.description for r in bnp.rows] == [
        "FACTURE CARTE DU 010324 MONOPRIX",
        "AVOIR CARTE FNAC",
    ]


def test_the_columns_sums_carried_over_a_page_break_are_no_row():
    titles = words_of(
        200,
        (40, "Data"),
        (100, "Descrizione"),
        (470, "Addebiti", "right"),
        (550, "Accrediti", "right"),
    )
    first = page(
        1,
        words_of(100, (40, "Estratto conto dal 01.03.2024 al 31.03.2024")),
        titles,
        words_of(212, (100, "SALDO INIZIALE"), (550, "1.000,00", "right")),
        words_of(
            225, (40, "04.03.2024"), (100, "PAGAMENTO POS ESSELUNGA"), (470, "84,20", "right")
        ),
        words_of(
            240, (40, "05.03.2024"), (100, "BONIFICO A VOSTRO FAVORE"), (550, "500,00", "right")
        ),
        words_of(255, (100, "A RIPORTARE"), (470, "84,20", "right"), (550, "500,00", "right")),
    )
    second = page(
        2,
        titles,
        words_of(212, (100, "RIPORTO"), (470, "84,20", "right"), (550, "500,00", "right")),
        words_of(225, (40, "12.03.2024"), (100, "ADDEBITO SDD ENEL"), (470, "65,00", "right")),
        words_of(240, (100, "SALDO FINALE"), (550, "1.350,80", "right")),
    )
    result = read_statement([first, second])

    assert amounts(result) == [Decimal("84.20"), Decimal("-500.00"), Decimal("65.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_period_with_its_year_run_into_the_dash_and_a_transaction_total():
    td = read_statement(
        [
            page(
                1,
                words_of(90, (300, "Statement Period: Mar 01 2024-Mar 31 2024")),
                words_of(180, (40, "Deposits")),
                words_of(200, (40, "POSTING DATE"), (110, "DESCRIPTION"), (540, "AMOUNT", "right")),
                row(225, "03/08", "DEPOSIT", "450.00"),
                words_of(240, (40, "Electronic Payments")),
                row(255, "03/11", "ACH DEBIT, CHASE CREDIT CRD AUTOPAY", "312.40"),
            )
        ]
    )
    assert [r.date for r in td.rows] == [date(2024, 3, 8), date(2024, 3, 11)]
    assert not td.warnings

    axis = read_statement(
        [
            bank_page(
                bank_row(225, "01/03/2024", "UPI/P2M/SWIGGY", out="450.00", balance="550.00"),
                bank_row(240, "04/03/2024", "SALARY MARCH", into="2,000.00", balance="2,550.00"),
                words_of(
                    258,
                    (110, "TRANSACTION TOTAL"),
                    (380, "450.00", "right"),
                    (460, "2,000.00", "right"),
                ),
            )
        ]
    )
    assert amounts(axis) == [Decimal("450.00"), Decimal("-2000.00")]


def test_a_conversion_rate_named_umrechnungskurs_is_no_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "11/03/2024", "KAUF BOOKING.COM AMSTERDAM NL", "236.38"),
                words_of(230, (110, "ORIGINALBETRAG: EUR 245.00")),
                words_of(240, (110, "UMRECHNUNGSKURS: 0.9648")),
                row(255, "12/03/2024", "TWINT MIGROS", "45.00"),
            )
        ]
    )
    booking = result.rows[0]
    assert booking.description == "KAUF BOOKING.COM AMSTERDAM NL"
    assert (booking.original_amount, booking.original_currency) == (Decimal("245.00"), "EUR")


def test_a_cardholders_heading_on_the_line_of_the_amounts_title():
    titles = words_of(200, (40, "Date"), (110, "Description"), (540, "Amount", "right"))
    first = page(
        1,
        titles,
        words_of(215, (40, "CLAIRE M WHITAKER Card Ending 1-23464")),
        row(230, "02/28/24", "AMEX SAKS CREDIT", "-50.00"),
        words_of(250, (110, "New Charges")),
        words_of(265, (40, "JOHN A WHITAKER Card Ending 1-23456"), (540, "Amount", "right")),
        row(280, "02/09/24", "DELTA AIR LINES ATLANTA GA", "1,248.60"),
        row(295, "02/10/24", "UBER SAN FRANCISCO CA", "38.42"),
    )
    result = read_statement([first])

    assert [r.cardholder for r in result.rows] == [
        "CLAIRE M WHITAKER",
        "JOHN A WHITAKER",
        "JOHN A WHITAKER",
    ]


def test_a_date_column_titled_transaction_in_lower_case_titles():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "transaction"),
                    (110, "description"),
                    (380, "debits", "right"),
                    (460, "credits", "right"),
                    (540, "balance", "right"),
                ),
                bank_row(225, "01 Mar 24", "BPAY TO ORIGIN ENERGY", out="186.40", balance="813.60"),
                words_of(236, (110, "REF 4471 9920 3318")),
                bank_row(250, "04 Mar 24", "DEPOSIT SALARY", into="4,285.00", balance="5,098.60"),
                bank_row(265, "08 Mar 24", "VISA DEBIT PURCHASE CARD 4821", out="274.64"),
                words_of(276, (110, "AIRBNB SAN FRANCISCO")),
                words_of(287, (110, "INCL. FOREIGN AMOUNT USD 180.00")),
            )
        ]
    )

    assert not result.warnings  # the titles were read: no columns guessed from the rows
    assert amounts(result) == [Decimal("186.40"), Decimal("-4285.00"), Decimal("274.64")]
    airbnb = result.rows[2]
    assert airbnb.description == "VISA DEBIT PURCHASE CARD 4821 AIRBNB SAN FRANCISCO"
    assert (airbnb.original_amount, airbnb.original_currency) == (Decimal("180.00"), "USD")


def test_a_last_page_of_one_row_without_titles_keeps_the_columns_of_the_page_before():
    rows = [row(220 + 15 * k, f"{10 + k:02d} FEV", f"Compra {k}", f"{10 + k},90") for k in range(5)]
    first = page(1, words_of(100, (40, "TRANSAÇÕES DE 10 FEV A 10 MAR 2024")), *rows)
    last = page(2, row(220, "09 MAR", "Hortifruti Vila Madalena", "73,15"))
    result = read_statement([first, last])

    assert len(result.rows) == 6
    assert result.rows[-1].description == "Hortifruti Vila Madalena"
    assert result.rows[-1].amount == Decimal("73.15")


def test_a_dated_sentence_in_a_box_under_the_table_is_no_row_nor_the_statements_year():
    titles = words_of(
        200,
        (40, "Date"),
        (80, "Valeur"),
        (120, "Libellé"),
        (440, "Débit", "right"),
        (540, "Crédit", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(150, (40, "Date d'arrêté : 28 Mars 2024")),
                titles,
                words_of(
                    212, (120, "Ancien solde créditeur au 29.02.2024"), (540, "1 000,00", "right")
                ),
                words_of(
                    225,
                    (40, "01.03"),
                    (80, "01.03"),
                    (120, "PRELEVEMENT FREE"),
                    (440, "19,99", "right"),
                ),
                words_of(
                    240,
                    (40, "11.03"),
                    (80, "11.03"),
                    (120, "VIREMENT CPAM"),
                    (540, "23,45", "right"),
                ),
                words_of(
                    255, (120, "Nouveau solde créditeur au 28.03.2024"), (540, "1 003,46", "right")
                ),
                words_of(290, (44, "Vos frais bancaires")),
                words_of(305, (44, "Depuis le"), (80, "01.01.2024"), (509, "20,12 EUR", "right")),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 1), date(2024, 3, 11)]
    assert result.check.verdict == Verdict.AGREES


def test_the_cardholders_name_printed_again_under_each_pages_titles_is_no_rows_text():
    def card_page(number, *lines):
        return page(
            number,
            words_of(70, (40, "Name : ANANYA R IYER"), (360, "Card No: 4893 77XX XXXX 2291")),
            words_of(200, (40, "Date"), (128, "Transaction Description"), (540, "Amount", "right")),
            words_of(214, (128, "ANANYA"), (164, "R"), (172, "IYER")),
            *lines,
        )

    first = card_page(1, row(228, "16/02/2025", "SWIGGY BANGALORE", "412.00"))
    second = card_page(
        2,
        words_of(
            228, (40, "09/03/2025"), (128, "SHOPPERS STOP FORUM MALL"), (540, "7,499.00", "right")
        ),
        words_of(239, (128, "BANGALORE")),
        row(254, "10/03/2025", "UBER INDIA", "212.00"),
    )
    result = read_statement([first, second])

    assert descriptions(result) == [
        "SWIGGY BANGALORE",
        "SHOPPERS STOP FORUM MALL BANGALORE",
        "UBER INDIA",
    ]


def test_closing_balances_named_saldo_actual_or_montant_net_debite_are_no_rows():
    spanish = read_statement(
        [
            page(
                1,
                header(),
                row(215, "03/02/2025", "MERCADONA MADRID", "84,20"),
                row(230, "05/02/2025", "DEVOLUCION ZARA", "-19,99"),
                words_of(250, (110, "Saldo anterior"), (540, "100,00", "right")),
                words_of(265, (110, "Saldo actual"), (540, "164,21", "right")),
            )
        ]
    )
    assert descriptions(spanish) == ["MERCADONA MADRID", "DEVOLUCION ZARA"]

    french = read_statement(
        [
            page(
                1,
                header(),
                row(215, "03/03/2025", "CB CARREFOUR", "84,20"),
                words_of(235, (110, "Total des opérations carte"), (540, "84,20", "right")),
                words_of(250, (110, "MONTANT NET DEBITE LE 31/03/2025"), (540, "84,20", "right")),
            )
        ]
    )
    assert descriptions(french) == ["CB CARREFOUR"]


def test_an_unnamed_column_between_the_dates_and_the_particulars_is_not_the_description():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (31, "DATE"),
                    (83, "MODE**"),
                    (139, "PARTICULARS"),
                    (395, "DEPOSITS", "right"),
                    (481, "WITHDRAWALS", "right"),
                    (564, "BALANCE", "right"),
                ),
                words_of(215, (31, "01-04-2024"), (139, "B/F"), (564, "1,42,318.56", "right")),
                words_of(
                    230,
                    (31, "01-04-2024"),
                    (83, "MOBILE"),
                    (139, "UPI/409123456789/Rent April"),
                    (481, "28,000.00", "right"),
                    (564, "1,14,318.56", "right"),
                ),
                words_of(240, (83, "BANKING"), (139, "STATE BANK OF INDIA")),
                words_of(
                    255,
                    (31, "02-04-2024"),
                    (139, "NEFT-INFOSYS LIMITED-SALARY"),
                    (395, "1,24,580.00", "right"),
                    (564, "2,38,898.56", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == [
        "UPI/409123456789/Rent April STATE BANK OF INDIA",
        "NEFT-INFOSYS LIMITED-SALARY",
    ]


def test_a_rate_written_as_an_equation_and_a_fees_share_of_an_amount():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "15.03.2024", "Kartenzahlung SBB CFF FFS//Basel/CH", "50,77-"),
                words_of(226, (110, "Original 48,60 CHF 1 EUR=0,9573 CHF")),
                row(241, "18.03.2024", "Entgelt Auslandseinsatzentgelt girocard", "0,51-"),
                words_of(252, (110, "1,00 % v. 50,77 EUR")),
                row(267, "19.03.2024", "Dauerauftrag Anna Schulte", "200,00-"),
            )
        ]
    )

    sbb, fee, _ = result.rows
    assert sbb.description == "Kartenzahlung SBB CFF FFS//Basel/CH"
    assert (sbb.original_amount, sbb.original_currency) == (Decimal("48.60"), "CHF")
    assert fee.description == "Entgelt Auslandseinsatzentgelt girocard 1,00 % v. 50,77 EUR"
    assert fee.original_amount is None


def test_a_french_statement_dated_by_its_date_darrete():
    result = read_statement(
        [
            page(
                1,
                words_of(150, (40, "Date d'arrêté : 28.03.2022")),
                header(),
                row(215, "01.03", "PRELEVEMENT FREE MOBILE", "19,99"),
                row(230, "04.03", "CARTE X4127 CARREFOUR", "84,37"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2022, 3, 1), date(2022, 3, 4)]
    assert not result.warnings
    assert "Date d'arrêté" in result.rows[0].evidence.year  # read as the statement's date


def test_checks_listed_in_two_groups_side_by_side_come_out_in_their_numbers_order():
    def checks(down_first):
        first, second = down_first
        return read_statement(
            [
                page(
                    1,
                    words_of(120, (36, "Checks")),
                    words_of(
                        135,
                        (36, "Date"),
                        (96, "Check #"),
                        (258, "Amount", "right"),
                        (316, "Date"),
                        (376, "Check #"),
                        (538, "Amount", "right"),
                    ),
                    words_of(
                        150,
                        (36, "02/28/24"),
                        (96, first[0]),
                        (258, "-1,350.00", "right"),
                        (316, "03/12/24"),
                        (376, second[0]),
                        (538, "-48.00", "right"),
                    ),
                    words_of(
                        165,
                        (36, "03/05/24"),
                        (96, first[1]),
                        (258, "-75.00", "right"),
                        (316, "03/19/24"),
                        (376, second[1]),
                        (538, "-220.00", "right"),
                    ),
                )
            ]
        )

    down = checks((("1051", "1052"), ("1054*", "1055")))
    assert descriptions(down) == ["Check 1051", "Check 1052", "Check 1054", "Check 1055"]
    assert amounts(down) == [
        Decimal("1350.00"),
        Decimal("75.00"),
        Decimal("48.00"),
        Decimal("220.00"),
    ]
    # Numbered across the line, they are read across.
    across = checks((("1051", "1053"), ("1052", "1054")))
    assert descriptions(across) == ["Check 1051", "Check 1052", "Check 1053", "Check 1054"]


def test_a_neobank_statement_with_its_booking_date_between_the_description_and_the_amount():
    def entry(y, merchant, booked, amount, value, category):
        return [
            *words_of(y, (44, merchant), (323, booked), (506, amount, "right")),
            *words_of(y + 11.5, (44, "Wertstellung"), (107, value), (160, "·"), (169, category)),
        ]

    result = read_statement(
        [
            page(
                1,
                words_of(150, (44, "01.03.2024 bis 31.03.2024")),
                words_of(180, (44, "Alter Kontostand"), (506, "+2.412,88€", "right")),
                words_of(
                    200, (44, "Beschreibung"), (323, "Verbuchungsdatum"), (506, "Betrag", "right")
                ),
                entry(
                    220, "REWE Markt GmbH-Zw", "04.03.2024", "-45,20€", "02.03.2024", "Lebensmittel"
                ),
                entry(250, "Anna Schmidt", "05.03.2024", "+35,00€", "05.03.2024", "Überweisungen"),
                words_of(290, (44, "Kontoüberblick")),
                words_of(305, (44, "Alter Kontostand"), (506, "+2.412,88€", "right")),
                words_of(317, (44, "Ausgänge"), (506, "-45,20€", "right")),
                words_of(329, (44, "Eingänge"), (506, "+35,00€", "right")),
                words_of(341, (44, "Neuer Kontostand"), (506, "+2.402,68€", "right")),
            )
        ]
    )

    assert [(r.date, r.amount) for r in result.rows] == [
        (date(2024, 3, 4), Decimal("45.20")),
        (date(2024, 3, 5), Decimal("-35.00")),
    ]
    assert descriptions(result)[0] == "REWE Markt GmbH-Zw Wertstellung 02.03.2024 · Lebensmittel"
    assert result.check.verdict == Verdict.AGREES


def test_operation_dates_titled_f_operativa_and_booking_dates_titled_boekdatum():
    sabadell = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "F. Operativa"),
                    (110, "Concepto"),
                    (330, "F. Valor"),
                    (460, "Importe", "right"),
                    (540, "Saldo", "right"),
                ),
                words_of(
                    215,
                    (40, "09/03/2024"),
                    (110, "COMPRA TARJ. EL CORTE INGLES"),
                    (330, "11/03/2024"),
                    (460, "-87,45", "right"),
                    (540, "912,55", "right"),
                ),
            )
        ]
    )
    assert [(r.date, r.posting_date) for r in sabadell.rows] == [
        (date(2024, 3, 9), date(2024, 3, 11))
    ]

    abn = read_statement(
        [
            page(
                1,
                words_of(150, (380, "Periode 01-03-2024 t/m 31-03-2024")),
                words_of(
                    200,
                    (40, "Boekdatum"),
                    (88, "Omschrijving"),
                    (470, "Bedrag af", "right"),
                    (550, "Bedrag bij", "right"),
                ),
                words_of(215, (40, "04-03"), (88, "SEPA Overboeking"), (470, "975,00", "right")),
                words_of(230, (40, "06-03"), (88, "SEPA Overboeking"), (550, "35,00", "right")),
            )
        ]
    )
    assert amounts(abn) == [Decimal("975.00"), Decimal("-35.00")]
    assert not abn.warnings  # the titles were read


def test_a_rows_last_line_with_a_date_in_its_text_beside_the_days_balance():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "04/03/2024", "SEAN DOHERTY", out="20.00"),
                words_of(236, (110, "REF FOOTBALL SUBS")),
                words_of(247, (110, "VIA ONLINE - PYMT FP 04/03/24 10"), (540, "980.00", "right")),
                bank_row(262, "05/03/2024", "NIE ENERGY SUPPLY", out="64.00", balance="916.00"),
            )
        ]
    )

    assert descriptions(result) == [
        "SEAN DOHERTY REF FOOTBALL SUBS VIA ONLINE - PYMT FP 04/03/24 10",
        "NIE ENERGY SUPPLY",
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_sections_total_printed_in_a_column_of_totals_past_the_amounts_is_no_rows_text():
    titles = words_of(
        200, (36, "Date"), (126, "Description"), (520, "Amount", "right"), (559, "Total")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (126, "Payments and Other Credits")),
                words_of(
                    230, (36, "01/10"), (126, "BA ELECTRONIC PAYMENT"), (520, "-250.00", "right")
                ),
                words_of(
                    244,
                    (126, "TOTAL PAYMENTS AND OTHER CREDITS FOR THIS PERIOD"),
                    (580, "-$250.00", "right"),
                ),
                words_of(262, (126, "Purchases and Adjustments")),
                words_of(
                    277,
                    (36, "01/12"),
                    (126, "CITY OF ROUND ROCK UTIL TX"),
                    (520, "118.37", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["BA ELECTRONIC PAYMENT", "CITY OF ROUND ROCK UTIL TX"]


def test_a_second_date_before_the_description_under_a_title_not_read_is_the_posting_date():
    result = read_statement(
        [
            page(
                1,
                words_of(200, (40, "Date of"), (112, "Date"), (184, "Description")),
                words_of(205, (514, "Amount £", "right")),
                words_of(209, (40, "transaction"), (112, "entered")),
                words_of(
                    230,
                    (40, "19 Feb 24"),
                    (112, "20 Feb 24"),
                    (184, "TESCO STORES 3217 HARPENDEN"),
                    (514, "46.28", "right"),
                ),
                words_of(
                    245,
                    (40, "20 Feb 24"),
                    (112, "21 Feb 24"),
                    (184, "SAINSBURYS S/MKTS ST ALBANS"),
                    (514, "62.15", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["TESCO STORES 3217 HARPENDEN", "SAINSBURYS S/MKTS ST ALBANS"]
    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2024, 2, 19), date(2024, 2, 20)),
        (date(2024, 2, 20), date(2024, 2, 21)),
    ]


def test_a_card_balance_owed_named_saldo_em_divida_is_no_row():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "Saldo anterior"), (540, "100,00", "right")),
                row(225, "03/03/2024", "CONTINENTE LISBOA", "84,20"),
                words_of(240, (110, "Saldo em dívida"), (540, "184,20", "right")),
            )
        ]
    )

    assert descriptions(result) == ["CONTINENTE LISBOA"]
    assert result.check.verdict == Verdict.AGREES


def test_an_unnamed_first_title_before_the_value_date_is_the_description():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (53, "Angaben zu den Umsätzen"),
                    (405, "Valuta"),
                    (545, "Betrag in EUR", "right"),
                ),
                words_of(215, (53, "Alter Kontostand vom 29.02.2024"), (545, "3.412,58", "right")),
                words_of(230, (53, "Dauerauftrag"), (409, "01.03"), (545, "1.150,00-", "right")),
                words_of(239, (53, "Hausverwaltung Becker GmbH")),
                words_of(254, (53, "Gutschrift"), (409, "11.03"), (545, "350,00", "right")),
                words_of(263, (53, "Julia Schneider")),
                words_of(278, (53, "Neuer Kontostand vom 28.03.2024"), (545, "2.612,58", "right")),
            )
        ]
    )

    assert descriptions(result) == [
        "Dauerauftrag Hausverwaltung Becker GmbH",
        "Gutschrift Julia Schneider",
    ]
    assert amounts(result) == [Decimal("1150.00"), Decimal("-350.00")]
    assert result.check.verdict == Verdict.AGREES


def test_money_out_titled_withdrawn_beside_paid_in():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (45, "Date"),
                    (112, "Description"),
                    (390, "Paid In(£)", "right"),
                    (464, "Withdrawn(£)", "right"),
                    (550, "Balance(£)", "right"),
                ),
                words_of(
                    215, (45, "29 FEB 2024"), (112, "BROUGHT FORWARD"), (550, "1,482.16", "right")
                ),
                words_of(
                    230, (45, "01 MAR 2024"), (112, "Automated Credit"), (390, "2,315.40", "right")
                ),
                words_of(
                    245, (112, "Direct Debit"), (464, "38.50", "right"), (550, "3,759.06", "right")
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("-2315.40"), Decimal("38.50")]
    assert result.check.verdict == Verdict.AGREES


def test_original_amounts_named_importo_orig_monto_original_or_local_currency_amount():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "12/03/2024", "PAGAMENTO POS ESTERO PRET A MANGER", "40,98"),
                words_of(226, (110, "IMPORTO ORIG. GBP 35,00 CAMBIO 0,85400")),
                row(241, "13/03/2024", "CARGO COMPRA INTERNACIONAL NETFLIX.COM", "263,03"),
                words_of(252, (110, "MONTO ORIGINAL 15,49 USD T.C. 16,9807")),
                row(267, "14/03/2024", "AMAZON.COM (US)", "3.812,00"),
                words_of(278, (110, "Local currency amount USD 25,00")),
            )
        ]
    )

    assert descriptions(result) == [
        "PAGAMENTO POS ESTERO PRET A MANGER",
        "CARGO COMPRA INTERNACIONAL NETFLIX.COM",
        "AMAZON.COM (US)",
    ]
    assert [(r.original_amount, r.original_currency) for r in result.rows] == [
        (Decimal("35.00"), "GBP"),
        (Decimal("15.49"), "USD"),
        (Decimal("25.00"), "USD"),
    ]


def test_column_titles_sharing_their_line_with_a_sidebars_figure():
    result = read_statement(
        [
            page(
                1,
                words_of(150, (40, "TRANSACTION"), (92, "POSTING")),
                words_of(
                    158,
                    (40, "DATE"),
                    (92, "DATE"),
                    (146, "ACTIVITY DESCRIPTION"),
                    (398, "AMOUNT($)", "right"),
                    (417, "Minimum Payment"),
                    (571, "$39.54", "right"),
                ),
                words_of(176, (146, "PREVIOUS STATEMENT BALANCE"), (398, "$1,842.17", "right")),
                words_of(
                    190,
                    (40, "FEB 19"),
                    (92, "FEB 21"),
                    (146, "LOBLAWS #1024 TORONTO ON"),
                    (398, "$87.56", "right"),
                ),
                words_of(
                    205,
                    (40, "FEB 28"),
                    (92, "MAR 3"),
                    (146, "METRO 612 TORONTO ON"),
                    (398, "$114.92", "right"),
                    (417, "Previous Balance"),
                    (571, "$1,842.17", "right"),
                ),
                words_of(
                    220,
                    (40, "MAR 1"),
                    (92, "MAR 3"),
                    (146, "UBER CANADA/UBERTRIP TORONTO ON"),
                    (398, "$23.67", "right"),
                    (417, "Payments & Credits"),
                    (571, "-$0.00", "right"),
                ),
                words_of(
                    235,
                    (40, "MAR 2"),
                    (92, "MAR 4"),
                    (146, "SHOPPERS DRUG MART #1288"),
                    (398, "$32.18", "right"),
                    (417, "Purchases"),
                    (571, "$258.33", "right"),
                ),
                words_of(
                    250,
                    (40, "MAR 3"),
                    (92, "MAR 4"),
                    (146, "TIM HORTONS #2381"),
                    (398, "$6.47", "right"),
                    (417, "Interest"),
                    (571, "$0.00", "right"),
                ),
                words_of(270, (146, "NEW BALANCE"), (398, "$2,106.97", "right")),
            )
        ]
    )

    assert descriptions(result) == [
        "LOBLAWS #1024 TORONTO ON",
        "METRO 612 TORONTO ON",
        "UBER CANADA/UBERTRIP TORONTO ON",
        "SHOPPERS DRUG MART #1288",
        "TIM HORTONS #2381",
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_subtotal_of_the_rows_under_a_cardholders_new_transactions_heading():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(208, (40, "DBS LIVE FRESH CARD NO.: 4119 1100 8877 1234")),
                words_of(218, (110, "PREVIOUS BALANCE"), (540, "1,482.35", "right")),
                row(230, "28/12/2023", "PAYMENT - DBS INTERNET/WIRELESS", "1,400.00 CR"),
                words_of(250, (110, "NEW TRANSACTIONS JOHN TAN WEI MING")),
                row(265, "29/12/2023", "GRAB *TRANSPORT SINGAPORE", "23.40"),
                row(280, "02/01/2024", "NTUC FAIRPRICE SINGAPORE", "87.65"),
                row(295, "05/01/2024", "CASHBACK", "12.00 CR"),
                words_of(315, (110, "SUB-TOTAL"), (540, "99.05", "right")),
                words_of(330, (110, "TOTAL"), (540, "181.40", "right")),
            )
        ]
    )

    assert result.check.verdict == Verdict.AGREES
    assert [r.cardholder for r in result.rows][1:] == ["JOHN TAN WEI MING"] * 3


def test_nothing_after_the_end_of_statement_mark_is_a_row():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "13/02/2024", "NETFLIX ENTERTAINMENT SERVICES,MUMBAI", "649.00 Dr"),
                words_of(235, (253, "**** End of Statement ****")),
                words_of(255, (36, "GST SUMMARY")),
                words_of(
                    270, (69, "GSTIN of Axis Bank"), (205, "HSN / SAC Code"), (447, "IGST charged")
                ),
                words_of(
                    281, (62, "27AAACA5817D1ZQ"), (218, "997113"), (540, "351.10 Dr", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["NETFLIX ENTERTAINMENT SERVICES,MUMBAI"]


def test_a_name_column_beside_the_description_and_a_reference_the_only_column_of_words():
    ing = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Datum"),
                    (92, "Naam"),
                    (222, "Omschrijving"),
                    (500, "Af", "right"),
                    (556, "Bij", "right"),
                ),
                words_of(
                    215,
                    (40, "11-03-2024"),
                    (92, "Tesco Stores 2041"),
                    (222, "Pasvolgnr: 004 11-03-2024 18:03"),
                    (500, "61,17", "right"),
                ),
                words_of(225, (222, "Bedrag: 52,40 GBP Koers: 1 EUR = 0,8567 GBP")),
                words_of(
                    240,
                    (40, "12-03-2024"),
                    (92, "Werkgever BV"),
                    (222, "Salaris maart"),
                    (556, "2.400,00", "right"),
                ),
            )
        ]
    )
    assert descriptions(ing) == [
        "Tesco Stores 2041 Pasvolgnr: 004 11-03-2024 18:03",
        "Werkgever BV Salaris maart",
    ]
    assert (ing.rows[0].original_amount, ing.rows[0].original_currency) == (Decimal("52.40"), "GBP")

    swedbank = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Bokföringsdag"),
                    (100, "Transaktionsdag"),
                    (228, "Referens"),
                    (490, "Belopp", "right"),
                    (556, "Saldo", "right"),
                ),
                words_of(
                    215,
                    (40, "2024-03-01"),
                    (100, "2024-02-29"),
                    (228, "KORTKÖP 240229 ICA NÄRA SVARTBÄCKEN"),
                    (490, "-286,40", "right"),
                    (556, "18 116,15", "right"),
                ),
                words_of(
                    230,
                    (40, "2024-03-01"),
                    (100, "2024-03-01"),
                    (228, "AUTOGIRO TELIA SVERIGE AB"),
                    (490, "-499,00", "right"),
                    (556, "17 617,15", "right"),
                ),
            )
        ]
    )
    assert descriptions(swedbank) == [
        "KORTKÖP 240229 ICA NÄRA SVARTBÄCKEN",
        "AUTOGIRO TELIA SVERIGE AB",
    ]


def test_dated_balance_lines_kontostand_and_saldo_do_dia_are_checked_not_rows():
    titles = words_of(
        200,
        (40, "Datum"),
        (84, "Text"),
        (364, "Gutschrift", "right"),
        (428, "Lastschrift", "right"),
        (555, "Saldo", "right"),
    )
    postfinance = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (40, "29.02.24"), (84, "Kontostand"), (555, "4'312.85", "right")),
                words_of(230, (40, "01.03.24"), (84, "TWINT SENDEN"), (428, "45.00", "right")),
                words_of(
                    245, (40, "04.03.24"), (84, "GUTSCHRIFT LOHN"), (364, "5'000.00", "right")
                ),
                words_of(260, (40, "31.03.24"), (84, "Kontostand"), (555, "9'267.85", "right")),
            )
        ]
    )
    assert descriptions(postfinance) == ["TWINT SENDEN", "GUTSCHRIFT LOHN"]
    assert postfinance.check.verdict == Verdict.AGREES

    itau = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (48, "data"),
                    (96, "lançamentos"),
                    (430, "valor (R$)", "right"),
                    (545, "saldo (R$)", "right"),
                ),
                words_of(215, (48, "29/02"), (96, "SALDO ANTERIOR"), (545, "1.874,32", "right")),
                words_of(230, (48, "01/03"), (96, "TAR PACOTE ITAU"), (430, "-64,90", "right")),
                words_of(
                    245, (48, "01/03"), (96, "REND PAGO APLIC AUT MAIS"), (430, "3,12", "right")
                ),
                words_of(
                    260,
                    (48, "01/03"),
                    (96, "SALDO TOTAL DISPONÍVEL DIA"),
                    (545, "1.812,54", "right"),
                ),
                words_of(
                    275, (48, "04/03"), (96, "DA SABESP 0412233019"), (430, "-142,77", "right")
                ),
                words_of(
                    290,
                    (48, "04/03"),
                    (96, "SALDO TOTAL DISPONÍVEL DIA"),
                    (545, "1.669,77", "right"),
                ),
            )
        ]
    )
    assert descriptions(itau) == [
        "TAR PACOTE ITAU",
        "REND PAGO APLIC AUT MAIS",
        "DA SABESP 0412233019",
    ]
    assert itau.check.verdict == Verdict.AGREES


def test_a_card_payment_naming_the_team_member_who_made_it():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "03/04/2024", "Amazon Web Services", "-3,184.92"),
                words_of(226, (110, "Card •4821 · Alex Kim")),
                row(241, "03/05/2024", "Stripe transfer", "12,500.00"),
            )
        ]
    )

    assert [r.cardholder for r in result.rows] == ["Alex Kim", None]


def test_rows_dated_on_the_line_under_them_below_titles_that_name_no_date():
    def entry(y, text, incoming, outgoing, balance, day, ref):
        cells = [(40, text)]
        cells += [(390, incoming, "right")] if incoming else []
        cells += [(465, outgoing, "right")] if outgoing else []
        cells += [(560, balance, "right")]
        return [*words_of(y, *cells), *words_of(y + 15, (40, day), (110, ref))]

    result = read_statement(
        [
            page(
                1,
                words_of(150, (40, "GBP statement 1 March 2024 - 31 March 2024")),
                words_of(180, (40, "Newest transactions first.")),
                words_of(
                    200,
                    (40, "Description"),
                    (390, "Incoming", "right"),
                    (465, "Outgoing", "right"),
                    (560, "Amount", "right"),
                ),
                entry(
                    220,
                    "Card transaction of 29.99 USD issued by OPENAI",
                    "",
                    "-23.73",
                    "4,138.01",
                    "21 March 2024",
                    "Transaction: CARD-1508874290",
                ),
                entry(
                    260,
                    "Received money from ACME LTD",
                    "980.00",
                    "",
                    "4,161.74",
                    "20 March 2024",
                    "Transaction: TRANSFER-988301776",
                ),
                entry(
                    300,
                    "Sent money to DANIEL OKAFOR",
                    "",
                    "-300.00",
                    "3,181.74",
                    "18 March 2024",
                    "Transaction: TRANSFER-987993041",
                ),
                words_of(340, (40, "GBP balance on 1 March 2024"), (560, "3,481.74", "right")),
            )
        ]
    )

    assert [(r.date, r.amount) for r in result.rows] == [
        (date(2024, 3, 21), Decimal("23.73")),
        (date(2024, 3, 20), Decimal("-980.00")),
        (date(2024, 3, 18), Decimal("300.00")),
    ]
    first = result.rows[0]
    assert first.description == (
        "Card transaction of 29.99 USD issued by OPENAI Transaction: CARD-1508874290"
    )
    assert (first.original_amount, first.original_currency) == (Decimal("29.99"), "USD")


def test_a_year_after_the_words_of_a_rows_second_line_is_its_text():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (56, "Buchung"),
                    (112, "Buchung / Verwendungszweck"),
                    (540, "Betrag (EUR)", "right"),
                ),
                words_of(208, (56, "Valuta")),
                words_of(
                    225,
                    (56, "01.03.2024"),
                    (112, "Dauerauftrag"),
                    (240, "Hausverwaltung Berger"),
                    (540, "-890,00", "right"),
                ),
                words_of(234, (56, "01.03.2024"), (240, "Miete Lindenstr. 14 Maerz 2024")),
                words_of(
                    252,
                    (56, "04.03.2024"),
                    (112, "Lastschrift"),
                    (240, "REWE Markt"),
                    (540, "-45,20", "right"),
                ),
                words_of(261, (56, "04.03.2024"), (240, "REWE SAGT DANKE")),
            )
        ]
    )

    assert (
        descriptions(result)[0]
        == "Dauerauftrag Hausverwaltung Berger Miete Lindenstr. 14 Maerz 2024"
    )


def test_finnish_balances_from_the_last_bill_and_carried_over_a_page():
    first = page(
        1,
        header(),
        words_of(212, (110, "Edellisen laskun saldo"), (540, "1 284,37", "right")),
        row(225, "20.02.2024", "K-MARKET KAMPPI HELSINKI", "45,20"),
        words_of(240, (110, "Siirto seuraavalle sivulle"), (540, "1 329,57", "right")),
    )
    second = page(
        2,
        header(),
        words_of(212, (110, "Siirto edelliseltä sivulta"), (540, "1 329,57", "right")),
        row(225, "22.02.2024", "MAKSU KIITOS", "-250,00"),
        words_of(240, (110, "Uusi saldo"), (540, "1 079,57", "right")),
    )
    result = read_statement([first, second])

    assert descriptions(result) == ["K-MARKET KAMPPI HELSINKI", "MAKSU KIITOS"]
    assert result.check.verdict == Verdict.AGREES


def test_an_original_amount_followed_by_a_comma_and_its_rate():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "04/03/2024", "Figma", "110.21"),
                words_of(226, (110, "USD 120.00, rate 0.9184")),
                row(241, "05/03/2024", "To Hoffmann Steuerberatung", "595.00"),
            )
        ]
    )

    figma = result.rows[0]
    assert figma.description == "Figma"
    assert (figma.original_amount, figma.original_currency) == (Decimal("120.00"), "USD")


def test_a_continued_next_page_note_is_no_rows_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "07/03/2024", "COLES 0742 PARRAMATTA NSW", "71.15"),
                words_of(226, (110, "Continued next page")),
            ),
            page(2, header(), row(215, "08/03/2024", "WOOLWORTHS 1123 SYDNEY", "32.10")),
        ]
    )

    assert descriptions(result) == ["COLES 0742 PARRAMATTA NSW", "WOOLWORTHS 1123 SYDNEY"]


def test_a_dated_opening_balance_line_gives_its_date_to_the_days_rows_under_it():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Date"),
                    (79, "Description"),
                    (345, "Withdrawals ($)", "right"),
                    (419, "Deposits ($)", "right"),
                    (493, "Balance ($)", "right"),
                ),
                # (One monospace string: the label runs on from the date by a single space.)
                words_of(215, (40, "15 Dec Opening balance"), (493, "1,934.02", "right")),
                words_of(226, (79, "Contactless Interac purchase - 4821"), (345, "4.35", "right")),
                words_of(237, (79, "TIM HORTONS #2871")),
                words_of(
                    248,
                    (79, "Payroll Deposit"),
                    (419, "2,145.60", "right"),
                    (493, "4,075.27", "right"),
                ),
                words_of(259, (79, "MAPLE LEAF FOODS")),
                words_of(
                    272,
                    (40, "18 Dec"),
                    (79, "Online Banking payment - 7734"),
                    (345, "95.18", "right"),
                    (493, "3,980.09", "right"),
                ),
                words_of(290, (40, "12 Jan"), (79, "Closing balance"), (493, "3,980.09", "right")),
            )
        ]
    )

    assert [(r.date.day, r.amount) for r in result.rows] == [
        (15, Decimal("4.35")),
        (15, Decimal("-2145.60")),
        (18, Decimal("95.18")),
    ]
    assert descriptions(result)[0] == "Contactless Interac purchase - 4821 TIM HORTONS #2871"
    assert result.check.verdict == Verdict.AGREES


def test_a_section_heading_that_counts_its_rows_in_a_sentence_gives_their_sign():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    180,
                    (40, "Deposits and Other Additions"),
                    (300, "There were 2 Deposits and Other Additions totaling"),
                    (590, "$2,992.16.", "right"),
                ),
                words_of(195, (42, "Date")),
                words_of(204, (42, "posted"), (142, "Amount"), (192, "Description")),
                words_of(
                    218,
                    (42, "12/15"),
                    (180, "1,842.16", "right"),
                    (192, "Direct Deposit - Payroll"),
                ),
                words_of(
                    232,
                    (42, "12/22"),
                    (180, "1,150.00", "right"),
                    (192, "Zelle From Kathleen M Murphy"),
                ),
                words_of(
                    255,
                    (40, "Banking/Debit Card Withdrawals and Purchases"),
                    (300, "There was 1 Banking/Debit Card Withdrawal totaling"),
                    (590, "$87.43.", "right"),
                ),
                words_of(270, (42, "12/18"), (180, "87.43", "right"), (192, "Giant Eagle #6051")),
            )
        ]
    )

    assert amounts(result) == [Decimal("-1842.16"), Decimal("-1150.00"), Decimal("87.43")]


def test_foreign_amount_lines_named_in_words_with_a_rate():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(215, "09/01/2025", "PARKMOBILE ATLANTA GA", "27.43"),
                words_of(
                    226, (150, "20.00"), (171, "United States Dollar"), (241, "@"), (250, "1.3715")
                ),
                row(241, "26/11/2024", "AIRBNB * HMQ2ZX9K SAN FRANCISCO", "2,894.95"),
                words_of(
                    252,
                    (110, "Moneda extranjera:"),
                    (210, "142.00 USD"),
                    (270, "Tipo de cambio:"),
                    (350, "$20.3870"),
                ),
                row(267, "07/03/2024", "Kartenzahlung STEAMGAMES.COM", "50,65"),
                words_of(278, (110, "Umsatz 54,99 USD Kurs 1,0857")),
                row(293, "07/03/2024", "Entgelt Auslandseinsatzentgelt", "0,94"),
                words_of(304, (110, "1,85 % aus 50,65 EUR")),
            )
        ]
    )

    assert descriptions(result) == [
        "PARKMOBILE ATLANTA GA",
        "AIRBNB * HMQ2ZX9K SAN FRANCISCO",
        "Kartenzahlung STEAMGAMES.COM",
        "Entgelt Auslandseinsatzentgelt 1,85 % aus 50,65 EUR",
    ]
    assert [(r.original_amount, r.original_currency) for r in result.rows] == [
        (Decimal("20.00"), "USD"),
        (Decimal("142.00"), "USD"),
        (Decimal("54.99"), "USD"),
        (None, None),
    ]


def test_sections_named_with_a_slash_and_their_totals_printed_after_the_figure():
    def line(y, date, amount, text):
        cells = [(44, date)] if date else []
        return words_of(y, *cells, (150, amount, "right"), (160, text))

    titles = words_of(0, (44, "Date"), (110, "Amount"), (160, "Description"))
    result = read_statement(
        [
            page(
                1,
                words_of(180, (44, "Deposits & Credits")),
                [(x0, y0 + 195, x1, y1 + 195, *rest) for x0, y0, x1, y1, *rest in titles],
                line(210, "03/01", "2,318.44", "Payroll ACME CORP PPD"),
                line(224, "", "2,318.44", "Total Deposits & Credits"),
                words_of(245, (44, "ATM/Purchases")),
                [(x0, y0 + 260, x1, y1 + 260, *rest) for x0, y0, x1, y1, *rest in titles],
                line(275, "03/01", "64.18", "POS Debit - STOP & SHOP 0612"),
                line(289, "03/02", "200.00", "ATM Withdrawal - 1 CITIZENS PLAZA"),
                line(303, "", "264.18", "Total ATM/Purchases"),
            )
        ]
    )

    assert amounts(result) == [Decimal("-2318.44"), Decimal("64.18"), Decimal("200.00")]


def test_a_card_balance_named_importe_a_pagar_is_no_row():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "SALDO ANTERIOR"), (540, "612,45", "right")),
                row(225, "03/03/2025", "MERCADONA MADRID", "84,20"),
                words_of(240, (110, "IMPORTE A PAGAR"), (540, "696,65", "right")),
            )
        ]
    )

    assert descriptions(result) == ["MERCADONA MADRID"]
    assert result.check.verdict == Verdict.AGREES


def test_an_account_listed_under_umsaetze_prints_money_out_with_a_minus():
    result = read_statement(
        [
            page(
                1,
                words_of(170, (40, "Umsätze")),
                words_of(
                    185, (40, "Buchungstag"), (110, "Beschreibung"), (554, "Betrag (EUR)", "right")
                ),
                words_of(200, (110, "Alter Kontostand vom 29.02.2024"), (554, "2.486,35", "right")),
                words_of(
                    215,
                    (40, "01.03.2024"),
                    (110, "Dauerauftrag Hausverwaltung"),
                    (554, "-1.080,00", "right"),
                ),
                words_of(
                    230, (40, "04.03.2024"), (110, "Kartenzahlung REWE"), (554, "-45,20", "right")
                ),
                words_of(
                    245,
                    (40, "27.03.2024"),
                    (110, "Gutschrift Gehalt März"),
                    (554, "3.125,42", "right"),
                ),
                words_of(260, (110, "Neuer Kontostand vom 31.03.2024"), (554, "4.486,57", "right")),
                words_of(
                    280,
                    (40, "Summe Gutschriften"),
                    (200, "3.125,42 EUR"),
                    (260, "Summe Belastungen"),
                    (420, "-1.125,20 EUR"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("1080.00"), Decimal("45.20"), Decimal("-3125.42")]
    assert result.check.verdict == Verdict.AGREES


def test_dutch_balances_carried_over_a_page():
    first = page(
        1,
        header(),
        words_of(212, (110, "Vorig saldo"), (540, "1.000,00", "right")),
        row(225, "10-03-2025", "BETALING MET DEBETKAART AMAZON.CO.UK", "- 53,50"),
        words_of(251, (110, "Saldo over te dragen"), (540, "946,50", "right")),
    )
    second = page(
        2,
        header(),
        words_of(212, (110, "Overgedragen saldo"), (540, "946,50", "right")),
        row(225, "12-03-2025", "OVERSCHRIJVING VAN J PEETERS", "+ 100,00"),
        words_of(240, (110, "Nieuw saldo"), (540, "1.046,50", "right")),
    )
    result = read_statement([first, second])

    assert descriptions(result) == [
        "BETALING MET DEBETKAART AMAZON.CO.UK",
        "OVERSCHRIJVING VAN J PEETERS",
    ]
    assert result.check.verdict == Verdict.AGREES


def holders_of(*headings):
    """Each heading over one row of its cardholder's, on one page."""
    lines, y = [header()], 220
    for k, heading in enumerate(headings):
        lines.append(words_of(y, *heading))
        lines.append(row(y + 15, f"{13 + k}/07/2023", f"SHOP {k + 1}", f"{k + 1}0.00"))
        y += 40
    return read_statement([page(1, *lines)])


def test_a_cardholders_name_is_kept_as_printed_among_a_headings_words():
    result = holders_of(
        [(40, "Carte principale - MME CLAIRE DUPONT"), (416, "Numéro de carte xxxx-xxxxxx-x1001")],
        [(40, "Carte supplémentaire - M. PAUL DUPONT"), (416, "Numéro de carte xxxx-xxxxxx-x1019")],
        [(40, "New transactions for MRS CLAIRE WILSON"), (416, "Card Number xxxx-xxxxxx-71012")],
        [
            (40, "MARIE-CLAUDE TREMBLAY"),
            (246, "No de carte: 4540 XX XX XX12 3456"),
            (420, "Titulaire"),
        ],
        [(40, "MICHAEL H DE LA CRUZ"), (300, "Card ending in 5021")],
        [(40, "ADVENTURE WORKS Ltd - Card of JANE DOE"), (416, "Card Number xxxx-xxxxxx-71020")],
    )

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        ("MME CLAIRE DUPONT", "1001"),
        ("M. PAUL DUPONT", "1019"),
        ("MRS CLAIRE WILSON", "1012"),
        ("MARIE-CLAUDE TREMBLAY", "3456"),
        ("MICHAEL H DE LA CRUZ", "5021"),
        ("JANE DOE", "1020"),
    ]


def test_a_banks_name_beside_the_account_number_over_the_titles_names_nobody():
    result = read_statement(
        [
            page(
                1,
                words_of(60, (40, "EXPRESS"), (406, "Numéro de compte xxxx-xxxxxx-x1001")),
                header(),
                row(220, "13/02/2024", "MONOPRIX PARIS 15", "64,38"),
            )
        ]
    )

    assert [(r.cardholder, r.amount) for r in result.rows] == [(None, Decimal("64.38"))]


def test_the_name_in_capitals_beside_a_card_number_over_a_sections_words():
    result = holders_of(
        [(40, "JOHN A SMITH #4821: Payments, Credits and Adjustments")],
        [(40, "EMILY R SMITH #7730: Transactions")],
    )

    assert [r.cardholder for r in result.rows] == ["JOHN A SMITH", "EMILY R SMITH"]
    assert amounts(result) == [Decimal("-10.00"), Decimal("20.00")]


def test_an_address_beside_an_account_number_names_nobody():
    result = holders_of([(40, "San Francisco, CA 94105"), (360, "Account ending in ••8830")])

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [(None, "8830")]


def test_a_cardholders_total_with_words_after_its_figure():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (40, "DANIEL R OKAFOR")),
                words_of(
                    226,
                    (40, "TRANSACTIONS THIS CYCLE (CARD 4417)"),
                    (300, "-$5,128.41"),
                    (360, "INCLUDING PAYMENTS RECEIVED"),
                ),
                row(240, "12/29", "Payment Thank You - Web", "-5,218.40"),
                row(255, "12/30", "STAPLES 00112 LOS ANGELES CA", "89.99"),
                words_of(
                    280,
                    (40, "PRIYA S MENON TRANSACTIONS THIS CYCLE (CARD 8832)"),
                    (320, "$45.00"),
                ),
                row(295, "01/02", "UBER *TRIP", "45.00"),
            )
        ]
    )

    assert [(r.cardholder, r.card_last4, r.amount) for r in result.rows] == [
        ("DANIEL R OKAFOR", "4417", Decimal("-5218.40")),
        ("DANIEL R OKAFOR", "4417", Decimal("89.99")),
        ("PRIYA S MENON", "8832", Decimal("45.00")),
    ]


def test_a_spends_area_column_and_a_rate_glued_to_the_original_amount():
    lines = [
        words_of(
            179,
            (40, "Date"),
            (112, "Transaction Details"),
            (372, "Spends Area"),
            (551, "Amount (Rs.)", "right"),
        ),
        words_of(
            193, (40, "16/02/2025"), (112, "SWIGGY"), (372, "Dining"), (551, "486.00 Dr", "right")
        ),
        words_of(202, (112, "BANGALORE")),
        words_of(
            216,
            (40, "25/02/2025"),
            (112, "AMAZON.CO.UK*R92KL"),
            (372, "Shopping"),
            (551, "2,811.40 Dr", "right"),
        ),
        words_of(226, (112, "GBP 23.99@0.83620")),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("SWIGGY BANGALORE", Decimal("486.00"), None, None),
        ("AMAZON.CO.UK*R92KL", Decimal("2811.40"), Decimal("23.99"), "GBP"),
    ]


def test_a_sum_of_all_the_money_out_beside_a_box_of_the_fees_among_it():
    def account(sum_of_debits):
        return read_statement(
            [
                bank_page(
                    words_of(100, (40, "Sum of Debits (3)"), (250, sum_of_debits, "right")),
                    words_of(100, (400, "Total Charges*"), (540, "12.50", "right")),
                    words_of(112, (40, "Sum of Credits (1)"), (250, "9,500.00", "right")),
                    bank_row(225, "20/11/2024", "CARD PURCHASE CHECKERS", out="240.10"),
                    bank_row(240, "21/11/2024", "MONTHLY ACCOUNT FEE", out="12.50"),
                    bank_row(255, "22/11/2024", "SALARY ACME LTD", into="9,500.00"),
                    bank_row(270, "23/11/2024", "DEBIT ORDER INSURANCE", out="202.50"),
                )
            ]
        )

    agreeing, short = account("455.10"), account("655.10")

    assert agreeing.check.verdict == Verdict.AGREES
    assert any(c.startswith("“Sum of Debits (3)” 455.10 equals") for c in agreeing.check.checked)
    assert short.check.verdict == Verdict.DISAGREES


def test_balances_in_the_table_with_their_currency_beside_them():
    # "Übertrag auf Seite 2  EUR + 846,08": a balance carried over the page with its currency
    # in its cell; the overview's closing balance printed under its label, not the opening
    # balance left of it.
    overview = [
        words_of(
            100,
            (58, "Kontostand am 28.02.2025 (Alter Saldo)"),
            (274, "EUR"),
            (370, "+ 1.000,00", "right"),
            (392, "Neuer Saldo"),
        ),
        words_of(110, (457, "EUR + 1.853,50")),
    ]
    titles = words_of(
        200, (50, "Buchung"), (134, "Vorgang"), (470, "Soll", "right"), (548, "Haben", "right")
    )
    first = page(
        1,
        *overview,
        titles,
        words_of(
            215, (134, "Kontostand am 28.02.2025 (Alter Saldo)"), (548, "EUR + 1.000,00", "right")
        ),
        words_of(
            230, (50, "03.03."), (134, "SEPA-Lastschrift Stadtwerke"), (470, "- 86,00", "right")
        ),
        words_of(245, (50, "05.03."), (134, "Gutschrift Gehalt"), (548, "+ 1.000,00", "right")),
        words_of(260, (134, "Übertrag auf Seite 2"), (548, "EUR + 1.914,00", "right")),
    )
    second = page(
        2,
        titles,
        words_of(215, (134, "Übertrag von Seite 1"), (548, "EUR + 1.914,00", "right")),
        words_of(230, (50, "10.03."), (134, "Kartenzahlung Aral"), (470, "- 60,50", "right")),
        words_of(
            245, (134, "Kontostand am 31.03.2025 (Neuer Saldo)"), (548, "EUR + 1.853,50", "right")
        ),
    )
    result = read_statement([first, second])

    assert descriptions(result) == [
        "SEPA-Lastschrift Stadtwerke",
        "Gutschrift Gehalt",
        "Kartenzahlung Aral",
    ]
    assert amounts(result) == [Decimal("86.00"), Decimal("-1000.00"), Decimal("60.50")]
    assert result.check.verdict == Verdict.AGREES


def test_a_date_left_of_the_posting_dates_under_a_title_not_read_is_the_rows_date():
    # ("Date of" over "transaction": the lower line names nothing the reader knows.)
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Statement date 14 Mar 2025")),
                words_of(
                    200,
                    (40, "Date of"),
                    (104, "Date posted"),
                    (166, "Transaction details"),
                    (503, "Amount (£)", "right"),
                ),
                words_of(211, (40, "transaction"), (104, "to ledger")),
                words_of(
                    230,
                    (40, "15 Feb"),
                    (104, "17 Feb"),
                    (166, "TESCO STORES 2841 BROMLEY"),
                    (503, "64.32", "right"),
                ),
                words_of(
                    245,
                    (40, "16 Feb"),
                    (104, "17 Feb"),
                    (166, "TESCO PFS 3120 BROMLEY"),
                    (503, "58.10", "right"),
                ),
            )
        ]
    )

    assert [(str(r.date), str(r.posting_date)) for r in result.rows] == [
        ("2025-02-15", "2025-02-17"),
        ("2025-02-16", "2025-02-17"),
    ]


def test_a_rate_in_the_accounts_own_currency_stays_in_the_description():
    # "£" and "GBP" mark one currency: the account's, so "1.00/GBP" is no original amount.
    lines = [
        words_of(
            190,
            (40, "Date"),
            (81, "Description"),
            (420, "Money in", "right"),
            (480, "Money out", "right"),
            (550, "Balance", "right"),
        ),
        words_of(205, (81, "Balance brought forward"), (550, "£1,200.00", "right")),
    ]
    balance = 120000
    for k, (shop, pence) in enumerate([("TESCO STORES 2841", 3462), ("PRET A MANGER", 785)]):
        y = 220 + 25 * k
        balance -= pence
        price = f"{pence // 100}.{pence % 100:02d}"
        lines.append(
            words_of(
                y,
                (40, f"{17 + k}th Feb"),
                (81, f"CARD PAYMENT TO {shop},{price} GBP, RATE"),
                (480, f"£{price}", "right"),
                (550, f"£{balance // 100:,}.{balance % 100:02d}", "right"),
            )
        )
        lines.append(words_of(y + 10, (81, f"1.00/GBP ON {13 + k}-02-2025")))
    lines.append(words_of(300, (81, "Balance carried forward"), (550, "£1,157.53", "right")))
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.original_amount) for r in result.rows] == [
        ("CARD PAYMENT TO TESCO STORES 2841,34.62 GBP, RATE 1.00/GBP ON 13-02-2025", None),
        ("CARD PAYMENT TO PRET A MANGER,7.85 GBP, RATE 1.00/GBP ON 14-02-2025", None),
    ]


def test_a_fees_base_on_the_line_under_its_rate_is_its_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "01.03.2025", "HOTEL NEW YORK", "1.372,17"),
                words_of(230, (110, "USD 1.436,80")),
                row(245, "02.03.2025", "Auslandseinsatzentgelt 1,75 %", "24,01"),
                words_of(255, (110, "auf 1.372,17 EUR")),
            )
        ]
    )

    assert [(r.description, r.original_amount) for r in result.rows] == [
        ("HOTEL NEW YORK", Decimal("1436.80")),
        ("Auslandseinsatzentgelt 1,75 % auf 1.372,17 EUR", None),
    ]


def test_an_original_amount_named_in_words_on_the_line_of_the_rows_amount():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(220, (40, "12/22/24"), (110, "LIBERTY LONDON LONDON GB")),
                words_of(230, (110, "CLOTHING STORES")),
                words_of(240, (224, "89.00"), (252, "Pounds Sterling"), (540, "$113.21", "right")),
                row(255, "12/28/24", "MTA*NYCT PAYGO NEW YORK NY", "$2.90"),
            )
        ]
    )

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("LIBERTY LONDON LONDON GB CLOTHING STORES", Decimal("113.21"), Decimal("89.00"), "GBP"),
        ("MTA*NYCT PAYGO NEW YORK NY", Decimal("2.90"), None, None),
    ]


def test_a_card_number_under_a_rows_wrapped_lines_is_its_text():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "07/04/2025", "VISA DEBIT PURCHASE", out="39.90", balance="960.10"),
                words_of(235, (110, "SHOPEE SINGAPORE")),
                words_of(245, (110, "SINGAPORE SG")),
                words_of(255, (110, "CARD NO: 4xxx xxxx xxxx 5512")),
                bank_row(270, "08/04/2025", "GIRO PAYMENT", out="60.10", balance="900.00"),
                words_of(280, (110, "IRAS")),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("VISA DEBIT PURCHASE SHOPEE SINGAPORE SINGAPORE SG CARD NO: 4xxx xxxx xxxx 5512", None),
        ("GIRO PAYMENT IRAS", None),
    ]


def test_a_card_number_beside_the_rows_time_under_its_date_is_its_text():
    result = read_statement(
        [
            bank_page(
                bank_row(
                    225, "10/04/2025", "PEMBAYARAN KARTU KREDIT", out="325.00", balance="675.00"
                ),
                words_of(235, (40, "11:05:55"), (110, "MANDIRI CC 4616 99XX XXXX 1023")),
                bank_row(250, "11/04/2025", "PEMBELIAN DEBIT", out="75.00", balance="600.00"),
                words_of(260, (40, "22:18:09"), (110, "TOKOPEDIA JAKARTA ID")),
            )
        ]
    )

    assert descriptions(result) == [
        "PEMBAYARAN KARTU KREDIT MANDIRI CC 4616 99XX XXXX 1023",
        "PEMBELIAN DEBIT TOKOPEDIA JAKARTA ID",
    ]


def test_a_balance_carried_over_a_page_in_the_other_word_order():
    first = page(
        1,
        header(),
        words_of(212, (110, "Vorig saldo"), (540, "1.000,00", "right")),
        row(225, "10-03-2025", "BETALING MET DEBETKAART", "- 53,50"),
        words_of(251, (110, "Over te dragen saldo"), (540, "946,50", "right")),
    )
    second = page(
        2,
        header(),
        words_of(212, (110, "Overgedragen saldo"), (540, "946,50", "right")),
        row(225, "12-03-2025", "OVERSCHRIJVING VAN J PEETERS", "+ 100,00"),
        words_of(240, (110, "Nieuw saldo"), (540, "1.046,50", "right")),
    )
    result = read_statement([first, second])

    assert descriptions(result) == ["BETALING MET DEBETKAART", "OVERSCHRIJVING VAN J PEETERS"]
    assert result.check.verdict == Verdict.AGREES


def test_value_dates_under_booking_dates_with_original_amounts_and_a_slashed_title():
    # "Buchung / Verwendungszweck" titles the descriptions; each row's value date is printed
    # under its booking date, some rows with an "Originalbetrag" line under their text.
    titles = [
        words_of(
            200,
            (40, "Buchung"),
            (110, "Buchung / Verwendungszweck"),
            (555, "Betrag (EUR)", "right"),
        ),
        words_of(209, (40, "Valuta")),
    ]
    lines = []
    rows = [
        ("03.02.2025", "01.02.2025", "Lastschrift Vodafone GmbH", "-39,99", ["Mandat V0123"], None),
        (
            "17.02.2025",
            "15.02.2025",
            "Lastschrift VISA HOTEL DAVOS",
            "-154,59",
            ["KAUFUMSATZ 15.02 101510"],
            "145,50 CHF",
        ),
        ("17.02.2025", "15.02.2025", "Lastschrift VISA SBB CFF FFS", "-44,62", [], "42,00 CHF"),
        ("18.02.2025", "18.02.2025", "Gutschrift Max Mueller", "150,00", ["Anteil Davos"], None),
    ]
    y = 225
    for booked, value, text, amount, more, original in rows:
        lines.append(words_of(y, (40, booked), (110, text), (555, amount, "right")))
        lines.append(words_of(y + 10, (40, value), *[(110, m) for m in more[:1]]))
        y += 20
        if original:
            lines.append(
                words_of(y, (110, "Originalbetrag"), (170, original), (220, "Kurs 0,9412"))
            )
            y += 10
        y += 8
    result = read_statement([page(1, *titles, *lines)])

    read = [(str(r.date), r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("2025-02-03", "Lastschrift Vodafone GmbH Mandat V0123", Decimal("39.99"), None),
        (
            "2025-02-17",
            "Lastschrift VISA HOTEL DAVOS KAUFUMSATZ 15.02 101510",
            Decimal("154.59"),
            Decimal("145.50"),
        ),
        ("2025-02-17", "Lastschrift VISA SBB CFF FFS", Decimal("44.62"), Decimal("42.00")),
        ("2025-02-18", "Gutschrift Max Mueller Anteil Davos", Decimal("-150.00"), None),
    ]


def test_booking_dates_close_left_of_the_value_dates_title_are_the_rows_dates():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (50, "Kontoauszug vom 01.03.2025 bis 31.03.2025")),
                words_of(
                    200,
                    (50, "Bu-Tag"),
                    (90, "Wert"),
                    (132, "Vorgang"),
                    (545, "Betrag EUR", "right"),
                ),
                words_of(
                    215,
                    (50, "03.03."),
                    (90, "01.03."),
                    (132, "Dauerauftrag Josef Maier"),
                    (537, "1.150,00 S", "right"),
                ),
                words_of(
                    230,
                    (50, "10.03."),
                    (90, "08.03."),
                    (132, "Kartenzahlung girocard ARAL"),
                    (537, "68,90 S", "right"),
                ),
            )
        ]
    )

    assert [(str(r.date), str(r.posting_date)) for r in result.rows] == [
        ("2025-03-03", "2025-03-01"),
        ("2025-03-10", "2025-03-08"),
    ]


def test_whole_pesos_grouped_by_dots_with_no_currency_named():
    titles = words_of(
        200,
        (38, "FECHA"),
        (90, "DETALLE DE TRANSACCIÓN"),
        (402, "CARGOS", "right"),
        (490, "ABONOS", "right"),
        (578, "SALDO", "right"),
    )
    rows = [
        ("28/05", "COMPRA NACIONAL LIDER EXPRESS", "42.870", "", "1.802.450"),
        ("29/05", "TRANSFERENCIA DE MARIA JOSE ROJAS", "", "150.000", "1.952.450"),
        ("30/05", "ABONO REMUNERACIONES", "", "2.350.000", "4.302.450"),
        ("30/05", "PAGO EN LINEA ENEL", "38.450", "", "4.264.000"),
        ("02/06", "CHEQUE PAGADO POR CAJA", "320.000", "", "3.944.000"),
    ]
    lines = [
        words_of(100, (34, "CARTOLA DEL 28/05/2025 AL 27/06/2025")),
        titles,
        words_of(212, (90, "SALDO INICIAL"), (578, "1.845.320", "right")),
    ]
    for k, (day, text, out, into, balance) in enumerate(rows):
        cells = [(38, day), (90, text), (578, balance, "right")]
        cells += [(402, out, "right")] if out else [(490, into, "right")]
        lines.append(words_of(227 + 15 * k, *cells))
    result = read_statement([page(1, *lines)])

    assert amounts(result) == [
        Decimal("42870"),
        Decimal("-150000"),
        Decimal("-2350000"),
        Decimal("38450"),
        Decimal("320000"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_danish_account_statement():
    lines = [
        words_of(100, (40, "Periode 01.03.2025-31.03.2025")),
        words_of(
            150,
            (46, "Saldo fra kontoudtog nr. 2/2025"),
            (240, "Indsat i alt"),
            (370, "24.318,00", "right"),
        ),
        words_of(160, (46, "16.412,55"), (240, "Hævet i alt"), (370, "-212,85", "right")),
        words_of(170, (240, "Saldo pr. 31.03.2025"), (370, "40.517,70", "right")),
        words_of(
            200,
            (46, "Bogført"),
            (104, "Tekst"),
            (311, "Rentedag"),
            (436, "Beløb", "right"),
            (518, "Saldo", "right"),
        ),
        words_of(212, (104, "Saldo fra kontoudtog nr. 2/2025"), (518, "16.412,55", "right")),
        words_of(
            225,
            (46, "03.03.2025"),
            (104, "Dankort-nota Netto Søndergade"),
            (311, "01.03.2025"),
            (436, "-212,85", "right"),
            (518, "16.199,70", "right"),
        ),
        words_of(235, (104, "Aarhus C, Nota 48213")),
        words_of(
            250,
            (46, "31.03.2025"),
            (104, "Løn"),
            (311, "31.03.2025"),
            (436, "24.318,00", "right"),
            (518, "40.517,70", "right"),
        ),
        words_of(260, (104, "Vestas Wind Systems A/S")),
        words_of(275, (46, "31.03.2025"), (104, "Ny saldo"), (518, "40.517,70", "right")),
        words_of(285, (104, "Indsat i alt"), (436, "24.318,00", "right")),
        words_of(295, (104, "Hævet i alt"), (436, "-212,85", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(str(r.date), r.description, r.amount) for r in result.rows] == [
        ("2025-03-03", "Dankort-nota Netto Søndergade Aarhus C, Nota 48213", Decimal("212.85")),
        ("2025-03-31", "Løn Vestas Wind Systems A/S", Decimal("-24318.00")),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_expense_card_sections_name_the_employee_apart_from_their_team_and_card():
    lines = [header()]
    y = 220
    for name, team, last4, spends in [
        ("Anna Schmidt", "Marketing", "4821", [("02/10/2025", "LinkedIn Ireland", "301,42")]),
        ("Jonas Weber", "Sales", "1177", [("06/10/2025", "Premier Inn London", "96,12")]),
    ]:
        lines.append(words_of(y, (49, name), (404, f"{team} · Mastercard •••• {last4}")))
        for day, text, amount in spends:
            y += 15
            lines.append(row(y, day, text, amount))
        y += 25
    lines.append(words_of(y, (110, "Net card spend, all employees"), (540, "397,54", "right")))
    result = read_statement([page(1, *lines)])

    assert [(r.cardholder, r.card_last4, r.description) for r in result.rows] == [
        ("Anna Schmidt", "4821", "LinkedIn Ireland"),
        ("Jonas Weber", "1177", "Premier Inn London"),
    ]


def test_a_sign_on_the_original_amounts_currency_code():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Date"),
                    (110, "Merchant"),
                    (380, "Original amount", "right"),
                    (540, "Amount (EUR)", "right"),
                ),
                words_of(
                    215,
                    (40, "27 Oct 2025"),
                    (110, "Premier Inn London Shoreditch"),
                    (380, "-GBP 12.00", "right"),
                    (540, "-€13.82", "right"),
                ),
                words_of(
                    230,
                    (40, "28 Oct 2025"),
                    (110, "Canva Pty Ltd"),
                    (380, "USD 119.99", "right"),
                    (540, "€103.34", "right"),
                ),
            )
        ]
    )

    read = [(r.description, r.amount, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("Premier Inn London Shoreditch", Decimal("-13.82"), Decimal("-12.00"), "GBP"),
        ("Canva Pty Ltd", Decimal("103.34"), Decimal("119.99"), "USD"),
    ]


def test_a_balance_labelled_after_its_translation_on_a_dated_line():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Statement date 20/01/2025")),
                header(),
                row(215, "21/12/2024", "SHOPEE MALAYSIA", "84.20"),
                row(230, "05/01/2025", "TNB BILL PAYMENT", "215.60"),
                words_of(
                    245,
                    (40, "20/01/2025"),
                    (110, "BAKI SEMASA / CURRENT BALANCE"),
                    (540, "299.80", "right"),
                ),
                words_of(
                    260, (40, "20/01/2025"), (110, "BALANCE TO PAY"), (540, "299.80", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["SHOPEE MALAYSIA", "TNB BILL PAYMENT"]


def test_a_category_titled_over_two_lines_beside_the_description():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (36, "DATE"),
                    (102, "TRANSACTION DETAILS"),
                    (322, "MERCHANT"),
                    (474, "AMOUNT (Rs.)", "right"),
                    (513, "CASHBACK"),
                ),
                words_of(209, (322, "CATEGORY"), (513, "EARNED")),
                words_of(
                    225,
                    (36, "12/02/2025"),
                    (102, "SWIGGY,BANGALORE"),
                    (322, "RESTAURANTS"),
                    (474, "486.00 Dr", "right"),
                    (540, "24.30", "right"),
                ),
                words_of(
                    240,
                    (36, "13/02/2025"),
                    (102, "FLIPKART INTERNET PVT LTD,BANGALORE"),
                    (322, "DEPT STORES"),
                    (474, "12,999.00 Dr", "right"),
                    (540, "649.95", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("SWIGGY,BANGALORE", Decimal("486.00")),
        ("FLIPKART INTERNET PVT LTD,BANGALORE", Decimal("12999.00")),
    ]


def test_numbers_grouped_by_dots_on_a_page_without_a_table_leave_the_cents_alone():
    # A page of terms with reference numbers ("Reg. 123.456.789") before the page of rows.
    terms = page(
        1,
        *[
            words_of(100 + 12 * k, (40, f"Reg. {k + 1}23.456.789 conditions apply"))
            for k in range(6)
        ],
    )
    rows = page(
        2,
        header(),
        row(220, "13/07/2023", "COFFEE", "4,50"),
        row(235, "14/07/2023", "BOOKS ORDER 12.345", "20,00"),
    )
    result = read_statement([terms, rows])

    assert result.decimal_style.name == "COMMA"
    assert amounts(result) == [Decimal("4.50"), Decimal("20.00")]


def test_amount_subtracted_and_amount_added_columns():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (48, "Date"),
                    (92, "Description"),
                    (415, "Amount Subtracted", "right"),
                    (488, "Amount Added", "right"),
                    (564, "Balance", "right"),
                ),
                words_of(215, (48, "12/14"), (92, "Beginning Balance"), (564, "8,412.77", "right")),
                words_of(
                    230,
                    (48, "12/16"),
                    (92, "Debit Card Purchase WHOLEFDS"),
                    (415, "187.43", "right"),
                    (564, "8,225.34", "right"),
                ),
                words_of(
                    245,
                    (48, "12/19"),
                    (92, "ACH Electronic Credit ADP PAYROLL"),
                    (488, "4,318.62", "right"),
                    (564, "12,543.96", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("187.43"), Decimal("-4318.62")]
    assert result.check.verdict == Verdict.AGREES


def test_thousands_set_apart_by_a_space_with_the_sign_after():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "TILIOTE 15.01.2025 - 14.02.2025")),
                header(),
                words_of(215, (110, "ALKUSALDO"), (540, "1 204,50+", "right")),
                row(230, "31.01.2025", "PALKKA VAISALA OYJ", "3 412,66+"),
                row(245, "03.02.2025", "E-LASKU HELEN OY", "1 023,80-"),
                words_of(260, (110, "LOPPUSALDO"), (540, "3 593,36+", "right")),
            )
        ]
    )

    assert [(r.description, abs(r.amount)) for r in result.rows] == [
        ("PALKKA VAISALA OYJ", Decimal("3412.66")),
        ("E-LASKU HELEN OY", Decimal("1023.80")),
    ]
    assert result.rows[0].amount == -result.rows[1].amount * Decimal("3412.66") / Decimal("1023.80")
    assert result.check.verdict == Verdict.AGREES


def test_a_currency_named_in_finnish_on_a_foreign_amounts_line():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "20.01.2025", "KORTTIOSTO SPOTIFY STOCKHOLM", "-10,40"),
                words_of(230, (110, "VALUUTTA SEK 119,00 KURSSI 11,4412")),
                row(245, "21.01.2025", "KORTTIOSTO K-MARKET", "-23,80"),
            )
        ]
    )

    assert [(r.description, r.original_currency) for r in result.rows] == [
        ("KORTTIOSTO SPOTIFY STOCKHOLM", "SEK"),
        ("KORTTIOSTO K-MARKET", None),
    ]
    assert abs(result.rows[0].original_amount) == Decimal("119.00")


def test_a_footer_with_the_accounts_number_and_the_page_names_nobody():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (48, "Priya Raman"), (459, "Engineering · Visa •• 4821")),
                row(230, "15/09/2025", "Amazon Web Services", "6,842.19"),
                words_of(
                    780, (44, "Ramp Business Corporation · Account •••• 7735"), (480, "Page 1 of 2")
                ),
            ),
            page(
                2,
                words_of(75, (48, "Priya Raman (continued)"), (459, "Engineering · Visa •• 4821")),
                header(95),
                row(110, "09/10/2025", "JLCPCB jlcpcb.com HK", "318.72"),
                words_of(
                    780, (44, "Ramp Business Corporation · Account •••• 7735"), (480, "Page 2 of 2")
                ),
            ),
        ]
    )

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        ("Priya Raman", "4821"),
        ("Priya Raman", "4821"),
    ]


def test_a_companys_name_beside_its_accounts_number_names_nobody():
    result = read_statement(
        [
            page(
                1,
                words_of(60, (40, "NORTHWIND ROBOTICS INC."), (300, "Mercury Checking ••7741")),
                header(),
                row(220, "01/03/2024", "Gusto Payroll", "38,412.66"),
            )
        ]
    )

    assert [r.cardholder for r in result.rows] == [None]


def test_a_rate_alone_under_the_original_amount_beside_the_descriptions_last_line():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "Datum"),
                    (136, "Beschreibung"),
                    (372, "Originalbetrag"),
                    (555, "Belastung CHF", "right"),
                ),
                words_of(
                    215,
                    (40, "05.02.25"),
                    (136, "Amazon.de*RT5K82QL4"),
                    (372, "EUR 58.99"),
                    (555, "55.96", "right"),
                ),
                words_of(225, (136, "Amazon.de LUX"), (372, "Kurs 0.948700")),
                words_of(
                    240, (40, "07.02.25"), (136, "Orell Füssli Zürich CHE"), (555, "46.80", "right")
                ),
            )
        ]
    )

    read = [(r.description, r.original_amount) for r in result.rows]
    assert read == [
        ("Amazon.de*RT5K82QL4 Amazon.de LUX", Decimal("58.99")),
        ("Orell Füssli Zürich CHE", None),
    ]


def test_net_outstanding_balance_is_the_new_balance():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(212, (110, "OPENING BALANCE"), (540, "1,000.00", "right")),
                row(225, "20/02/2025", "SWIGGY BANGALORE", "486.00"),
                row(240, "21/02/2025", "PAYMENT RECEIVED", "400.00CR"),
                words_of(260, (110, "NET OUTSTANDING BALANCE"), (540, "1,086.00", "right")),
            )
        ]
    )

    assert descriptions(result) == ["SWIGGY BANGALORE", "PAYMENT RECEIVED"]
    assert result.check.verdict == Verdict.AGREES


def test_two_dates_titled_over_two_lines_where_the_first_line_names_one():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Statement date 14 Mar 2025")),
                words_of(
                    200,
                    (41, "Transaction"),
                    (103, "Date"),
                    (155, "Description"),
                    (554, "Amount £", "right"),
                ),
                words_of(209, (41, "date"), (103, "posted")),
                words_of(
                    225,
                    (41, "15 Feb"),
                    (103, "17 Feb"),
                    (155, "WAITROSE & PARTNERS 734"),
                    (545, "62.18", "right"),
                ),
            )
        ]
    )

    assert [(str(r.date), str(r.posting_date)) for r in result.rows] == [
        ("2025-02-15", "2025-02-17")
    ]


def test_swedish_and_german_booking_day_abbreviations_title_the_dates():
    seb = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (44, "Bokf.dag"),
                    (100, "Valutadag"),
                    (155, "Text / Mottagare"),
                    (423, "Belopp", "right"),
                    (504, "Saldo", "right"),
                ),
                words_of(212, (155, "INGÅENDE SALDO 2025-03-31"), (504, "18 432,55", "right")),
                words_of(
                    225,
                    (44, "2025-04-01"),
                    (100, "2025-03-31"),
                    (155, "ICA NARA SVEAVAGEN/25-03-30"),
                    (423, "-287,40", "right"),
                    (504, "18 145,15", "right"),
                ),
            )
        ]
    )
    sparda = read_statement(
        [
            page(
                1,
                words_of(100, (330, "Erstellt am 01.04.2025")),
                words_of(
                    200,
                    (50, "Bu-Tag"),
                    (88, "Wert"),
                    (130, "Vorgang / Buchungsinformation"),
                    (548, "Betrag EUR", "right"),
                ),
                words_of(
                    212,
                    (130, "alter Kontostand vom 28.02.2025"),
                    (540, "1.512,40", "right"),
                    (543, "H"),
                ),
                words_of(
                    227,
                    (50, "03.03."),
                    (88, "01.03."),
                    (130, "Dauerauftrag Immobilien Krüger GmbH"),
                    (542, "845,00", "right"),
                    (545, "S"),
                ),
            )
        ]
    )

    assert [(str(r.date), r.description) for r in seb.rows] == [
        ("2025-04-01", "ICA NARA SVEAVAGEN/25-03-30")
    ]
    assert [(str(r.date), r.description) for r in sparda.rows] == [
        ("2025-03-03", "Dauerauftrag Immobilien Krüger GmbH")
    ]


def test_checks_named_by_their_sections_heading_beside_a_note():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    180,
                    (40, "Checks Paid"),
                    (110, "No. Checks:"),
                    (157, "2"),
                    (200, "*Indicates break in serial sequence or check processed electronically"),
                ),
                words_of(195, (40, "DATE"), (100, "SERIAL NO."), (230, "AMOUNT", "right")),
                words_of(210, (40, "02/26"), (100, "1041"), (230, "1,450.00", "right")),
                words_of(225, (40, "03/13"), (100, "1042"), (230, "65.00", "right")),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Check 1041", Decimal("1450.00")),
        ("Check 1042", Decimal("65.00")),
    ]


def test_a_sidebars_lines_between_a_row_and_its_wrapped_line():
    result = read_statement(
        [
            page(
                1,
                words_of(200, (40, "Date"), (110, "Description"), (380, "Amount", "right")),
                words_of(
                    220,
                    (40, "16/12/2024"),
                    (110, "PAYMENT - THANK YOU /"),
                    (380, "-1,356.22", "right"),
                ),
                words_of(225, (414, "Your Minimum Payment includes")),
                words_of(230, (110, "PAIEMENT - MERCI")),
                words_of(235, (414, "any past due amount.")),
                words_of(
                    245, (40, "17/12/2024"), (110, "SHOPPERS DRUG MART"), (380, "38.92", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == [
        "PAYMENT - THANK YOU / PAIEMENT - MERCI",
        "SHOPPERS DRUG MART",
    ]


def test_the_name_under_a_cards_heading_and_each_cardholders_net_total():
    lines = [
        words_of(100, (36, "Statement Date 15 Mar 2025")),
        header(150),
        words_of(170, (96, "DBS LIVE FRESH CARD"), (203, "CARD NO.: 4119 1100 1234 5678")),
        words_of(180, (96, "TAN WEI MING")),
        row(195, "16/02/2025", "NTUC FP-BEDOK MALL SINGAPORE SG", "86.45"),
        row(210, "18/02/2025", "PAYMENT - DBS INTERNET/WIRELESS", "681.21 CR"),
        words_of(225, (286, "NEW TRANSACTIONS TAN WEI MING"), (540, "594.76 CR", "right")),
        words_of(
            245, (96, "DBS LIVE FRESH CARD (SUPPLEMENTARY)"), (290, "CARD NO.: 4119 1100 9876 4321")
        ),
        words_of(255, (96, "LIM XIAO HUI")),
        row(270, "20/02/2025", "SINGTEL-IDEAS SINGAPORE SG", "72.80"),
        words_of(285, (286, "NEW TRANSACTIONS LIM XIAO HUI"), (540, "72.80", "right")),
        words_of(305, (96, "PREVIOUS BALANCE"), (540, "681.21", "right")),
        words_of(320, (96, "TOTAL"), (540, "159.25", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        ("TAN WEI MING", "5678"),
        ("TAN WEI MING", "5678"),
        ("LIM XIAO HUI", "4321"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_kontosaldo_zu_ihren_gunsten_closes_the_statement_after_a_carried_balance():
    titles = words_of(
        200,
        (40, "Datum"),
        (88, "Text"),
        (370, "Belastung", "right"),
        (440, "Gutschrift", "right"),
        (555, "Saldo", "right"),
    )
    first = page(
        1,
        titles,
        words_of(212, (88, "Saldovortrag"), (555, "1'000.00", "right")),
        words_of(
            225,
            (40, "02.10.24"),
            (88, "Miete Oktober"),
            (370, "800.00", "right"),
            (555, "200.00", "right"),
        ),
        words_of(250, (88, "Übertrag"), (555, "200.00", "right")),
    )
    second = page(
        2,
        titles,
        words_of(212, (88, "Übertrag"), (555, "200.00", "right")),
        words_of(
            225,
            (40, "25.10.24"),
            (88, "Lohn Oktober"),
            (440, "5'000.00", "right"),
            (555, "5'200.00", "right"),
        ),
        words_of(
            240,
            (40, "31.10.24"),
            (88, "Kontoführung"),
            (370, "5.00", "right"),
            (555, "5'195.00", "right"),
        ),
        words_of(260, (88, "Kontosaldo zu Ihren Gunsten"), (555, "5'195.00", "right")),
    )
    result = read_statement([first, second])

    assert descriptions(result) == ["Miete Oktober", "Lohn Oktober", "Kontoführung"]
    assert result.check.verdict == Verdict.AGREES
    assert any("kontosaldo zu ihren gunsten" in c.lower() for c in result.check.checked)


def test_erlauterung_titles_the_descriptions_and_their_dated_lines():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (44, "Buchung"),
                    (94, "Valuta"),
                    (148, "Erläuterung"),
                    (551, "Betrag EUR", "right"),
                ),
                words_of(
                    215,
                    (44, "03.03.2025"),
                    (94, "28.02.2025"),
                    (148, "Kartenzahlung girocard EDEKA"),
                    (551, "64,37 -", "right"),
                ),
                words_of(225, (148, "28.02.2025 18:42 Uhr Karte 2")),
                words_of(
                    240,
                    (44, "04.03.2025"),
                    (94, "04.03.2025"),
                    (148, "SEPA-Lastschrift Vodafone"),
                    (551, "78,00 -", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == [
        "Kartenzahlung girocard EDEKA 28.02.2025 18:42 Uhr Karte 2",
        "SEPA-Lastschrift Vodafone",
    ]


def test_titles_over_three_lines_with_qualifiers_in_parentheses():
    def line(y, *cells):
        return words_of(y, *cells, size=7)

    lines = [
        line(
            94,
            (32, "TRAN"),
            (76, "VALUE"),
            (408, "WITHDRAWAL", "right"),
            (480, "DEPOSIT", "right"),
            (563, "BALANCE", "right"),
        ),
        line(99, (122, "NARRATION"), (300, "CHQ.NO.")),
        line(
            104,
            (32, "DATE"),
            (76, "DATE"),
            (408, "(DR)", "right"),
            (480, "(CR)", "right"),
            (563, "(INR)", "right"),
        ),
        line(120, (122, "Opening Balance"), (563, "86,046.24 Cr", "right")),
        line(
            135,
            (30, "31-03-2025"),
            (76, "31-03-2025"),
            (122, "Int.Pd:31890100012345:"),
            (480, "412.00", "right"),
            (563, "86,458.24 Cr", "right"),
        ),
        line(144, (122, "01-01-2025 to 31-03-2025")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("Int.Pd:31890100012345: 01-01-2025 to 31-03-2025", Decimal("-412.00"))
    ]


def test_date_of_over_trans_titles_the_transaction_dates():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Statement date 15 Mar 2025")),
                words_of(
                    200,
                    (40, "Date of"),
                    (83, "Date"),
                    (127, "Description"),
                    (464, "Amount", "right"),
                ),
                words_of(209, (40, "trans."), (83, "posted"), (464, "£", "right")),
                words_of(
                    225,
                    (40, "16 Feb"),
                    (83, "17 Feb"),
                    (127, "TESCO STORES 2841 LONDON GB"),
                    (464, "23.45", "right"),
                ),
            )
        ]
    )

    assert [(str(r.date), str(r.posting_date)) for r in result.rows] == [
        ("2025-02-16", "2025-02-17")
    ]


def test_chinese_words_before_a_cardholders_heading_and_a_new_balance():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "結單日 Statement Date 22/05/2025")),
                header(),
                words_of(
                    215,
                    (44, "主卡PRINCIPAL CARD"),
                    (147, ": CHAN TAI MAN"),
                    (300, "4563 XXXX XXXX 1208"),
                ),
                row(230, "23/04/2025", "PARKNSHOP (HK) LTD", "412.60"),
                row(245, "24/04/2025", "多謝付款 PAYMENT - THANK YOU", "8,426.30 CR"),
                words_of(265, (110, "本期結欠 NEW BALANCE"), (540, "1,000.00", "right")),
                words_of(280, (110, "上期結欠 PREVIOUS BALANCE"), (540, "9,013.70", "right")),
            )
        ]
    )

    assert [(r.cardholder, r.description) for r in result.rows] == [
        ("CHAN TAI MAN", "PARKNSHOP (HK) LTD"),
        ("CHAN TAI MAN", "多謝付款 PAYMENT - THANK YOU"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_words_of_one_letter_spaced_as_words_are_not_joined():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "05/11/2024", "ARRIENDOS LA CASTELLANA S A S", "1,850,000.00"),
            )
        ]
    )

    assert descriptions(result) == ["ARRIENDOS LA CASTELLANA S A S"]


def test_a_spanish_account_whose_only_titled_dates_are_value_dates():
    titles = words_of(
        200,
        (48, "F. Oper."),
        (96, "Concepto"),
        (372, "F. Valor"),
        (470, "Importe", "right"),
        (548, "Saldo", "right"),
    )
    first = page(
        1,
        words_of(100, (48, "Periodo 16/12/2024 - 15/01/2025")),
        words_of(180, (48, "MOVIMIENTOS DE LA CUENTA")),
        titles,
        words_of(212, (96, "SALDO ANTERIOR"), (548, "1.642,33", "right")),
        words_of(
            227,
            (48, "16/12"),
            (96, "COMPRA TARJ. MERCADONA GOYA-MADRID"),
            (372, "14/12"),
            (470, "-62,47", "right"),
            (548, "1.579,86", "right"),
        ),
        words_of(250, (96, "SUMA Y SIGUE"), (548, "1.579,86", "right")),
    )
    second = page(
        2,
        titles,
        words_of(212, (96, "VIENE DE PÁGINA ANTERIOR"), (548, "1.579,86", "right")),
        words_of(
            227,
            (48, "07/01"),
            (96, "DEVOLUCION COMPRA TARJ. ZARA"),
            (372, "07/01"),
            (470, "29,95", "right"),
            (548, "1.609,81", "right"),
        ),
        words_of(250, (96, "SALDO A 15/01/2025"), (548, "1.609,81", "right")),
    )
    result = read_statement([first, second])

    assert [(str(r.date), r.description, r.cardholder) for r in result.rows] == [
        ("2024-12-16", "COMPRA TARJ. MERCADONA GOYA-MADRID", None),
        ("2025-01-07", "DEVOLUCION COMPRA TARJ. ZARA", None),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_check_titled_over_number_names_the_checks():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (36, "Statement period activity summary 12/17/2024 - 1/16/2025")),
                words_of(
                    190,
                    (74, "Check"),
                    (420, "Deposits/", "right"),
                    (496, "Withdrawals/", "right"),
                    (574, "Ending daily", "right"),
                ),
                words_of(
                    199,
                    (36, "Date"),
                    (67, "Number"),
                    (108, "Description"),
                    (420, "Additions", "right"),
                    (496, "Subtractions", "right"),
                    (574, "balance", "right"),
                ),
                words_of(215, (36, "12/19"), (67, "1041"), (496, "250.00", "right")),
                words_of(
                    230,
                    (36, "12/20"),
                    (108, "Purchase authorized on 12/18 Safeway"),
                    (496, "84.12", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Check 1041", "Purchase authorized on 12/18 Safeway"]


def test_czech_and_finnish_foreign_amount_lines_and_carried_balances():
    first = page(
        1,
        words_of(100, (40, "Výpis z účtu za období 16.05.2025 - 15.06.2025")),
        words_of(
            200, (40, "Datum"), (110, "Popis"), (480, "Částka", "right"), (555, "Zůstatek", "right")
        ),
        words_of(212, (110, "Počáteční zůstatek"), (555, "10 000,00", "right")),
        words_of(
            227,
            (40, "26.05."),
            (110, "Platba kartou BILLA AG 1124, WIEN"),
            (480, "-964,03", "right"),
            (555, "9 035,97", "right"),
        ),
        words_of(237, (110, "Částka v cizí měně: 38,40 EUR, kurz: 25,105")),
        words_of(260, (110, "Převod na další stranu"), (555, "9 035,97", "right")),
    )
    second = page(
        2,
        words_of(
            200, (40, "Datum"), (110, "Popis"), (480, "Částka", "right"), (555, "Zůstatek", "right")
        ),
        words_of(212, (110, "Převod z předchozí strany"), (555, "9 035,97", "right")),
        words_of(
            227,
            (40, "28.05."),
            (110, "KORTTIOSTO STEAMGAMES.COM BELLEVUE US"),
            (480, "-18,23", "right"),
            (555, "9 017,74", "right"),
        ),
        words_of(237, (110, "ALKUP. 19,99 USD KURSSI 1,0968")),
        words_of(260, (110, "Konečný zůstatek"), (555, "9 017,74", "right")),
    )
    result = read_statement([first, second])

    read = [(r.description, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("Platba kartou BILLA AG 1124, WIEN", Decimal("38.40"), "EUR"),
        ("KORTTIOSTO STEAMGAMES.COM BELLEVUE US", Decimal("19.99"), "USD"),
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_payment_slip_to_tear_off_heads_no_section():
    first = page(
        1,
        words_of(100, (43, "Statement date 14 Feb 2025")),
        words_of(
            200,
            (43, "Date"),
            (98, "Posted"),
            (150, "Transaction details"),
            (500, "Amount £", "right"),
        ),
        words_of(212, (150, "Balance from previous statement"), (500, "100.00", "right")),
        words_of(
            227,
            (43, "15 Jan 25"),
            (98, "16 Jan 25"),
            (150, "TESCO STORES 2841 LEEDS GB"),
            (500, "23.45", "right"),
        ),
        words_of(640, (409, "continued overleaf")),
        words_of(680, (43, "aqua"), (75, "PAYMENT SLIP"), (363, "Account number ending 3107")),
        words_of(
            690, (43, "MRS SARAH J WHITFIELD"), (359, "Minimum payment"), (500, "25.00", "right")
        ),
    )
    second = page(
        2,
        words_of(
            200,
            (43, "Date"),
            (98, "Posted"),
            (150, "Transaction details"),
            (500, "Amount £", "right"),
        ),
        words_of(
            215,
            (43, "31 Jan 25"),
            (98, "3 Feb 25"),
            (150, "BOOTS 1172 BRIGGATE LEEDS GB"),
            (500, "12.79", "right"),
        ),
        words_of(240, (150, "NEW BALANCE"), (500, "136.24", "right")),
    )
    result = read_statement([first, second])

    assert amounts(result) == [Decimal("23.45"), Decimal("12.79")]
    assert result.check.verdict == Verdict.AGREES


def test_a_note_that_the_table_goes_on_beside_the_carried_balance():
    result = read_statement(
        [
            bank_page(
                bank_row(
                    225, "12/03/2025", "CARD PAYMENT TO DELIVEROO", out="27.40", balance="972.60"
                ),
                bank_row(
                    240,
                    "13/03/2025",
                    "TRANSFER TO 09-01-29 41827743",
                    out="200.00",
                    balance="772.60",
                ),
                words_of(250, (110, "EASY SAVER")),
                words_of(265, (110, "Continued on next page"), (540, "772.60", "right")),
            )
        ]
    )

    assert descriptions(result) == [
        "CARD PAYMENT TO DELIVEROO",
        "TRANSFER TO 09-01-29 41827743 EASY SAVER",
    ]


def test_a_closing_balance_line_after_asterisks():
    result = read_statement(
        [
            page(
                1,
                words_of(200, (40, "Text"), (300, "Buchung"), (555, "Betrag in EUR", "right")),
                words_of(212, (40, "*** Kontostand zum 31.01.2025"), (555, "1.000,00+", "right")),
                words_of(
                    227,
                    (40, "LASTSCHRIFT Stadtwerke"),
                    (300, "03.02.2025"),
                    (555, "86,00-", "right"),
                ),
                words_of(242, (40, "*** Kontostand zum 28.02.2025"), (555, "914,00+", "right")),
            )
        ]
    )

    assert descriptions(result) == ["LASTSCHRIFT Stadtwerke"]
    assert result.check.verdict == Verdict.AGREES


def test_a_czech_exchange_line_under_a_card_payment():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "07.11.2025", "Platba kartou BOLT.EU TALLINN", "-194,61"),
                words_of(230, (110, "Směna: 7,80 EUR, kurz 24,950")),
                words_of(240, (110, "Karta: 5167 39** **** 3381")),
                row(255, "08.11.2025", "Platba kartou ALBERT PRAHA", "-312,40"),
            )
        ]
    )

    read = [(r.description, r.original_currency) for r in result.rows]
    assert read == [
        ("Platba kartou BOLT.EU TALLINN Karta: 5167 39** **** 3381", "EUR"),
        ("Platba kartou ALBERT PRAHA", None),
    ]


def test_buchungsinformation_titles_the_descriptions_with_a_date_in_them():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (48, "Buchung"),
                    (92, "Wert"),
                    (130, "Vorgang/Buchungsinformation"),
                    (470, "Soll", "right"),
                    (546, "Haben", "right"),
                ),
                words_of(
                    215,
                    (48, "16.12."),
                    (92, "16.12."),
                    (130, "Lastschrift Techniker Krankenkasse"),
                    (470, "- 58,00", "right"),
                ),
                words_of(225, (130, "Beitrag Zusatzversicherung"), (243, "12/24")),
                words_of(
                    240,
                    (48, "17.12."),
                    (92, "17.12."),
                    (130, "Gutschrift Gehalt"),
                    (546, "+ 2.687,43", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == [
        "Lastschrift Techniker Krankenkasse Beitrag Zusatzversicherung 12/24",
        "Gutschrift Gehalt",
    ]


def test_dutch_column_sums_carried_over_a_page():
    titles = words_of(
        200,
        (40, "Datum"),
        (110, "Omschrijving"),
        (470, "Bedrag af", "right"),
        (546, "Bedrag bij", "right"),
    )
    first = page(
        1,
        titles,
        words_of(227, (40, "20-01"), (110, "Albert Heijn 1234 Utrecht"), (470, "43,70", "right")),
        words_of(
            250,
            (110, "Transport naar volgend blad"),
            (470, "43,70", "right"),
            (546, "0,00", "right"),
        ),
    )
    second = page(
        2,
        titles,
        words_of(
            212, (110, "Transport van vorig blad"), (470, "43,70", "right"), (546, "0,00", "right")
        ),
        words_of(227, (40, "25-01"), (110, "Salaris januari"), (546, "2.300,00", "right")),
    )
    result = read_statement([first, second])

    assert descriptions(result) == ["Albert Heijn 1234 Utrecht", "Salaris januari"]


def test_a_turnover_total_is_no_row():
    result = read_statement(
        [
            bank_page(
                bank_row(
                    225, "02/06/2025", "Debit card payment Migros", out="86.35", balance="913.65"
                ),
                bank_row(240, "25/06/2025", "Salary ACME AG", into="5,000.00", balance="5,913.65"),
                words_of(
                    260,
                    (110, "Turnover total"),
                    (380, "86.35", "right"),
                    (460, "5,000.00", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Debit card payment Migros", "Salary ACME AG"]


def test_a_cards_product_in_the_headings_first_cell_and_its_holder_in_the_last():
    result = holders_of(
        [(40, "UOB ONE CARD"), (156, "4265-8803-1120-4417"), (296, "TAN WEI MING")],
        [(40, "UOB ONE CARD"), (156, "4265-8803-1120-6602"), (296, "LIM HUI LING")],
    )

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        ("TAN WEI MING", "4417"),
        ("LIM HUI LING", "6602"),
    ]


def test_an_umsatztotal_is_no_row():
    result = read_statement(
        [
            bank_page(
                bank_row(
                    225, "03/03/2025", "KAUF/DIENSTLEISTUNG MIGROS", out="86.35", balance="913.65"
                ),
                bank_row(240, "25/03/2025", "GUTSCHRIFT LOHN", into="1,401.31", balance="2,314.96"),
                words_of(
                    260, (110, "Umsatztotal"), (380, "86.35", "right"), (460, "1,401.31", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["KAUF/DIENSTLEISTUNG MIGROS", "GUTSCHRIFT LOHN"]


def test_a_category_named_like_a_carried_balance_on_a_rows_line():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    200,
                    (40, "DATE"),
                    (116, "TRANSACTION DETAILS"),
                    (366, "MERCHANT CATEGORY"),
                    (553, "AMOUNT (Rs.)", "right"),
                ),
                words_of(
                    215,
                    (40, "04/01/2025"),
                    (116, "MYNTRA DESIGNS PVT LTD"),
                    (366, "APPAREL"),
                    (553, "899.00 Dr", "right"),
                ),
                words_of(
                    230,
                    (40, "05/01/2025"),
                    (116, "UBER INDIA SYSTEMS PVT LTD"),
                    (366, "TRANSPORT"),
                    (553, "412.37 Dr", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("MYNTRA DESIGNS PVT LTD", Decimal("899.00")),
        ("UBER INDIA SYSTEMS PVT LTD", Decimal("412.37")),
    ]


def test_a_headings_words_under_a_cards_heading_are_its_section():
    result = read_statement(
        [
            page(
                1,
                header(150),
                words_of(170, (96, "DBS LIVE FRESH CARD"), (203, "CARD NO.: 4119 1100 1234 5678")),
                words_of(180, (96, "PAYMENTS RECEIVED")),
                row(195, "18/02/2025", "PAYMENT - DBS INTERNET/WIRELESS", "681.21"),
            )
        ]
    )

    assert amounts(result) == [Decimal("-681.21")]


def test_a_reference_number_column_titled_in_french_is_no_part_of_the_description():
    # (The reference's title runs into the description's, as printed: no gap between them.)
    titles = [
        words_of(192, (40, "DATE DE"), (82, "DATE")),
        words_of(
            200,
            (40, "TRANS."),
            (82, "D'INSCR."),
            (130, "NO DE RÉFÉRENCE"),
            (192, "DESCRIPTION"),
            (540, "MONTANT", "right"),
        ),
    ]
    result = read_statement(
        [
            page(
                1,
                *titles,
                words_of(
                    215,
                    (40, "16 JANV"),
                    (82, "17 JANV"),
                    (130, "85230470016"),
                    (192, "IGA EXTRA QUEBEC QC"),
                    (540, "142,87", "right"),
                ),
                words_of(
                    230,
                    (40, "18 JANV"),
                    (82, "20 JANV"),
                    (130, "85410390018"),
                    (192, "SAQ SELECTION SAINTE-FOY QC"),
                    (540, "64,50", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["IGA EXTRA QUEBEC QC", "SAQ SELECTION SAINTE-FOY QC"]


def test_a_foreign_amount_with_its_currency_named_in_words_on_the_rows_line():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Transaction Details"),
        (380, "Foreign Spend"),
        (540, "Amount £", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (40, "Feb 16"),
                    (110, "MARRIOTT MARQUIS NEW YORK"),
                    (380, "612.40 U.S. Dollars"),
                    (540, "487.54", "right"),
                ),
                words_of(230, (40, "Feb 19"), (110, "THE IVY CHELSEA"), (540, "142.75", "right")),
            )
        ]
    )

    first = result.rows[0]
    assert first.description == "MARRIOTT MARQUIS NEW YORK"
    assert (first.original_amount, first.original_currency) == (Decimal("612.40"), "USD")
    assert first.amount == Decimal("487.54")


def test_a_summarys_currency_symbol_set_apart_between_a_label_and_its_figure():
    summary = [
        words_of(120, (40, "Previous balance"), (183, "£"), (250, "100.00", "right")),
        words_of(132, (40, "Payments and refunds"), (183, "£"), (250, "40.00 CR", "right")),
        words_of(144, (40, "New balance"), (183, "£"), (250, "110.00", "right")),
    ]
    result = read_statement(
        [
            page(
                1,
                *summary,
                header(200),
                row(215, "14/02/25", "PAYMENT RECEIVED THANK YOU", "40.00 CR"),
                row(230, "15/02/25", "SAINSBURYS WANDSWORTH", "50.00"),
            )
        ]
    )

    assert result.check.verdict == Verdict.AGREES
    assert amounts(result) == [Decimal("-40.00"), Decimal("50.00")]


def test_a_payments_heading_in_portuguese_and_an_additional_cards_heading():
    titles = words_of(100, (40, "Data"), (95, "Descrição"), (546, "Valor", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(121, (48, "PAGAMENTOS E FINANCIAMENTOS")),
                words_of(
                    142, (48, "14 FEV"), (95, "Pagamento em 14 FEV"), (546, "−R$ 950,10", "right")
                ),
                words_of(183, (48, "MARIA C OLIVEIRA"), (439, "Cartão final 4821")),
                words_of(204, (48, "08 FEV"), (95, "Ifood *Ifood"), (546, "R$ 58,90", "right")),
                words_of(222, (48, "JOÃO P OLIVEIRA"), (439, "Cartão adicional final 7710")),
                words_of(243, (48, "09 FEV"), (95, "Rappi Brasil"), (546, "R$ 47,80", "right")),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("Pagamento em 14 FEV", None),
        ("Ifood *Ifood", "MARIA C OLIVEIRA"),
        ("Rappi Brasil", "JOÃO P OLIVEIRA"),
    ]


def test_an_overdraft_limit_under_the_tables_summary_is_no_row():
    titles = words_of(
        200, (40, "Buchung"), (90, "Wert"), (145, "Vorgang"), (545, "Betrag EUR", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(212, (145, "Alter Kontostand"), (545, "1.000,00 +", "right")),
                words_of(
                    227,
                    (40, "03.03."),
                    (90, "03.03."),
                    (145, "Lastschrift"),
                    (545, "13,99 -", "right"),
                ),
                words_of(237, (145, "Netflix International B.V.")),
                words_of(
                    252,
                    (40, "28.03."),
                    (90, "28.03."),
                    (145, "Gutschrift"),
                    (545, "255,00 +", "right"),
                ),
                words_of(262, (145, "Familienkasse NRW-West")),
                words_of(
                    282,
                    (145, "Neuer Kontostand vom"),
                    (258, "31.03.2025"),
                    (535, "1.241,01", "right"),
                ),
                words_of(302, (145, "Summe Belastungen"), (545, "13,99 -", "right")),
                words_of(313, (145, "Summe Gutschriften"), (545, "255,00 +", "right")),
                words_of(324, (145, "Dispositionskredit"), (545, "3.000,00", "right")),
            )
        ]
    )

    assert descriptions(result) == [
        "Lastschrift Netflix International B.V.",
        "Gutschrift Familienkasse NRW-West",
    ]
    assert result.check.verdict == Verdict.AGREES


def test_a_figure_in_the_currency_the_amounts_title_names_is_the_rows_text():
    titles = words_of(200, (42, "DATE"), (100, "DESCRIPTION"), (553, "AMOUNT (SGD)", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215, (42, "21 FEB"), (100, "AMAZON WEB SERVICES"), (553, "35.12", "right")
                ),
                words_of(226, (100, "FOREIGN AMOUNT USD 25.99")),
                words_of(
                    238,
                    (42, "21 FEB"),
                    (100, "CCY CONVERSION FEE SGD 35.12"),
                    (553, "0.35", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.original_amount, r.original_currency) for r in result.rows] == [
        ("AMAZON WEB SERVICES", Decimal("25.99"), "USD"),
        ("CCY CONVERSION FEE SGD 35.12", None, None),
    ]


def test_a_brazilian_accounts_branch_batch_and_document_columns_are_no_text():
    titles = words_of(
        145,
        (40, "Dt. balancete"),
        (102, "Ag. origem"),
        (150, "Lote"),
        (186, "Histórico"),
        (352, "Documento"),
        (490, "Valor R$", "right"),
        (557, "Saldo", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    162,
                    (40, "28/02/2025"),
                    (186, "Saldo Anterior"),
                    (557, "3.217,84 C", "right"),
                ),
                words_of(
                    179,
                    (40, "03/03/2025"),
                    (102, "0000"),
                    (150, "14397"),
                    (186, "Pix - Recebido"),
                    (352, "30301"),
                    (490, "450,00 C", "right"),
                    (557, "3.667,84 C", "right"),
                ),
                words_of(
                    196,
                    (40, "03/03/2025"),
                    (102, "1607"),
                    (150, "13105"),
                    (186, "Pagamento de Boleto"),
                    (352, "30302"),
                    (490, "137,62 D", "right"),
                    (557, "3.530,22 C", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Pix - Recebido", "Pagamento de Boleto"]
    assert amounts(result) == [Decimal("-450.00"), Decimal("137.62")]


def test_a_balance_from_the_previous_month_opens_the_table():
    titles = words_of(
        200,
        (40, "Einkaufsdatum"),
        (160, "Beschreibung"),
        (470, "Gutschrift CHF", "right"),
        (555, "Belastung CHF", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(120, (44, "Saldo vom 25.02.2025"), (294, "CHF 1'846.35", "right")),
                words_of(132, (44, "Neuer Saldo zu unseren Gunsten"), (294, "CHF 84.60", "right")),
                titles,
                words_of(215, (160, "Saldo vom Vormonat"), (555, "1'846.35", "right")),
                words_of(
                    230,
                    (40, "28.02.2025"),
                    (160, "Ihre Zahlung - besten Dank"),
                    (470, "1'846.35", "right"),
                ),
                words_of(
                    245,
                    (40, "27.02.2025"),
                    (160, "Migros M Zürich Oerlikon"),
                    (555, "84.60", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("-1846.35"), Decimal("84.60")]
    assert result.check.verdict == Verdict.AGREES
    assert any("saldo vom vormonat" in phrase for phrase in result.check.checked)


def test_a_rule_drawn_in_box_characters_over_the_first_row_is_no_text():
    titles = words_of(
        180, (36, "Beschreibung"), (292, "Verbuchungsdatum"), (450, "Betrag", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(192, (36, "─" * 60)),
                words_of(
                    204, (36, "REWE Markt GmbH"), (292, "03.03.2025"), (450, "-47,83€", "right")
                ),
                words_of(
                    224,
                    (36, "BVG Berliner Verkehrsbetriebe"),
                    (292, "03.03.2025"),
                    (450, "-58,00€", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["REWE Markt GmbH", "BVG Berliner Verkehrsbetriebe"]


def test_your_new_balance_in_german_after_the_rows_is_no_row():
    titles = words_of(
        180, (36, "Beschreibung"), (292, "Verbuchungsdatum"), (450, "Betrag", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    204, (36, "REWE Markt GmbH"), (292, "03.03.2025"), (450, "-47,83€", "right")
                ),
                words_of(224, (36, "Lohn März"), (292, "28.03.2025"), (450, "+2.000,00€", "right")),
                words_of(260, (36, "Alter Kontostand 28.02.2025"), (450, "+100,00€", "right")),
                words_of(
                    272, (36, "Dein neuer Kontostand 31.03.2025"), (450, "+2.052,17€", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["REWE Markt GmbH", "Lohn März"]
    assert result.check.verdict == Verdict.AGREES


def test_a_rate_written_as_an_equation_after_the_foreign_amount():
    titles = words_of(
        133,
        (40, "Date"),
        (120, "Description"),
        (420, "Money out", "right"),
        (480, "Money in", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    150,
                    (40, "Mar 24, 2025"),
                    (120, "Payment from Nordwind Studio ApS"),
                    (480, "€1,999.95", "right"),
                ),
                words_of(161, (120, "DKK 14,920.00"), (200, "€1.00 = DKK 7.4602")),
            )
        ]
    )

    row = result.rows[0]
    assert (row.amount, row.original_amount, row.original_currency) == (
        Decimal("-1999.95"),
        Decimal("-14920.00"),
        "DKK",
    )


def test_a_currency_printed_before_its_title_starts_the_column():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Description"),
        (400, "(GBP) Amount"),
        (485, "(GBP) Balance"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    222,
                    (40, "03/03/2025"),
                    (110, "Stripe Payments UK Ltd"),
                    (400, "2,418.60"),
                    (485, "11,160.78"),
                ),
                words_of(
                    240,
                    (40, "03/03/2025"),
                    (110, "Google Workspace"),
                    (400, "-41.40"),
                    (485, "11,119.38"),
                ),
                words_of(
                    258,
                    (40, "05/03/2025"),
                    (110, "Pret A Manger"),
                    (400, "-8.95"),
                    (485, "11,110.43"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("-2418.60"), Decimal("41.40"), Decimal("8.95")]


def test_a_zero_figure_in_another_currency_stays_the_rows_text():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "31/12/2024", "Withholding tax 35% CHF 0.00", "0.00"),
                row(230, "31/12/2024", "Interest credit", "12.00"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount) == ("Withholding tax 35% CHF 0.00", None)


def test_a_french_initial_amount_line_under_a_card_payment():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "05/03/2025", "Carte AMAZON WEB SERVICES", "-41,62"),
                words_of(226, (110, "Montant initial : 45,00 USD")),
                row(240, "06/03/2025", "Carte SNCF CONNECT PARIS", "-89,00"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "Carte AMAZON WEB SERVICES",
        Decimal("45.00"),
        "USD",
    )


def test_the_accounts_other_transactions_after_the_card_members_are_nobodys():
    result = read_statement(
        [
            page(
                1,
                header(150),
                words_of(170, (40, "AMELIE BOUCHARD"), (300, "Card Number XXXX-XXXXXX-71009")),
                row(185, "03/03/2025", "METRO PLUS MONTREAL", "84.20"),
                words_of(205, (40, "Other Account Transactions")),
                row(220, "14/03/2025", "MONTHLY CARD FEE", "12.99"),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("METRO PLUS MONTREAL", "AMELIE BOUCHARD"),
        ("MONTHLY CARD FEE", None),
    ]


def test_titles_broken_over_two_lines_by_hyphens_name_the_two_dates():
    result = read_statement(
        [
            page(
                1,
                words_of(176, (40, "Reskontra-"), (103, "Transaktions-")),
                words_of(
                    188,
                    (40, "datum"),
                    (103, "datum"),
                    (180, "Text"),
                    (378, "Belopp", "right"),
                    (442, "Saldo", "right"),
                ),
                words_of(
                    203,
                    (40, "2025-02-03"),
                    (103, "2025-02-01"),
                    (180, "ICA NARA LINNEPLATSEN"),
                    (378, "-412,38", "right"),
                    (442, "18 019,79", "right"),
                ),
                words_of(
                    218,
                    (40, "2025-02-03"),
                    (103, "2025-02-02"),
                    (180, "SPOTIFY P2A4C9E1D7"),
                    (378, "-119,00", "right"),
                    (442, "17 900,79", "right"),
                ),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2025, 2, 1), date(2025, 2, 3)),
        (date(2025, 2, 2), date(2025, 2, 3)),
    ]


def test_a_transaction_amount_in_short_names_the_original_amount():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "12/12/2024", "POS-PURCHASE AMAZON.COM US", "448.94"),
                words_of(226, (110, "TXN AMT USD 120.00 @ 3.7412")),
                row(240, "14/12/2024", "CARREFOUR DUBAI", "120.00"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "POS-PURCHASE AMAZON.COM US",
        Decimal("120.00"),
        "USD",
    )


def test_a_slightly_wider_gap_between_rows_than_within_them_decides_their_lines():
    # Dates on the middle line of each row: within a row its lines are 10.5 apart, the rows
    # 13.5 apart.
    titles = words_of(
        200,
        (40, "DATA"),
        (98, "VALUTA"),
        (156, "DESCRIZIONE"),
        (468, "USCITE", "right"),
        (553, "ENTRATE", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(220, (156, "BONIFICO A VOSTRO FAVORE")),
                words_of(
                    230.5,
                    (40, "04.10.2024"),
                    (98, "04.10.2024"),
                    (156, "DA: ACME ITALIA SPA"),
                    (553, "2.480,00", "right"),
                ),
                words_of(241, (156, "CAUSALE: STIPENDIO")),
                words_of(251.5, (156, "CRO 0306909606123456")),
                words_of(
                    265,
                    (40, "07.10.2024"),
                    (98, "05.10.2024"),
                    (156, "PAGAMENTO POS FARMACIA"),
                    (468, "23,90", "right"),
                ),
                words_of(278.5, (156, "ADDEBITO SDD CORE")),
                words_of(
                    289,
                    (40, "10.10.2024"),
                    (98, "10.10.2024"),
                    (156, "TIM SPA"),
                    (468, "34,99", "right"),
                ),
                words_of(299.5, (156, "FATT. 7X03412024")),
            )
        ]
    )

    assert descriptions(result) == [
        "BONIFICO A VOSTRO FAVORE DA: ACME ITALIA SPA CAUSALE: STIPENDIO CRO 0306909606123456",
        "PAGAMENTO POS FARMACIA",
        "ADDEBITO SDD CORE TIM SPA FATT. 7X03412024",
    ]


@pytest.mark.parametrize(
    "heading", ["Compras parceladas - próximas faturas", "lançamentos futuros"]
)
def test_rows_of_statements_to_come_are_not_this_ones(heading):
    titles = words_of(200, (42, "DATA"), (88, "ESTABELECIMENTO"), (553, "VALOR EM R$", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (42, "06/12"), (88, "PAO DE ACUCAR-1254"), (553, "215,37", "right")),
                words_of(240, (42, heading)),
                words_of(
                    255, (42, "18/10"), (88, "MAGAZINE LUIZA 04/10"), (553, "389,90", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["PAO DE ACUCAR-1254"]


def test_a_brazilian_cards_heading_and_its_total_named_by_the_cards_number():
    titles = words_of(150, (42, "DATA"), (88, "ESTABELECIMENTO"), (553, "VALOR EM R$", "right"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(160, (42, "10/12"), (88, "ANUIDADE"), (553, "10,00", "right")),
                words_of(170, (42, "RENATA A FERREIRA (titular)"), (300, "final 3318")),
                words_of(185, (42, "06/12"), (88, "PAO DE ACUCAR-1254"), (553, "215,37", "right")),
                words_of(200, (42, "08/12"), (88, "UBER *TRIP"), (553, "32,90", "right")),
                words_of(215, (88, "Lançamentos no cartão (final 3318)"), (553, "248,27", "right")),
                words_of(235, (42, "PEDRO H FERREIRA (adicional)"), (300, "final 7702")),
                words_of(250, (42, "07/12"), (88, "SMARTFIT MORUMBI"), (553, "149,90", "right")),
                words_of(265, (88, "Lançamentos no cartão (final 7702)"), (553, "149,90", "right")),
                words_of(285, (42, "Total dos lançamentos"), (553, "398,17", "right")),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("ANUIDADE", None),
        ("PAO DE ACUCAR-1254", "RENATA A FERREIRA"),
        ("UBER *TRIP", "RENATA A FERREIRA"),
        ("SMARTFIT MORUMBI", "PEDRO H FERREIRA"),
    ]
    # (What the two cards spent, not the fee printed before them.)
    assert "“Total dos lançamentos” 398.17 (page 1) equals the totals above it" in (
        result.check.checked
    )


def test_a_total_under_a_subtotal_of_the_same_figure_may_be_the_new_balance():
    result = read_statement(
        [
            page(
                1,
                header(150),
                words_of(165, (110, "PREVIOUS BALANCE"), (540, "100.00", "right")),
                row(180, "15 DEC", "PAYMENT - DBS INTERNET/WIRELESS", "100.00 CR"),
                words_of(200, (110, "NEW TRANSACTIONS TAN WEI MING")),
                row(215, "16 DEC", "GRAB SINGAPORE SG", "20.00"),
                row(230, "18 DEC", "COLD STORAGE SINGAPORE SG", "30.00"),
                words_of(250, (110, "SUB-TOTAL"), (540, "50.00", "right")),
                words_of(265, (110, "TOTAL"), (540, "50.00", "right")),
            )
        ]
    )

    assert amounts(result) == [Decimal("-100.00"), Decimal("20.00"), Decimal("30.00")]
    assert result.check.verdict == Verdict.AGREES


def test_lira_signs_glued_to_amounts_and_turkish_carried_balances():
    titles = words_of(
        100,
        (43, "Tarih"),
        (152, "Açıklama"),
        (482, "İşlem Tutarı", "right"),
        (553, "Bakiye", "right"),
    )
    first = page(
        1,
        titles,
        words_of(115, (152, "Dönem Başı Bakiye"), (553, "₺38.420,15", "right")),
        words_of(
            130,
            (43, "01/10/2024"),
            (152, "FAST GİDEN - MEHMET DEMİR"),
            (482, "-₺12.500,00", "right"),
            (553, "₺25.920,15", "right"),
        ),
        words_of(150, (152, "Nakli Yekün"), (553, "₺25.920,15", "right")),
    )
    second = page(
        2,
        titles,
        words_of(115, (152, "Önceki Sayfadan Devreden"), (553, "₺25.920,15", "right")),
        words_of(
            130,
            (43, "08/10/2024"),
            (152, "HAVALE GELEN - ELİF KAYA"),
            (482, "+₺750,00", "right"),
            (553, "₺26.670,15", "right"),
        ),
    )
    result = read_statement([first, second])

    assert [(r.description, r.amount) for r in result.rows] == [
        ("FAST GİDEN - MEHMET DEMİR", Decimal("12500.00")),
        ("HAVALE GELEN - ELİF KAYA", Decimal("-750.00")),
    ]


def test_a_reference_id_column_is_no_part_of_the_description():
    titles = words_of(
        176,
        (36, "Date"),
        (92, "Description"),
        (292, "Ref. ID"),
        (392, "Debit", "right"),
        (448, "Credit", "right"),
        (510, "Balance", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    190,
                    (36, "Mar 02, 2025"),
                    (92, "Payment from UPWORK ESCROW INC"),
                    (292, "PY51839204"),
                    (448, "1,845.60", "right"),
                    (510, "5,095.60", "right"),
                ),
                words_of(
                    201,
                    (36, "Mar 03, 2025"),
                    (92, "Withdrawal fee"),
                    (292, "WD77120931"),
                    (392, "3.00", "right"),
                    (510, "5,092.60", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Payment from UPWORK ESCROW INC", "Withdrawal fee"]


def test_a_peruvian_header_over_three_lines_with_slashed_titles():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    170,
                    (36, "FECHA"),
                    (72, "FECHA"),
                    (296, "MED."),
                    (360, "NRO."),
                    (425, "CARGOS /"),
                    (484, "ABONOS /"),
                ),
                words_of(174, (110, "DESCRIPCION")),
                words_of(
                    178,
                    (36, "PROC."),
                    (72, "VALOR"),
                    (296, "ATENCION"),
                    (360, "OPERACION"),
                    (460, "DEBE", "right"),
                    (520, "HABER", "right"),
                ),
                words_of(
                    195,
                    (36, "16DIC"),
                    (72, "16DIC"),
                    (110, "COMPRA POS PLAZA VEA"),
                    (296, "POS"),
                    (360, "004512"),
                    (460, "214.60", "right"),
                ),
                words_of(
                    208,
                    (36, "17DIC"),
                    (72, "17DIC"),
                    (110, "YAPE DE ROSA QUISPE"),
                    (296, "BANCA MOVIL"),
                    (360, "118230"),
                    (520, "50.00", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("COMPRA POS PLAZA VEA", Decimal("214.60")),
        ("YAPE DE ROSA QUISPE", Decimal("-50.00")),
    ]


def test_a_foreign_amount_converted_at_a_rate_under_the_row():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "07/03/2025", "VISA DEBIT PURCHASE AWS EMEA", "41.62"),
                words_of(226, (110, "FOREIGN CURRENCY AMOUNT USD 27.10 CONVERTED AT 0.6512")),
                row(240, "08/03/2025", "WOOLWORTHS SYDNEY", "23.10"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount) == (
        "VISA DEBIT PURCHASE AWS EMEA",
        Decimal("27.10"),
    )


def test_a_spanish_sum_carried_over_a_page_and_the_balance_at_the_last_day():
    titles = words_of(
        110,
        (42, "Fecha"),
        (98, "F. Valor"),
        (154, "Concepto"),
        (432, "Importe", "right"),
        (494, "Saldo", "right"),
    )
    first = page(
        1,
        titles,
        words_of(125, (154, "SALDO ANTERIOR"), (494, "1.873,52€", "right")),
        words_of(
            140,
            (42, "03/03/2025"),
            (98, "03/03/2025"),
            (154, "RECIBO ENDESA"),
            (432, "-87,43€", "right"),
            (494, "1.786,09€", "right"),
        ),
        words_of(160, (154, "SUMA Y SIGUE"), (494, "1.786,09€", "right")),
    )
    second = page(
        2,
        titles,
        words_of(125, (154, "SUMA ANTERIOR"), (494, "1.786,09€", "right")),
        words_of(
            140,
            (42, "28/03/2025"),
            (98, "28/03/2025"),
            (154, "NOMINA ACME"),
            (432, "201,30€", "right"),
            (494, "1.987,39€", "right"),
        ),
        words_of(160, (154, "SALDO A 31/03/2025"), (494, "1.987,39€", "right")),
    )
    result = read_statement([first, second])

    assert descriptions(result) == ["RECIBO ENDESA", "NOMINA ACME"]
    assert result.check.verdict == Verdict.AGREES


def test_a_malaysian_cards_heading_over_its_number_and_its_total():
    result = read_statement(
        [
            page(
                1,
                header(150),
                words_of(170, (164, "KAD UTAMA / PRINCIPAL CARD AHMAD FAIZAL BIN ISMAIL")),
                words_of(180, (164, "4364 XXXX XXXX 2207")),
                row(195, "19 DEC", "PAYMENT - JOMPAY THANK YOU", "2,000.00 CR"),
                row(210, "20 DEC", "PETRONAS JALAN DUTA", "85.00"),
                words_of(
                    225,
                    (164, "JUMLAH / TOTAL FOR AHMAD FAIZAL BIN ISMAIL"),
                    (540, "1,915.00 CR", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [
        ("PAYMENT - JOMPAY THANK YOU", "AHMAD FAIZAL BIN ISMAIL"),
        ("PETRONAS JALAN DUTA", "AHMAD FAIZAL BIN ISMAIL"),
    ]


@pytest.mark.parametrize("sign", ["₺", "₽", "₪", "฿", "₱", "₦", "₴"])
def test_a_currencys_sign_glued_to_an_amount_or_set_before_it(sign):
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "12/03/2025", "HOTEL BOOKING", f"{sign}1.234,50"),
                row(230, "13/03/2025", "REFUND", f"-{sign}45,00"),
                row(245, "14/03/2025", "CARD PURCHASE", f"{sign} 12,00"),
                row(260, "15/03/2025", "GROCER", f"7,25{sign}"),
            )
        ]
    )

    assert amounts(result) == [
        Decimal("1234.50"),
        Decimal("-45.00"),
        Decimal("12.00"),
        Decimal("7.25"),
    ]


def test_a_heading_of_one_money_title_heads_a_section_not_a_table_of_figures():
    titles = words_of(150, (40, "Date"), (85, "Amount"), (160, "Description"))
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Beginning Balance"), (300, "$100.00", "right")),
                words_of(112, (40, "Ending Balance"), (300, "$1,050.00", "right")),
                words_of(135, (40, "Withdrawals / Debits")),
                titles,
                words_of(165, (40, "12/16"), (85, "50.00"), (160, "DEBIT CARD PURCHASE AT KROGER")),
                words_of(190, (40, "Deposits / Credits")),
                words_of(205, (40, "Date"), (85, "Amount"), (160, "Description")),
                words_of(220, (40, "12/20"), (85, "1,000.00"), (160, "DIRECT DEPOSIT ACME")),
            )
        ]
    )

    assert amounts(result) == [Decimal("50.00"), Decimal("-1000.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_spanish_note_that_the_table_goes_on_is_no_text():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "30/12/2024", "SPOTIFY P2B4C9 STOCKHOLM SWE", "129.00"),
                words_of(226, (110, "Continúa en la siguiente página")),
            ),
            page(2, header(100), row(115, "02/01/2025", "OXXO REFORMA", "45.50")),
        ]
    )

    assert descriptions(result) == ["SPOTIFY P2B4C9 STOCKHOLM SWE", "OXXO REFORMA"]


def test_a_heading_of_purchases_and_balance_transfers_over_a_row():
    titles = words_of(
        98,
        (76, "Trans Date"),
        (136, "Reference Number"),
        (236, "Description"),
        (540, "Amount", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(113, (36, "Purchases, Balance Transfers & Other Charges (continued)")),
                words_of(
                    125,
                    (76, "01/02"),
                    (136, "2449215AB12"),
                    (236, "PUGET SOUND ENERGY BELLEVUE WA"),
                    (540, "118.42", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["PUGET SOUND ENERGY BELLEVUE WA"]


def test_a_sidebar_right_of_a_last_column_of_descriptions_is_no_text():
    titles = words_of(150, (40, "Date"), (85, "Amount"), (160, "Description"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    165,
                    (40, "12/16"),
                    (85, "64.27"),
                    (160, "DEBIT CARD PURCHASE AT KROGER"),
                    (485, "Bank on the go."),
                ),
                words_of(175, (160, "CINCINNATI OH"), (485, "Deposit checks,")),
                words_of(
                    187,
                    (40, "12/18"),
                    (85, "45.00"),
                    (160, "ATM WITHDRAWAL 5/3 BANK 8TH & VINE"),
                    (485, "pay bills and"),
                ),
                words_of(199, (40, "12/19"), (85, "238.14"), (160, "WEB INITIATED PAYMENT")),
            )
        ]
    )

    assert descriptions(result) == [
        "DEBIT CARD PURCHASE AT KROGER CINCINNATI OH",
        "ATM WITHDRAWAL 5/3 BANK 8TH & VINE",
        "WEB INITIATED PAYMENT",
    ]


def test_a_finnish_account_with_its_type_column_and_a_balance_carried_to_the_next_page():
    titles = words_of(
        165,
        (38, "Kirj.pv"),
        (75, "Arvopv"),
        (111, "Tapahtuma"),
        (171, "Saaja/Maksaja"),
        (331, "Arkistointitunnus"),
        (482, "Määrä EUR", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(112, (38, "Jakso 16.12.2024 - 15.01.2025")),
                titles,
                words_of(
                    193,
                    (38, "16.12"),
                    (75, "16.12"),
                    (111, "KORTTIOSTO"),
                    (171, "K-CITYMARKET ESPOO"),
                    (331, "241216593497K01234"),
                    (482, "84,37-", "right"),
                ),
                words_of(
                    206,
                    (38, "17.12"),
                    (75, "17.12"),
                    (111, "E-LASKU"),
                    (171, "HELEN OY"),
                    (331, "241217593497K05678"),
                    (482, "96,15-", "right"),
                ),
                words_of(226, (171, "SIIRTYY SEURAAVALLE SIVULLE"), (482, "180,52-", "right")),
            )
        ]
    )

    assert [(r.date, r.description, r.amount) for r in result.rows] == [
        (date(2024, 12, 16), "K-CITYMARKET ESPOO", Decimal("84.37")),
        (date(2024, 12, 17), "HELEN OY", Decimal("96.15")),
    ]


def test_a_rows_last_line_ending_in_a_rate_stays_its_text():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "30/11/2024", "MONTHLY ACCOUNT MAINTENANCE FEE", "25.00"),
                row(230, "30/11/2024", "VAT ON MONTHLY ACCOUNT", "1.25"),
                words_of(240, (110, "MAINTENANCE FEE 5%")),
            )
        ]
    )

    assert descriptions(result)[1] == "VAT ON MONTHLY ACCOUNT MAINTENANCE FEE 5%"


def test_a_heading_of_advice_is_no_section_of_credits():
    result = read_statement(
        [
            page(
                1,
                header(200),
                words_of(215, (40, "If you miss a payment")),
                row(230, "20/12/2024", "TESCO STORES 2231 LONDON", "19.93"),
                row(245, "22/12/2024", "TFL TRAVEL CH", "27.40"),
            )
        ]
    )

    assert amounts(result) == [Decimal("19.93"), Decimal("27.40")]


def test_a_czech_header_over_two_lines_with_slashed_titles():
    def titles():
        return [
            words_of(
                83,
                (30, "Datum"),
                (66, "Popis transakce"),
                (258, "Protiúčet /"),
                (346, "VS"),
                (500, "Částka CZK", "right"),
            ),
            words_of(92, (66, "Název protiúčtu / zpráva"), (258, "kód banky")),
        ]

    def entry(y, day, kind, account, vs, amount, name):
        return [
            words_of(
                y,
                (30, day),
                (66, kind),
                (258, account),
                (346, vs),
                (500, amount, "right"),
            ),
            words_of(y + 10, (66, name)),
        ]

    result = read_statement(
        [
            page(
                1,
                *titles(),
                *entry(
                    109,
                    "16.12.2024",
                    "Příchozí úhrada",
                    "2801234567/2010",
                    "2024118",
                    "48 400,00",
                    "NOVÁK TRANS S.R.O.",
                ),
                *entry(
                    139,
                    "18.12.2024",
                    "Odchozí úhrada",
                    "2010060717/0710",
                    "1224",
                    "-24 870,00",
                    "VŠEOBECNÁ ZDRAVOTNÍ POJIŠŤOVNA",
                ),
            ),
            page(
                2,
                *titles(),
                *entry(
                    109,
                    "02.01.2025",
                    "Odchozí úhrada",
                    "123-4567890/0100",
                    "125",
                    "-1 500,00",
                    "NÁJEM BYTU",
                ),
            ),
        ]
    )

    assert descriptions(result) == [
        "Příchozí úhrada NOVÁK TRANS S.R.O.",
        "Odchozí úhrada VŠEOBECNÁ ZDRAVOTNÍ POJIŠŤOVNA",
        "Odchozí úhrada NÁJEM BYTU",
    ]


def test_a_dutch_sum_carried_to_the_next_page_in_either_spelling():
    titles = words_of(
        200, (40, "Datum"), (110, "Omschrijving"), (470, "Af", "right"), (546, "Bij", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(212, (40, "12-12"), (110, "Albert Heijn 1234"), (470, "43,70", "right")),
                words_of(
                    232,
                    (110, "Transport naar volgende blad"),
                    (470, "43,70", "right"),
                    (546, "0,00", "right"),
                ),
            ),
            page(
                2,
                titles,
                words_of(227, (40, "25-12"), (110, "Salaris december"), (546, "2.300,00", "right")),
            ),
        ]
    )

    assert descriptions(result) == ["Albert Heijn 1234", "Salaris december"]


def test_swedish_booking_transaction_and_value_dates_titled_in_short():
    titles = words_of(
        200,
        (40, "Bokf.dag"),
        (95, "Trans.dag"),
        (150, "Valutadag"),
        (205, "Text"),
        (470, "Belopp", "right"),
        (540, "Saldo", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(212, (205, "Ingående saldo 2025-02-01"), (540, "18 432,50", "right")),
                words_of(
                    224,
                    (40, "2025-02-03"),
                    (95, "2025-02-01"),
                    (150, "2025-02-03"),
                    (205, "KORTKÖP ICA NÄRA SKÄRHOLMEN"),
                    (470, "-346,50", "right"),
                    (540, "18 086,00", "right"),
                ),
            )
        ]
    )

    first = result.rows[0]
    assert (first.date, first.posting_date, first.description) == (
        date(2025, 2, 1),
        date(2025, 2, 3),
        "KORTKÖP ICA NÄRA SKÄRHOLMEN",
    )


def test_a_rate_as_an_equation_with_the_currency_named_in_words():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "06.01.2025", "Kartenzahlung onl AIRBNB", "173,26"),
                words_of(226, (110, "Original 180,00 USD 1 Euro=1,0389 USD")),
                row(251, "07.01.2025", "Kartenzahlung REWE", "23,10"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "Kartenzahlung onl AIRBNB",
        Decimal("180.00"),
        "USD",
    )


def test_a_polish_original_amount_named_in_short():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "09.01.2025", "TRANSAKCJA KARTĄ BOOKING.COM AMSTERDAM", "193,55"),
                words_of(226, (110, "KWOTA ORYG.: 45,00 EUR KURS 4,3011")),
                row(240, "10.01.2025", "BIEDRONKA WARSZAWA", "42,10"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "TRANSAKCJA KARTĄ BOOKING.COM AMSTERDAM",
        Decimal("45.00"),
        "EUR",
    )


def test_a_french_subtotal_in_two_words_is_no_row():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "03/03/2025", "CB CARREFOUR", out="85.20", balance="914.80"),
                bank_row(240, "05/03/2025", "VIR SALAIRE", into="1,711.99", balance="2,626.79"),
                words_of(
                    255, (110, "SOUS TOTAL"), (380, "85.20", "right"), (460, "1,711.99", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["CB CARREFOUR", "VIR SALAIRE"]


def test_a_balance_carried_to_the_next_page_under_two_names():
    titles = words_of(
        200,
        (40, "Buchung"),
        (110, "Vorgang"),
        (470, "Soll EUR", "right"),
        (546, "Haben EUR", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(212, (110, "Alter Kontostand"), (546, "+2.318,40 EUR", "right")),
                words_of(227, (40, "03.03."), (110, "Lastschrift REWE"), (470, "-18,32", "right")),
                words_of(
                    242, (110, "Kontostand/Übertrag auf Seite 2"), (546, "+2.300,08", "right")
                ),
            ),
            page(
                2,
                titles,
                words_of(212, (110, "Übertrag von Seite 1"), (546, "+2.300,08", "right")),
                words_of(
                    227, (40, "10.03."), (110, "Gutschrift Gehalt"), (546, "+1.800,00", "right")
                ),
            ),
        ]
    )

    assert descriptions(result) == ["Lastschrift REWE", "Gutschrift Gehalt"]


def test_an_end_of_day_balance_column_beside_the_amounts():
    titles = words_of(
        200,
        (40, "Date (UTC)"),
        (100, "Description"),
        (358, "Type"),
        (460, "Amount", "right"),
        (463, "End of Day Balance"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (40, "Mar 03"),
                    (100, "Stripe Transfer"),
                    (358, "ACH"),
                    (460, "$12,480.55", "right"),
                    (555, "$60,695.92", "right"),
                ),
                words_of(
                    230,
                    (40, "Mar 04"),
                    (100, "Amazon Web Services"),
                    (358, "Card"),
                    (460, "–$2,314.87", "right"),
                    (555, "$58,381.05", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Stripe Transfer", "Amazon Web Services"]


def cheque_page(*lines):
    titles = words_of(
        200,
        (40, "Date"),
        (80, "Check"),
        (130, "Description"),
        (420, "Withdrawals", "right"),
        (520, "Balance", "right"),
    )
    numbers = words_of(209, (80, "Number"))
    return page(1, titles, numbers, *lines)


def test_a_cheque_described_only_as_such_is_named_by_its_number():
    result = read_statement(
        [
            cheque_page(
                words_of(
                    225,
                    (40, "1/16/24"),
                    (80, "1041"),
                    (130, "Check"),
                    (420, "350.00", "right"),
                    (520, "650.00", "right"),
                ),
                words_of(
                    240,
                    (40, "1/17/24"),
                    (130, "Safeway #1487 San Jose CA"),
                    (420, "86.42", "right"),
                    (520, "563.58", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Check 1041", "Safeway #1487 San Jose CA"]


def test_a_note_that_the_rows_go_on_on_a_numbered_page_is_no_row_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "CANADIAN TIRE #0264 RETURN", "54.99"),
                words_of(240, (110, "Continued on page 3")),
            )
        ]
    )

    assert descriptions(result) == ["CANADIAN TIRE #0264 RETURN"]


def test_a_document_number_column_keeps_its_zeros_out_of_the_descriptions():
    titles = words_of(
        200,
        (40, "Fecha"),
        (80, "N° Docto."),
        (140, "Descripción"),
        (420, "Cargos", "right"),
        (480, "Abonos", "right"),
    )
    rows = [
        words_of(215 + 14 * k, (40, f"0{k + 1}/03/2024"), (80, number), (140, text), cell)
        for k, (number, text, cell) in enumerate(
            [
                ("0", "Pago PAC Enel", (420, "48.930", "right")),
                ("8841203", "Cheque Pagado por Caja", (420, "350.000", "right")),
                ("0", "Abono Remuneración", (480, "2.480.000", "right")),
                ("0", "Compra Lider Express", (420, "37.460", "right")),
                ("0", "Giro Cajero Automático", (420, "100.000", "right")),
                ("0", "Compra Jumbo", (420, "128.745", "right")),
            ]
        )
    ]
    result = read_statement([page(1, titles, *rows)])

    assert descriptions(result)[:3] == [
        "Pago PAC Enel",
        "Cheque Pagado por Caja",
        "Abono Remuneración",
    ]
    assert amounts(result)[2] == Decimal("-2480000")


def test_an_original_amount_and_a_rate_to_two_places_named_as_such():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/03/2024", "Compra Internacional NETFLIX.COM", "12,541.00"),
                words_of(230, (110, "Monto origen"), (180, "USD 12.99"), (240, "T/C 965.40")),
                row(245, "14/03/2024", "Pago en Línea Entel PCS", "32,990.00"),
            )
        ]
    )

    assert descriptions(result) == ["Compra Internacional NETFLIX.COM", "Pago en Línea Entel PCS"]
    assert (result.rows[0].original_amount, result.rows[0].original_currency) == (
        Decimal("12.99"),
        "USD",
    )


def test_two_titles_second_lines_run_together_under_their_first_words():
    titles = words_of(
        200,
        (42, "Data"),
        (94, "Data"),
        (146, "Descriere tranzacție"),
        (400, "Debit", "right"),
        (470, "Credit", "right"),
        (553, "Sold", "right"),
    )
    # "înregistrării" ends 1.8 points before "tranzacției" starts, right under the second
    # "Data".
    first = box(42, 209, "înregistrării", 7.4)
    lower = [(*first[:2], 92.2, *first[3:]), box(94, 209, "tranzacției", 7.4)]
    result = read_statement(
        [
            page(
                1,
                titles,
                lower,
                words_of(
                    225,
                    (42, "02.05.2024"),
                    (94, "30.04.2024"),
                    (146, "Cumpărare POS KAUFLAND"),
                    (400, "287,64", "right"),
                    (553, "8.454,72", "right"),
                ),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2024, 4, 30), date(2024, 5, 2))
    ]


def test_a_third_line_of_titles_under_titles_close_together():
    upper = words_of(
        200,
        (36, "Transaction"),
        (88, "Posting"),
        (140, "Description"),
        (392, "Amount in", "right"),
        (462, "Amount (AED)", "right"),
    )
    # "Transaction" ends 5.5 points before "Posting": one cell, over two dates.
    upper = [w if w[4] != "Transaction" else (36, w[1], 82.5, *w[3:]) for w in upper]
    dates = words_of(208, (36, "Date"), (88, "Date"), (392, "Foreign", "right"))
    last = words_of(215.5, (392, "Currency", "right"))
    result = read_statement(
        [
            page(
                1,
                upper,
                dates,
                last,
                words_of(
                    228,
                    (36, "16/12/2024"),
                    (88, "17/12/2024"),
                    (140, "CARREFOUR CITY CENTRE DEIRA"),
                    (462, "412.35", "right"),
                ),
                words_of(
                    242,
                    (36, "21/12/2024"),
                    (88, "23/12/2024"),
                    (140, "BOOKING.COM HOTEL AMSTERDAM"),
                    (392, "EUR 612.00", "right"),
                    (462, "2,397.82", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["CARREFOUR CITY CENTRE DEIRA", "BOOKING.COM HOTEL AMSTERDAM"]
    assert result.rows[1].original_amount == Decimal("612.00")
    assert [r.posting_date for r in result.rows] == [date(2024, 12, 17), date(2024, 12, 23)]


def test_a_carried_balance_in_the_balance_column_is_no_row_text():
    titles = words_of(
        200,
        (42, "Data"),
        (146, "Descriere"),
        (400, "Debit", "right"),
        (470, "Credit", "right"),
        (553, "Sold", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (42, "16.05.2024"),
                    (146, "Cumpărare POS UBER BV AMSTERDAM"),
                    (400, "41,96", "right"),
                    (553, "12.446,35", "right"),
                ),
                words_of(227, (146, "SOLD REPORTAT"), (553, "12.446,35", "right")),
            ),
            page(
                2,
                titles,
                words_of(215, (146, "SOLD REPORTAT"), (553, "12.446,35", "right")),
                words_of(
                    227,
                    (42, "17.05.2024"),
                    (146, "Încasare transfer"),
                    (470, "350,00", "right"),
                    (553, "12.796,35", "right"),
                ),
            ),
        ]
    )

    assert descriptions(result) == ["Cumpărare POS UBER BV AMSTERDAM", "Încasare transfer"]
    assert amounts(result) == [Decimal("41.96"), Decimal("-350.00")]


def test_a_foreign_amount_line_opening_with_a_word_for_sum_is_no_total():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "16.05.2024", "Cumpărare POS SPOTIFY AB STOCKHOLM", "54,69"),
                words_of(230, (110, "Suma tranzacție:"), (190, "10,99 EUR,"), (240, "curs 4,9759")),
                row(245, "17.05.2024", "Plată factură Engie", "298,61"),
                words_of(265, (110, "TOTAL"), (540, "353,30", "right")),
            )
        ]
    )

    assert descriptions(result) == ["Cumpărare POS SPOTIFY AB STOCKHOLM", "Plată factură Engie"]
    assert result.rows[0].original_amount == Decimal("10.99")
    assert result.check.verdict == Verdict.AGREES


def test_a_cashback_table_s_balances_are_not_the_statement_s():
    result = read_statement(
        [
            page(
                1,
                words_of(150, (40, "Previous Balance"), (200, "AED 100.00", "right")),
                words_of(165, (40, "Total Amount Due"), (200, "AED 160.00", "right")),
                header(),
                row(220, "16/12/2024", "CARREFOUR CITY CENTRE", "40.00"),
                row(235, "17/12/2024", "ENOC AL QUOZ", "20.00"),
                words_of(260, (40, "CASHBACK SUMMARY")),
                words_of(
                    275,
                    (40, "Opening Balance"),
                    (140, "Earned This Month"),
                    (240, "Redeemed"),
                    (340, "Expired"),
                    (440, "Closing Balance"),
                ),
                words_of(
                    287,
                    (40, "AED 187.45"),
                    (140, "AED 92.10"),
                    (240, "AED 187.45"),
                    (340, "AED 0.00"),
                    (440, "AED 92.10"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("40.00"), Decimal("20.00")]
    assert result.check.verdict == Verdict.AGREES


def test_an_account_s_iban_beside_its_holder_is_no_card():
    titles = words_of(
        200, (42, "Data"), (110, "Descriere"), (470, "Debit", "right"), (553, "Sold", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(
                    120,
                    (40, "IONESCU ELENA-CRISTINA"),
                    (330, "IBAN"),
                    (417, "RO49 RZBR 0000 0600 1234 5678"),
                ),
                titles,
                words_of(
                    215,
                    (42, "02.05.2024"),
                    (110, "Plată factură Enel"),
                    (470, "214,80", "right"),
                    (553, "8.239,92", "right"),
                ),
            )
        ]
    )

    assert [(r.description, r.cardholder) for r in result.rows] == [("Plată factură Enel", None)]


def test_rows_dated_on_their_last_line_after_a_balance_brought_forward():
    titles = words_of(
        200,
        (36, "DATE"),
        (66, "TRANSACTION"),
        (320, "MONEY OUT", "right"),
        (400, "MONEY IN", "right"),
        (490, "BALANCE", "right"),
    )
    # (Printed as one string per line: the date's words run into the text's, no cell apart.)
    lines = [
        [(36, "16 DEC"), (66, "BALANCE BROUGHT FORWARD"), (490, "1,846.32", "right")],
        [(66, "SAINSBURYS S/MKTS")],
        [
            (36, "16 DEC"),
            (66, "CAMDEN TOWN GB"),
            (320, "54.38", "right"),
            (490, "1,791.94", "right"),
        ],
        [(66, "COSTA COFFEE")],
        [(36, "17 DEC"), (66, "KENTISH TOWN"), (320, "3.95", "right"), (490, "1,787.99", "right")],
    ]
    result = read_statement(
        [
            page(
                1,
                words_of(150, (36, "STATEMENT PERIOD 16 DECEMBER 2024 TO 15 JANUARY 2025")),
                titles,
                *(words_of(215 + 11.5 * k, *cells) for k, cells in enumerate(lines)),
            )
        ]
    )

    assert descriptions(result) == [
        "SAINSBURYS S/MKTS CAMDEN TOWN GB",
        "COSTA COFFEE KENTISH TOWN",
    ]


def test_an_amount_in_the_currency_the_titles_name_stays_in_the_description():
    titles = words_of(200, (40, "Bu-Tag"), (122, "Vorgang"), (520, "Betrag", "right"), (523, "EUR"))
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215, (40, "27.12.2024"), (122, "Gutschrift Amazon"), (520, "24,99 H", "right")
                ),
                words_of(225, (122, "Betrag"), (160, "24,99 EUR")),
                words_of(
                    240, (40, "30.12.2024"), (122, "Basislastschrift"), (520, "187,35 S", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["Gutschrift Amazon Betrag 24,99 EUR", "Basislastschrift"]
    assert result.rows[0].original_amount is None


def test_a_date_in_the_description_where_a_column_holds_the_value_dates():
    titles = words_of(
        200,
        (42, "Date"),
        (88, "Libellé"),
        (334, "Valeur"),
        (460, "Débit", "right"),
        (540, "Crédit", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(214, (88, "PRLV SEPA FREE MOBILE FACTURE DU")),
                words_of(
                    223,
                    (42, "27/12"),
                    (88, "20/12/2024"),
                    (334, "27/12"),
                    (460, "19,99", "right"),
                ),
                words_of(
                    238, (42, "30/12"), (88, "CB MONOPRIX"), (334, "30/12"), (460, "43,27", "right")
                ),
            )
        ]
    )

    assert descriptions(result)[0] == "PRLV SEPA FREE MOBILE FACTURE DU 20/12/2024"
    assert result.rows[0].posting_date != date(2024, 12, 20)


def test_a_balance_carried_over_with_its_date_in_words_is_no_row():
    titles = words_of(
        200, (42, "Date"), (100, "Libellé"), (460, "Débit", "right"), (540, "Crédit", "right")
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    214, (42, "02/01/2025"), (100, "PRLV SEPA DGFIP"), (460, "245,00", "right")
                ),
                words_of(
                    229,
                    (100, "SOLDE INTERMÉDIAIRE AU"),
                    (210, "02/01/2025"),
                    (262, "- À REPORTER"),
                    (540, "2 266,14", "right"),
                ),
            ),
            page(
                2,
                titles,
                words_of(
                    214, (100, "REPORT SOLDE AU"), (180, "02/01/2025"), (540, "2 266,14", "right")
                ),
                words_of(
                    229, (42, "03/01/2025"), (100, "CHEQUE N° 8800412"), (460, "165,00", "right")
                ),
            ),
        ]
    )

    assert descriptions(result) == ["PRLV SEPA DGFIP", "CHEQUE N° 8800412"]


def test_a_reference_title_run_into_the_description_s():
    titles = [
        box(32, 200, "Fecha"),
        box(72, 200, "Comprob."),
        box(112, 200, "Movimiento"),
        *words_of(
            200, (380, "Débito", "right"), (438, "Crédito", "right"), (494, "Saldo", "right")
        ),
    ]
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (32, "02/12/24"),
                    (72, "00451278"),
                    (112, "Compra con tarjeta COTO"),
                    (380, "$48.732,40", "right"),
                    (494, "$1.197.147,75", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Compra con tarjeta COTO"]


def test_a_type_run_into_the_details_in_one_string_gives_the_details_their_words():
    # One Courier string per line: the type's words reach the details' column, one space
    # apart.
    titles = words_of(
        200,
        (40, "Date"),
        (95, "Type"),
        (177, "Details"),
        (420, "Paid in", "right"),
        (470, "Paid out", "right"),
        (540, "Balance", "right"),
    )
    rows = [
        ("05 Feb 2024", "Faster Payment", "M PATEL INVOICE BW-1044", "", "£820.00", "£8,190.03"),
        ("05 Feb 2024", "Domestic Transfer J THORNE SALARY FEB", "", "£1,850.00", "", "£6,340.03"),
        ("06 Feb 2024", "Card Transaction", "TRAVIS PERKINS PLC", "£642.75", "", "£5,697.28"),
    ]
    lines = []
    for k, (day, kind, details, out, into, balance) in enumerate(rows):
        y = 215 + 14 * k
        # (Each character 4.5 points wide: "Domestic Transfer " ends where the details start.)
        cells = [(40, day), (95, kind)] + ([(177, details)] if details else [])
        cells += [(420, into, "right")] if into else []
        cells += [(470, out, "right")] if out else []
        lines.append(words_of(y, *cells, (540, balance, "right")))
    joined = [w for w in lines[1] if 95 <= w[0] < 400]
    run = (95, joined[0][1], 95 + 4.5 * 37, joined[0][3], "Domestic Transfer J THORNE SALARY FEB")
    lines[1] = [w for w in lines[1] if not 95 <= w[0] < 400] + [(*run, 0, 0, 0)]
    result = read_statement([page(1, titles, *lines)])

    assert descriptions(result) == [
        "M PATEL INVOICE BW-1044",
        "J THORNE SALARY FEB",
        "TRAVIS PERKINS PLC",
    ]


def test_a_carried_balance_s_label_without_its_figure_is_no_row_text():
    titles = words_of(
        200,
        (36, "Bokført"),
        (80, "Forklaring"),
        (390, "Ut av konto", "right"),
        (460, "Inn på konto", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (36, "20.12"), (80, "KIWI TORSHOV OSLO"), (390, "512,37", "right")),
            ),
            page(
                2,
                titles,
                words_of(215, (80, "Overført fra forrige side")),
                words_of(230, (80, "Varekjøp")),
                words_of(241, (36, "27.12"), (80, "ELKJOP STORO OSLO"), (390, "3.990,00", "right")),
            ),
        ]
    )

    assert descriptions(result) == ["KIWI TORSHOV OSLO", "Varekjøp ELKJOP STORO OSLO"]


def test_a_rate_in_words_after_the_original_amount_on_the_row_s_line():
    result = read_statement(
        [
            page(
                1,
                words_of(160, (40, "Statement period 16 December 2024 to 15 January 2025")),
                header(),
                words_of(220, (110, "VISA PURCHASE AMAZON MARKETPLACE US")),
                words_of(
                    230,
                    (40, "23 Dec"),
                    (110, "USD 45.00"),
                    (160, "CONVERTED AT 0.6421"),
                    (540, "$70.08", "right"),
                ),
                words_of(
                    245, (40, "24 Dec"), (110, "COLES SUPERMARKETS"), (540, "$12.40", "right")
                ),
            )
        ]
    )

    assert "CONVERTED" not in " ".join(descriptions(result))
    assert result.rows[0].original_amount == Decimal("45.00")


def test_a_sale_date_beside_the_post_date_is_the_row_s_date():
    titles = words_of(
        200, (36, "Sale"), (95, "Post"), (150, "Description"), (540, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(160, (40, "Billing Period: 12/09/23-01/08/24")),
                titles,
                words_of(
                    215,
                    (36, "12/09"),
                    (95, "12/11"),
                    (150, "HEB #0412 AUSTIN TX"),
                    (540, "$87.43", "right"),
                ),
                words_of(
                    228,
                    (36, "01/03"),
                    (95, "01/04"),
                    (150, "TARGET 00012345 AUSTIN TX"),
                    (540, "$18.99", "right"),
                ),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2023, 12, 9), date(2023, 12, 11)),
        (date(2024, 1, 3), date(2024, 1, 4)),
    ]


def test_a_period_in_spanish_words_gives_the_rows_their_years():
    result = read_statement(
        [
            page(
                1,
                words_of(150, (380, "Período: 16 de diciembre de 2024 al 15 de enero de 2025")),
                header(),
                row(220, "12/20", "DEPÓSITO DIRECTO NÓMINA", "1,842.36"),
                row(235, "01/06", "COMPRA VISA DÉBITO PUMA", "45.00"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 12, 20), date(2025, 1, 6)]


def test_an_expense_category_column_stays_out_of_the_descriptions():
    titles = words_of(
        200,
        (40, "Date"),
        (108, "Merchant"),
        (292, "Expense category"),
        (540, "Amount (EUR)", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (40, "02 Mar 2024"),
                    (108, "Google Ads"),
                    (292, "Advertising"),
                    (540, "1,250.00", "right"),
                ),
                words_of(
                    230,
                    (40, "04 Mar 2024"),
                    (108, "Canva Pty Ltd"),
                    (292, "Software"),
                    (540, "13.87", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["Google Ads", "Canva Pty Ltd"]


def test_a_heading_over_a_row_dated_on_its_last_line_gives_its_sign_to_a_single_amount():
    # Rows dated on their last line: the first page shows the habit. In a table of one
    # amount column, a heading's words over a row still head the credits, not the row's text.
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(215, (110, "SAINSBURYS S/MKTS")),
                row(226.5, "01/03/2024", "CAMDEN TOWN GB", "20.00"),
                words_of(238, (110, "COSTA COFFEE")),
                row(249.5, "02/03/2024", "KENTISH TOWN", "3.95"),
            ),
            page(
                2,
                header(),
                words_of(215, (110, "TESCO STORES")),
                row(226.5, "03/03/2024", "LEEDS GB", "12.40"),
                words_of(238, (110, "PAYMENTS AND CREDITS")),
                row(249.5, "04/03/2024", "DIRECT PAYMENT RECEIVED", "100.00"),
            ),
        ]
    )

    assert descriptions(result)[-1] == "DIRECT PAYMENT RECEIVED"
    assert amounts(result)[-1] == Decimal("-100.00")


def test_titles_completed_by_a_line_of_second_words_under_them():
    titles = words_of(
        200,
        (40, "Trans"),
        (84, "Post"),
        (128, "Reference Number"),
        (228, "Description"),
        (500, "Credits", "right"),
        (572, "Charges", "right"),
    )
    seconds = words_of(205.5, (40, "Date"), (84, "Date"))
    result = read_statement(
        [
            page(
                1,
                words_of(160, (40, "Statement Period 12/08/2023 to 01/07/2024")),
                titles,
                seconds,
                words_of(217, (40, "Payments")),
                words_of(
                    229,
                    (40, "12/18"),
                    (84, "12/18"),
                    (128, "84G7XUWQD6X1QT0UH"),
                    (228, "ONLINE PAYMENT THANK YOU"),
                    (500, "450.00", "right"),
                ),
                words_of(245, (40, "Purchases")),
                words_of(
                    257,
                    (40, "12/08"),
                    (84, "12/11"),
                    (128, "RPX1W2KRAAYE0CERY"),
                    (228, "SAFEWAY #1711 SUNNYVALE CA"),
                    (572, "87.32", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["ONLINE PAYMENT THANK YOU", "SAFEWAY #1711 SUNNYVALE CA"]
    assert amounts(result) == [Decimal("-450.00"), Decimal("87.32")]


def test_a_heading_s_word_closer_under_a_row_than_the_rows_are_apart_is_its_text():
    # Rows 13.5 points apart, their wrapped lines 9.5: "PAYMENTS" 9.5 under a withdrawal.
    result = read_statement(
        [
            page(
                1,
                words_of(180, (44, "WITHDRAWALS AND OTHER DEBITS")),
                header(195),
                row(210, "12/24/2024", "DEBIT CARD PURCHASE TARGET", "214.56"),
                words_of(219.5, (110, "LANCASTER PA")),
                row(233, "12/26/2024", "ACH DEBIT VERIZON WIRELESS", "96.44"),
                words_of(242.5, (110, "PAYMENTS")),
                row(256, "12/27/2024", "ONLINE TRANSFER TO SAVINGS", "500.00"),
            )
        ]
    )

    assert descriptions(result) == [
        "DEBIT CARD PURCHASE TARGET LANCASTER PA",
        "ACH DEBIT VERIZON WIRELESS PAYMENTS",
        "ONLINE TRANSFER TO SAVINGS",
    ]
    assert amounts(result) == [Decimal("214.56"), Decimal("96.44"), Decimal("500.00")]


def test_a_cheque_printed_as_its_word_and_number_under_check_number():
    titles = words_of(200, (44, "Date"), (110, "Check Number"), (570, "Amount", "right"))
    result = read_statement(
        [
            page(
                1,
                words_of(120, (40, "Statement Period 04/01/24 to 04/30/24")),
                words_of(185, (40, "CHECKS PAID")),
                titles,
                words_of(
                    215, (44, "04/08"), (110, "CHECK"), (140, "1041"), (570, "1,450.00", "right")
                ),
                words_of(
                    229, (44, "04/15"), (110, "CHECK"), (140, "1042"), (570, "75.00", "right")
                ),
            )
        ]
    )

    assert descriptions(result) == ["CHECK 1041", "CHECK 1042"]
    assert amounts(result) == [Decimal("1450.00"), Decimal("75.00")]


def test_a_portuguese_original_value_line_under_the_row():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "11-03-2024", "COMPRA 4021 HARRODS LONDON GB", "99,63"),
                words_of(224, (110, "VALOR ORIG. 85,00 GBP CÂMBIO 0,8532")),
                row(238, "12-03-2024", "PINGO DOCE LISBOA", "23,40"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "COMPRA 4021 HARRODS LONDON GB",
        Decimal("85.00"),
        "GBP",
    )


def test_a_cardholder_over_a_later_page_s_titles_under_a_company_s_heading():
    # Page 1 heads with the company's account; page 2 opens with the next employee's card.
    def top(y, name, last4):
        return words_of(y, (44, name), (200, "Card ending"), (260, last4))

    company = words_of(36, (394, "Ridgeline Outdoor Co."), (490, "Account ending 0917"))
    result = read_statement(
        [
            page(
                1,
                company,
                header(150),
                row(165, "02/15/2024", "PAYMENT - THANK YOU", "-9,850.00"),
                top(180, "JORDAN MILLER", "4471"),
                header(200),
                row(215, "02/01/2024", "DELTA AIR LINES", "486.20"),
                words_of(230, (110, "Total for Jordan Miller"), (540, "486.20", "right")),
                top(260, "PRIYA NATARAJAN", "8820"),
                header(280),
                row(295, "02/02/2024", "AMAZON WEB SERVICES", "1,284.63"),
            ),
            page(
                2,
                company,
                top(83, "MARCUS DELGADO", "3306"),
                header(100),
                row(116, "02/01/2024", "HOME DEPOT #1524", "347.18"),
                row(131, "02/07/2024", "COSTCO WHSE #0674", "256.41"),
            ),
        ]
    )

    assert [(r.cardholder, r.card_last4) for r in result.rows] == [
        (None, None),
        ("JORDAN MILLER", "4471"),
        ("PRIYA NATARAJAN", "8820"),
        ("MARCUS DELGADO", "3306"),
        ("MARCUS DELGADO", "3306"),
    ]


def test_a_credit_word_right_under_a_page_s_first_row_is_its_last_line():
    # "REFUND" 11.2 points under the page's first row, the next row 13.2 under it.
    result = read_statement(
        [
            page(
                1,
                words_of(185, (40, "PURCHASES")),
                header(200),
                row(215, "05/03/2024", "ARGOS LTD MILTON KEYNES", "24.00 CR"),
                words_of(226.2, (110, "REFUND")),
                row(239.4, "06/03/2024", "SAINSBURYS S/MKTS LEEDS", "66.72"),
                row(252.6, "08/03/2024", "VIRGIN MEDIA PYMTS", "47.00"),
            )
        ]
    )

    assert descriptions(result) == [
        "ARGOS LTD MILTON KEYNES REFUND",
        "SAINSBURYS S/MKTS LEEDS",
        "VIRGIN MEDIA PYMTS",
    ]
    assert amounts(result) == [Decimal("-24.00"), Decimal("66.72"), Decimal("47.00")]


def test_two_totals_on_one_line_each_with_its_figure():
    result = read_statement(
        [
            bank_page(
                bank_row(225, "01/03/2024", "SALARY", into="2,550.57", balance="3,550.57"),
                bank_row(240, "04/03/2024", "RENT", out="1,624.70", balance="1,925.87"),
                words_of(250, (110, "BALANCE CARRIED FORWARD"), (540, "1,925.87", "right")),
                words_of(
                    262,
                    (40, "Total Paid In"),
                    (110, "£2,550.57"),
                    (170, "Total Withdrawn"),
                    (455, "£1,624.70", "right"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("-2550.57"), Decimal("1624.70")]
    assert result.check.verdict == Verdict.AGREES


def test_a_card_scheme_s_rate_under_the_row_is_no_description():
    result = read_statement(
        [
            page(
                1,
                header(200),
                words_of(215, (40, "08/03/2024"), (110, "AMAZON.DE LUXEMBOURG LU")),
                words_of(
                    226,
                    (110, "52.90 EUR"),
                    (160, "VISA RATE"),
                    (210, "1.1687"),
                    (540, "45.26", "right"),
                ),
                row(240, "11/03/2024", "TESCO STORES EDINBURGH", "34.56"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "AMAZON.DE LUXEMBOURG LU",
        Decimal("52.90"),
        "EUR",
    )


def test_an_original_amount_in_us_dollars_by_symbol_and_its_quote():
    result = read_statement(
        [
            page(
                1,
                header(200, amount="Valor"),
                row(215, "10/03/2024", "AMAZON WEB SERVICES AWS.AMAZON.CO", "R$ 61,93"),
                words_of(226, (110, "US$ 12,40"), (160, "|"), (166, "Cotação R$ 4,9944")),
                row(240, "12/03/2024", "SHOPEE *BRLOJA", "R$ 57,80"),
                row(255, "14/03/2024", "IFOOD *RESTAURANTE", "R$ 43,10"),
                row(270, "15/03/2024", "DROGASIL", "R$ 22,75"),
                row(285, "16/03/2024", "POSTO SHELL", "R$ 180,00"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "AMAZON WEB SERVICES AWS.AMAZON.CO",
        Decimal("12.40"),
        "USD",
    )


def test_a_name_beside_the_card_s_heading_on_its_baseline_is_not_its_holder():
    result = read_statement(
        [
            page(
                1,
                # The bank's name in large type, its top level with the card's heading.
                words_of(30.0, (40, "Capital One"), size=17.7),
                words_of(23.1, (386, "Quicksilver Card | ending in 6218"), size=10),
                words_of(180, (40, "RACHEL M DONOVAN"), (144, "#6218:"), (181, "Transactions")),
                header(200),
                row(215, "02/12/2024", "KROGER #0917 COLUMBUS OH", "94.37"),
                row(230, "02/13/2024", "SPEEDWAY 45521 DUBLIN OH", "41.20"),
            )
        ]
    )

    assert {r.cardholder for r in result.rows} == {"RACHEL M DONOVAN"}


def test_a_danish_card_statement_with_its_rates_and_totals():
    titles = words_of(
        200,
        (40, "Dato"),
        (72, "Bogf."),
        (105, "Tekst"),
        (340, "Beløb i valuta"),
        (472, "Beløb i DKK", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (330, "Periode: 29.02.2024 - 28.03.2024")),
                words_of(130, (48, "Saldo fra sidste opgørelse"), (414, "1.000,00", "right")),
                words_of(142, (48, "Køb og hævninger"), (414, "857,63", "right")),
                words_of(154, (48, "Ny saldo"), (414, "1.857,63", "right")),
                titles,
                words_of(
                    215,
                    (40, "29.02"),
                    (72, "01.03"),
                    (105, "NETTO 7712 VALBY"),
                    (472, "186,45", "right"),
                ),
                words_of(
                    226,
                    (40, "05.03"),
                    (72, "06.03"),
                    (105, "AMAZON EU SARL"),
                    (406, "EUR 89,95", "right"),
                    (472, "671,18", "right"),
                ),
                words_of(237, (105, "Kurs"), (129, "746,17")),
                words_of(248, (105, "I alt kort 4417"), (472, "857,63", "right")),
            )
        ]
    )

    assert descriptions(result) == ["NETTO 7712 VALBY", "AMAZON EU SARL"]
    assert [r.date for r in result.rows] == [date(2024, 2, 29), date(2024, 3, 5)]
    assert (result.rows[1].original_amount, result.rows[1].original_currency) == (
        Decimal("89.95"),
        "EUR",
    )
    assert result.check.verdict == Verdict.AGREES
    assert any("sidste" in phrase for phrase in result.check.checked)


def test_words_naming_the_original_amount_on_the_row_s_own_line_are_not_its_text():
    result = read_statement(
        [
            bank_page(
                words_of(225, (110, "VISA DEBIT PURCHASE AIRBNB SAN FRANCISCO")),
                words_of(
                    236,
                    (40, "11/03/2024"),
                    (110, "FOREIGN CURRENCY AMOUNT"),
                    (220, "150.00 USD"),
                    (380, "229.36", "right"),
                    (540, "770.64", "right"),
                ),
                bank_row(250, "12/03/2024", "TELSTRA", out="89.00", balance="681.64"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "VISA DEBIT PURCHASE AIRBNB SAN FRANCISCO",
        Decimal("150.00"),
        "USD",
    )


def test_a_heading_over_a_paragraph_of_the_terms_does_not_sign_the_next_page_s_rows():
    terms = page(
        2,
        words_of(100, (40, "Allocation of payments")),
        words_of(
            113,
            (
                40,
                "We use your payments to pay off the balances with the highest interest rate first",
            ),
        ),
    )
    rows = page(
        3,
        header(200),
        row(215, "10/03/2024", "OCTOPUS ENERGY LONDON", "96.00"),
        row(230, "11/03/2024", "PRET A MANGER LEEDS", "7.85"),
    )
    first = page(1, header(200), row(215, "01/03/2024", "TESCO STORES LEEDS", "64.18"))
    result = read_statement([first, terms, rows])

    assert amounts(result) == [Decimal("64.18"), Decimal("96.00"), Decimal("7.85")]


def test_a_cardholder_s_name_and_card_where_the_next_row_would_be_starts_their_rows():
    result = read_statement(
        [
            page(
                1,
                header(200),
                words_of(213, (110, "ALEXANDRA M REYES"), (234, "Card ending in"), (296, "4417")),
                row(226, "02/26/2024", "ONLINE PAYMENT, THANK YOU", "-2,318.47"),
                row(239, "02/21/2024", "AMAZON.COM AMZN.COM/BILL WA", "-36.99"),
                words_of(252, (110, "DANIEL J REYES"), (208, "Card ending in"), (269, "8802")),
                row(265, "03/02/2024", "TARGET HOBOKEN NJ", "-24.50"),
            )
        ]
    )

    assert descriptions(result)[1] == "AMAZON.COM AMZN.COM/BILL WA"
    assert [r.card_last4 for r in result.rows] == ["4417", "4417", "8802"]


def test_a_summary_figure_ending_left_of_its_label_is_the_label_before_s():
    labels = words_of(
        214,
        (42, "Previous Balance"),
        (145, "Payments"),
        (248, "Purchases"),
        (350, "Interest"),
        (454, "Total Outstanding"),
    )
    figures = words_of(
        240,
        (139, "500.00", "right"),
        (241, "500.00", "right"),
        (349, "120.00", "right"),
        (448, "1.50", "right"),
        (553, "121.50", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                labels,
                figures,
                header(300),
                row(315, "01/02/2024", "PAYMENT RECEIVED", "-500.00"),
                row(330, "02/02/2024", "FLIPKART", "120.00"),
                row(345, "03/02/2024", "FINANCE CHARGES", "1.50"),
            )
        ]
    )

    assert result.check.verdict == Verdict.AGREES
    assert any("121.50" in phrase for phrase in result.check.checked)


def test_an_original_amount_over_its_currency_s_name_on_lines_of_their_own():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "03/12/2024", "PRET A MANGER 0128 LONDON", "$14.92"),
                words_of(226, (110, "11.75")),
                words_of(237, (110, "Pounds Sterling")),
                row(252, "03/19/2024", "GOOGLE *WORKSPACE", "$72.00"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "PRET A MANGER 0128 LONDON",
        Decimal("11.75"),
        "GBP",
    )


def test_a_column_s_title_after_the_card_number_is_not_the_cardholder():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    185,
                    (46, "CHRISTINE LOWE"),
                    (200, "Card Ending"),
                    (249, "7-41003"),
                    (530, "Amount"),
                ),
                header(200),
                row(215, "03/06/2024", "ADOBE *ACROPRO SUBS", "23.99"),
            )
        ]
    )

    assert {r.cardholder for r in result.rows} == {"CHRISTINE LOWE"}


def test_a_carried_balance_s_label_naming_the_next_page_without_its_figure_is_no_row_text():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "28.02.2025", "Auslandseinsatzentgelt 1,50%", "2,91 -"),
                row(230, "02.03.2025", "Edeka Schmidt Erlangen", "47,26 -"),
                words_of(249, (110, "Übertrag auf Seite"), (181, "2")),
            ),
            page(2, header(100), row(115, "03.03.2025", "REWE Markt GmbH", "18,40 -")),
        ]
    )

    assert descriptions(result) == [
        "Auslandseinsatzentgelt 1,50%",
        "Edeka Schmidt Erlangen",
        "REWE Markt GmbH",
    ]


def test_an_original_amount_where_the_descriptions_start_just_past_the_dates_title():
    titles = words_of(
        200,
        (40, "Belegdatum"),
        (102, "Buchungsdatum"),
        (162, "Umsatzbeschreibung"),
        (555, "Betrag in EUR", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (40, "26.02.2025"),
                    (102, "27.02.2025"),
                    (162, "TFL TRAVEL CH London"),
                    (555, "11,87 -", "right"),
                ),
                words_of(226, (162, "GBP 9,80"), (210, "Kurs"), (232, "0,82550")),
                words_of(
                    240,
                    (40, "27.02.2025"),
                    (102, "28.02.2025"),
                    (162, "PRET A MANGER"),
                    (555, "8,96 -", "right"),
                ),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "TFL TRAVEL CH London",
        Decimal("9.80"),
        "GBP",
    )


def test_a_german_card_s_amount_titled_in_euro_over_two_lines_signs_by_its_marks():
    titles = [
        words_of(313, (50, "Beleg-"), (105, "Buchungs-"), (160, "Referenz-"), (518, "Betrag")),
        words_of(
            322,
            (50, "datum"),
            (105, "datum"),
            (160, "nummer"),
            (218, "Umsatzbeschreibung"),
            (519, "in"),
            (529, "EUR"),
        ),
    ]
    result = read_statement(
        [
            page(
                1,
                *titles,
                words_of(
                    338,
                    (218, "Saldovortrag aus Abrechnung vom 22.04.2024"),
                    (545, "842,15-", "right"),
                ),
                words_of(
                    350,
                    (50, "23.04.2024"),
                    (105, "24.04.2024"),
                    (218, "REWE Markt GmbH"),
                    (545, "47,83-", "right"),
                ),
                words_of(
                    362,
                    (50, "26.04.2024"),
                    (105, "26.04.2024"),
                    (218, "Lastschrifteinzug"),
                    (545, "842,15+", "right"),
                ),
                words_of(
                    374,
                    (50, "27.04.2024"),
                    (105, "29.04.2024"),
                    (218, "DM-Drogerie Markt"),
                    (545, "23,65-", "right"),
                ),
                words_of(390, (218, "Neuer Saldo"), (545, "71,48-", "right")),
            )
        ]
    )

    assert amounts(result) == [Decimal("47.83"), Decimal("-842.15"), Decimal("23.65")]


def test_reward_points_titled_by_the_scheme_s_name_stay_out_of_the_descriptions():
    titles = [
        words_of(
            399,
            (40, "Trans"),
            (74, "Posted"),
            (165, "Description"),
            (339, "Virgin"),
            (399, "Amount"),
        ),
        words_of(409, (40, "date"), (74, "date"), (339, "Points"), (421, "£")),
    ]
    result = read_statement(
        [
            page(
                1,
                *titles,
                words_of(
                    434,
                    (40, "19 Mar 24"),
                    (74, "20 Mar 24"),
                    (165, "TESCO STORES 2231 BRISTOL"),
                    (352, "+95"),
                    (425, "63.48", "right"),
                ),
                words_of(
                    444,
                    (40, "20 Mar 24"),
                    (74, "21 Mar 24"),
                    (165, "TFL TRAVEL CH"),
                    (352, "+12"),
                    (425, "8.10", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["TESCO STORES 2231 BRISTOL", "TFL TRAVEL CH"]


def test_a_mexican_peso_named_on_a_dated_line_over_the_original_amount():
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Opening/Closing Date 02/16/24 - 03/15/24")),
                header(200),
                row(215, "03/03", "HOTEL ESPLANADE CANCUN QROO", "187.44"),
                words_of(226, (40, "03/03"), (110, "MEXICAN PESO")),
                words_of(237, (110, "3,190.00 X 0.058758621 (EXCHG RATE)")),
                row(250, "03/10", "WHOLE FOODS MARKET AUSTIN TX", "54.91"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "HOTEL ESPLANADE CANCUN QROO",
        Decimal("3190.00"),
        "MXN",
    )
    assert not result.warnings


def test_a_value_date_line_naming_the_card_is_no_cardholder_s_heading():
    titles = [
        words_of(
            282,
            (60, "Buchung"),
            (130, "Buchung / Verwendungszweck"),
            (540, "Betrag (EUR)", "right"),
        ),
        words_of(293, (60, "Valuta")),
    ]
    result = read_statement(
        [
            page(
                1,
                *titles,
                words_of(
                    310,
                    (60, "01.03.2024"),
                    (130, "Gutschrift Kessler Logistik GmbH"),
                    (540, "3.214,55", "right"),
                ),
                words_of(320, (60, "01.03.2024"), (130, "Gehalt 03/2024")),
                words_of(
                    336,
                    (60, "04.03.2024"),
                    (130, "Lastschrift REWE Markt GmbH"),
                    (540, "-47,20", "right"),
                ),
                words_of(
                    346, (60, "02.03.2024"), (130, "NR XXXX"), (168, "4821"), (191, "KOELN DE")
                ),
                words_of(
                    362,
                    (60, "04.03.2024"),
                    (130, "Lastschrift Telekom GmbH"),
                    (540, "-39,95", "right"),
                ),
                words_of(372, (60, "04.03.2024"), (130, "Festnetz")),
            )
        ]
    )

    assert descriptions(result) == [
        "Gutschrift Kessler Logistik GmbH Gehalt 03/2024",
        "Lastschrift REWE Markt GmbH NR XXXX 4821 KOELN DE",
        "Lastschrift Telekom GmbH Festnetz",
    ]
    assert {r.cardholder for r in result.rows} == {None}


def test_polish_titles_with_a_row_number_and_a_reference_column():
    titles = [
        words_of(
            237,
            (41, "Lp."),
            (58, "Data"),
            (108, "Data"),
            (156, "Opis operacji"),
            (374, "Nr referencyjny"),
            (474, "Kwota"),
            (526, "Saldo po"),
        ),
        words_of(245, (58, "księgowania"), (108, "waluty"), (468, "operacji"), (528, "operacji")),
    ]
    result = read_statement(
        [
            page(
                1,
                *titles,
                words_of(261, (156, "SALDO POCZĄTKOWE"), (560, "7 842,15", "right")),
                words_of(
                    291,
                    (47, "1"),
                    (58, "01.03.2024"),
                    (108, "01.03.2024"),
                    (156, "PRZELEW PRZYCHODZĄCY"),
                    (374, "C24030104411"),
                    (510, "9 450,00", "right"),
                    (560, "17 292,15", "right"),
                ),
                words_of(
                    305,
                    (47, "2"),
                    (58, "02.03.2024"),
                    (108, "01.03.2024"),
                    (156, "BIEDRONKA WARSZAWA"),
                    (374, "C24030212330"),
                    (510, "-142,37", "right"),
                    (560, "17 149,78", "right"),
                ),
            )
        ]
    )

    assert descriptions(result) == ["PRZELEW PRZYCHODZĄCY", "BIEDRONKA WARSZAWA"]
    assert amounts(result) == [Decimal("-9450.00"), Decimal("142.37")]


def test_a_transacted_amount_line_and_a_currency_named_before_the_text_s_date():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "26/02/2024", "GRAB SINGAPORE SG", "82.69"),
                words_of(226, (110, "TRANSACTED AMOUNT SGD 23.40")),
                row(240, "08/04/2024", "COMMISSION PAIEMENT CARTE", "1.28"),
                words_of(251, (110, "HORS ZONE EURO"), (190, "05/04")),
                row(265, "09/04/2024", "VIR EUROPEEN EMIS LOGITEL", "980.00"),
            )
        ]
    )

    assert descriptions(result)[:2] == [
        "GRAB SINGAPORE SG",
        "COMMISSION PAIEMENT CARTE HORS ZONE EURO 05/04",
    ]
    assert (result.rows[0].original_amount, result.rows[0].original_currency) == (
        Decimal("23.40"),
        "SGD",
    )


def test_a_turned_stamp_s_dash_over_a_row_is_not_its_text():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "03.05.2024", "Lidl sagt Danke Koeln Suelz", "31,18"),
                words_of(219, (371, "-"), size=16),
                row(230, "04.05.2024", "BOOKING.COM Hotel Amsterdam", "186,00"),
            )
        ]
    )

    assert descriptions(result) == ["Lidl sagt Danke Koeln Suelz", "BOOKING.COM Hotel Amsterdam"]


def test_a_peruvian_card_with_its_dates_titled_over_three_lines_and_its_debt_summary():
    result = read_statement(
        [
            page(
                1,
                words_of(113, (30, "Periodo facturado:"), (112, "16/08/2024 al 15/09/2024")),
                words_of(168, (49, "Deuda anterior"), (142, "Pagos y abonos")),
                words_of(188, (100, "S/ 2,145.38", "right"), (190, "S/ 1,850.00", "right")),
                words_of(
                    236,
                    (32, "FECHA"),
                    (76, "FECHA"),
                    (349, "MONTO ORIGEN"),
                    (518, "IMPORTE"),
                    (555, "S/"),
                ),
                words_of(240, (122, "DESCRIPCIÓN"), (283, "CUOTA"), (445, "T.C.")),
                words_of(243.3, (32, "CONSUMO"), (76, "PROCESO")),
                words_of(
                    260,
                    (32, "16AGO"),
                    (76, "17AGO"),
                    (122, "PLAZA VEA SAN ISIDRO"),
                    (562, "187.45", "right"),
                ),
                words_of(
                    275,
                    (32, "18AGO"),
                    (76, "19AGO"),
                    (122, "NETFLIX.COM LOS GATOS CA"),
                    (410, "US$ 15.49", "right"),
                    (437, "3.762"),
                    (562, "58.27", "right"),
                ),
                words_of(
                    290,
                    (32, "20AGO"),
                    (76, "20AGO"),
                    (122, "PAGO BANCA MOVIL"),
                    (562, "-1,850.00", "right"),
                ),
                words_of(320, (334, "TOTAL DEUDA DEL MES"), (435, "S/"), (562, "541.10", "right")),
            )
        ]
    )

    assert [(r.date, r.posting_date, r.amount) for r in result.rows] == [
        (date(2024, 8, 16), date(2024, 8, 17), Decimal("187.45")),
        (date(2024, 8, 18), date(2024, 8, 19), Decimal("58.27")),
        (date(2024, 8, 20), date(2024, 8, 20), Decimal("-1850.00")),
    ]
    assert (result.rows[1].original_amount, result.rows[1].original_currency) == (
        Decimal("15.49"),
        "USD",
    )
    assert {r.cardholder for r in result.rows} == {None}
    assert result.check.verdict == Verdict.AGREES


def test_soll_and_haben_marks_right_after_the_amounts_under_their_title():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    216,
                    (48, "Bu-Tag"),
                    (86, "Wert"),
                    (126, "Vorgang"),
                    (495, "Betrag"),
                    (540, "EUR"),
                ),
                words_of(
                    232,
                    (126, "alter Kontostand vom 29.02.2024"),
                    (520, "1.734,21", "right"),
                    (526, "H"),
                ),
                words_of(
                    248,
                    (48, "01.03."),
                    (86, "01.03."),
                    (126, "Lohn/Gehalt"),
                    (520, "3.218,44", "right"),
                    (526, "H"),
                ),
                words_of(
                    262,
                    (48, "01.03."),
                    (86, "01.03."),
                    (126, "Dauerauftrag Miete"),
                    (520, "1.045,00", "right"),
                    (526, "S"),
                ),
                words_of(
                    280,
                    (126, "neuer Kontostand vom 31.03.2024"),
                    (520, "3.907,65", "right"),
                    (526, "H"),
                ),
            )
        ]
    )

    assert amounts(result) == [Decimal("-3218.44"), Decimal("1045.00")]
    assert result.check.verdict == Verdict.AGREES


def test_a_field_of_the_card_s_printed_after_its_number_is_not_the_cardholder():
    result = read_statement(
        [
            page(
                1,
                words_of(
                    185,
                    (44, "JORDAN MILLER"),
                    (150, "Card ending"),
                    (199, "4402"),
                    (470, "Department: Sales"),
                ),
                header(200),
                row(215, "02/01/2024", "DELTA AIR LINES", "612.40"),
                row(230, "02/05/2024", "MARRIOTT DENVER", "847.22"),
            )
        ]
    )

    assert {r.cardholder for r in result.rows} == {"JORDAN MILLER"}


def test_an_abbreviated_title_broken_by_a_hyphen_over_two_lines():
    titles = [
        words_of(193, (40, "Buch.-"), (360, "Beleg-"), (439, "Betrag")),
        words_of(
            202, (40, "Tag"), (80, "Buchungstext"), (318, "Valuta"), (360, "Nr."), (451, "EUR")
        ),
    ]
    result = read_statement(
        [
            page(
                1,
                *titles,
                words_of(
                    231,
                    (40, "01.03."),
                    (80, "Dauerauftrag Miete"),
                    (318, "01.03."),
                    (360, "0000812"),
                    (466, "1.140,00-", "right"),
                ),
                words_of(
                    245,
                    (40, "04.03."),
                    (80, "Bezahlung Karte BILLA"),
                    (318, "02.03."),
                    (360, "0000841"),
                    (466, "47,83-", "right"),
                ),
                words_of(100, (320, "Zeitraum 01.03.2024 - 31.03.2024")),
            )
        ]
    )

    assert descriptions(result) == ["Dauerauftrag Miete", "Bezahlung Karte BILLA"]
    assert [r.date for r in result.rows] == [date(2024, 3, 1), date(2024, 3, 4)]


def test_an_overdraft_limit_in_a_sidebar_between_a_row_s_lines_is_no_amount_of_it():
    result = read_statement(
        [
            bank_page(
                bank_row(
                    225,
                    "01/03/2024",
                    "SEPA-Lastschrift Wien Energie GmbH",
                    out="96.00",
                    balance="904.00",
                ),
                words_of(229, (560, "Kontorahmen")),
                words_of(235, (110, "Mandat: WE-0088213")),
                words_of(239, (560, "EUR 2.000,00")),
                words_of(245, (110, "Teilbetrag 03/2024")),
                bank_row(260, "04/03/2024", "Bezahlung Karte BILLA", out="47.83", balance="856.17"),
            )
        ]
    )

    assert descriptions(result) == [
        "SEPA-Lastschrift Wien Energie GmbH Mandat: WE-0088213 Teilbetrag 03/2024",
        "Bezahlung Karte BILLA",
    ]


def test_a_payment_slip_s_payment_date_is_no_heading_of_credits():
    first = page(
        1,
        header(200),
        row(215, "01/03/2024", "TESCO STORES", "64.18"),
        words_of(744, (40, "Payment date"), (160, "09 April 2024")),
    )
    later = page(
        2,
        words_of(90, (40, "Your transactions (continued)")),
        header(111),
        row(135, "11/03/2024", "WAITROSE 0788 SANDERSTEAD", "43.17"),
        row(150, "12/03/2024", "UBER *EATS", "21.40"),
    )
    result = read_statement([first, later])

    assert amounts(result) == [Decimal("64.18"), Decimal("43.17"), Decimal("21.40")]


def test_an_amount_titled_over_foreign_currency_is_the_original_amount():
    titles = [
        words_of(
            223,
            (40, "Kauf-"),
            (76, "Buchungs-"),
            (124, "Verwendungszweck"),
            (393, "Betrag"),
            (528, "Betrag"),
        ),
        words_of(
            232, (40, "datum"), (76, "datum"), (360, "Fremdwährung"), (529, "in"), (539, "EUR")
        ),
    ]
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Abrechnungszeitraum 16.02.2024 - 15.03.2024")),
                *titles,
                words_of(
                    417,
                    (40, "24.02."),
                    (76, "26.02."),
                    (124, "STARBUCKS COFFEE LONDON GB"),
                    (420, "GBP 8,45", "right"),
                    (554, "9,96-", "right"),
                ),
                words_of(
                    430,
                    (40, "25.02."),
                    (76, "26.02."),
                    (124, "REWE MARKT"),
                    (554, "23,10-", "right"),
                ),
            )
        ]
    )

    assert (result.rows[0].original_amount, result.rows[0].original_currency) == (
        Decimal("8.45"),
        "GBP",
    )
    assert amounts(result) == [Decimal("9.96"), Decimal("23.10")]


def test_a_whole_number_of_yen_before_its_code_and_rate():
    result = read_statement(
        [
            page(
                1,
                header(200),
                row(215, "03/09/2024", "Hotel Okura Tokyo", "$323.52"),
                words_of(226, (110, "48,200"), (142, "JPY"), (162, "@"), (172, "0.006712")),
                row(240, "03/11/2024", "Sweetgreen", "$38.61"),
            )
        ]
    )

    first = result.rows[0]
    assert (first.description, first.original_amount, first.original_currency) == (
        "Hotel Okura Tokyo",
        Decimal("48200"),
        "JPY",
    )
