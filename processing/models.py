import regex as regex_engine
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from processing.regex_safety import SLOW_PATTERN_HELP, nested_repetition, too_slow


class PatternKind(models.TextChoices):
    STATEMENT_PERIOD = "statement_period", "Statement period"
    CARDHOLDER = "cardholder", "Cardholder heading"
    TRANSACTION = "transaction", "Transaction line"
    RECEIPT_MERCHANT = "receipt_merchant", "Receipt merchant"
    RECEIPT_DATE = "receipt_date", "Receipt date"
    RECEIPT_TOTAL = "receipt_total", "Receipt total"


# Named groups each kind must define, and groups it may define; extraction reads these.
REQUIRED_GROUPS: dict[str, frozenset[str]] = {
    PatternKind.STATEMENT_PERIOD: frozenset({"start", "end"}),
    PatternKind.CARDHOLDER: frozenset({"name", "last4"}),
    PatternKind.TRANSACTION: frozenset({"date", "description", "amount"}),
    PatternKind.RECEIPT_MERCHANT: frozenset({"merchant"}),
    PatternKind.RECEIPT_DATE: frozenset({"date"}),
    PatternKind.RECEIPT_TOTAL: frozenset({"total"}),
}
OPTIONAL_GROUPS: dict[str, frozenset[str]] = {
    PatternKind.TRANSACTION: frozenset({"post_date", "credit", "reference"}),
}


def validate_pattern(*, kind: str, regex: str) -> regex_engine.Pattern[str]:
    """Compile `regex` and check its named groups for `kind`, and that it cannot take
    exponential time; raise ValidationError if unusable."""
    try:
        compiled = regex_engine.compile(regex)
    except regex_engine.error as exc:
        raise ValidationError(
            {"regex": f"This is not a valid regular expression: {exc}"}, code="invalid"
        ) from exc
    groups = set(compiled.groupindex)
    missing = REQUIRED_GROUPS.get(kind, frozenset()) - groups
    if missing:
        names = ", ".join(f"(?P<{name}>…)" for name in sorted(missing))
        label = PatternKind(kind).label.lower()
        raise ValidationError(
            {"regex": f"A {label} pattern needs the named groups {names}."},
            code="missing_groups",
        )
    if compiled.match(""):
        raise ValidationError(
            {"regex": "This pattern matches an empty line, so it would match everything."},
            code="matches_empty",
        )
    if fragment := nested_repetition(regex):
        raise ValidationError(
            {"regex": f"The repetition inside a repetition “{fragment}” can take exponential "
             f"time on a line it does not match. {SLOW_PATTERN_HELP}"},
            code="nested_repetition",
        )  # fmt: skip
    if too_slow(compiled):
        raise ValidationError(
            {"regex": f"This pattern takes too long on ordinary lines. {SLOW_PATTERN_HELP}"},
            code="too_slow",
        )
    return compiled


class ExtractionPattern(models.Model):
    """A regular expression that recognises one kind of line in statements or receipts."""

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=PatternKind.choices)
    regex = models.TextField(
        help_text="Python regular expression, matched against each rebuilt line of a page."
    )
    priority = models.PositiveSmallIntegerField(
        default=100, help_text="Lower runs first; the first pattern that matches a line wins."
    )
    enabled = models.BooleanField(default=True)
    description = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "priority", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        validate_pattern(kind=self.kind, regex=self.regex)


class DateOrder(models.TextChoices):
    DETECT = "", "Detect"
    DAY_FIRST = "DMY", "Day first (31/01)"
    MONTH_FIRST = "MDY", "Month first (01/31)"
    YEAR_FIRST = "YMD", "Year first (2026-01-31)"


class DecimalStyle(models.TextChoices):
    DETECT = "", "Detect"
    POINT = "point", "1,234.56"
    COMMA = "comma", "1.234,56"
    WHOLE = "whole", "12,800 (a currency without minor units)"


class StatementProfile(models.Model):
    """What the statement reader cannot decide for one bank, settled by an admin. A profile
    applies to a statement whose first page contains every one of its `match_words`."""

    name = models.CharField(max_length=100, unique=True)
    match_words = models.CharField(
        max_length=300,
        help_text="Words on the first page that identify the bank's statements, e.g. the "
        "bank's name; every one must appear (comma-separated).",
    )
    date_order = models.CharField(max_length=3, choices=DateOrder.choices, blank=True)
    decimal_style = models.CharField(max_length=10, choices=DecimalStyle.choices, blank=True)
    amount_column = models.CharField(
        max_length=50, blank=True, help_text="Header word of the amount column, if not detected."
    )
    debit_column = models.CharField(max_length=50, blank=True)
    credit_column = models.CharField(max_length=50, blank=True)
    credit_markers = models.CharField(
        max_length=200, blank=True, help_text="Extra words marking a credit (comma-separated)."
    )
    skip_lines = models.TextField(
        blank=True, help_text="Lines containing any of these are never rows (one per line)."
    )
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
