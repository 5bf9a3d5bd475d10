"""A session's figures per cardholder, read from the relational data (the snapshot is cleared
on completion). The results page and the report's summary sheet both count from here, so
"an unmatched charge" means the same thing on screen and in the workbook."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Min, Q, Sum

from sessions_app.models import CheckVerdict, FileKind, ReportFile, ReportKind, Session

ZERO = Decimal("0.00")


def unmatched_charge(prefix: str = "") -> Q:
    """A charge (a positive amount) with no receipt; credits and refunds need none. `prefix`
    reaches the transactions from another model, e.g. "transactions__"."""
    return Q(**{f"{prefix}amount__gt": 0, f"{prefix}match__isnull": True})


def figures(prefix: str = "") -> dict:
    """Aggregates of transactions, for `annotate` (through `prefix`) or `aggregate`."""
    pk = f"{prefix}pk" if prefix else "pk"
    amount = f"{prefix}amount"
    return {
        "transaction_count": Count(pk),
        "charge_count": Count(pk, filter=Q(**{f"{amount}__gt": 0})),
        "credit_count": Count(pk, filter=Q(**{f"{amount}__lt": 0})),
        "charges": Sum(amount, filter=Q(**{f"{amount}__gt": 0}), default=ZERO),
        "credits": Sum(amount, filter=Q(**{f"{amount}__lt": 0}), default=ZERO),
        "matched_count": Count(f"{prefix}match"),
        "matched_total": Sum(amount, filter=Q(**{f"{prefix}match__isnull": False}), default=ZERO),
        "unmatched_count": Count(pk, filter=unmatched_charge(prefix)),
        "total": Sum(amount, default=ZERO),
        "unmatched_total": Sum(amount, filter=unmatched_charge(prefix), default=ZERO),
    }


@dataclass(frozen=True)
class CardholderSummary:
    """One cardholder's figures. They add up: transactions = charges + credits + zero lines,
    charges = matched + unmatched (in count and amount), total = charges + credits."""

    name: str
    card_last4: str
    transactions: int
    charges: Decimal
    credits: Decimal
    matched: int
    unmatched: int
    total: Decimal
    unmatched_total: Decimal
    charge_count: int = 0
    credit_count: int = 0
    matched_total: Decimal = ZERO

    @property
    def zero_count(self) -> int:
        """Lines of 0.00 (a fee waived, an authorisation): neither a charge nor a credit."""
        return self.transactions - self.charge_count - self.credit_count


@dataclass(frozen=True)
class StatementCheck:
    """A statement file's totals check, as the pages and the report show it."""

    name: str
    verdict: str
    label: str
    message: str


@dataclass(frozen=True)
class Results:
    cardholders: list[CardholderSummary]
    receipts: int
    receipts_matched: int
    reports: list[ReportFile]
    checks: list[StatementCheck] = field(default_factory=list)

    @property
    def transactions(self) -> int:
        return sum(row.transactions for row in self.cardholders)

    @property
    def charge_count(self) -> int:
        return sum(row.charge_count for row in self.cardholders)

    @property
    def credit_count(self) -> int:
        return sum(row.credit_count for row in self.cardholders)

    @property
    def zero_count(self) -> int:
        return sum(row.zero_count for row in self.cardholders)

    @property
    def charges(self) -> Decimal:
        return sum((row.charges for row in self.cardholders), ZERO)

    @property
    def credits(self) -> Decimal:
        return sum((row.credits for row in self.cardholders), ZERO)

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.cardholders), ZERO)

    @property
    def matched_total(self) -> Decimal:
        return sum((row.matched_total for row in self.cardholders), ZERO)

    @property
    def credits_abs(self) -> Decimal:
        return -self.credits

    @property
    def matched(self) -> int:
        return sum(row.matched for row in self.cardholders)

    @property
    def unmatched(self) -> int:
        return sum(row.unmatched for row in self.cardholders)

    @property
    def unmatched_total(self) -> Decimal:
        return sum((row.unmatched_total for row in self.cardholders), ZERO)

    @property
    def receipts_unmatched(self) -> int:
        return self.receipts - self.receipts_matched


def cardholder_summaries(session: Session) -> list[CardholderSummary]:
    """One summary per cardholder by name, then one for rows whose cardholder is unknown."""
    summaries = [
        _summary(employee.name, employee.card_last4, vars(employee))
        for employee in session.employees.annotate(**figures("transactions__")).order_by(
            "name", "card_last4"
        )
    ]
    unassigned = session.transactions.filter(employee__isnull=True).aggregate(**figures())
    if unassigned["transaction_count"]:
        summaries.append(_summary("Cardholder not identified", "", unassigned))
    return summaries


def results(session: Session) -> Results:
    """Transactions, matches and unmatched items per cardholder, receipts, the statements'
    totals checks, and the reports."""
    receipts = session.receipts.aggregate(count=Count("pk"), matched=Count("match"))
    return Results(
        cardholders=cardholder_summaries(session),
        receipts=receipts["count"],
        receipts_matched=receipts["matched"],
        # The workbook first: it is the report; the CSV is for other tools.
        reports=sorted(session.reports.all(), key=lambda report: report.kind != ReportKind.XLSX),
        checks=statement_checks(session.files.all()),
    )


def statement_checks(files) -> list[StatementCheck]:
    """Each statement file's totals verdict (files not read yet, and receipts, have none)."""
    return [
        StatementCheck(
            name=file.original_name,
            verdict=file.check_verdict,
            label=CheckVerdict(file.check_verdict).label,
            message=file.check_message,
        )
        for file in files
        if file.kind == FileKind.STATEMENT and file.check_verdict
    ]


def _summary(name: str, last4: str, values: dict) -> CardholderSummary:
    return CardholderSummary(
        name=name,
        card_last4=last4,
        transactions=values["transaction_count"],
        charges=values["charges"],
        credits=values["credits"],
        matched=values["matched_count"],
        unmatched=values["unmatched_count"],
        total=values["total"],
        unmatched_total=values["unmatched_total"],
        charge_count=values["charge_count"],
        credit_count=values["credit_count"],
        matched_total=values["matched_total"],
    )


def statement_period(session: Session) -> tuple | None:
    """The first and last transaction dates of the session (its statements' period), or None."""
    span = session.transactions.aggregate(
        first=Min("transaction_date"), last=Max("transaction_date")
    )
    if span["first"] is None:
        return None
    return span["first"], span["last"]
