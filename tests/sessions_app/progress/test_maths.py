from decimal import Decimal
from fractions import Fraction

import pytest
from django.test import override_settings

from sessions_app.progress import maths


def test_file_percentage():
    value = maths.file_percentage(current_page=5, total_pages=12)
    assert value == pytest.approx(41.667, abs=1e-3)
    assert maths.file_percentage(current_page=12, total_pages=12) == 100


def test_aggregate_worked_example_of_data_model_is_50_percent():
    # File 1: 100 pages done; file 2: page 25 of 50; file 3: 200 pages not started.
    value = maths.aggregate_percentage(
        files_completed=1, current_page=25, total_pages=50, total_files=3
    )

    assert value == 50


def test_aggregate_counts_each_file_equally_whatever_its_length():
    first_file_done = maths.aggregate_percentage(
        files_completed=1, current_page=0, total_pages=200, total_files=3
    )

    assert first_file_done == Fraction(100, 3)


def test_aggregate_reaches_exactly_100_on_the_last_page():
    value = maths.aggregate_percentage(
        files_completed=2, current_page=7, total_pages=7, total_files=3
    )

    assert value == 100
    assert maths.to_cached(value) == Decimal("100.00")


def test_overall_worked_example_of_data_model_is_40_percent():
    value = maths.overall_percentage(
        {"upload": 100, "processing": 50, "matching": 0, "report_generation": 0}
    )

    assert value == 40


def test_overall_counts_missing_phases_as_zero():
    assert maths.overall_percentage({"upload": 100}) == 10


def test_overall_uses_configured_weights():
    weights = {
        "upload": Decimal("0.05"),
        "processing": Decimal("0.8"),
        "matching": Decimal("0.1"),
        "report_generation": Decimal("0.05"),
    }
    with override_settings(PROGRESS_PHASE_WEIGHTS=weights):
        value = maths.overall_percentage({"upload": 100, "processing": 50})

    assert value == 45


def test_cached_value_rounds_down_to_the_cent_and_whole_value_agrees():
    value = Fraction(200, 3)  # 66.666...

    assert maths.to_cached(value) == Decimal("66.66")
    assert maths.to_whole(value) == 66
    assert maths.to_whole(maths.to_cached(value)) == 66


def test_cached_value_never_leaves_0_to_100():
    assert maths.to_cached(Fraction(101)) == Decimal("100.00")
    assert maths.to_cached(Fraction(-1)) == Decimal("0.00")
