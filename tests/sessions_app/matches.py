"""A completed session with charges, a refund, receipts and proposed matches, for the review,
the results and the exports: small enough to read, with one of each case."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile

from sessions_app.models import (
    Employee,
    Match,
    MatchMethod,
    Receipt,
    ReportFile,
    Session,
    Transaction,
)
from tests.builders.runs import completed_session


def reviewable_session(clock, **kwargs) -> Session:
    """Charges: a clear Delta match, an Uber match 4 days apart (worth a look), an unmatched
    Starbucks with a same-amount receipt, an unmatched Shell with none; a 25.00 refund. Receipts:
    Delta, Uber, Starbucks, and a stray Hilton."""
    session = completed_session(clock, **kwargs)
    source = session.files.get()
    ann = Employee.objects.create(session=session, name="Ann Lee", card_last4="1234")
    bo = Employee.objects.create(session=session, name="Bo Chan", card_last4="9876")

    def charge(line, employee, day, description, amount):
        return Transaction.objects.create(
            session=session,
            employee=employee,
            source_file=source,
            page=1,
            line=line,
            transaction_date=date(2026, 3, day),
            description=description,
            amount=Decimal(amount),
        )

    def receipt(page, day, merchant, total):
        return Receipt.objects.create(
            session=session,
            source_file=source,
            page=page,
            merchant=merchant,
            receipt_date=date(2026, 3, day),
            total=Decimal(total),
        )

    delta = charge(0, ann, 10, "DELTA AIR 0062345678901 ATLANTA GA", "412.30")
    uber = charge(1, ann, 12, "UBER *TRIP HELP.UBER.COM", "23.10")
    charge(2, bo, 14, "STARBUCKS STORE 00123", "7.45")
    charge(3, bo, 15, "SHELL OIL 57442323", "61.00")
    charge(4, ann, 16, "DELTA AIR REFUND", "-25.00")
    delta_receipt = receipt(2, 10, "Delta Air Lines", "412.30")
    uber_receipt = receipt(3, 8, "Uber", "23.10")
    receipt(4, 14, "Starbucks", "7.45")
    receipt(5, 20, "Hilton", "189.00")
    for transaction, slip, score, days in (
        (delta, delta_receipt, 1.0, 0),
        (uber, uber_receipt, 1.0, 4),
    ):
        Match.objects.create(
            session=session,
            transaction=transaction,
            receipt=slip,
            method=MatchMethod.AMOUNT_DATE_MERCHANT,
            score=score,
            days_apart=days,
        )
    for kind, data in (("xlsx", b"PK\x03\x04 workbook"), ("csv", b"date,amount\n")):
        report = ReportFile(session=session, kind=kind, size_bytes=len(data))
        report.file.save(f"report.{kind}", ContentFile(data))
    return session
