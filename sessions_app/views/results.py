"""The completed view's figures, read from the relational data (the snapshot is cleared then)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from sessions_app.models import ReportFile, ReportKind, Session


@dataclass(frozen=True)
class CardholderSummary:
    name: str
    card_last4: str
    transactions: int
    matched: int
    # Charges without a receipt; credits (refunds) need none.
    unmatched: int
    total: Decimal
    unmatched_total: Decimal


@dataclass(frozen=True)
class Results:
    cardholders: list[CardholderSummary]
    receipts: int
    receipts_matched: int
    reports: list[ReportFile]

    @property
    def transactions(self) -> int:
        return sum(row.transactions for row in self.cardholders)

    @property
    def matched(self) -> int:
        return sum(row.matched for row in self.cardholders)

    @property
    def unmatched(self) -> int:
        return sum(row.unmatched for row in self.cardholders)

    @property
    def unmatched_total(self) -> Decimal:
        return sum((row.unmatched_total for row in self.cardholders), Decimal(0))

    @property
    def receipts_unmatched(self) -> int:
        return self.receipts - self.receipts_matched


_UNMATCHED_CHARGE = Q(transactions__amount__gt=0, transactions__match__isnull=True)
_FIGURES = {
    "transaction_count": Count("transactions"),
    "matched_count": Count("transactions__match"),
    "unmatched_count": Count("transactions", filter=_UNMATCHED_CHARGE),
    "total": Sum("transactions__amount", default=Decimal(0)),
    "unmatched_total": Sum("transactions__amount", filter=_UNMATCHED_CHARGE, default=Decimal(0)),
}


def results(session: Session) -> Results:
    """Transactions, matches and unmatched items per cardholder, receipts, and the reports."""
    cardholders = [
        CardholderSummary(
            name=employee.name,
            card_last4=employee.card_last4,
            transactions=employee.transaction_count,
            matched=employee.matched_count,
            unmatched=employee.unmatched_count,
            total=employee.total,
            unmatched_total=employee.unmatched_total,
        )
        for employee in session.employees.annotate(**_FIGURES)
    ]
    unassigned = session.transactions.filter(employee__isnull=True).aggregate(
        transaction_count=Count("pk"),
        matched_count=Count("match"),
        unmatched_count=Count("pk", filter=Q(amount__gt=0, match__isnull=True)),
        total=Sum("amount", default=Decimal(0)),
        unmatched_total=Sum(
            "amount", filter=Q(amount__gt=0, match__isnull=True), default=Decimal(0)
        ),
    )
    if unassigned["transaction_count"]:
        cardholders.append(
            CardholderSummary(
                name="Cardholder not identified",
                card_last4="",
                transactions=unassigned["transaction_count"],
                matched=unassigned["matched_count"],
                unmatched=unassigned["unmatched_count"],
                total=unassigned["total"],
                unmatched_total=unassigned["unmatched_total"],
            )
        )
    receipts = session.receipts.aggregate(count=Count("pk"), matched=Count("match"))
    return Results(
        cardholders=cardholders,
        receipts=receipts["count"],
        receipts_matched=receipts["matched"],
        # The workbook first: it is the report; the CSV is for other tools.
        reports=sorted(session.reports.all(), key=lambda report: report.kind != ReportKind.XLSX),
    )
