import uuid

from django.db import models
from django.utils import timezone

from sessions_app.models.session import Session


class ReportKind(models.TextChoices):
    XLSX = "xlsx", "Excel workbook"
    CSV = "csv", "CSV of transactions"


def report_path(instance: "ReportFile", filename: str) -> str:
    return f"sessions/{instance.session_id}/reports/{uuid.uuid4().hex}.{instance.kind}"


class ReportFile(models.Model):
    """A generated expense report, kept through the storage API and served only to its owner."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    file = models.FileField(upload_to=report_path, max_length=300)
    size_bytes = models.BigIntegerField(default=0)
    records_written = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["session", "kind"], name="report_one_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.session}"
