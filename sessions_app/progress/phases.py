"""The phases of a reconciliation run and the states a phase or a file can be in."""

from django.db import models


class Phase(models.TextChoices):
    UPLOAD = "upload", "Upload"
    PROCESSING = "processing", "Processing"
    MATCHING = "matching", "Matching"
    REPORT_GENERATION = "report_generation", "Report generation"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


# The phases that carry a PhaseProgress entry, in the order a run goes through them.
WORK_PHASES: tuple[Phase, ...] = (
    Phase.UPLOAD,
    Phase.PROCESSING,
    Phase.MATCHING,
    Phase.REPORT_GENERATION,
)
# Phases after which nothing more happens to a run (until an operator retries it).
TERMINAL_PHASES: tuple[Phase, ...] = (Phase.COMPLETED, Phase.FAILED)
# Phases the worker runs; a session in one of these is being (or should be) worked on.
WORKER_PHASES: tuple[Phase, ...] = (Phase.PROCESSING, Phase.MATCHING, Phase.REPORT_GENERATION)


class PhaseStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"
