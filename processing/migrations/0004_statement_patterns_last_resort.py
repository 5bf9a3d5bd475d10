"""The statement reader needs no patterns: the shipped statement patterns stay, disabled, as
examples for an administrator's last resort. Receipt patterns stay in force."""

from django.db import migrations

STATEMENT_PATTERNS = [
    "Northwind statement period",
    "Contoso billing period",
    "Cardholder, card ending",
    "Cardholder, account number",
    "Transaction with posting date",
    "Transaction with reference",
]


def disable(apps, schema_editor):
    ExtractionPattern = apps.get_model("processing", "ExtractionPattern")
    ExtractionPattern.objects.filter(name__in=STATEMENT_PATTERNS).update(enabled=False)


def enable(apps, schema_editor):
    ExtractionPattern = apps.get_model("processing", "ExtractionPattern")
    ExtractionPattern.objects.filter(name__in=STATEMENT_PATTERNS).update(enabled=True)


class Migration(migrations.Migration):
    dependencies = [("processing", "0003_statement_profiles")]
    operations = [migrations.RunPython(disable, enable)]
