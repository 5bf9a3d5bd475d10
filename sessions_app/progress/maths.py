"""The progress formulas of data-model.md ("Calculation Formulas"), computed exactly.

Fractions keep the arithmetic exact, so the last page really is 100 % (never 99.99) and the
cached two-decimal column and the snapshot's whole percentage always agree: the snapshot's
value is the cached value rounded down.
"""

from collections.abc import Mapping
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from django.conf import settings

from sessions_app.progress.phases import WORK_PHASES

CENT = Decimal("0.01")


def file_percentage(*, current_page: int, total_pages: int) -> Fraction:
    """Percentage of one file read: (current_page / total_pages) * 100."""
    if total_pages <= 0:
        raise ValueError("total_pages must be positive")
    return Fraction(current_page, total_pages) * 100


def aggregate_percentage(
    *, files_completed: int, current_page: int, total_pages: int, total_files: int
) -> Fraction:
    """Percentage of all files read, counting the current file by its pages.

    PRODUCT.md erratum: data-model.md's code block divides by total_files twice; its worked
    example (file 1 done, file 2 at 25/50, 3 files -> 50 %) is the intended behaviour:
    (files_completed + current_page / total_pages) / total_files * 100.
    """
    if total_files <= 0:
        raise ValueError("total_files must be positive")
    current = Fraction(current_page, total_pages) if total_pages > 0 else Fraction(0)
    return (files_completed + current) / total_files * 100


def phase_weights() -> dict[str, Fraction]:
    """The configured phase weights (settings.PROGRESS_PHASE_WEIGHTS) as exact fractions."""
    return {phase: Fraction(weight) for phase, weight in settings.PROGRESS_PHASE_WEIGHTS.items()}


def overall_percentage(
    phase_percentages: Mapping[str, Fraction | int],
    *,
    weights: Mapping[str, Fraction] | None = None,
) -> Fraction:
    """Weighted sum of phase percentages; phases not yet present count as 0."""
    weights = phase_weights() if weights is None else weights
    return sum(
        (weights[phase] * Fraction(phase_percentages.get(phase, 0)) for phase in WORK_PHASES),
        Fraction(0),
    )


def to_cached(value: Fraction) -> Decimal:
    """The value for the DECIMAL(5,2) column: rounded down to the cent, within 0-100."""
    clamped = min(max(value, Fraction(0)), Fraction(100))
    cents = clamped.numerator * 100 // clamped.denominator
    return (Decimal(cents) / 100).quantize(CENT)


def to_whole(value: Fraction | Decimal) -> int:
    """The whole percentage shown in snapshots and bars: rounded down, within 0-100."""
    if isinstance(value, Decimal):
        return int(value.to_integral_value(rounding=ROUND_FLOOR))
    return max(0, min(100, value.numerator // value.denominator))
