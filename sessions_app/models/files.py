import uuid

from django.db import models

from sessions_app.models.session import Session


class FileKind(models.TextChoices):
    STATEMENT = "statement", "Card statement"
    RECEIPT = "receipt", "Receipt"


class FileState(models.TextChoices):
    PENDING = "pending", "Waiting"
    PROCESSING = "processing", "Reading"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


def upload_path(instance: "UploadedFile", filename: str) -> str:
    # Never the uploader's file name on disk: it is untrusted and may collide.
    return f"sessions/{instance.session_id}/uploads/{uuid.uuid4().hex}.pdf"


class CheckVerdict(models.TextChoices):
    """A statement's rows compared with the totals or running balance it prints."""

    AGREES = "agrees", "Agrees with the statement's totals"
    DISAGREES = "disagrees", "Does not agree with the statement's totals"
    PARTLY = "partly", "Partly checked: some rows are under no printed total"
    UNCHECKED = "unchecked", "Not checked"


class UploadedFile(models.Model):
    """One PDF of a session, kept through the storage API, with its own processing state."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=20, choices=FileKind.choices)
    # Processing order within the session: statements first, then receipts, each as uploaded.
    position = models.PositiveIntegerField()
    original_name = models.CharField(max_length=255)
    file = models.FileField(upload_to=upload_path, max_length=300)
    size_bytes = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)

    state = models.CharField(max_length=20, choices=FileState.choices, default=FileState.PENDING)
    regex_matches_found = models.PositiveIntegerField(default=0)
    pages_without_text = models.PositiveIntegerField(default=0)
    # What the accountant should know about this file though it did not stop the run
    # (scanned pages, receipts without a total); kept after the snapshot is cleared.
    warnings = models.JSONField(default=list, blank=True)
    error_message = models.TextField(blank=True)
    # Statements only, once read: the totals check's verdict and its words ("does not agree:
    # 3,200.00 of charges not found"); blank for receipts and files not read yet.
    check_verdict = models.CharField(max_length=20, choices=CheckVerdict.choices, blank=True)
    check_message = models.TextField(blank=True)
    # How the statement was read (date order, decimal style, profile used), for the admin.
    reading_notes = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="uploadedfile_position")
        ]

    def __str__(self) -> str:
        return self.original_name
