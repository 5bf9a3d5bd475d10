"""Date order, years and impossible dates, decided from the whole statement."""

from datetime import date

import pytest

from processing.statement_reader import DateOrder, Profile, read_statement

from .pages import header, page, row, words_of


def test_a_first_field_above_12_means_day_first():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "02/08/2023", "TEA", "3.00"),
            )
        ]
    )

    assert result.date_order == DateOrder.DAY_FIRST
    assert [r.date for r in result.rows] == [date(2023, 7, 13), date(2023, 8, 2)]
    assert "13/07/2023" in result.rows[1].evidence.date_order


def test_a_second_field_above_12_means_month_first():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "07/13/2023", "COFFEE", "4.50"),
                row(235, "08/02/2023", "TEA", "3.00"),
            )
        ]
    )

    assert result.date_order == DateOrder.MONTH_FIRST
    assert [r.date for r in result.rows] == [date(2023, 7, 13), date(2023, 8, 2)]


def test_undecidable_dates_are_read_day_first_with_a_warning_naming_the_assumption():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "02/07/2023", "COFFEE", "4.50"),
                row(235, "03/07/2023", "TEA", "3.00"),
            )
        ]
    )

    assert result.rows[0].date == date(2023, 7, 2)
    warning = next(w for w in result.warnings if "either way" in w)
    assert "02/07/2023" in warning and "day first" in warning


def test_dates_in_words_elsewhere_decide_the_order_without_a_warning():
    result = read_statement(
        [
            page(
                1,
                words_of(80, (40, "Statement date"), (200, "January 15, 2024")),
                header(),
                row(220, "01/02", "COFFEE", "4.50"),
                row(235, "01/03", "TEA", "3.00"),
            )
        ]
    )

    assert result.date_order == DateOrder.MONTH_FIRST
    assert [r.date for r in result.rows] == [date(2024, 1, 2), date(2024, 1, 3)]
    assert not [w for w in result.warnings if "either way" in w]


def test_the_year_comes_from_a_statement_date_printed_after_the_rows():
    result = read_statement(
        [
            page(1, header(), row(220, "20/07", "COFFEE", "4.50")),
            page(2, words_of(100, (40, "Statement date: 01 Aug 2023"))),
        ]
    )

    assert result.rows[0].date == date(2023, 7, 20)
    assert "Statement date" in result.rows[0].evidence.year


def test_december_rows_of_a_january_statement_belong_to_the_year_before():
    result = read_statement(
        [
            page(
                1,
                words_of(80, (40, "Statement period 15 Dec - 14 Jan 2024")),
                header(),
                row(220, "20 Dec", "HOTEL", "120.00"),
                row(235, "03 Jan", "TAXI", "15.00"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2023, 12, 20), date(2024, 1, 3)]
    assert "year before" in result.rows[0].evidence.year


def test_a_date_impossible_under_the_chosen_order_is_reported_not_invented():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "COFFEE", "4.50"),
                row(235, "14/07/2023", "TEA", "3.00"),
                row(250, "07/31/2023", "ODD ROW", "9.00"),
            )
        ]
    )

    assert [r.description for r in result.rows] == ["COFFEE", "TEA"]
    assert any("07/31/2023" in w and "ODD ROW" in w and "page 1" in w for w in result.warnings)


def test_month_names_and_year_first_dates_need_no_order():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "2024-03-05", "COFFEE", "4.50"),
                row(235, "3 May 2018", "TEA", "3.00"),
                row(250, "SEP 14 2020", "LUNCH", "12.00"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 5), date(2018, 5, 3), date(2020, 9, 14)]
    assert not result.warnings


def test_a_date_wrapped_onto_two_lines_keeps_its_year():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(220, (40, "3 May"), (110, "TRANSFER TO"), (540, "45.00", "right")),
                words_of(230, (40, "2018"), (110, "SAVINGS")),
            )
        ]
    )

    assert result.rows[0].date == date(2018, 5, 3)
    assert result.rows[0].description == "TRANSFER TO SAVINGS"


def test_a_profile_fixes_the_date_order():
    pages = [page(1, header(), row(220, "02/07/2023", "COFFEE", "4.50"))]

    result = read_statement(pages, profile=Profile(date_order=DateOrder.MONTH_FIRST))

    assert result.rows[0].date == date(2023, 2, 7)
    assert "profile" in result.rows[0].evidence.date_order
    assert not [w for w in result.warnings if "either way" in w]


