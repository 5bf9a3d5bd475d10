"""The accountant's review of the matches: an append-only trail of what they changed."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from sessions_app.models.records import Transaction
from sessions_app.models.session import Session


class ReviewAction(models.TextChoices):
    CONFIRM = "confirm", "Confirmed a match"
    UNMATCH = "unmatch", "Removed a match"
    MATCH = "match", "Matched by hand"


class ReviewEvent(models.Model):
    """One step of the accountant's review, kept for good: who did what, when, and the match
    before and after (append-only: never changed or deleted but with its session)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="review_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=20, choices=ReviewAction.choices)
    transaction = models.ForeignKey(
        Transaction, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The match as it was and as it became: {"transaction": …, "receipt": …, "status": …} in
    # words, so the trail reads the same after the rows it names change.
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["session", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.get_action_display().lower()} at {self.at:%Y-%m-%d %H:%M}"
