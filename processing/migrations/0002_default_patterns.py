"""The extraction patterns Recon ships with, for the statement and receipt layouts it knows.

Administrators edit or add patterns in the admin; this migration only seeds the defaults.
"""

from django.db import migrations

DEFAULT_PATTERNS = [
    {
        "name": "Northwind statement period",
        "kind": "statement_period",
        "priority": 10,
        "regex": r"Statement period (?P<start>\d{2}/\d{2}/\d{4}) - (?P<end>\d{2}/\d{2}/\d{4})",
        "description": "The statement period, to give yearless dates (12/28) their year.",
    },
    {
        "name": "Contoso billing period",
        "kind": "statement_period",
        "priority": 20,
        "regex": r"Billing period: (?P<start>\d{1,2} [A-Z][a-z]{2} \d{4}) to (?P<end>\d{1,2} [A-Z][a-z]{2} \d{4})",
        "description": "The statement period, to give yearless dates (12/28) their year.",
    },
    {
        "name": "Cardholder, card ending",
        "kind": "cardholder",
        "priority": 10,
        "regex": r"^(?P<name>[A-Z][A-Z.'\- ]*?[A-Z.])(?: \(continued\))? Card ending in (?P<last4>\d{4})$",
        "description": "A cardholder heading; the transactions below it are theirs until the next heading. “(continued)” on a new page is the same cardholder.",
    },
    {
        "name": "Cardholder, account number",
        "kind": "cardholder",
        "priority": 20,
        "regex": r"^Cardholder: (?P<name>[A-Z][A-Z.'\- ]*?[A-Z.])(?: \(continued\))? Account no\. [X\d]{4}-[X\d]{4}-[X\d]{4}-(?P<last4>\d{4})$",
        "description": "A cardholder heading; the transactions below it are theirs until the next heading. “(continued)” on a new page is the same cardholder.",
    },
    {
        "name": "Transaction with posting date",
        "kind": "transaction",
        "priority": 10,
        "regex": r"^(?P<date>\d{2}/\d{2}) (?P<post_date>\d{2}/\d{2}) (?P<description>.+?) (?P<amount>-?\$?\d{1,3}(?:,\d{3})*\.\d{2})$",
        "description": "A transaction row. Credits are negative: a leading minus or a CR suffix (the optional credit group).",
    },
    {
        "name": "Transaction with reference",
        "kind": "transaction",
        "priority": 20,
        "regex": r"^(?P<date>\d{1,2} [A-Z][a-z]{2} \d{4}) (?P<description>.+?) (?P<reference>\d{12,}) (?P<amount>\d{1,3}(?:,\d{3})*\.\d{2})(?P<credit> CR)?$",
        "description": "A transaction row. Credits are negative: a leading minus or a CR suffix (the optional credit group).",
    },
    {
        "name": "Till receipt total",
        "kind": "receipt_total",
        "priority": 10,
        "regex": r"^TOTAL \$?(?P<total>\d{1,3}(?:,\d{3})*\.\d{2})$",
        "description": "The amount paid on a receipt (not the subtotal).",
    },
    {
        "name": "Folio balance due",
        "kind": "receipt_total",
        "priority": 20,
        "regex": r"^Balance due \$?(?P<total>\d{1,3}(?:,\d{3})*\.\d{2})$",
        "description": "The amount paid on a receipt (not the subtotal).",
    },
    {
        "name": "Invoice amount due",
        "kind": "receipt_total",
        "priority": 30,
        "regex": r"Amount due:? (?:USD )?\$?(?P<total>\d{1,3}(?:,\d{3})*\.\d{2})",
        "description": "The amount paid on a receipt (not the subtotal).",
    },
    {
        "name": "Till receipt date",
        "kind": "receipt_date",
        "priority": 10,
        "regex": r"^Date: (?P<date>\d{2}/\d{2}/\d{4})",
        "description": "The date of the receipt.",
    },
    {
        "name": "Folio departure date",
        "kind": "receipt_date",
        "priority": 20,
        "regex": r"(?:Departure|Return): (?P<date>\d{2}/\d{2}/\d{2})",
        "description": "The date of the receipt.",
    },
    {
        "name": "Invoice date",
        "kind": "receipt_date",
        "priority": 30,
        "regex": r"Invoice date: (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})",
        "description": "The date of the receipt.",
    },
    {
        "name": "Ride receipt total",
        "kind": "receipt_total",
        "priority": 40,
        "regex": r"^Trip total \$?(?P<total>\d{1,3}(?:,\d{3})*\.\d{2})$",
        "description": "The amount paid on a receipt (not the subtotal).",
    },
    {
        "name": "Ride receipt date",
        "kind": "receipt_date",
        "priority": 40,
        "regex": r"^(?P<date>[A-Z][a-z]{2} \d{1,2}, \d{4}) \d{1,2}:\d{2} [AP]M$",
        "description": "The date of the receipt.",
    },
    {
        "name": "Invoice merchant",
        "kind": "receipt_merchant",
        "priority": 10,
        "regex": r"^(?P<merchant>.+?) INVOICE$",
        "description": "Who issued the receipt.",
    },
    {
        "name": "Folio merchant",
        "kind": "receipt_merchant",
        "priority": 20,
        "regex": r"^(?P<merchant>.+?) (?:Guest Folio|Rental Record)$",
        "description": "Who issued the receipt.",
    },
    {
        "name": "First line merchant",
        "kind": "receipt_merchant",
        "priority": 30,
        "regex": r"^(?P<merchant>[A-Za-z0-9][^:]*)$",
        "description": "Who issued the receipt.",
    },
]


def add_default_patterns(apps, schema_editor):
    ExtractionPattern = apps.get_model("processing", "ExtractionPattern")
    for pattern in DEFAULT_PATTERNS:
        ExtractionPattern.objects.update_or_create(name=pattern["name"], defaults=pattern)


def remove_default_patterns(apps, schema_editor):
    ExtractionPattern = apps.get_model("processing", "ExtractionPattern")
    ExtractionPattern.objects.filter(name__in=[p["name"] for p in DEFAULT_PATTERNS]).delete()


class Migration(migrations.Migration):
    dependencies = [("processing", "0001_initial")]

    operations = [migrations.RunPython(add_default_patterns, remove_default_patterns)]
