from datetime import date
from decimal import Decimal

import pytest

from processing.errors import ValueNotUnderstood
from processing.parsing import Period, parse_amount, parse_date

DECEMBER_TO_JANUARY = Period(start=date(2025, 12, 15), end=date(2026, 1, 14))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/28", date(2025, 12, 28)),
        ("01/03", date(2026, 1, 3)),
        ("12/13", date(2025, 12, 13)),  # before the period starts, still December 2025
    ],
)
def test_yearless_dates_take_the_year_nearest_the_statement_period(text, expected):
    assert parse_date(text, period=DECEMBER_TO_JANUARY) == expected


@pytest.mark.parametrize(
    "text",
    ["03/14/2026", "03/14/26", "14 Mar 2026", "14 March 2026", "Mar 14, 2026", "2026-03-14"],
)
def test_full_dates_in_the_usual_formats(text):
    assert parse_date(text) == date(2026, 3, 14)


def test_a_yearless_date_without_a_period_is_refused_clearly():
    with pytest.raises(ValueNotUnderstood, match="no year and no statement period"):
        parse_date("03/14")


def test_february_29_needs_a_leap_year_near_the_period():
    assert parse_date("02/29", period=Period(date(2028, 2, 1), date(2028, 2, 28))) == date(
        2028, 2, 29
    )


@pytest.mark.parametrize(
    ("text", "credit", "expected"),
    [
        ("1,234.56", False, Decimal("1234.56")),
        ("$12,130.52", False, Decimal("12130.52")),
        ("-45.00", False, Decimal("-45.00")),
        ("-$48,471.04", False, Decimal("-48471.04")),
        ("(45.00)", False, Decimal("-45.00")),
        ("55.10", True, Decimal("-55.10")),
    ],
)
def test_amounts(text, credit, expected):
    assert parse_amount(text, credit=credit) == expected


@pytest.mark.parametrize("text", ["ADOBE", "1,23.45", "12.3", "1.234,56", ""])
def test_what_is_not_an_amount_is_refused(text):
    with pytest.raises(ValueNotUnderstood, match="is not an amount"):
        parse_amount(text)
