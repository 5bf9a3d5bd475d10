import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


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


def validate_pattern(*, kind: str, regex: str) -> re.Pattern[str]:
    """Compile `regex` and check its named groups for `kind`; raise ValidationError if unusable."""
    try:
        compiled = re.compile(regex)
    except re.error as exc:
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
