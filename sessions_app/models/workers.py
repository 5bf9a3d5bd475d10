"""Workers that are running now, as they report themselves."""

from django.db import models
from django.utils import timezone

from sessions_app.models.session import Session


class WorkerHeartbeat(models.Model):
    """A running worker says it is alive every few seconds (and which session it holds), so
    the pages can tell a stalled run whether any worker is there to take it over."""

    name = models.CharField(max_length=200, unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return self.name
