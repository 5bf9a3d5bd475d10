import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from sessions_app.progress.phases import WORK_PHASES, WORKER_PHASES, Phase
from sessions_app.progress.schema import ProcessingProgress
from sessions_app.progress.timings import RunTimings

# Phases in which a worker may hold, or pick up, the session.
_CLAIMABLE_PHASES = (Phase.UPLOAD, *WORKER_PHASES)


def stale_before(now: datetime | None = None) -> datetime:
    """The moment before which an active session's last update means its worker is gone."""
    now = now or timezone.now()
    return now - timedelta(seconds=settings.PROGRESS_STALE_AFTER_SECONDS)


class SessionQuerySet(models.QuerySet["Session"]):
    def visible_to(self, user) -> "SessionQuerySet":
        """Sessions the user may see: their own, or every session for staff."""
        return self if user.is_staff else self.filter(owner=user)

    def active(self) -> "SessionQuerySet":
        return self.filter(current_phase__in=WORK_PHASES)

    def queued(self) -> "SessionQuerySet":
        """Waiting for a worker: queued and not held by one."""
        return self.filter(
            current_phase__in=_CLAIMABLE_PHASES, queued_at__isnull=False, claimed_by__isnull=True
        )

    def stalled(self, now: datetime | None = None) -> "SessionQuerySet":
        """Active, not merely waiting in the queue, and silent for longer than the threshold."""
        return self.active().filter(
            Q(claimed_by__isnull=False) | Q(queued_at__isnull=True),
            progress_updated_at__lt=stale_before(now),
        )

    def claimable(self, now: datetime | None = None) -> "SessionQuerySet":
        """Sessions a worker may take: queued ones, and held ones whose worker went silent."""
        return self.filter(current_phase__in=_CLAIMABLE_PHASES).filter(
            Q(queued_at__isnull=False, claimed_by__isnull=True)
            | Q(claimed_by__isnull=False, progress_updated_at__lt=stale_before(now))
        )

    def timed(self) -> "SessionQuerySet":
        """Completed runs that kept their phase timings, the most recently finished first."""
        return self.filter(phase_timings__isnull=False, finished_at__isnull=False).order_by(
            "-finished_at"
        )

    def expired(self, now: datetime | None = None, *, days: int | None = None) -> "SessionQuerySet":
        """Sessions past the retention period (data-model.md: 90 days unless `days`)."""
        now = now or timezone.now()
        days = settings.RECON_RETENTION_DAYS if days is None else days
        return self.filter(created_at__lt=now - timedelta(days=days))


class Session(models.Model):
    """One reconciliation run: an accountant's statements and receipts for a period."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recon_sessions"
    )
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Progress (data-model.md): the snapshot, and two columns cached from it for filtering
    # and lists without parsing JSON. Only ProgressRepository writes these three.
    processing_progress = models.JSONField(null=True, blank=True, default=None)
    current_phase = models.CharField(  # noqa: DJ001 (NULL is data-model.md's "no phase yet")
        max_length=50, null=True, blank=True, default=None, choices=Phase.choices
    )
    overall_percentage = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        default=Decimal("0.00"),
        db_default=Decimal("0.00"),
    )
    # The snapshot's last_update, cached for the stalled filter and the claim query.
    progress_updated_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every progress write; writes are compare-and-swap on it.
    progress_version = models.PositiveIntegerField(default=0)

    # Work queue: set when the upload completes (or an operator requeues), cleared when the
    # run ends. `claimed_by` names the worker holding the session.
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Every claim of a run counts; after RECON_MAX_ATTEMPTS the session fails (a file that
    # kills its worker each time). `run_token` is the claim's own: a write must carry it.
    attempts = models.PositiveSmallIntegerField(default=0)
    run_token = models.CharField(max_length=64, blank=True, default="")
    # Where the last worker was when it last reported, for "the worker stopped 3 times while
    # reading page 41 of “amex-march.pdf”".
    last_position = models.CharField(max_length=300, blank=True, default="")
    # How long each phase of the run took (RunTimings), kept when the run completes and the
    # snapshot is cleared: later runs' progress pages expect their last phases from these.
    phase_timings = models.JSONField(null=True, blank=True, default=None)
    # The accountant asked to stop the run; the worker stops at the next page.
    cancel_requested_by = models.CharField(max_length=150, blank=True, default="")
    cancel_requested_at = models.DateTimeField(null=True, blank=True)

    # A completed run whose statements yielded no rows or disagree with their printed totals.
    needs_attention = models.BooleanField(default=False, db_index=True)
    attention_reason = models.TextField(blank=True, default="")

    # The accountant's review of the matches (the report says who reviewed it).
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        db_table = "sessions"
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["current_phase"],
                name="idx_sessions_current_phase",
                condition=Q(current_phase__isnull=False),
            ),
            models.Index(fields=["owner", "-created_at"], name="idx_sessions_owner_created"),
            # The progress page reads the last few timed runs on every render.
            models.Index(
                fields=["-finished_at"],
                name="idx_sessions_timed_finished",
                condition=Q(phase_timings__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(overall_percentage__gte=0) & Q(overall_percentage__lte=100),
                name="sessions_overall_percentage_0_100",
            ),
            models.CheckConstraint(
                condition=Q(current_phase__in=Phase.values),
                name="sessions_current_phase_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("session_detail", args=[self.pk])

    @property
    def progress(self) -> ProcessingProgress | None:
        """The progress snapshot, validated, or None once cleared (or before the first write)."""
        if self.processing_progress is None:
            return None
        return ProcessingProgress.model_validate(self.processing_progress)

    @property
    def timings(self) -> RunTimings | None:
        """The completed run's phase timings, validated, or None (not completed, or before
        timings were kept)."""
        if self.phase_timings is None:
            return None
        return RunTimings.model_validate(self.phase_timings)

    @property
    def is_active(self) -> bool:
        return self.current_phase in WORK_PHASES

    @property
    def is_queued(self) -> bool:
        return self.is_active and self.queued_at is not None and self.claimed_by is None

    def is_stalled(self, now: datetime | None = None) -> bool:
        """Active, not waiting in the queue, and silent for longer than the stale threshold."""
        if not self.is_active or self.is_queued or self.progress_updated_at is None:
            return False
        return self.progress_updated_at < stale_before(now)
