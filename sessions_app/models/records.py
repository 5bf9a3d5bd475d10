"""What extraction and matching find: cardholders, transactions, receipts and matches."""

from django.db import models

from sessions_app.models.files import UploadedFile
from sessions_app.models.session import Session


class Employee(models.Model):
    """A cardholder found in a statement heading."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="employees")
    name = models.CharField(max_length=200)
    card_last4 = models.CharField(max_length=4)

    class Meta:
        ordering = ["name", "card_last4"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "name", "card_last4"], name="employee_unique_card"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (…{self.card_last4})"


class Transaction(models.Model):
    """One statement line: a charge, or a credit (negative amount)."""

    # The database checks a row's file (which belongs to the session, and cannot be deleted
    # while rows point to it); the session and the cardholder are the file's and the
    # session's, written with it by one writer. Checking all three cost more than inserting
    # the row: PostgreSQL runs a check per row and key (processing.writer, bench/processing.py).
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="transactions", db_constraint=False
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="transactions",
        null=True,
        blank=True,
        db_constraint=False,
    )
    # Indexed by txn_file_page, which starts with it: a second index would only slow inserts.
    source_file = models.ForeignKey(
        UploadedFile, on_delete=models.CASCADE, related_name="transactions", db_index=False
    )
    page = models.PositiveIntegerField()
    # Order of the line on its page, so reports list transactions as the statement does.
    line = models.PositiveIntegerField(default=0)
    transaction_date = models.DateField()
    posting_date = models.DateField(null=True, blank=True)
    description = models.TextField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    # A charge in another currency, as the statement prints it beside the billed amount.
    original_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    original_currency = models.CharField(max_length=3, blank=True, default="", db_default="")
    # Why the row reads as it does (sign, amount column, date order, year), in words.
    evidence = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["source_file__position", "page", "line"]
        indexes = [models.Index(fields=["source_file", "page", "line"], name="txn_file_page")]

    def __str__(self) -> str:
        return f"{self.transaction_date} {self.description} {self.amount}"


class Receipt(models.Model):
    """One receipt found on a receipt page."""

    # Checked by the database through its file, as a transaction's.
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="receipts", db_constraint=False
    )
    # Indexed by receipt_file_page, which starts with it.
    source_file = models.ForeignKey(
        UploadedFile, on_delete=models.CASCADE, related_name="receipts", db_index=False
    )
    page = models.PositiveIntegerField()
    merchant = models.CharField(max_length=300, blank=True)
    receipt_date = models.DateField(null=True, blank=True)
    total = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["source_file__position", "page"]
        indexes = [models.Index(fields=["source_file", "page"], name="receipt_file_page")]

    def __str__(self) -> str:
        return f"{self.receipt_date} {self.merchant} {self.total}"


class MatchMethod(models.TextChoices):
    # The rule processing.matching applies, or the accountant's own pairing.
    AMOUNT_DATE_MERCHANT = "amount_date_merchant", "Amount, date and merchant"
    MANUAL = "manual", "Matched by hand"


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed by Recon"
    CONFIRMED = "confirmed", "Confirmed"


class Match(models.Model):
    """A transaction paired with its receipt; each side is in at most one match."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="matches")
    transaction = models.OneToOneField(Transaction, on_delete=models.CASCADE, related_name="match")
    receipt = models.OneToOneField(Receipt, on_delete=models.CASCADE, related_name="match")
    method = models.CharField(max_length=30, choices=MatchMethod.choices)
    # Merchant-name similarity (0-1) and how many days the receipt precedes the charge.
    score = models.FloatField()
    days_apart = models.IntegerField()
    status = models.CharField(
        max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )

    class Meta:
        verbose_name_plural = "matches"

    def __str__(self) -> str:
        return f"{self.transaction} ↔ {self.receipt}"
