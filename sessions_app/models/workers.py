"""Workers that are running now, as they report themselves."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from sessions_app.models.session import Session


class WorkerHeartbeatQuerySet(models.QuerySet["WorkerHeartbeat"]):
    def alive(self, now: datetime | None = None) -> "WorkerHeartbeatQuerySet":
        """Workers seen within RECON_WORKER_ALIVE_SECONDS of `now` (they beat every ~5 s)."""
        now = now or timezone.now()
        return self.filter(
            last_seen_at__gte=now - timedelta(seconds=settings.RECON_WORKER_ALIVE_SECONDS)
        )


class WorkerHeartbeat(models.Model):
    """A running worker says it is alive every few seconds (and which session it holds), so
    the pages can tell a stalled run whether any worker is there to take it over."""

    name = models.CharField(max_length=200, unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = WorkerHeartbeatQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name