def test_without_a_statement_date_the_year_is_the_printed_date_nearest_the_rows():
    result = read_statement(
        [
            page(
                1,
                words_of(80, (40, "Karte gültig bis 31.12.2026")),
                words_of(95, (40, "Kunde seit 01.03.2011")),
                words_of(110, (40, "Erstellt am 01.10.2024")),
                header(),
                row(220, "02.09.", "Kartenzahlung REWE", "63,47"),
                row(235, "13.09.", "Lastschrift Telekom", "39,95"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 9, 2), date(2024, 9, 13)]
    assert "01.10.2024" in result.rows[0].evidence.year
    assert not [w for w in result.warnings if "no year" in w]


def test_day_month_and_two_digit_year_with_dots():
    result = read_statement([page(1, header(), row(220, "14.12.23", "REWE Markt", "63,48"))])

    assert result.rows[0].date == date(2023, 12, 14)


def test_year_first_dates_with_dots_are_dates_even_where_they_end_like_cents():
    # "2024.03.01" ends as "1,234.01" does; no amount has two such dots.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "2024.03.01", "COFFEE", "4.50"),
                row(235, "2024.03.14", "TEA", "3.00"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 1), date(2024, 3, 14)]


def test_a_footnote_mark_after_a_date_leaves_it_a_date():
    # "03/04/24*": the mark says which date is the posting date.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "03/04/24*", "AUTOPAY PAYMENT RECEIVED", "-250.00"),
                row(235, "03/14/24", "TEA", "3.00"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 4), date(2024, 3, 14)]


def test_a_booking_day_and_a_value_date_are_posting_dates_beside_the_transaction_date():
    titles = words_of(
        200,
        (40, "Bokföringsdag"),
        (110, "Transaktionsdag"),
        (200, "Text"),
        (540, "Belopp", "right"),
    )
    lines = [
        words_of(
            215,
            (40, "2024-03-01"),
            (110, "2024-02-29"),
            (200, "ICA NÄRA"),
            (540, "-284,50", "right"),
        ),
        words_of(
            230,
            (40, "2024-03-04"),
            (110, "2024-03-02"),
            (200, "SYSTEMBOLAGET"),
            (540, "-389,00", "right"),
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2024, 2, 29), date(2024, 3, 1)),
        (date(2024, 3, 2), date(2024, 3, 4)),
    ]
    german = words_of(200, (40, "Buchungstag"), (110, "Wert"), (200, "Verwendungszweck"))
    german += words_of(200, (540, "Betrag", "right"))
    rows = [
        words_of(
            215, (40, "01.03.2024"), (110, "04.03.2024"), (200, "Miete"), (540, "-945,00", "right")
        )
    ]
    read = read_statement([page(1, german, *rows)]).rows[0]
    assert (read.date, read.posting_date, read.description) == (
        date(2024, 3, 1),
        date(2024, 3, 4),
        "Miete",
    )


def test_no_warning_about_the_date_order_where_no_row_is_dated_in_numbers():
    # "3/12" counts an instalment; the rows' own dates are printed year first.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "2024-03-01", "INSTALLMENT 3/12 APPLE STORE", "916.58"),
                row(235, "2024-03-02", "COFFEE", "4.50"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2024, 3, 1), date(2024, 3, 2)]
    assert not [w for w in result.warnings if "either way" in w]


@pytest.mark.parametrize("start, end", [("DEC 29/23", "JAN 31/24"), ("DEC29/23", "JAN31/24")])
def test_a_period_printed_as_month_day_slash_two_digit_year_gives_the_rows_years(start, end):
    # "Statement Period DEC 29/23 - JAN 31/24"; rows dated "DEC29" and "JAN02".
    titles = words_of(
        200,
        (46, "DESCRIPTION"),
        (352, "WITHDRAWALS", "right"),
        (450, "DATE"),
        (560, "BALANCE", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(70, (390, "Statement Period"), (470, start), (512, "-"), (518, end)),
                titles,
                words_of(215, (46, "TIM HORTONS"), (352, "4.87", "right"), (450, "DEC29")),
                words_of(230, (46, "PETRO-CANADA"), (352, "58.12", "right"), (450, "JAN02")),
            )
        ]
    )

    assert [r.date for r in result.rows] == [date(2023, 12, 29), date(2024, 1, 2)]
    assert not any("no year" in w for w in result.warnings)


def test_rows_within_a_month_after_the_date_printed_nearest_them_cross_into_the_next_year():
    # (The period's start is printed with its year, its end is not read: "Dec 16, 2024".)
    result = read_statement(
        [
            page(
                1,
                words_of(80, (40, "Period beginning Dec 16, 2024")),
                header(),
                row(220, "12/20", "CCD DEPOSIT ACME PAYROLL", "1,925.40"),
                row(235, "01/03", "CCD DEPOSIT ACME PAYROLL", "1,925.40"),
                row(250, "01/14", "ACH DEBIT STATE FARM", "132.60"),
            )
        ]
    )

    assert [r.date for r in result.rows] == [
        date(2024, 12, 20),
        date(2025, 1, 3),
        date(2025, 1, 14),
    ]


def test_two_worded_dates_side_by_side_are_no_date_and_its_year():
    titles = words_of(
        200, (40, "Date"), (75, "Posted"), (111, "Description"), (378, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(80, (40, "Statement date 02 Jan 2025")),
                titles,
                words_of(
                    215,
                    (40, "02 Dec"),
                    (75, "03 Dec"),
                    (111, "TESCO STORES 2231 LONDON"),
                    (378, "£23.45", "right"),
                ),
            )
        ]
    )

    assert [(r.date, r.posting_date) for r in result.rows] == [
        (date(2024, 12, 2), date(2024, 12, 3))
    ]
